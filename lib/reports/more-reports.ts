import type { Prisma } from "@/generated/prisma/client";
import { mnoName } from "@/lib/campaigns/carriers";
import { afterWhere, keysetBatches, keysetOrderBy, type KeyPart } from "@/lib/csv";
import { migrationStatusLabel } from "@/lib/migrations/eligibility";
import { incomingWhere } from "@/lib/migrations/facts";
import { registeredIdOf, type IncomingFilter } from "@/lib/migrations/schemas";
import { parseIncoming } from "@/lib/migrations/search-params";
import {
  bulkJobItemFilterSchema, migrationFilterSchema, parseWith, phoneNumberFilterSchema, statusHistoryFilterSchema,
  vettingFilterSchema,
} from "./filters";
import type { ReportDef } from "./types";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Per-carrier status history: the registry's MNO_CAMPAIGN_OPERATION_* webhooks, oldest first, next to the
// status the mirror holds now.

export const OPERATION_EVENT_PREFIX = "MNO_CAMPAIGN_OPERATION_";
/** The operation status an event leaves the campaign in on that carrier. */
export const STATUS_AFTER_EVENT: Record<string, string> = {
  MNO_CAMPAIGN_OPERATION_APPROVED: "REGISTERED",
  MNO_CAMPAIGN_OPERATION_REJECTED: "REJECTED",
  MNO_CAMPAIGN_OPERATION_REVIEW: "REVIEW",
  MNO_CAMPAIGN_OPERATION_SUSPENDED: "SUSPENDED",
  MNO_CAMPAIGN_OPERATION_UNSUSPENDED: "REGISTERED",
};

const historySelect = { id: true, receivedAt: true, eventType: true, campaignId: true, brandId: true, payload: true, deliveries: true } satisfies Prisma.RegistryEventSelect;
export type StatusHistoryRow = Prisma.RegistryEventGetPayload<{ select: typeof historySelect }> & { mnoId: string | null; currentStatus: string | null };
const historyKeys: KeyPart[] = [{ field: "receivedAt", dir: "asc" }, { field: "id", dir: "asc" }];

export const statusHistoryReport: ReportDef<StatusHistoryRow, ReturnType<typeof statusHistoryFilterSchema.parse>> = {
  id: "campaign-status-history",
  title: "Per-carrier status history",
  description: "Every change of a campaign's status on a carrier the registry reported (approved, rejected, under review, suspended, unsuspended), oldest first, with the carrier's reason and the status the portal holds now.",
  permission: "org.read",
  filters: [
    { name: "campaignId", description: "One campaign." },
    { name: "brandId", description: "The campaigns of one brand." },
  ],
  columns: [
    { header: "Received at", description: "When the portal received the registry's event, ISO 8601 UTC.", value: (r) => r.receivedAt },
    { header: "Campaign ID", description: "`campaignId`.", value: (r) => r.campaignId },
    { header: "Brand ID", description: "`brandId`.", value: (r) => r.brandId },
    { header: "Carrier ID", description: "The carrier's network id (`mnoId`).", value: (r) => r.mnoId },
    { header: "Carrier", description: "The carrier's name.", value: (r) => (r.mnoId ? mnoName(r.mnoId) : null) },
    { header: "Event", description: "The registry's event type (`MNO_CAMPAIGN_OPERATION_…`).", value: (r) => r.eventType },
    { header: "Status after", description: "The operation status the event leaves: REGISTERED, REJECTED, REVIEW or SUSPENDED.", value: (r) => STATUS_AFTER_EVENT[r.eventType] ?? null },
    { header: "Description", description: "The registry's description, e.g. the carrier's rejection reason.", value: (r) => str(obj(r.payload).description) },
    { header: "Current status", description: "The campaign's operation status on that carrier now, as the mirror holds it.", value: (r) => r.currentStatus },
    { header: "Deliveries", description: "How many times the registry delivered the event (duplicates counted once).", value: (r) => r.deliveries },
  ],
  parseFilter: parseWith(statusHistoryFilterSchema),
  batches: (db, orgId, f, size) => {
    const where: Prisma.RegistryEventWhereInput = {
      orgId,
      eventType: { startsWith: OPERATION_EVENT_PREFIX },
      ...(f.campaignId ? { campaignId: f.campaignId } : {}),
      ...(f.brandId ? { brandId: f.brandId } : {}),
    };
    return keysetBatches<StatusHistoryRow>(async (after, take) => {
      const rows = await db.registryEvent.findMany({
        where: after ? { AND: [where, afterWhere(historyKeys, after) as Prisma.RegistryEventWhereInput] } : where,
        orderBy: keysetOrderBy(historyKeys) as Prisma.RegistryEventOrderByWithRelationInput[],
        take,
        select: historySelect,
      });
      const campaignIds = [...new Set(rows.map((r) => r.campaignId).filter((c): c is string => Boolean(c)))];
      const ops = campaignIds.length
        ? await db.campaignOperation.findMany({
            where: { campaign: { orgId, campaignId: { in: campaignIds } } },
            select: { mnoId: true, status: true, campaign: { select: { campaignId: true } } },
          })
        : [];
      const current = new Map(ops.map((o) => [`${o.campaign.campaignId}/${o.mnoId}`, o.status]));
      return rows.map((r) => {
        const mnoId = str(obj(r.payload).mnoId);
        return { ...r, mnoId, currentStatus: (r.campaignId && mnoId && current.get(`${r.campaignId}/${mnoId}`)) || null };
      });
    }, size);
  },
};

