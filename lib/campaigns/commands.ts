/**
 * Campaign writes: each checks the campaign (or brand, or draft) belongs to the caller's organization in
 * the mirror, calls the registry through lib/tcr, brings the mirror up to date and audits. Billable calls
 * (create, resubmit) go through the client's idempotent billable path with a key that a retry repeats.
 */
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { brandEligibility, createRequestFromDraft } from "@/lib/campaigns/builder";
import { hasBlockingFindings, lintCampaign, matchAcknowledgements, type Finding } from "@/lib/campaigns/lint";
import { blockingPageFindings, latestDraftSnapshots, linkSnapshotsToCampaign } from "@/lib/campaigns/pages/snapshots";
import {
  campaignDraftDataSchema, type autoRenewalSchema, type removeExcludedMnoSchema, type shareCampaignSchema, type deactivateCampaignSchema, type deleteCampaignDraftSchema, type nudgeCampaignSchema,
  type qualificationQuerySchema, type refreshCampaignSchema, type resubmitCampaignSchema, type saveCampaignDraftSchema,
  type submitCampaignDraftSchema, type updateCampaignSchema,
} from "@/lib/campaigns/schemas";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationFailedError, type FieldErrors } from "@/lib/errors";
import { attachEvidence } from "@/lib/evidence/attach";
import type { EvidenceStorage } from "@/lib/evidence/storage";
import { log } from "@/lib/log";
import { refreshCampaignPhoneNumbers, type PhoneNumberRefresh } from "@/lib/mirror/phone-numbers";
import { refreshCampaign } from "@/lib/mirror/refresh";
import { refreshOutgoing } from "@/lib/migrations/mirror";
import { UnsupportedByProviderError } from "@/lib/providers/port";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";
import { syncRecordTags } from "@/lib/tags/records";
import type { TcrClient } from "@/lib/tcr/client";
import { CampaignBuilderCreateRequest } from "@/lib/tcr/schemas/campaignBuilder";

type Ctx = Pick<OrgContext, "user" | "org">;
export type ClientFor = (db: Db, orgId: string) => Promise<TcrClient>;

export async function ownCampaign(db: Db, orgId: string, campaignId: string) {
  const row = await db.campaign.findFirst({ where: { orgId, campaignId }, select: { id: true, status: true, brandId: true, deletedAt: true } });
  if (!row) throw new NotFoundError("That campaign");
  return row;
}

export function refuseExpired(row: { status: string | null; deletedAt: Date | null }) {
  if (row.status === "EXPIRED" || row.deletedAt) {
    throw new ConflictError("This campaign is deactivated (EXPIRED). The registry does not change expired campaigns: create a new one instead.");
  }
}

/** Re-reads the campaign after a write; a failed read leaves the mirror for webhooks/reconciliation to fix. */
async function refreshQuietly(db: Db, client: TcrClient, orgId: string, campaignId: string) {
  try {
    const outcome = await refreshCampaign(db, client, orgId, campaignId);
    if (outcome !== "deleted") {
      await refreshOutgoing(db, client, orgId, campaignId);
      // The refreshed object has no tags (the registry keeps them apart): put them back for the list.
      await syncRecordTags(db, client, "CAMPAIGN", orgId, campaignId);
    }
    return outcome;
  } catch (err) {
    log().warn({ err, orgId, campaignId }, "campaign refresh after write failed");
    return null;
  }
}

async function unlessUnsupported<T>(f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof UnsupportedByProviderError) return undefined;
    throw e;
  }
}

export async function refreshCampaignFromRegistry(db: Db, ctx: Ctx, input: z.infer<typeof refreshCampaignSchema>, clientFor: ClientFor = registryClientFor) {
  await ownCampaign(db, ctx.org.id, input.campaignId);
  const client = await clientFor(db, ctx.org.id);
  const outcome = await refreshCampaign(db, client, ctx.org.id, input.campaignId);
  let phoneNumbers: PhoneNumberRefresh | undefined;
  if (outcome !== "deleted") {
    // What the upstream does not offer (sharing and migrations on Vonage) is not part of its refresh: it used to fail
    // the whole refresh after the campaign itself had been re-read, so the page never showed the new state.
    await unlessUnsupported(() => refreshOutgoing(db, client, ctx.org.id, input.campaignId));
    await unlessUnsupported(() => syncRecordTags(db, client, "CAMPAIGN", ctx.org.id, input.campaignId));
    phoneNumbers = await unlessUnsupported(() => refreshCampaignPhoneNumbers(db, client, ctx.org.id, input.campaignId));
  }
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "campaign.refresh", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS", detail: { result: outcome, phoneNumbers } });
  return { campaignId: input.campaignId, outcome };
}

