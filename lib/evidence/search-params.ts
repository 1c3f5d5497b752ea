import { z } from "zod";
import { firstValues, hrefFor, type RawSearchParams } from "@/components/data-table/url-state";
import { ATTACH_TARGET_TYPES } from "@/lib/evidence/attach-targets";
import { EVIDENCE_KINDS } from "@/lib/evidence/kinds";

export const EVIDENCE_PATH = "/evidence";

// Each field falls back on its own: one stale param in a shared link must not throw the others away.
export const evidenceFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(EVIDENCE_KINDS).optional().catch(undefined),
  /** Files used for this brand: its appeal evidence and anything sent to its campaigns. */
  brand: z.string().trim().toUpperCase().regex(/^B[A-Z0-9]{5,8}$/).optional().catch(undefined),
  /** Files used for this registry target type (appeal evidence, MMS samples, supporting documents). */
  use: z.enum(ATTACH_TARGET_TYPES).optional().catch(undefined),
  /** Files used for one brand or campaign id. */
  target: z.string().trim().toUpperCase().regex(/^[BC][A-Z0-9]{5,8}$/).optional().catch(undefined),
  /** "1": files never sent anywhere. */
  unused: z.enum(["1"]).optional().catch(undefined),
});
export type EvidenceFilters = z.output<typeof evidenceFiltersSchema>;

export function parseEvidenceFilters(raw: RawSearchParams): EvidenceFilters {
  return evidenceFiltersSchema.parse(firstValues(raw));
}

export function hasEvidenceFilters(f: EvidenceFilters): boolean {
  return Boolean(f.q || f.kind || f.brand || f.use || f.target || f.unused);
}

export function evidenceHref(f: EvidenceFilters, over: Partial<EvidenceFilters> = {}): string {
  return hrefFor(EVIDENCE_PATH, { ...f, ...over });
}
