import { z } from "zod";
import { firstValues, type RawSearchParams } from "@/components/data-table/url-state";

// Filters of the reports that have no list page of their own yet. Like the list pages' parsers, each field
// falls back on its own, so one stale parameter does not throw the rest away.
const id = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/);
const days = z.coerce.number().int().min(1).max(3650);

export const statusHistoryFilterSchema = z.object({
  campaignId: id.optional().catch(undefined),
  brandId: id.optional().catch(undefined),
});
export const migrationFilterSchema = z.object({
  direction: z.enum(["INCOMING", "OUTGOING"]).optional().catch(undefined),
  status: z.string().trim().max(40).optional().catch(undefined),
  campaignId: id.optional().catch(undefined),
});
export const bulkJobItemFilterSchema = z.object({
  jobId: id.optional().catch(undefined),
  state: z.enum(["PENDING", "RUNNING", "SUCCEEDED", "SKIPPED", "FAILED"]).optional().catch(undefined),
});
export const vettingFilterSchema = z.object({
  brandId: id.optional().catch(undefined),
  vettingStatus: z.string().trim().max(40).optional().catch(undefined),
  expiresWithin: days.optional().catch(undefined),
});
export const phoneNumberFilterSchema = z.object({
  campaignId: id.optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
});

export const parseWith =
  <S extends z.ZodType>(schema: S) =>
  (raw: RawSearchParams): z.output<S> =>
    schema.parse(firstValues(raw));
