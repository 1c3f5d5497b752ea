import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { boss, enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { registryClientFor } from "@/lib/registry/client";
import { createBulkJob, requestCancel, resolveSelection, retryFailed } from "./bulk";
import { ConflictError } from "@/lib/errors";
import { log } from "@/lib/log";
import { cancelEligibility, declineEligibility, electEligibility, migrateEligibility, type Eligibility } from "./eligibility";
import { incomingFactsFor, outgoingFactsFor } from "./facts";
import { refreshSharingAndMigration } from "./mirror";
import { loadPartners } from "./partners";
import type { BulkParams, CnpSettingsInput, CreateBulkJobInput, Selection } from "./schemas";

/** What the commands use of the request context: the organization and the acting user. */
type Ctx = Pick<OrgContext, "org" | "user">;
const actorOf = (ctx: Ctx) => ({ id: ctx.user.id, email: ctx.user.email });
/** Queues a bulk job (migration or import) for the worker; one queue entry per job at a time. */
export const queueBulkJob = async (jobId: string) => enqueue(await boss(), QUEUES.bulkRun, { jobId }, { singletonKey: `bulk:${jobId}` });
const queue = queueBulkJob;

export type DryRunRow = { campaignId: string } & Eligibility;
export type DryRun = { total: number; eligible: number; byReason: Record<string, { message: string; count: number }>; rows: DryRunRow[] };

/** Per campaign: eligible or why not, from the mirror and the registry's partner list (no write is sent). */
export async function dryRun(db: Db, ctx: Ctx, input: { params: BulkParams; selection: Selection }, rowLimit = 500): Promise<DryRun> {
  const orgId = ctx.org.id;
  const ids = await resolveSelection(db, orgId, input.params, input.selection);
  const p = input.params;
  let check: (id: string) => Eligibility;
  if (p.kind === "MIGRATE" || p.kind === "CANCEL_MIGRATION") {
    const facts = await outgoingFactsFor(db, orgId, ids);
    if (p.kind === "MIGRATE") {
      const client = await registryClientFor(db, orgId);
      const [partners, settings] = await Promise.all([loadPartners(client), client.settings.getCnpMigration()]);
      const target = partners.find((x) => x.id === p.upstreamCnpId) ?? null;
      check = (id) => migrateEligibility(facts.get(id) ?? null, target, { migrationSupported: settings.migrationSupported });
    } else check = (id) => cancelEligibility(facts.get(id) ?? null);
  } else {
    const facts = await incomingFactsFor(db, orgId, ids);
    if (p.kind === "ELECT") {
      const partners = await loadPartners(await registryClientFor(db, orgId));
      const up = partners.find((x) => x.id === p.upstreamCnpId) ?? null;
      check = (id) => electEligibility(facts.get(id) ?? null, up);
    } else check = (id) => declineEligibility(facts.get(id) ?? null);
  }
  const out: DryRun = { total: ids.length, eligible: 0, byReason: {}, rows: [] };
  for (const id of ids) {
    const e = check(id);
    if (e.eligible) out.eligible++;
    else (out.byReason[e.reason] ??= { message: e.message, count: 0 }).count++;
    // Ineligible rows first in the sample, so the table shows what needs attention.
    if (out.rows.length < rowLimit || !e.eligible) out.rows.push({ campaignId: id, ...e });
  }
  out.rows.sort((a, b) => Number(a.eligible) - Number(b.eligible));
  out.rows = out.rows.slice(0, rowLimit);
  return out;
}

export async function startBulkJob(db: Db, ctx: Ctx, input: CreateBulkJobInput) {
  const r = await createBulkJob(db, { orgId: ctx.org.id, actor: actorOf(ctx) }, input);
  await queue(r.jobId);
  return r;
}

export async function cancelBulkJob(db: Db, ctx: Ctx, jobId: string) {
  const j = await requestCancel(db, { orgId: ctx.org.id, actor: actorOf(ctx) }, jobId);
  return { jobId: j.id, status: j.status };
}

export async function retryFailedItems(db: Db, ctx: Ctx, jobId: string) {
  const n = await retryFailed(db, { orgId: ctx.org.id, actor: actorOf(ctx) }, jobId);
  await queue(jobId);
  return { jobId, requeued: n };
}

/** Cancel one open migration we initiated (R3, R4), then read the transaction back into the mirror. */
export async function cancelMigration(db: Db, ctx: Ctx, input: { campaignId: string; explanation: string }) {
  const orgId = ctx.org.id;
  const e = cancelEligibility((await outgoingFactsFor(db, orgId, [input.campaignId])).get(input.campaignId) ?? null);
  if (!e.eligible) throw new ConflictError(e.message);
  const client = await registryClientFor(db, orgId);
  await client.cnpMigration.cancel(input.campaignId, input.explanation ? { explanation: input.explanation } : {});
  await audit(db, { orgId, actor: actorOf(ctx), action: "migration.cancel", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS", detail: { explanation: input.explanation || null } });
  // The cancel happened; a failed read-back is repaired by the CNP_MIGRATION_CANCEL event or reconciliation.
  await refreshSharingAndMigration(db, client, orgId, input.campaignId).catch((err) => log().warn({ err, campaignId: input.campaignId }, "migration read-back failed"));
  return { campaignId: input.campaignId };
}

/** Re-read one campaign's sharing hops and migration transaction from the registry. */
export async function refreshMigration(db: Db, ctx: Ctx, campaignId: string) {
  await refreshSharingAndMigration(db, await registryClientFor(db, ctx.org.id), ctx.org.id, campaignId);
  return { campaignId };
}

/** PUT /settings/cnpMigration (both booleans required), audited with the values before and after. */
export async function updateCnpSettings(db: Db, ctx: Ctx, input: CnpSettingsInput) {
  const client = await registryClientFor(db, ctx.org.id);
  const before = await client.settings.getCnpMigration().catch(() => null);
  const after = await client.settings.updateCnpMigration(input);
  await audit(db, {
    orgId: ctx.org.id, actor: actorOf(ctx), action: "migration.settings.update", targetType: "organization", targetId: ctx.org.id, outcome: "SUCCESS",
    detail: { before: before ? { migrationSupported: before.migrationSupported, migrationAutoComplete: before.migrationAutoComplete } : null, after: input },
  });
  return { migrationSupported: after.migrationSupported, migrationAutoComplete: after.migrationAutoComplete };
}