/** PUT /campaign/{id} with only the fields the update table allows (the schema admits nothing else). */
export async function updateCampaign(db: Db, ctx: Ctx, input: z.infer<typeof updateCampaignSchema>, clientFor: ClientFor = registryClientFor) {
  const { campaignId, ...changes } = input;
  const row = await ownCampaign(db, ctx.org.id, campaignId);
  refuseExpired(row);
  const fields = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined);
  if (fields.length === 0) throw new ValidationFailedError({ _form: "Nothing to change." }, "Nothing to change.");
  const client = await clientFor(db, ctx.org.id);
  await client.campaigns.update(campaignId, changes);
  const outcome = await refreshQuietly(db, client, ctx.org.id, campaignId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "campaign.update", targetType: "campaign", targetId: campaignId, outcome: "SUCCESS", detail: { fields, result: outcome } });
  return { campaignId, fields };
}

export async function setCampaignAutoRenewal(db: Db, ctx: Ctx, input: z.infer<typeof autoRenewalSchema>, clientFor: ClientFor = registryClientFor) {
  const row = await ownCampaign(db, ctx.org.id, input.campaignId);
  refuseExpired(row);
  const client = await clientFor(db, ctx.org.id);
  await client.campaigns.update(input.campaignId, { autoRenewal: input.autoRenewal });
  await refreshQuietly(db, client, ctx.org.id, input.campaignId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "campaign.autoRenewal", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS",
    detail: { autoRenewal: input.autoRenewal },
  });
  return { campaignId: input.campaignId, autoRenewal: input.autoRenewal };
}

/** DELETE /campaign/{id}: irreversible (status EXPIRED, numbers leave nnSR). Idempotent at the registry. */
export async function deactivateCampaign(db: Db, ctx: Ctx, input: z.infer<typeof deactivateCampaignSchema>, clientFor: ClientFor = registryClientFor) {
  await ownCampaign(db, ctx.org.id, input.campaignId);
  const client = await clientFor(db, ctx.org.id);
  await client.campaigns.deactivate(input.campaignId);
  const outcome = await refreshQuietly(db, client, ctx.org.id, input.campaignId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "campaign.deactivate", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS", detail: { result: outcome } });
  return { campaignId: input.campaignId };
}

/** PUT /campaign/{id}/resubmit (billable): the dialog's request key makes a retry reuse the same intent. */
export async function resubmitCampaign(db: Db, ctx: Ctx, input: z.infer<typeof resubmitCampaignSchema>, clientFor: ClientFor = registryClientFor) {
  const row = await ownCampaign(db, ctx.org.id, input.campaignId);
  refuseExpired(row);
  const client = await clientFor(db, ctx.org.id);
  const mnoIds = [...input.mnoIds].sort((a, b) => a - b);
  const res = await client.campaigns.resubmit(input.campaignId, { mnoIds }, { idempotencyKey: `campaign-resubmit:${ctx.org.id}:${input.campaignId}:${input.requestKey}` });
  await refreshQuietly(db, client, ctx.org.id, input.campaignId);
  const accepted = Object.keys(res.mnoMetadata ?? {});
  // The same request again (a double click, a reload) is answered from the stored intent: sent, and audited, once.
  const audited = await db.auditLog.count({
    where: { orgId: ctx.org.id, action: "campaign.resubmit", targetId: input.campaignId, detail: { path: ["requestKey"], equals: input.requestKey } },
  });
  if (audited === 0) {
    await audit(db, {
      orgId: ctx.org.id, actor: ctx.user, action: "campaign.resubmit", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS",
      detail: { mnoIds, accepted, requestKey: input.requestKey },
    });
  }
  return { campaignId: input.campaignId, accepted };
}

/** POST /campaign/{id}/nudge: not billable. REVIEW wakes an idle upstream CNP; APPEAL_REJECTION asks for a second look. */
export async function nudgeCampaign(db: Db, ctx: Ctx, input: z.infer<typeof nudgeCampaignSchema>, clientFor: ClientFor = registryClientFor) {
  const row = await ownCampaign(db, ctx.org.id, input.campaignId);
  refuseExpired(row);
  const client = await clientFor(db, ctx.org.id);
  const res = await client.campaigns.nudge(input.campaignId, { nudgeIntent: input.nudgeIntent, ...(input.description ? { description: input.description } : {}) });
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "campaign.nudge", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS",
    detail: { nudgeIntent: input.nudgeIntent },
  });
  return { campaignId: input.campaignId, message: res.message ?? "Nudge sent" };
}

