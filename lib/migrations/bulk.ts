import type { Prisma } from "@/generated/prisma/client";
import { audit, type AuditActor } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationFailedError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { TcrClient } from "@/lib/tcr/client";
import { TcrError } from "@/lib/tcr/errors";
import { cancelEligibility, declineEligibility, electEligibility, isOpenMigration, migrateEligibility, type Eligibility, type PartnerInfo } from "./eligibility";
import { incomingFactsFor, incomingWhere, outgoingFactsFor, outgoingWhere } from "./facts";
import { loadPartners } from "./partners";
import { CONFIRM_COUNT_ABOVE, isImportJobKind, type BulkParams, type Selection } from "./schemas";

/**
 * The bulk operations engine. A bulk action is one BulkJob with one BulkJobItem per campaign; the worker runs
 * it item by item through the registry client (whose shared limiter paces it at the registry's write rate).
 *
 * Guarantees:
 * - An item is claimed (PENDING → RUNNING) before its registry call and finished (→ SUCCEEDED | SKIPPED | FAILED)
 *   in one transaction with the job's counters and its audit row, so a crash loses nothing and counts never drift.
 * - Nothing the registry already applied is sent again: before any retry, and for items found RUNNING when a
 *   run starts (the previous run died mid-call), the registry is asked whether the action took effect.
 * - Transient failures (5xx, timeouts, network, 429 after the client's own retries) are retried with backoff;
 *   the registry's refusals (4xx) fail the item with its error at once.
 * - Cancel is honoured between items; the items not started end SKIPPED ("Cancelled by …").
 */
export type BulkJobRow = Prisma.BulkJobGetPayload<object>;
export type BulkItem = Prisma.BulkJobItemGetPayload<object>;
type Item = BulkItem;
export type ItemOutcome = { state: "SUCCEEDED" | "SKIPPED" | "FAILED"; reason?: string; error?: string; result?: Record<string, unknown> };
type Outcome = ItemOutcome;
/** The item cannot run yet (an import campaign waiting for its brand): back to PENDING until `until`, with why. */
export type Deferral = { state: "DEFERRED"; until: Date; reason: string };

/** How one kind of job runs its items; the migration kinds are below, the import kinds in lib/imports/run.ts. */
export type ItemRunner = {
  /** The audit target of each item. */
  targetType: string;
  process: (item: Item, interrupted: boolean) => Promise<ItemOutcome | Deferral>;
  /** Mirror writes that commit with the item's outcome. */
  applyToMirror?: (tx: Prisma.TransactionClient, item: Item, result: Record<string, unknown> | undefined) => Promise<void>;
};
export type RunnerContext = {
  db: Db;
  client: TcrClient;
  job: BulkJobRow;
  opts: Required<Pick<RunOptions, "maxAttempts" | "retryDelayMs" | "sleep">> & Pick<RunOptions, "afterCall">;
  now: () => Date;
};

export type RunOptions = {
  maxAttempts?: number;
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Test hook: called after an item's registry call returned, before its outcome is saved (to simulate a crash). */
  afterCall?: (item: Item) => Promise<void> | void;
  /** Stop claiming items after this long and return unfinished (the worker re-queues the rest as a new slice). */
  sliceMs?: number;
  /** Asked before each item: true when this runner must stop at once (it lost the job's lease to another). */
  shouldStop?: () => boolean;
  /** The clock deferred items are compared with (tests move it). */
  now?: () => Date;
};

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function describeError(e: unknown): string {
  if (e instanceof TcrError) {
    const items = e.items.map((i) => `${i.code ?? "?"}${i.description ? ` ${i.description}` : ""}`).join("; ");
    return `HTTP ${e.status}${items ? `: ${items}` : ""}`.slice(0, 1000);
  }
  return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 1000);
}
/** The registry said no: retrying cannot help. 429 and 5xx are transient; so are timeouts and network errors. */
export const isRefusal = (e: unknown) => e instanceof TcrError && e.status < 500 && e.status !== 429;
const isGone = (e: unknown) => e instanceof TcrError && (e.status === 404 || e.hasCode(502));

