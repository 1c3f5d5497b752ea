// Bulk migrate throughput and peak memory: one bulk job over N of our campaigns against an in-process sandbox.
//   npx tsx bench/bulk-migrate.ts                    2,000 items, sandbox rate limits off (engine + database cost)
//   npx tsx bench/bulk-migrate.ts --count 500
//   npx tsx bench/bulk-migrate.ts --rate-limited --count 100
//        sandbox rate limits on and the client's limiter at the registry's budget (GET 20/s, writes 20 per 10 s):
//        prints elapsed time next to the rate-limit floor (write calls ÷ allowed write rate)
//   npx tsx bench/bulk-migrate.ts --rate-limited --count 1000 --workers 2
//        the production limiter (lib/registry/limiter.ts, shared through the database) and N workers, each with
//        its own database client, limiter and registry client and its own bulk job over count ÷ N campaigns, as
//        N worker processes would run them. Counts the registry's 429 answers and the most writes that arrived
//        in any window of the budget's length, which must never exceed the budget.
// (in-process PGlite; TEST_DATABASE_URL for PostgreSQL; --postgres: TEST_DATABASE_URL or else the local server, and
// a "skipped" figure when neither answers)
import { performance } from "node:perf_hooks";
import { createBulkJob, runBulkJob } from "@/lib/migrations/bulk";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { createTcrClient } from "@/lib/tcr/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { DbRateLimiter } from "@/lib/registry/limiter";
import { InMemoryRateLimiter, TCR_DEFAULT_BUDGETS } from "@/lib/tcr/limiter";
import { createSandbox } from "@/sandbox/server";
import { createTestDb } from "@/test/db";
import { preferLocalPostgres } from "./local-postgres";
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
const WORKERS = Number(arg("--workers") ?? 1);
if (!Number.isInteger(WORKERS) || WORKERS < 1 || COUNT % WORKERS !== 0) throw new Error("--workers must divide --count");
const MB = 1024 * 1024;
if (process.argv.includes("--postgres")) {
  await preferLocalPostgres();
  if (!process.env.TEST_DATABASE_URL) {
    console.log("left out: no PostgreSQL server answers (set TEST_DATABASE_URL)");
    console.log(JSON.stringify({ bench: rateLimited ? "bulk-migrate-rate-limited" : "bulk-migrate", db: "postgresql", skipped: "no PostgreSQL server" }));
    process.exit(0);
  }
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 25);

const t = await createTestDb();
const sandbox = await createSandbox({ port: 0, apiKey: "bench", apiSecret: "s", ...(rateLimited ? {} : { rateLimits: false as const }), startAt: Date.now() });
const calls = { read: 0, write: 0, tooMany: 0 };
const writeTimes: number[] = [];
const counting: typeof fetch = async (input, init) => {
  if ((init?.method ?? "GET") === "GET") calls.read++;
  else {
    calls.write++;
    writeTimes.push(performance.now());
  }
  const res = await fetch(input, init);
  if (res.status === 429) calls.tooMany++;
  return res;
};
const { org, owner } = await makeOrg(t.db);
const credentialId = `bench-${org.id}`;
// One database client per worker, as separate processes have; on PGlite they share the one in-process database.
const workerDbs = Array.from({ length: WORKERS }, (_, i) =>
  i === 0 ? t.db : t.url ? new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url }) }) : t.db);
const clients = workerDbs.map((db) => createTcrClient({
  baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: "bench" }, fetch: counting,
  ...(rateLimited ? { limiter: WORKERS > 1 || arg("--limiter") === "db" ? new DbRateLimiter(db, credentialId) : new InMemoryRateLimiter() } : {}),
}));
const client = clients[0]!;
const limiterKind = !rateLimited ? "none" : WORKERS > 1 || arg("--limiter") === "db" ? "database (lib/registry/limiter.ts)" : "in-process";
console.log(`database: ${t.kind}; sandbox rate limits ${rateLimited ? "on" : "off"}; limiter ${limiterKind}; ${COUNT} campaigns; ${WORKERS} worker(s)`);

