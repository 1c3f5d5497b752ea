import { z } from "zod";
import { firstValues, type RawSearchParams } from "@/components/data-table/url-state";
import { incomingFilterSchema, outgoingFilterSchema, type IncomingFilter, type OutgoingFilter } from "./schemas";

/** Each field parsed on its own: one stale parameter in a shared URL does not throw the other filters away. */
function parseEach<S extends z.ZodObject>(schema: S, raw: RawSearchParams): z.infer<S> {
  const v = firstValues(raw);
  const out: Record<string, unknown> = {};
  for (const [k, field] of Object.entries(schema.shape)) {
    const r = (field as z.ZodType).safeParse(v[k]);
    if (r.success && r.data !== undefined && r.data !== "") out[k] = r.data;
  }
  return out as z.infer<S>;
}

export const parseOutgoing = (raw: RawSearchParams): OutgoingFilter => parseEach(outgoingFilterSchema, raw);
export const parseIncoming = (raw: RawSearchParams): IncomingFilter => parseEach(incomingFilterSchema, raw);
export const parsePage = (raw: RawSearchParams): number => Math.max(1, Math.min(100_000, Number(firstValues(raw).page) || 1));