// ---------------------------------------------------------------------------------------------------------
// Creation

export async function resolveSelection(db: Db, orgId: string, params: BulkParams, selection: Selection): Promise<string[]> {
  const incoming = params.kind === "ELECT" || params.kind === "DECLINE";
  if ("campaignIds" in selection) return [...new Set(selection.campaignIds)];
  if ("outgoing" in selection) {
    if (incoming) throw new ValidationFailedError({ selection: "This action applies to campaigns shared with you." });
    const rows = await db.campaign.findMany({ where: await outgoingWhere(db, orgId, selection.outgoing), select: { campaignId: true }, orderBy: { campaignId: "asc" } });
    return rows.map((r) => r.campaignId);
  }
  if (!incoming) throw new ValidationFailedError({ selection: "This action applies to your own campaigns." });
  const rows = await db.partnerCampaign.findMany({ where: incomingWhere(orgId, selection.incoming), select: { campaignId: true }, orderBy: { campaignId: "asc" } });
  return rows.map((r) => r.campaignId);
}

export async function createBulkJob(
  db: Db,
  ctx: { orgId: string; actor: AuditActor },
  input: { params: BulkParams; selection: Selection; confirmCount?: number },
): Promise<{ jobId: string; total: number }> {
  const ids = await resolveSelection(db, ctx.orgId, input.params, input.selection);
  if (ids.length === 0) throw new ValidationFailedError({ selection: "No campaigns match this selection." });
  if (ids.length > CONFIRM_COUNT_ABOVE && input.confirmCount !== ids.length) {
    throw new ValidationFailedError({ confirmCount: `Type ${ids.length} to confirm an action on ${ids.length} campaigns.` });
  }
  const { kind, ...params } = input.params;
  return db.$transaction(async (tx) => {
    const job = await tx.bulkJob.create({
      data: {
        orgId: ctx.orgId, kind, params: params as Prisma.InputJsonValue, total: ids.length, createdById: ctx.actor?.id ?? null,
        filter: "campaignIds" in input.selection ? undefined : (input.selection as Prisma.InputJsonValue),
      },
    });
    for (let i = 0; i < ids.length; i += 1000) {
      await tx.bulkJobItem.createMany({ data: ids.slice(i, i + 1000).map((campaignId) => ({ jobId: job.id, orgId: ctx.orgId, campaignId })) });
    }
    await audit(tx, {
      orgId: ctx.orgId, actor: ctx.actor, action: "bulk.create", targetType: "bulkJob", targetId: job.id, outcome: "SUCCESS",
      detail: { kind, params, total: ids.length, selection: "campaignIds" in input.selection ? "chosen" : "filter" },
    });
    return { jobId: job.id, total: ids.length };
  }, { timeout: 60_000 });
}

export async function requestCancel(db: Db, ctx: { orgId: string; actor: AuditActor }, jobId: string): Promise<BulkJobRow> {
  const job = await db.bulkJob.findFirst({ where: { id: jobId, orgId: ctx.orgId } });
  if (!job) throw new NotFoundError("Bulk job");
  if (job.status === "COMPLETED" || job.status === "CANCELLED") throw new ConflictError("This job has already finished.");
  return db.$transaction(async (tx) => {
    const updated = await tx.bulkJob.update({ where: { id: job.id }, data: { cancelRequestedAt: job.cancelRequestedAt ?? new Date(), status: "CANCELLING" } });
    await audit(tx, { orgId: ctx.orgId, actor: ctx.actor, action: "bulk.cancel", targetType: "bulkJob", targetId: job.id, outcome: "SUCCESS" });
    return updated;
  });
}

