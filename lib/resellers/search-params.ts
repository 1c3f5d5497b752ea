import { z } from "zod";
import { firstValues, hrefFor, type RawSearchParams } from "@/components/data-table/url-state";

export const RESELLERS_PATH = "/settings/resellers";
export const RESELLER_PAGE_SIZE = 25;

// The registry matches part of companyName ("partial spelling is supported").
export const resellerFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ResellerFilters = z.output<typeof resellerFiltersSchema>;

export function parseResellerFilters(raw: RawSearchParams): ResellerFilters {
  const f = resellerFiltersSchema.parse(firstValues(raw));
  return { ...f, q: f.q || undefined };
}

export function resellersHref(f: ResellerFilters, over: Partial<ResellerFilters> = {}): string {
  const s = { ...f, ...over };
  return hrefFor(RESELLERS_PATH, { q: s.q, page: s.page }, { page: 1 });
}
