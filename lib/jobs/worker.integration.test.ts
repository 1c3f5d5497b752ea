import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBoss } from "@/lib/jobs/boss";
import { acquireLease, stalledBulkRuns } from "@/lib/jobs/lease";
import { QUEUES } from "@/lib/jobs/queues";
import { makeOrg } from "@/test/factories";
import { createTestDb, type TestDb } from "@/test/db";

// pg-boss needs a server to connect to, so this runs where TEST_DATABASE_URL names one (CI and development
// machines); the handlers themselves are tested on PGlite in lib/webhooks and lib/mirror.
const url = process.env.TEST_DATABASE_URL;
let t: TestDb;
beforeAll(async () => { if (url) t = await createTestDb(); });
afterAll(async () => { await t?.close(); });

const waitFor = async (check: () => Promise<boolean>, ms = 20_000) => {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) if (await check()) return;
  throw new Error("timed out");
};

describe.runIf(url)("durable jobs (pg-boss on PostgreSQL)", () => {
  it("keeps a job sent while no worker runs, and retries a handler that crashed until it succeeds", async () => {
    const sender = await startBoss({ connectionString: t.url!, worker: false });
    const jobId = await sender.send(QUEUES.webhookProcess.name, { eventId: "evt-1" }, { retryLimit: 3, retryDelay: 1 });
    await sender.stop({ graceful: true, wait: true });

    const worker = await startBoss({ connectionString: t.url!, worker: true });
    let calls = 0;
    await worker.work(QUEUES.webhookProcess.name, { pollingIntervalSeconds: 0.5 }, async () => {
      calls++;
      if (calls === 1) throw new Error("simulated crash in the handler");
    });
    await waitFor(async () => (await worker.getJobById(QUEUES.webhookProcess.name, jobId!))?.state === "completed");
    expect(calls).toBe(2);
    await worker.stop({ graceful: true, wait: true });
  });

  it("a graceful stop lets the active job finish", async () => {
    const b = await startBoss({ connectionString: t.url!, worker: true });
    let finished = false;
    await b.work(QUEUES.reconcileAll.name, { pollingIntervalSeconds: 0.5 }, async () => {
      await new Promise((r) => setTimeout(r, 1500));
      finished = true;
    });
    const id = await b.send(QUEUES.reconcileAll.name, {});
    await waitFor(async () => (await b.getJobById(QUEUES.reconcileAll.name, id!))?.state === "active");
    await b.stop({ graceful: true, wait: true, timeout: 10_000 });
    expect(finished).toBe(true);
    // A bare reader: no housekeeping or cron of its own, and an error listener, since an 'error' event that
    // nobody listens to is thrown by Node as an uncaught exception (it failed a CI run after the test passed).
    const check = new PgBoss({ connectionString: t.url!, supervise: false, schedule: false });
    const checkErrors: unknown[] = [];
    check.on("error", (e) => checkErrors.push(e));
    await check.start();
    expect((await check.getJobById(QUEUES.reconcileAll.name, id!))?.state).toBe("completed");
    await check.stop({ graceful: true, wait: true });
    expect(checkErrors).toEqual([]);
  });

  it("finds a bulk slice whose runner died (active in the queue, no live lease on its job) and not one whose runner lives", async () => {
    const b = await startBoss({ connectionString: t.url!, worker: true });
    const { org } = await makeOrg(t.db);
    const dead = await t.db.bulkJob.create({ data: { orgId: org.id, kind: "MIGRATE", status: "RUNNING", params: {} } });
    const live = await t.db.bulkJob.create({ data: { orgId: org.id, kind: "MIGRATE", status: "RUNNING", params: {} } });
    const deadEntry = await b.send(QUEUES.bulkRun.name, { jobId: dead.id }, { singletonKey: `bulk:${dead.id}` });
    const liveEntry = await b.send(QUEUES.bulkRun.name, { jobId: live.id }, { singletonKey: `bulk:${live.id}` });
    // Both taken up by a "worker" that never finishes them; only the live one's runner holds the job's lease.
    const fetched = await b.fetch(QUEUES.bulkRun.name, { batchSize: 2 });
    expect(fetched.map((j) => j.id).sort()).toEqual([deadEntry, liveEntry].sort());
    const lease = await acquireLease(t.db, live.id, "live-runner", liveEntry!, { ttlMs: 60_000 });
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await stalledBulkRuns(t.db, 1_000)).toEqual([{ queueJobId: deadEntry, jobId: dead.id }]);
    // Within the lease time nothing is stalled yet.
    expect(await stalledBulkRuns(t.db, 60_000)).toEqual([]);
    await lease!.release();
    await b.stop({ graceful: false, wait: true });
  });
});
