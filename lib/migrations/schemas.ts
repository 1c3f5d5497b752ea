/** Client-safe inputs of the migration dashboard and the bulk engine: kinds, parameters, filters, selections. */
import { z } from "zod";
import { CnpMigrationSettingsRequest } from "@/lib/tcr/schemas/cnpMigration";
import { SharingRejectionCategory } from "@/lib/tcr/schemas/enums";

export const BULK_KINDS = ["MIGRATE", "CANCEL_MIGRATION", "ELECT", "DECLINE"] as const;
export type BulkKind = (typeof BULK_KINDS)[number];
export const BULK_KIND_LABELS: Record<BulkKind, string> = {
  MIGRATE: "Migrate to CNP", CANCEL_MIGRATION: "Cancel migration", ELECT: "Elect / accept", DECLINE: "Decline",
};
/** The import jobs (lib/imports/run.ts) run on the same engine; their items are file rows, not campaigns. */
export const IMPORT_JOB_KINDS = ["IMPORT_BRANDS", "IMPORT_CAMPAIGNS"] as const;
export type ImportJobKind = (typeof IMPORT_JOB_KINDS)[number];
export const isImportJobKind = (kind: string): kind is ImportJobKind => (IMPORT_JOB_KINDS as readonly string[]).includes(kind);
/** What an import job's item registered (its result), for the job page and the results CSV. */
export function registeredIdOf(result: unknown): string | null {
  const r = (result && typeof result === "object" ? result : {}) as { campaignId?: unknown; brandId?: unknown };
  return typeof r.campaignId === "string" ? r.campaignId : typeof r.brandId === "string" ? r.brandId : null;
}
export const JOB_STATUSES = ["QUEUED", "RUNNING", "CANCELLING", "CANCELLED", "COMPLETED"] as const;
export const ITEM_STATES = ["PENDING", "RUNNING", "SUCCEEDED", "SKIPPED", "FAILED"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

const cnpId = z.string().trim().regex(/^S[A-Z0-9]{3,9}$/, "Choose a connectivity partner");

export const bulkParamsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("MIGRATE"), upstreamCnpId: cnpId }),
  z.object({ kind: z.literal("CANCEL_MIGRATION"), explanation: z.string().max(2048).default("") }),
  z.object({ kind: z.literal("ELECT"), upstreamCnpId: cnpId }),
  z.object({
    kind: z.literal("DECLINE"),
    rejectionCategory: z.array(SharingRejectionCategory).min(1, "Choose at least one category"),
    explanation: z.string().trim().min(1, "Explain why").max(2048),
  }),
]);
export type BulkParams = z.infer<typeof bulkParamsSchema>;

export const MIGRATION_STATE_FILTERS = ["NONE", "ACTIVE", "COMPLETE", "CANCELED"] as const;
/** Per-carrier operation statuses (CampaignOperation.status): "any carrier has this status". */
export const CARRIER_STATUS_FILTERS = ["REGISTERED", "REVIEW", "REJECTED", "SUSPENDED"] as const;
/** The campaign-level migration rules (E1–E4) only: the target's and the account's rules are checked by the dry run. */
export const ELIGIBILITY_FILTERS = ["eligible", "ineligible"] as const;

/** Outgoing list (our campaigns): every filter lives in the URL. */
export const outgoingFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  brandId: z.string().trim().max(64).optional(),
  usecase: z.string().trim().max(40).optional(),
  upstreamCnpId: z.string().trim().max(20).optional(),
  status: z.enum(["ACTIVE", "EXPIRED"]).optional(),
  migration: z.enum(MIGRATION_STATE_FILTERS).optional(),
  /** Accepted by this DCA as our direct upstream (the registry shows us only the adjacent hop). */
  dca: z.string().trim().max(20).optional(),
  carrier: z.enum(CARRIER_STATUS_FILTERS).optional(),
  eligibility: z.enum(ELIGIBILITY_FILTERS).optional(),
});
export type OutgoingFilter = z.infer<typeof outgoingFilterSchema>;

