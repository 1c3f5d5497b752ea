// The short crash-and-fault run of `npm test` (test/chaos/harness.ts; the long one is bench/chaos.ts). Real
// processes on a PostgreSQL cluster of its own: needs PostgreSQL's server binaries, so it runs where they are.
import { describe, expect, it } from "vitest";
import { postgresBinDir, runChaos } from "./harness";

// Its own stage of `npm test` (scripts/test-all.mjs) and `npm run test:chaos`, both with CHAOS=1; skipped in the plain
// vitest stages, which must not start processes and a database server of their own. About 2 minutes: a killed worker's
// slice is taken over once its bulk-job lease runs out (lib/jobs/lease.ts, 30 s), a killed creator's billable claim
// once it is stale (20 s in the creator).
describe.skipIf(!postgresBinDir() || process.env.CHAOS !== "1")("crash and fault run", () => {
  it("loses nothing and charges nothing twice through kill -9, registry faults and a PostgreSQL restart", async () => {
    const f = await runChaos({ campaigns: 60, brands: 12, vets: 4, workerKills: 3, creatorKills: 2, pgRestart: true, seed: 20261207, timeoutMs: 300_000 });
    console.log(`[chaos] ${JSON.stringify(f)}`);
    expect(f.workerKills).toBeGreaterThanOrEqual(3);
    expect(f.pgRestarts).toBe(1);
    // The disturbances must strike while work is outstanding, or the run proves nothing.
    expect(f.inFlight).toBeGreaterThanOrEqual(f.workerKills + f.creatorKills);
    expect(f.faultsFired).toBeGreaterThan(0);
    expect({ duplicates: f.duplicates, lost: f.lost, stuck: f.stuck, counterMismatch: f.counterMismatch, auditMismatch: f.auditMismatch, jobStatus: f.jobStatus })
      .toEqual({ duplicates: 0, lost: 0, stuck: 0, counterMismatch: 0, auditMismatch: 0, jobStatus: "COMPLETED" });
    expect(f.succeeded + f.skipped + f.failed).toBe(f.campaigns);
  }, 360_000);
});