/** Puts only the FAILED items back in the queue; the job runs again for them. */
export async function retryFailed(db: Db, ctx: { orgId: string; actor: AuditActor }, jobId: string): Promise<number> {
  const job = await db.bulkJob.findFirst({ where: { id: jobId, orgId: ctx.orgId } });
  if (!job) throw new NotFoundError("Bulk job");
  if (job.status !== "COMPLETED" && job.status !== "CANCELLED") throw new ConflictError("Wait for the job to finish before retrying its failed items.");
  return db.$transaction(async (tx) => {
    const r = await tx.bulkJobItem.updateMany({ where: { jobId, state: "FAILED" }, data: { state: "PENDING", error: null, reason: null, finishedAt: null } });
    if (r.count === 0) throw new ConflictError("No failed items to retry.");
    await tx.bulkJob.update({ where: { id: jobId }, data: { failed: { decrement: r.count }, status: "QUEUED", cancelRequestedAt: null, finishedAt: null } });
    await audit(tx, { orgId: ctx.orgId, actor: ctx.actor, action: "bulk.retryFailed", targetType: "bulkJob", targetId: jobId, outcome: "SUCCESS", detail: { items: r.count } });
    return r.count;
  });
}

/** Jobs a worker should (re)start: queued, running when a process died, or cancelling. */
export async function unfinishedJobIds(db: Db): Promise<string[]> {
  const rows = await db.bulkJob.findMany({ where: { status: { in: ["QUEUED", "RUNNING", "CANCELLING"] } }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------------------
// Execution

type Runtime = {
  db: Db;
  client: TcrClient;
  job: BulkJobRow;
  params: BulkParams;
  partners: PartnerInfo[];
  account: { migrationSupported: boolean | null };
};

function paramsOf(job: BulkJobRow): BulkParams {
  return { kind: job.kind, ...(job.params as object) } as BulkParams;
}

async function eligibility(rt: Runtime, campaignId: string): Promise<Eligibility> {
  const p = rt.params;
  const partner = (id: string) => rt.partners.find((x) => x.id === id) ?? null;
  if (p.kind === "MIGRATE") return migrateEligibility((await outgoingFactsFor(rt.db, rt.job.orgId, [campaignId])).get(campaignId) ?? null, partner(p.upstreamCnpId), rt.account);
  if (p.kind === "CANCEL_MIGRATION") return cancelEligibility((await outgoingFactsFor(rt.db, rt.job.orgId, [campaignId])).get(campaignId) ?? null);
  const facts = (await incomingFactsFor(rt.db, rt.job.orgId, [campaignId])).get(campaignId) ?? null;
  return p.kind === "ELECT" ? electEligibility(facts, partner(p.upstreamCnpId)) : declineEligibility(facts);
}

/** Did the registry already apply this item's action? Asked before every retry and for interrupted items. */
async function alreadyApplied(rt: Runtime, campaignId: string): Promise<boolean> {
  const { client, params: p } = rt;
  const read = async <T>(f: () => Promise<T>) => f().catch((e) => (isGone(e) ? null : Promise.reject(e)));
  switch (p.kind) {
    case "MIGRATE": {
      const m = await read(() => client.cnpMigration.get(campaignId));
      if (!m) return false;
      if (isOpenMigration(m.status)) return (await client.campaigns.getSharing(campaignId, { cnpMigration: true })).sharedByMe?.upstreamCnpId === p.upstreamCnpId;
      if (m.status === "COMPLETE") return (await client.campaigns.getSharing(campaignId)).sharedByMe?.upstreamCnpId === p.upstreamCnpId;
      return false;
    }
    case "CANCEL_MIGRATION": {
      const m = await read(() => client.cnpMigration.get(campaignId));
      return m?.status === "CANCELED";
    }
    case "ELECT": {
      const s = await read(() => client.partnerCampaigns.getSharing(campaignId));
      const m = await read(() => client.partnerCampaigns.getSharing(campaignId, { cnpMigration: true }));
      const hop = m?.sharedWithMe ? m : s;
      return hop?.sharedWithMe?.sharingStatus === "ACCEPTED" && (hop.sharedByMe?.upstreamCnpId === p.upstreamCnpId || s?.sharedByMe?.upstreamCnpId === p.upstreamCnpId);
    }
    case "DECLINE":
      // The registry removes a declined request.
      return (await read(() => client.partnerCampaigns.get(campaignId))) === null;
  }
}

async function send(rt: Runtime, campaignId: string): Promise<Record<string, unknown>> {
  const { client, params: p } = rt;
  switch (p.kind) {
    case "MIGRATE": {
      await client.cnpMigration.initiate(campaignId, p.upstreamCnpId);
      // Read the new transaction back for its dates (a read: nothing against the write budget). It was
      // created either way, so a failed read leaves the dates to the webhook or the next reconciliation.
      const record = await client.cnpMigration.get(campaignId).catch(() => null);
      return { upstreamCnpId: p.upstreamCnpId, createDate: record?.createDate ?? null, expirationDate: record?.expirationDate ?? null };
    }
    case "CANCEL_MIGRATION":
      await client.cnpMigration.cancel(campaignId, p.explanation ? { explanation: p.explanation } : {});
      return {};
    case "ELECT": {
      const r = await client.partnerCampaigns.share(campaignId, p.upstreamCnpId);
      return { upstreamCnpId: p.upstreamCnpId, sharingStatus: r.sharingStatus ?? null };
    }
    case "DECLINE":
      await client.partnerCampaigns.declineSharing(campaignId, { explanation: p.explanation, rejectionCategory: p.rejectionCategory });
      return { rejectionCategory: p.rejectionCategory };
  }
}

/** What the registry now holds, written to the mirror in the item's own transaction. */
async function applyToMirror(tx: Prisma.TransactionClient, rt: Runtime, campaignId: string, result: Record<string, unknown> = {}): Promise<void> {
  const { orgId } = rt.job;
  const p = rt.params;
  const now = new Date();
  const key = { orgId_campaignId_direction: { orgId, campaignId, direction: "OUTGOING" } };
  if (p.kind === "MIGRATE") {
    const expirationDate = typeof result.expirationDate === "string" ? result.expirationDate : null;
    const created = typeof result.createDate === "string" && !Number.isNaN(Date.parse(result.createDate)) ? new Date(result.createDate) : now;
    const data = { initiatedByUs: true, jobId: rt.job.id, expirationDate } as Prisma.InputJsonValue;
    await tx.cnpMigration.upsert({
      where: key,
      create: { orgId, campaignId, direction: "OUTGOING", status: "ACTIVE", targetCnpId: p.upstreamCnpId, requestedAt: created, data, confirmedAt: now },
      update: { status: "ACTIVE", targetCnpId: p.upstreamCnpId, requestedAt: created, cancellationReason: null, data, confirmedAt: now },
    });
  } else if (p.kind === "CANCEL_MIGRATION") {
    await tx.cnpMigration.updateMany({ where: { orgId, campaignId, direction: "OUTGOING" }, data: { status: "CANCELED", cancellationReason: p.explanation || "cancelled by the initiator", confirmedAt: now } });
  } else if (p.kind === "ELECT") {
    await tx.partnerCampaign.updateMany({ where: { orgId, campaignId }, data: { sharingStatus: "ACCEPTED", upstreamCnpId: p.upstreamCnpId, confirmedAt: now } });
  } else {
    await tx.partnerCampaign.updateMany({ where: { orgId, campaignId }, data: { sharingStatus: "DECLINED", deletedAt: now, confirmedAt: now } });
  }
}

async function finish(db: Db, job: BulkJobRow, runner: ItemRunner, item: Item, o: Outcome | Deferral): Promise<void> {
  if (o.state === "DEFERRED") {
    // Not a run of the item: it goes back to the queue, its attempt not counted, and says what it waits for.
    await db.bulkJobItem.updateMany({ where: { id: item.id, state: "RUNNING" }, data: { state: "PENDING", notBefore: o.until, reason: o.reason, attempts: { decrement: 1 }, startedAt: null } });
    return;
  }
  const counter = o.state === "SUCCEEDED" ? "succeeded" : o.state === "SKIPPED" ? "skipped" : "failed";
  await db.$transaction(async (tx) => {
    const r = await tx.bulkJobItem.updateMany({
      where: { id: item.id, state: "RUNNING" },
      data: { state: o.state, reason: o.reason ?? null, error: o.error ?? null, result: (o.result ?? undefined) as Prisma.InputJsonValue | undefined, finishedAt: new Date() },
    });
    if (r.count === 0) return; // someone else finished it
    await tx.bulkJob.update({ where: { id: job.id }, data: { [counter]: { increment: 1 } } });
    if (o.state === "SUCCEEDED") await runner.applyToMirror?.(tx, item, o.result);
    await audit(tx, {
      orgId: job.orgId, actor: null, action: `bulk.item.${job.kind.toLowerCase()}`, targetType: runner.targetType, targetId: item.campaignId,
      outcome: o.state === "FAILED" ? "FAILURE" : "SUCCESS", detail: { jobId: job.id, state: o.state, reason: o.reason, error: o.error, attempts: item.attempts },
    });
  });
}

async function processItem(rt: Runtime, item: Item, opts: Required<Pick<RunOptions, "maxAttempts" | "retryDelayMs" | "sleep">> & Pick<RunOptions, "afterCall">, interrupted: boolean): Promise<Outcome> {
  // An interrupted item may have reached the registry: ask before anything else.
  if (interrupted && (await alreadyApplied(rt, item.campaignId))) return { state: "SUCCEEDED", result: { verified: true, note: "already applied at the registry" } };
  const e = await eligibility(rt, item.campaignId);
  if (!e.eligible) return { state: "SKIPPED", reason: e.message, result: { rule: e.reason } };
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= opts.maxAttempts; attempt++) {
    if (attempt > 1) {
      await opts.sleep(opts.retryDelayMs * 2 ** (attempt - 2));
      if (await alreadyApplied(rt, item.campaignId)) return { state: "SUCCEEDED", result: { verified: true, note: "applied by an earlier attempt" } };
    }
    let result: Record<string, unknown>;
    try {
      result = await send(rt, item.campaignId);
    } catch (err) {
      if (isRefusal(err)) return { state: "FAILED", error: describeError(err) };
      lastError = err;
      log().warn({ component: "bulk", jobId: rt.job.id, campaignId: item.campaignId, attempt, err: describeError(err) }, "bulk item attempt failed");
      continue;
    }
    await opts.afterCall?.(item);
    return { state: "SUCCEEDED", result };
  }
  return { state: "FAILED", error: `${describeError(lastError)} (after ${opts.maxAttempts} attempts)` };
}

async function migrationRunner(rc: RunnerContext): Promise<ItemRunner> {
  const { db, client, job, opts } = rc;
  const params = paramsOf(job);
  const needsPartners = params.kind === "MIGRATE" || params.kind === "ELECT";
  const rt: Runtime = {
    db, client, job, params,
    partners: needsPartners ? await loadPartners(client) : [],
    account: params.kind === "MIGRATE" ? { migrationSupported: (await client.settings.getCnpMigration()).migrationSupported } : { migrationSupported: null },
  };
  return {
    targetType: "campaign",
    process: (item, interrupted) => processItem(rt, item, opts, interrupted),
    applyToMirror: (tx, item, result) => applyToMirror(tx, rt, item.campaignId, result),
  };
}

/**
 * Runs (or resumes) one job to the end. Safe to call again for the same job at any time: finished items are
 * never touched, RUNNING ones are re-checked at the registry, PENDING ones are claimed one at a time.
 */
export async function runBulkJob(db: Db, client: TcrClient, jobId: string, options: RunOptions = {}): Promise<BulkJobRow & { more: boolean; retryAt?: Date }> {
  const opts = { maxAttempts: options.maxAttempts ?? 4, retryDelayMs: options.retryDelayMs ?? 2_000, sleep: options.sleep ?? realSleep, afterCall: options.afterCall };
  const now = options.now ?? (() => new Date());
  const until = options.sliceMs ? Date.now() + options.sliceMs : Infinity;
  let job = await db.bulkJob.findUnique({ where: { id: jobId } });
  if (!job) throw new NotFoundError("Bulk job");
  if (job.status === "COMPLETED" || job.status === "CANCELLED") return { ...job, more: false };
  job = await db.bulkJob.update({ where: { id: jobId }, data: { status: job.cancelRequestedAt ? "CANCELLING" : "RUNNING", startedAt: job.startedAt ?? new Date() } });
  const rc: RunnerContext = { db, client, job, opts, now };
  const runner = isImportJobKind(job.kind) ? (await import("@/lib/imports/run")).importRunner(rc) : await migrationRunner(rc);

  const cancelled = async () => Boolean((await db.bulkJob.findUnique({ where: { id: jobId }, select: { cancelRequestedAt: true } }))?.cancelRequestedAt);
  const interrupted = await db.bulkJobItem.findMany({ where: { jobId, state: "RUNNING" }, orderBy: { id: "asc" } });
  const replaced = async () => ({ ...(await db.bulkJob.findUniqueOrThrow({ where: { id: jobId } })), more: false });
  for (const item of interrupted) {
    if (options.shouldStop?.()) return replaced();
    await finish(db, job, runner, item, await runner.process(item, true));
  }

  for (;;) {
    if (options.shouldStop?.()) return replaced();
    if (await cancelled()) break;
    if (Date.now() > until) return { ...(await db.bulkJob.findUniqueOrThrow({ where: { id: jobId } })), more: true };
    const due = { jobId, state: "PENDING", OR: [{ notBefore: null }, { notBefore: { lte: now() } }] };
    const next = await db.bulkJobItem.findFirst({ where: due, orderBy: { id: "asc" } });
    if (!next) {
      // Only items waiting for later are left: end the slice; the worker queues the next one for when the first is due.
      const waiting = await db.bulkJobItem.findFirst({ where: { jobId, state: "PENDING" }, orderBy: { notBefore: "asc" }, select: { notBefore: true } });
      if (!waiting) break;
      return { ...(await db.bulkJob.findUniqueOrThrow({ where: { id: jobId } })), more: true, retryAt: waiting.notBefore ?? now() };
    }
    const claimed = await db.bulkJobItem.updateMany({ where: { id: next.id, state: "PENDING" }, data: { state: "RUNNING", attempts: { increment: 1 }, startedAt: new Date() } });
    if (claimed.count === 0) continue;
    const item = { ...next, state: "RUNNING", attempts: next.attempts + 1 };
    await finish(db, job, runner, item, await runner.process(item, false));
  }

  const stop = await cancelled();
  return db.$transaction(async (tx) => {
    let skipped = 0;
    if (stop) {
      const r = await tx.bulkJobItem.updateMany({ where: { jobId, state: "PENDING" }, data: { state: "SKIPPED", reason: "Cancelled by the user before it ran", finishedAt: new Date() } });
      skipped = r.count;
    }
    const done = await tx.bulkJob.update({
      where: { id: jobId },
      data: { status: stop ? "CANCELLED" : "COMPLETED", finishedAt: new Date(), ...(skipped ? { skipped: { increment: skipped } } : {}) },
    });
    await audit(tx, {
      orgId: done.orgId, actor: null, action: "bulk.finish", targetType: "bulkJob", targetId: jobId, outcome: done.failed ? "FAILURE" : "SUCCESS",
      detail: { kind: done.kind, status: done.status, total: done.total, succeeded: done.succeeded, skipped: done.skipped, failed: done.failed },
    });
    log().info({ component: "bulk", jobId, status: done.status, succeeded: done.succeeded, skipped: done.skipped, failed: done.failed }, "bulk job finished");
    return { ...done, more: false };
  });
}
