/** Client-safe inputs of the migration dashboard and the bulk engine: kinds, parameters, filters, selections. */
import { z } from "zod";
import { SharingRejectionCategory } from "@/lib/tcr/schemas/enums";

export const BULK_KINDS = ["MIGRATE", "CANCEL_MIGRATION", "ELECT", "DECLINE"] as const;
export type BulkKind = (typeof BULK_KINDS)[number];
export const BULK_KIND_LABELS: Record<BulkKind, string> = {
  MIGRATE: "Migrate to CNP", CANCEL_MIGRATION: "Cancel migration", ELECT: "Elect / accept", DECLINE: "Decline",
};
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

/** Outgoing list (our campaigns): every filter lives in the URL. */
export const outgoingFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  brandId: z.string().trim().max(20).optional(),
  usecase: z.string().trim().max(40).optional(),
  upstreamCnpId: z.string().trim().max(20).optional(),
  status: z.enum(["ACTIVE", "EXPIRED"]).optional(),
  migration: z.enum(MIGRATION_STATE_FILTERS).optional(),
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
export const jobIdSchema = z.object({ jobId: z.string().min(1).max(40) });