await client.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: false });
const brandIds = Array.from({ length: WORKERS }, (_, i) =>
  sandbox.control.seedSharedCampaigns({ count: COUNT / WORKERS, upstreamCnpId: "SDCA001", brandName: `Bench Brand ${i + 1}` }).brandId);
let t0 = performance.now();
await reconcileOrg(t.db, client, org.id);
const mirrored = await t.db.campaign.count({ where: { orgId: org.id, brandId: { in: brandIds }, sharingStatus: "ACCEPTED" } });
console.log(`mirror import (reconcileOrg): ${((performance.now() - t0) / 1000).toFixed(1)} s, ${mirrored} campaigns mirrored`);
if (mirrored !== COUNT) throw new Error(`expected ${COUNT} mirrored campaigns, got ${mirrored}`);

calls.read = 0;
calls.write = 0;
calls.tooMany = 0;
writeTimes.length = 0;
peakRss = process.memoryUsage().rss;
const rssBefore = peakRss;
t0 = performance.now();
const jobs = [];
for (const brandId of brandIds) {
  jobs.push(await createBulkJob(t.db, { orgId: org.id, actor: { id: owner.id, email: owner.email } }, {
    params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId } }, confirmCount: COUNT / WORKERS,
  }));
}
const total = jobs.reduce((n, j) => n + j.total, 0);
const created = performance.now() - t0;
const run0 = performance.now();
const results = await Promise.all(jobs.map((j, i) => runBulkJob(workerDbs[i]!, clients[i]!, j.jobId, { retryDelayMs: 200 })));
const runMs = performance.now() - run0;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const done = { succeeded: 0, skipped: 0, failed: 0 };
for (const r of results) { done.succeeded += r.succeeded; done.skipped += r.skipped; done.failed += r.failed; }

const { points, durationMs } = TCR_DEFAULT_BUDGETS.write;
const writeRate = points / (durationMs / 1000);
// The most writes sent within any span of the budget's duration (a sliding window over the send times).
let maxInWindow = 0;
for (let lo = 0, hi = 0; hi < writeTimes.length; hi++) {
  while (writeTimes[hi]! - writeTimes[lo]! >= durationMs) lo++;
  maxInWindow = Math.max(maxInWindow, hi - lo + 1);
}
console.log(`jobs: ${jobs.length} × ${COUNT / WORKERS} items, created in ${(created / 1000).toFixed(2)} s; succeeded=${done.succeeded} skipped=${done.skipped} failed=${done.failed}`);
console.log(`run: ${(runMs / 1000).toFixed(1)} s, ${(total / (runMs / 1000)).toFixed(1)} items/s; registry calls: ${calls.write} writes, ${calls.read} reads, ${calls.tooMany} answered 429`);
if (rateLimited) {
  console.log(`rate-limit floor: ${calls.write} writes ÷ ${writeRate}/s = ${(calls.write / writeRate).toFixed(1)} s (elapsed ${(runMs / 1000).toFixed(1)} s)`);
  console.log(`most writes in any ${durationMs / 1000} s window: ${maxInWindow} (budget ${points})`);
}
console.log(`peak RSS: ${(peakRss / MB).toFixed(0)} MB (${(rssBefore / MB).toFixed(0)} MB before the job)`);
const migrations = await t.db.cnpMigration.count({ where: { orgId: org.id, direction: "OUTGOING", targetCnpId: "SCNP002" } });
if (done.succeeded !== COUNT || migrations !== COUNT) throw new Error(`expected ${COUNT} migrations, got ${done.succeeded} succeeded / ${migrations} mirrored`);

console.log(JSON.stringify({
  bench: rateLimited ? "bulk-migrate-rate-limited" : "bulk-migrate", db: t.kind, items: total, workers: WORKERS, seconds: +(runMs / 1000).toFixed(1),
  ...(rateLimited ? {
    floor_s: +(calls.write / writeRate).toFixed(1), ratio: +(runMs / 1000 / (calls.write / writeRate)).toFixed(2),
    http_429: calls.tooMany, max_writes_per_window: maxInWindow, budget: points,
  } : {}),
  rss_growth_mb: Math.round((peakRss - rssBefore) / MB),
}));
for (const db of workerDbs.slice(1)) if (db !== t.db) await db.$disconnect();

await sandbox.close();
await t.close();