/**
 * PUT /campaign/{id}/sharing/{upstreamCnpId}: shares with an upstream connectivity partner (sharing with a
 * DCA elects it). The registry refuses to change a share until the partner declines it.
 */
export async function shareCampaign(db: Db, ctx: Ctx, input: z.infer<typeof shareCampaignSchema>, clientFor: ClientFor = registryClientFor) {
  const row = await ownCampaign(db, ctx.org.id, input.campaignId);
  refuseExpired(row);
  const client = await clientFor(db, ctx.org.id);
  const record = await client.campaigns.share(input.campaignId, input.upstreamCnpId);
  await refreshQuietly(db, client, ctx.org.id, input.campaignId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "campaign.share", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS",
    detail: { upstreamCnpId: input.upstreamCnpId, sharingStatus: record.sharingStatus ?? null },
  });
  return { campaignId: input.campaignId, sharingStatus: record.sharingStatus ?? null };
}

/** DELETE /campaign/{id}/excludedMno/{mnoId}: asks the DCA to include a carrier it excluded, with a reason. */
export async function removeExcludedMno(db: Db, ctx: Ctx, input: z.infer<typeof removeExcludedMnoSchema>, clientFor: ClientFor = registryClientFor) {
  const row = await ownCampaign(db, ctx.org.id, input.campaignId);
  refuseExpired(row);
  const client = await clientFor(db, ctx.org.id);
  await client.mno.deleteExcludedMno(input.campaignId, input.mnoId, { explanation: input.explanation });
  await refreshQuietly(db, client, ctx.org.id, input.campaignId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "campaign.excludedMno.remove", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS",
    detail: { mnoId: input.mnoId },
  });
  return { campaignId: input.campaignId, mnoId: input.mnoId };
}

/* ---------------------------------------------------------------- builder reads */

async function ownBrand(db: Db, orgId: string, brandId: string) {
  const brand = await db.brand.findFirst({ where: { orgId, brandId } });
  if (!brand) throw new NotFoundError("That brand");
  return brand;
}

/** The registry's live answer for one brand and use case (per-carrier metadata, fees, sub-use-case bounds). */
export async function fetchQualification(db: Db, orgId: string, input: z.infer<typeof qualificationQuerySchema>, clientFor: ClientFor = registryClientFor) {
  await ownBrand(db, orgId, input.brandId);
  const client = await clientFor(db, orgId);
  return client.campaignBuilder.qualifyBrandUsecase(input.brandId, input.usecase);
}

/** The registry's answer for every use case at once (fees and per-carrier qualification), for the use-case list. */
export async function fetchBrandQualifications(db: Db, orgId: string, input: { brandId: string }, clientFor: ClientFor = registryClientFor) {
  await ownBrand(db, orgId, input.brandId);
  const client = await clientFor(db, orgId);
  return client.campaignBuilder.qualifyBrand(input.brandId);
}

/* ---------------------------------------------------------------- drafts */

