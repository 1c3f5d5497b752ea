// The long crash-and-fault run (issue 16): real worker, creator and sandbox processes on a PostgreSQL cluster of the
// run's own, kill -9 at random points, registry faults, one PostgreSQL restart (test/chaos/harness.ts).
//   npx tsx bench/chaos.ts                       300 campaigns, 40 brands + 10 vets, 5 worker kills, 3 creator kills
//   npx tsx bench/chaos.ts --campaigns 1000 --brands 80 --vets 20 --seed 7
// Prints the figures, then one JSON line; exits 1 when anything was lost, stuck or paid twice.
import { runChaos } from "@/test/chaos/harness";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? def : Number(process.argv[i + 1]);
};
const f = await runChaos({
  campaigns: arg("--campaigns", 300), brands: arg("--brands", 40), vets: arg("--vets", 10),
  workerKills: arg("--worker-kills", 5), creatorKills: arg("--creator-kills", 3), pgRestart: true,
  seed: arg("--seed", Date.now() % 1_000_000), timeoutMs: arg("--timeout-s", 900) * 1000,
});
console.log(`operations: ${f.campaigns} bulk items, ${f.billableOps} billable creates (${f.brands} brands, ${f.vets} vets)`);
console.log(`disturbances: ${f.workerKills} worker kills, ${f.creatorKills} creator kills, ${f.faultsInjected} fault rules (${f.faultsFired} fired), ${f.pgRestarts} PostgreSQL restart; ${f.inFlight} struck while work was outstanding`);
console.log(`outcome: job ${f.jobStatus} (${f.succeeded} succeeded, ${f.skipped} skipped, ${f.failed} failed); duplicates ${f.duplicates}, lost ${f.lost}, stuck ${f.stuck}, counter mismatches ${f.counterMismatch}, audit mismatches ${f.auditMismatch}; ${f.elapsedS} s`);
console.log(JSON.stringify({ bench: "chaos", ...f }));
process.exit(f.duplicates + f.lost + f.stuck + f.counterMismatch + f.auditMismatch === 0 && f.jobStatus === "COMPLETED" ? 0 : 1);