/** Incoming list (shared with us). */
export const incomingFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  downstreamCnpId: z.string().trim().max(20).optional(),
  usecase: z.string().trim().max(40).optional(),
  sharingStatus: z.enum(["PENDING", "ACCEPTED", "DECLINED"]).optional(),
  migrationShare: z.enum(["yes", "no"]).optional(),
});
export type IncomingFilter = z.infer<typeof incomingFilterSchema>;

export const MAX_SELECTED_IDS = 10_000;
/** Chosen rows, or every row matching a list filter (resolved on the server when the job is created). */
export const selectionSchema = z.union([
  z.object({ campaignIds: z.array(z.string().trim().regex(/^C[A-Z0-9]{6}$/)).min(1).max(MAX_SELECTED_IDS) }),
  z.object({ outgoing: outgoingFilterSchema }),
  z.object({ incoming: incomingFilterSchema }),
]);
export type Selection = z.infer<typeof selectionSchema>;

/** Large actions ask for the count to be typed (issue #8, roles). */
export const CONFIRM_COUNT_ABOVE = 100;

export const createBulkJobSchema = z.object({ params: bulkParamsSchema, selection: selectionSchema, confirmCount: z.number().int().optional() });
export type CreateBulkJobInput = z.infer<typeof createBulkJobSchema>;
/** The account's CNP migration settings (GET/PUT /settings/cnpMigration): the registry's own request schema. */
export const cnpSettingsSchema = CnpMigrationSettingsRequest;
export type CnpSettingsInput = z.infer<typeof cnpSettingsSchema>;

export const campaignIdSchema = z.object({ campaignId: z.string().trim().regex(/^C[A-Z0-9]{6}$/, "Not a campaign id") });
export const cancelMigrationSchema = campaignIdSchema.extend({ explanation: z.string().trim().max(2048).default("") });

/** Sharing events and migration events: what the migration detail lists. */
export const MIGRATION_EVENT_PATTERN = /^(CNP_MIGRATION_|CAMPAIGN_SHARE_|CAMPAIGN_DCA2_SHARE_|CAMPAIGN_DCA_COMPLETE)/;

export const jobIdSchema = z.object({ jobId: z.string().min(1).max(40) });

/** The registry's sharing rejection categories (tcr-api-part2.md §5.19) with plain-English hints. */
export const REJECTION_CATEGORY_LABELS: Record<z.infer<typeof SharingRejectionCategory>, string> = {
  BRAND_INCONSISTENCIES: "Brand details inaccurate or inconsistent with the campaign",
  CALL_TO_ACTION: "Call to action incomplete (opt-in, frequency, charges, STOP, links)",
  CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES: "Description or attributes do not match the use case",
  DISALLOWED_CONTENT: "Disallowed or high-risk content",
  MANDATORY_MESSAGE_TERMINOLOGY: "Missing opt-in/opt-out/help messages or disclosures",
  PRIVACY_POLICY: "Privacy policy missing, unclear or mismatched",
  SAMPLE_MESSAGE: "Sample messages do not match the use case or use public shorteners",
  TERMS_AND_CONDITIONS: "Terms and conditions incomplete or inconsistent",
  OTHER: "Anything else (explain below)",
};
export const REJECTION_CATEGORIES = SharingRejectionCategory.options;

/** One line for a job's action and its parameters, e.g. "Migrate to CNP → SCNP002". */
export function describeBulkAction(kind: string, params: unknown): string {
  const p = (params && typeof params === "object" ? params : {}) as { upstreamCnpId?: string; rejectionCategory?: string[] };
  if (isImportJobKind(kind)) {
    const i = (params && typeof params === "object" ? params : {}) as { brands?: number; campaigns?: number };
    const parts = [i.brands ? `${i.brands} brand${i.brands === 1 ? "" : "s"}` : null, i.campaigns ? `${i.campaigns} campaign${i.campaigns === 1 ? "" : "s"}` : null].filter(Boolean);
    return `CSV import${parts.length ? ` (${parts.join(", ")})` : ""}`;
  }
  const label = BULK_KIND_LABELS[kind as BulkKind] ?? kind;
  if (p.upstreamCnpId) return `${label} → ${p.upstreamCnpId}`;
  if (p.rejectionCategory?.length) return `${label} (${p.rejectionCategory.join(", ")})`;
  return label;
}