// ---------------------------------------------------------------------------------------------------------
// CNP migrations (both directions).

const migrationSelect = {
  id: true, campaignId: true, direction: true, status: true, targetCnpId: true, requestedAt: true, cancellationReason: true, confirmedAt: true, createdAt: true,
} satisfies Prisma.CnpMigrationSelect;
type MigrationRow = Prisma.CnpMigrationGetPayload<{ select: typeof migrationSelect }>;
const migrationKeys: KeyPart[] = [{ field: "createdAt", dir: "desc" }, { field: "id", dir: "desc" }];

export const migrationsReport: ReportDef<MigrationRow, ReturnType<typeof migrationFilterSchema.parse>> = {
  id: "migrations",
  title: "CNP migrations",
  description: "Campaign migrations between connectivity partners, ours (outgoing) and those moving to us (incoming), newest first.",
  permission: "org.read",
  filters: [
    { name: "direction", description: "OUTGOING (we started it) or INCOMING." },
    { name: "status", description: "The registry's migration status (ACTIVE/OPEN, COMPLETE, CANCELED)." },
    { name: "campaignId", description: "One campaign." },
  ],
  columns: [
    { header: "Campaign ID", description: "`campaignId`.", value: (r) => r.campaignId },
    { header: "Direction", description: "OUTGOING (this organization initiated it) or INCOMING.", value: (r) => r.direction },
    { header: "Status", description: "The registry's migration `status`.", value: (r) => r.status },
    { header: "Status (label)", description: "Open, Complete or Canceled.", value: (r) => migrationStatusLabel(r.status) },
    { header: "Target CNP", description: "The connectivity partner the campaign moves to.", value: (r) => r.targetCnpId },
    { header: "Requested at", description: "When the migration was opened, ISO 8601 UTC.", value: (r) => r.requestedAt },
    { header: "Cancellation reason", description: "`cancellationReason`, when canceled.", value: (r) => r.cancellationReason },
    { header: "Last confirmed", description: "When the registry last confirmed this row.", value: (r) => r.confirmedAt },
  ],
  parseFilter: parseWith(migrationFilterSchema),
  batches: (db, orgId, f, size) => {
    const where: Prisma.CnpMigrationWhereInput = {
      orgId,
      ...(f.direction ? { direction: f.direction } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    };
    return keysetBatches<MigrationRow>(
      (after, take) =>
        db.cnpMigration.findMany({
          where: after ? { AND: [where, afterWhere(migrationKeys, after) as Prisma.CnpMigrationWhereInput] } : where,
          orderBy: keysetOrderBy(migrationKeys) as Prisma.CnpMigrationOrderByWithRelationInput[],
          take,
          select: migrationSelect,
        }),
      size,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Partner campaigns: campaigns other CSPs/CNPs shared with us, filtered and ordered as the Partner campaigns
// list does (its parser and where clause from lib/migrations).

const partnerSelect = {
  campaignId: true, brandId: true, usecase: true, status: true, downstreamCnpId: true, upstreamCnpId: true, sharingStatus: true,
  sharedAt: true, cnpMigration: true, confirmedAt: true,
} satisfies Prisma.PartnerCampaignSelect;
type PartnerRow = Prisma.PartnerCampaignGetPayload<{ select: typeof partnerSelect }>;
// The list's order: newest share first (PostgreSQL puts never-dated shares first in DESC), campaign id breaking ties.
const partnerKeys: KeyPart[] = [{ field: "sharedAt", dir: "desc", nullable: true, nullsFirst: true }, { field: "campaignId", dir: "asc" }];

export const partnerCampaignsReport: ReportDef<PartnerRow, IncomingFilter> = {
  id: "partner-campaigns",
  title: "Partner campaigns (shares)",
  description: "Campaigns shared with this organization by a downstream partner, newest share first, with the sharing status and whom we shared them on to, as the Partner campaigns list filters them.",
  permission: "org.read",
  tablePath: "/partner-campaigns",
  filters: [
    { name: "q", description: "Part of the campaign id or brand id." },
    { name: "downstreamCnpId", description: "The partner who shared it with us." },
    { name: "usecase", description: "Exact use case." },
    { name: "sharingStatus", description: "PENDING (waiting for us), ACCEPTED or DECLINED." },
    { name: "migrationShare", description: "yes for migration shares only, no for plain shares only." },
  ],
  columns: [
    { header: "Campaign ID", description: "`campaignId`.", value: (r) => r.campaignId },
    { header: "Brand ID", description: "`brandId`.", value: (r) => r.brandId },
    { header: "Use case", description: "`usecase`.", value: (r) => r.usecase },
    { header: "Status", description: "Campaign `status`: ACTIVE or EXPIRED.", value: (r) => r.status },
    { header: "Shared by (downstream CNP)", description: "`downstreamCnpId`: who shared it with us.", value: (r) => r.downstreamCnpId },
    { header: "Sharing status", description: "`sharingStatus` of the share with us: PENDING, ACCEPTED or DECLINED.", value: (r) => r.sharingStatus },
    { header: "Shared at", description: "`sharedDate`, ISO 8601 UTC.", value: (r) => r.sharedAt },
    { header: "Shared on to (upstream CNP)", description: "`upstreamCnpId`, if we shared it further.", value: (r) => r.upstreamCnpId },
    { header: "CNP migration", description: "`cnpMigration`: true when the share is part of a migration.", value: (r) => r.cnpMigration },
    { header: "Last confirmed", description: "When the registry last confirmed this row.", value: (r) => r.confirmedAt },
  ],
  parseFilter: parseIncoming,
  batches: (db, orgId, f, size) => {
    const where = incomingWhere(orgId, f);
    return keysetBatches<PartnerRow>(
      (after, take) =>
        db.partnerCampaign.findMany({
          where: after ? { AND: [where, afterWhere(partnerKeys, after) as Prisma.PartnerCampaignWhereInput] } : where,
          orderBy: keysetOrderBy(partnerKeys) as Prisma.PartnerCampaignOrderByWithRelationInput[],
          take,
          select: partnerSelect,
        }),
      size,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Bulk job results, one row per campaign of a job.

const itemSelect = {
  jobId: true, campaignId: true, state: true, reason: true, error: true, attempts: true, startedAt: true, finishedAt: true, result: true,
  job: { select: { kind: true, createdAt: true } },
} satisfies Prisma.BulkJobItemSelect;
type ItemRow = Prisma.BulkJobItemGetPayload<{ select: typeof itemSelect }>;
const itemKeys: KeyPart[] = [{ field: "jobId", dir: "desc" }, { field: "campaignId", dir: "asc" }];

export const bulkJobItemsReport: ReportDef<ItemRow, ReturnType<typeof bulkJobItemFilterSchema.parse>> = {
  id: "bulk-job-results",
  title: "Bulk job results",
  description: "The outcome for each campaign of each bulk job: succeeded, skipped (and why) or failed (and the error).",
  permission: "org.read",
  filters: [
    { name: "jobId", description: "One job." },
    { name: "state", description: "PENDING, RUNNING, SUCCEEDED, SKIPPED or FAILED." },
  ],
  columns: [
    { header: "Job ID", description: "The portal's job id.", value: (r) => r.jobId },
    { header: "Job kind", description: "What the job does, e.g. a bulk resubmission.", value: (r) => r.job.kind },
    { header: "Job created at", description: "ISO 8601 UTC.", value: (r) => r.job.createdAt },
    { header: "Campaign ID", description: "`campaignId`; for a CSV import, the file row (`brand:<line>` or `campaign:<line>`).", value: (r) => r.campaignId },
    { header: "State", description: "PENDING, RUNNING, SUCCEEDED, SKIPPED or FAILED.", value: (r) => r.state },
    { header: "Reason", description: "Why the campaign was skipped.", value: (r) => r.reason },
    { header: "Error", description: "Why it failed (the registry's message).", value: (r) => r.error },
    { header: "Attempts", description: "Tries so far.", value: (r) => r.attempts },
    { header: "Started at", description: "ISO 8601 UTC.", value: (r) => r.startedAt },
    { header: "Finished at", description: "ISO 8601 UTC.", value: (r) => r.finishedAt },
    { header: "Registered ID", description: "CSV imports: the brand or campaign id the row registered.", value: (r) => registeredIdOf(r.result) },
  ],
  parseFilter: parseWith(bulkJobItemFilterSchema),
  batches: (db, orgId, f, size) => {
    const where: Prisma.BulkJobItemWhereInput = { orgId, ...(f.jobId ? { jobId: f.jobId } : {}), ...(f.state ? { state: f.state } : {}) };
    return keysetBatches<ItemRow>(
      (after, take) =>
        db.bulkJobItem.findMany({
          where: after ? { AND: [where, afterWhere(itemKeys, after) as Prisma.BulkJobItemWhereInput] } : where,
          orderBy: keysetOrderBy(itemKeys) as Prisma.BulkJobItemOrderByWithRelationInput[],
          take,
          select: itemSelect,
        }),
      size,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Vetting records and their expiry.

const vettingSelect = {
  id: true, brandId: true, evpId: true, vettingClass: true, vettingId: true, vettingStatus: true, vettingScore: true, vettedDate: true,
  expiresAt: true, confirmedAt: true,
} satisfies Prisma.BrandVettingSelect;
type VettingRow = Prisma.BrandVettingGetPayload<{ select: typeof vettingSelect }>;
const vettingKeys: KeyPart[] = [{ field: "expiresAt", dir: "asc", nullable: true }, { field: "id", dir: "asc" }];

export const vettingsReport: ReportDef<VettingRow, ReturnType<typeof vettingFilterSchema.parse>> = {
  id: "vettings",
  title: "Vetting records and expiries",
  description: "External vetting records of the organization's brands, soonest expiry first.",
  permission: "org.read",
  filters: [
    { name: "brandId", description: "One brand." },
    { name: "vettingStatus", description: "PENDING, UNSCORE, ACTIVE, FAILED or EXPIRED." },
    { name: "expiresWithin", description: "Expires within this many days from now (already expired records are left out)." },
  ],
  columns: [
    { header: "Brand ID", description: "`brandId`.", value: (r) => r.brandId },
    { header: "Vetting provider", description: "`evpId`, e.g. AEGIS.", value: (r) => r.evpId },
    { header: "Vetting class", description: "`vettingClass`, e.g. STANDARD.", value: (r) => r.vettingClass },
    { header: "Vetting ID", description: "`vettingId`.", value: (r) => r.vettingId },
    { header: "Vetting status", description: "`vettingStatus`: PENDING, UNSCORE, ACTIVE, FAILED or EXPIRED.", value: (r) => r.vettingStatus },
    { header: "Vetting score", description: "`vettingScore`.", value: (r) => r.vettingScore },
    { header: "Vetted at", description: "`vettedDate`, ISO 8601 UTC.", value: (r) => r.vettedDate },
    { header: "Expires at", description: "When the vetting expires, ISO 8601 UTC.", value: (r) => r.expiresAt },
    { header: "Last confirmed", description: "When the registry last confirmed this row.", value: (r) => r.confirmedAt },
  ],
  parseFilter: parseWith(vettingFilterSchema),
  batches: (db, orgId, f, size) => {
    const now = new Date();
    const where: Prisma.BrandVettingWhereInput = {
      orgId,
      ...(f.brandId ? { brandId: f.brandId } : {}),
      ...(f.vettingStatus ? { vettingStatus: f.vettingStatus } : {}),
      ...(f.expiresWithin ? { expiresAt: { gte: now, lte: new Date(now.getTime() + f.expiresWithin * DAY) } } : {}),
    };
    return keysetBatches<VettingRow>(
      (after, take) =>
        db.brandVetting.findMany({
          where: after ? { AND: [where, afterWhere(vettingKeys, after) as Prisma.BrandVettingWhereInput] } : where,
          orderBy: keysetOrderBy(vettingKeys) as Prisma.BrandVettingOrderByWithRelationInput[],
          take,
          select: vettingSelect,
        }),
      size,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Phone numbers per campaign.

const phoneSelect = { campaignId: true, phoneNumber: true, status: true, confirmedAt: true } satisfies Prisma.CampaignPhoneNumberSelect;
type PhoneRow = Prisma.CampaignPhoneNumberGetPayload<{ select: typeof phoneSelect }>;
const phoneKeys: KeyPart[] = [{ field: "campaignId", dir: "asc" }, { field: "phoneNumber", dir: "asc" }];

export const phoneNumbersReport: ReportDef<PhoneRow, ReturnType<typeof phoneNumberFilterSchema.parse>> = {
  id: "phone-numbers",
  title: "Phone numbers per campaign",
  description: "The phone numbers attached to each campaign, with their status.",
  permission: "org.read",
  filters: [
    { name: "campaignId", description: "One campaign." },
    { name: "q", description: "Digits of the phone number." },
  ],
  columns: [
    { header: "Campaign ID", description: "`campaignId`.", value: (r) => r.campaignId },
    { header: "Phone number", description: "E.164, e.g. +12025550123 (a bare number: not prefixed, see Formula injection).", value: (r) => r.phoneNumber },
    { header: "Status", description: "The number's status on the campaign.", value: (r) => r.status },
    { header: "Last confirmed", description: "When the registry last confirmed this row.", value: (r) => r.confirmedAt },
  ],
  parseFilter: parseWith(phoneNumberFilterSchema),
  batches: (db, orgId, f, size) => {
    const where: Prisma.CampaignPhoneNumberWhereInput = {
      orgId,
      ...(f.campaignId ? { campaignId: f.campaignId } : {}),
      ...(f.q ? { phoneNumber: { contains: f.q } } : {}),
    };
    return keysetBatches<PhoneRow>(
      (after, take) =>
        db.campaignPhoneNumber.findMany({
          where: after ? { AND: [where, afterWhere(phoneKeys, after) as Prisma.CampaignPhoneNumberWhereInput] } : where,
          orderBy: keysetOrderBy(phoneKeys) as Prisma.CampaignPhoneNumberOrderByWithRelationInput[],
          take,
          select: phoneSelect,
        }),
      size,
    );
  },
};