export async function saveCampaignDraft(db: Db, ctx: Ctx, input: z.infer<typeof saveCampaignDraftSchema>) {
  const data = input.data as Prisma.InputJsonValue;
  const cols = { brandId: input.data.brandId || null, usecase: input.data.usecase || null, step: input.step, data };
  if (input.draftId) {
    // The org id and "not yet submitted" are in the where: a submitted draft is the record of what was sent.
    const r = await db.campaignDraft.updateMany({ where: { id: input.draftId, orgId: ctx.org.id, submittedAt: null }, data: cols });
    if (r.count === 0) throw new NotFoundError("That draft");
    return { draftId: input.draftId, savedAt: new Date().toISOString() };
  }
  const row = await db.campaignDraft.create({ data: { orgId: ctx.org.id, createdById: ctx.user.id, ...cols } });
  return { draftId: row.id, savedAt: row.updatedAt.toISOString() };
}

export async function deleteCampaignDraft(db: Db, ctx: Ctx, input: z.infer<typeof deleteCampaignDraftSchema>) {
  const r = await db.campaignDraft.deleteMany({ where: { id: input.draftId, orgId: ctx.org.id, submittedAt: null } });
  if (r.count === 0) throw new NotFoundError("That draft");
  return { draftId: input.draftId };
}

/** Findings as form field errors: the first message per field, so each shows next to its input. */
export function findingsToFieldErrors(findings: Finding[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of findings) {
    if (f.severity !== "block") continue;
    for (const k of f.fields.length ? f.fields : ["_form"]) out[k] ??= f.message;
  }
  return out;
}

export type SubmitDeps = { clientFor?: ClientFor; storage?: () => EvidenceStorage };

/**
 * Registers the draft's campaign (billable). In order: the draft and brand belong to the org; the
 * request passes the registry's own validation table; the registry's current qualification is fetched
 * and the compliance check runs on it server-side, and any blocking finding stops here before any fee;
 * then the billable create with the draft id as idempotency key (a retry, a double click or a timeout
 * never creates a second campaign); the mirror and the draft are updated; chosen MMS files are attached.
 */
