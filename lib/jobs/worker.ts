import os from "node:os";
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { enqueue } from "@/lib/jobs/boss";
import { acquireLease, LEASE_TTL_MS, stalledBulkRuns } from "@/lib/jobs/lease";
import { BULK_SLICE_MS, QUEUES, RECONCILE_CRON } from "@/lib/jobs/queues";
import { dueForCheck } from "@/lib/mirror/cadence";
import { runBulkJob, unfinishedJobIds } from "@/lib/migrations/bulk";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import { processRegistryEvent } from "@/lib/webhooks/process";

export type WorkerDeps = { db: Db; clientFor?: (orgId: string) => Promise<TcrClient> };

/**
 * Registers every queue's handler. A handler that throws leaves its job to pg-boss's retry policy
 * (lib/jobs/queues.ts); a job whose worker died is expired and retried, so nothing is lost.
 */
export async function startWorker(b: PgBoss, deps: WorkerDeps, opts: { schedule?: boolean; pollingIntervalSeconds?: number } = {}) {
  const clientFor = deps.clientFor ?? ((orgId: string) => registryClientFor(deps.db, orgId));
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 };

  await b.work(QUEUES.webhookProcess.name, { ...polling, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) {
      const { eventId } = QUEUES.webhookProcess.payload.parse(job.data);
      await processRegistryEvent(deps.db, clientFor, eventId);
    }
  });

  await b.work(QUEUES.reconcileOrg.name, polling, async ([job]) => {
    const { orgId, reason, deep } = QUEUES.reconcileOrg.payload.parse(job!.data);
    const conn = await deps.db.registryConnection.findUnique({ where: { orgId }, select: { id: true } });
    if (!conn) return { skipped: "no registry connection" };
    const checked = (ok: boolean) => deps.db.registryConnection.updateMany({ where: { orgId }, data: { lastCheckedAt: new Date(), lastCheckOk: ok } });
    try {
      const r = await reconcileOrg(deps.db, await clientFor(orgId), orgId, { deep: deep || reason !== "schedule" });
      await checked(true);
      return r;
    } catch (err) {
      await checked(false).catch(() => undefined);
      throw err;
    }
  });

  const enqueueBulk = (jobId: string, startAfter?: Date) =>
    enqueue(b, QUEUES.bulkRun, { jobId }, { singletonKey: `bulk:${jobId}`, ...(startAfter ? { startAfter } : {}) });
  await b.work(QUEUES.bulkRun.name, polling, async ([job]) => {
    const { jobId } = QUEUES.bulkRun.payload.parse(job!.data);
    const row = await deps.db.bulkJob.findUnique({ where: { id: jobId }, select: { orgId: true } });
    if (!row) return { skipped: "no such bulk job" };
    const lease = await acquireLease(deps.db, jobId, `${os.hostname()}:${process.pid}:${job!.id}`, job!.id);
    if (!lease) return { skipped: "another runner holds the job" };
    let r: Awaited<ReturnType<typeof runBulkJob>>;
    try {
      r = await runBulkJob(deps.db, await clientFor(row.orgId), jobId, { sliceMs: BULK_SLICE_MS, shouldStop: () => !lease.held() });
    } finally {
      await lease.release().catch(() => undefined);
    }
    // A runner that lost its lease was replaced: the new one queues what is left. A slice that ended because its
    // remaining items wait (import campaigns for their brand) is queued for when the first of them is due, not now.
    if (r.more && lease.held()) await enqueueBulk(jobId, r.retryAt && r.retryAt.getTime() > Date.now() ? r.retryAt : undefined);
    return { status: r.status, succeeded: r.succeeded, skipped: r.skipped, failed: r.failed, more: r.more };
  });
  // A slice whose runner died (kill -9, lost host) holds its queue entry "active" for 15 minutes: find such
  // entries by the job's lease and cancel them, so the job is queued again within a lease.
  const sweep = async () => {
    for (const { queueJobId, jobId } of await stalledBulkRuns(deps.db)) {
      await b.cancel(QUEUES.bulkRun.name, queueJobId).catch(() => undefined);
      await enqueueBulk(jobId);
      log().warn({ component: "worker", jobId, queueJobId }, "bulk job runner stopped renewing its lease; job queued again");
    }
  };
  const sweeper = setInterval(() => void sweep().catch((err) => log().error({ component: "worker", err }, "lease sweep failed")), LEASE_TTL_MS / 2);
  sweeper.unref();
  b.once("stopped", () => clearInterval(sweeper));
  // Bulk jobs left unfinished by a stopped or crashed worker continue now.
  for (const jobId of await unfinishedJobIds(deps.db)) await enqueueBulk(jobId);

  await b.work(QUEUES.reconcileAll.name, polling, async () => {
    const now = new Date();
    const orgs = await deps.db.registryConnection.findMany({ select: { orgId: true, provider: true, authMode: true, lastCheckedAt: true } });
    let checks = 0;
    for (const conn of orgs) {
      const due = dueForCheck(conn, now);
      if (!due) continue;
      checks++;
      // One reconciliation per organization at a time, however often the schedule fires.
      await enqueue(b, QUEUES.reconcileOrg, { orgId: conn.orgId, reason: "schedule", deep: due.deep }, { singletonKey: `reconcile:${conn.orgId}` });
    }
    // Events stored while the queue was unreachable, or whose retries ran out, are queued again.
    const stuck = await deps.db.registryEvent.findMany({
      where: { status: { in: ["RECEIVED", "FAILED"] }, receivedAt: { lt: new Date(Date.now() - 60_000) }, attempts: { lt: 20 } },
      select: { id: true },
      take: 1000,
    });
    for (const e of stuck) await enqueue(b, QUEUES.webhookProcess, { eventId: e.id }, { singletonKey: `event:${e.id}` });
    // Bulk jobs whose slice was lost with its queue entry are queued again (a running one is not doubled: singleton).
    const bulk = await unfinishedJobIds(deps.db);
    for (const jobId of bulk) await enqueueBulk(jobId);
    return { organizations: orgs.length, checks, requeuedEvents: stuck.length, bulkJobs: bulk.length };
  });

  if (opts.schedule !== false) await b.schedule(QUEUES.reconcileAll.name, RECONCILE_CRON, {}, { tz: "UTC" });
  log().info({ component: "worker" }, "worker started");
}
