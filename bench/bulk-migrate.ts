// Bulk migrate throughput and peak memory: one bulk job over N of our campaigns against an in-process sandbox.
//   npx tsx bench/bulk-migrate.ts                    2,000 items, sandbox rate limits off (engine + database cost)
//   npx tsx bench/bulk-migrate.ts --count 500
//   npx tsx bench/bulk-migrate.ts --rate-limited --count 100
//        sandbox rate limits on and the client's limiter at the registry's budget (GET 20/s, writes 20 per 10 s):
//        prints elapsed time next to the rate-limit floor (write calls ÷ allowed write rate)
// (in-process PGlite; TEST_DATABASE_URL for PostgreSQL)
import { performance } from "node:perf_hooks";
import { createBulkJob, runBulkJob } from "@/lib/migrations/bulk";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { createTcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter, TCR_DEFAULT_BUDGETS } from "@/lib/tcr/limiter";
import { createSandbox } from "@/sandbox/server";
import { createTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

// The bench builds its own database; these only satisfy lib/env.ts for the code under test.
process.env.LOG_LEVEL ??= "silent";
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const rateLimited = process.argv.includes("--rate-limited");
const COUNT = Number(arg("--count") ?? 2000);
const MB = 1024 * 1024;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 25);

const t = await createTestDb();
const sandbox = await createSandbox({ port: 0, apiKey: "bench", apiSecret: "s", ...(rateLimited ? {} : { rateLimits: false as const }), startAt: Date.now() });
const calls = { read: 0, write: 0 };
const counting: typeof fetch = async (input, init) => {
  if ((init?.method ?? "GET") === "GET") calls.read++;
  else calls.write++;
  return fetch(input, init);
};
const client = createTcrClient({
  baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: "bench" }, fetch: counting,
  ...(rateLimited ? { limiter: new InMemoryRateLimiter() } : {}),
});
const { org, owner } = await makeOrg(t.db);
console.log(`database: ${t.kind}; sandbox rate limits ${rateLimited ? "on" : "off"}; ${COUNT} campaigns`);

await client.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: false });
const { brandId } = sandbox.control.seedSharedCampaigns({ count: COUNT, upstreamCnpId: "SDCA001", brandName: "Bench Brand" });
let t0 = performance.now();
await reconcileOrg(t.db, client, org.id);
const mirrored = await t.db.campaign.count({ where: { orgId: org.id, brandId, sharingStatus: "ACCEPTED" } });
console.log(`mirror import (reconcileOrg): ${((performance.now() - t0) / 1000).toFixed(1)} s, ${mirrored} campaigns mirrored`);
if (mirrored !== COUNT) throw new Error(`expected ${COUNT} mirrored campaigns, got ${mirrored}`);

calls.read = 0;
calls.write = 0;
peakRss = process.memoryUsage().rss;
const rssBefore = peakRss;
t0 = performance.now();
const { jobId, total } = await createBulkJob(t.db, { orgId: org.id, actor: { id: owner.id, email: owner.email } }, {
  params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId } }, confirmCount: COUNT,
});
const created = performance.now() - t0;
const run0 = performance.now();
const done = await runBulkJob(t.db, client, jobId, { retryDelayMs: 200 });
const runMs = performance.now() - run0;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const writeRate = TCR_DEFAULT_BUDGETS.write.points / (TCR_DEFAULT_BUDGETS.write.durationMs / 1000);
console.log(`job: ${total} items, created in ${(created / 1000).toFixed(2)} s; ${done.status} succeeded=${done.succeeded} skipped=${done.skipped} failed=${done.failed}`);
console.log(`run: ${(runMs / 1000).toFixed(1)} s, ${(total / (runMs / 1000)).toFixed(1)} items/s; registry calls: ${calls.write} writes, ${calls.read} reads`);
if (rateLimited) console.log(`rate-limit floor: ${calls.write} writes ÷ ${writeRate}/s = ${(calls.write / writeRate).toFixed(1)} s (elapsed ${(runMs / 1000).toFixed(1)} s)`);
console.log(`peak RSS: ${(peakRss / MB).toFixed(0)} MB (${(rssBefore / MB).toFixed(0)} MB before the job)`);
const migrations = await t.db.cnpMigration.count({ where: { orgId: org.id, direction: "OUTGOING", targetCnpId: "SCNP002" } });
if (done.succeeded !== COUNT || migrations !== COUNT) throw new Error(`expected ${COUNT} migrations, got ${done.succeeded} succeeded / ${migrations} mirrored`);

console.log(JSON.stringify({
  bench: rateLimited ? "bulk-migrate-rate-limited" : "bulk-migrate", db: t.kind, items: total, seconds: +(runMs / 1000).toFixed(1),
  ...(rateLimited ? { floor_s: +(calls.write / writeRate).toFixed(1), ratio: +(runMs / 1000 / (calls.write / writeRate)).toFixed(2) } : {}),
  rss_growth_mb: Math.round((peakRss - rssBefore) / MB),
}));

await sandbox.close();
await t.close();