export async function submitCampaignDraft(db: Db, ctx: Ctx, input: z.infer<typeof submitCampaignDraftSchema>, deps: SubmitDeps = {}) {
  const clientFor = deps.clientFor ?? registryClientFor;
  const draft = await db.campaignDraft.findFirst({ where: { id: input.draftId, orgId: ctx.org.id } });
  if (!draft) throw new NotFoundError("That draft");
  if (draft.campaignId) return { campaignId: draft.campaignId, alreadySubmitted: true, attachFailures: [] as string[] };

  const data = campaignDraftDataSchema.parse(draft.data ?? {});
  if (!data.brandId) throw new ValidationFailedError({ brandId: "Choose a brand." });
  if (!data.usecase) throw new ValidationFailedError({ usecase: "Choose a use case." });
  const brand = await ownBrand(db, ctx.org.id, data.brandId);
  const eligible = brandEligibility(brand, { identityReported: (await capabilitiesFor(db, ctx.org.id)).has("brand.identityStatus") });
  if (!eligible.ok) throw new ValidationFailedError({ brandId: eligible.reason }, `This brand cannot register campaigns: ${eligible.reason}`);

  const request = createRequestFromDraft(data);
  const parsed = CampaignBuilderCreateRequest.safeParse(request);
  if (!parsed.success) {
    const fe: FieldErrors = {};
    for (const i of parsed.error.issues) fe[i.path.join(".") || "_form"] ??= i.message;
    throw new ValidationFailedError(fe);
  }

  const client = await clientFor(db, ctx.org.id);
  const qualification = await client.campaignBuilder.qualifyBrandUsecase(data.brandId, data.usecase);
  const b = (brand.data ?? {}) as Record<string, unknown>;
  const findings = lintCampaign({
    brand: { displayName: brand.displayName, companyName: brand.companyName, entityType: brand.entityType, website: typeof b.website === "string" ? b.website : null },
    campaign: { ...request, affiliateMarketing: data.affiliateMarketing ?? false },
    mno: qualification.mnoMetadata ?? null,
    usecaseLimits: { minSubUsecases: qualification.minSubUsecases, maxSubUsecases: qualification.maxSubUsecases },
    consent: (data.consent as never) ?? null,
  });
  if (hasBlockingFindings(findings)) {
    const blocking = findings.filter((f) => f.severity === "block");
    throw new ValidationFailedError(
      findingsToFieldErrors(blocking),
      `The compliance check found ${blocking.length} problem${blocking.length === 1 ? "" : "s"} that would get this campaign rejected; nothing was sent or charged. Fix them and submit again.`,
    );
  }

  // A published page that did not load, or a policy that says it shares mobile data, is as certain a rejection:
  // the latest check of the draft's current URLs counts (checking is the user's step; the review step offers it).
  const snapshots = await latestDraftSnapshots(db, ctx.org.id, draft.id, data);
  const pageBlocks = blockingPageFindings(snapshots);
  if (pageBlocks.length) {
    throw new ValidationFailedError(
      findingsToFieldErrors(pageBlocks),
      `The published-page check found ${pageBlocks.length} problem${pageBlocks.length === 1 ? "" : "s"} that would get this campaign rejected; nothing was sent or charged. Fix the page${pageBlocks.length === 1 ? "" : "s"} and check again.`,
    );
  }

  // Warnings do not stop the submit; the ones the user acknowledged, with the reason, go to the audit log.
  const acks = matchAcknowledgements(findings, data.acknowledgements);
  const acknowledgedWarnings = acks.acknowledged.map(({ finding, reason }) => ({ ruleId: finding.ruleId, ...(finding.detail ? { detail: finding.detail } : {}), reason }));

  const created = await client.campaignBuilder.create(parsed.data, { idempotencyKey: `campaign-draft:${draft.id}`, ...(data.consent ? { consent: data.consent } : {}) });
  await refreshQuietly(db, client, ctx.org.id, created.campaignId);
  // Two submits of one draft at once (a double click) get the same campaign from the billable intent; only the one
  // that claims the draft records it, so the audit log has one campaign.create and MMS files are attached once.
  const claimed = await db.campaignDraft.updateMany({ where: { id: draft.id, orgId: ctx.org.id, campaignId: null }, data: { campaignId: created.campaignId, submittedAt: new Date(), step: "review" } });
  if (claimed.count === 0) return { campaignId: created.campaignId, alreadySubmitted: true, attachFailures: [] as string[] };
  const pageSnapshots = await linkSnapshotsToCampaign(db, ctx.org.id, snapshots.map((s) => s.id), created.campaignId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "campaign.create", targetType: "campaign", targetId: created.campaignId, outcome: "SUCCESS",
    detail: {
      draftId: draft.id, brandId: data.brandId, usecase: data.usecase, monthlyFee: qualification.monthlyFee ?? null, carriers: Object.keys(created.mnoMetadata ?? {}),
      warnings: acks.acknowledged.length + acks.unacknowledged.length, acknowledgedWarnings: acknowledgedWarnings.length, pageSnapshots,
    },
  });
  if (acknowledgedWarnings.length) {
    await audit(db, {
      orgId: ctx.org.id, actor: ctx.user, action: "campaign.warnings.acknowledge", targetType: "campaign", targetId: created.campaignId, outcome: "SUCCESS",
      detail: { draftId: draft.id, acknowledged: acknowledgedWarnings, unacknowledged: acks.unacknowledged.map((f) => ({ ruleId: f.ruleId, ...(f.detail ? { detail: f.detail } : {}) })) },
    });
  }

  // The campaign exists and is paid for: a failed MMS upload is reported, not thrown, and can be retried from the detail page.
  const attachFailures: string[] = [];
  if (data.mmsFileIds?.length && deps.storage !== undefined) {
    const storage = deps.storage();
    for (const fileId of data.mmsFileIds) {
      try {
        await attachEvidence({ db, storage, client }, ctx, { fileId, targetType: "CAMPAIGN_MMS", targetId: created.campaignId });
      } catch (e) {
        attachFailures.push(describeRegistryError(e)?.message ?? (e instanceof Error ? e.message : "upload failed"));
      }
    }
  }
  return { campaignId: created.campaignId, alreadySubmitted: false, attachFailures };
}
