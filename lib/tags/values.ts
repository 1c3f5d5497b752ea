/**
 * Searchable keyword tags (tcr-api-part2.md §13), client-safe. The registry stores them lowercase, 1–50
 * characters with no spaces or punctuation, at most 10 on a brand (campaigns have no count limit in the
 * reference). The portal mirrors a record's tags into its mirrored object's `tag` array, the field name
 * the registry uses on campaign create and search (`tag`).
 */
import { z } from "zod";
import { TagName } from "@/lib/tcr/schemas/tag";
import type { TagRecordType } from "@/lib/tcr/schemas/enums";

export const MAX_BRAND_TAGS = 10;
/** Per record type; null = the reference sets no limit. */
export const TAG_LIMITS: Record<TagRecordType, number | null> = { BRAND: MAX_BRAND_TAGS, CAMPAIGN: null };

/** A tag as typed: trimmed, then the registry's name rule. */
export const tagNameInput = z.string().trim().pipe(TagName);

/** A tag in a list URL: stored lowercase at the registry, so the filter is lowercased; a bad value is dropped. */
export const tagFilterParam = z.string().trim().toLowerCase().regex(/^[\p{L}\p{N}]{1,50}$/u).optional().catch(undefined);

/** The `tag` array of a mirrored brand or campaign object. */
export function tagsOf(data: unknown): string[] {
  const t = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>).tag : null;
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : [];
}

/** Lowercased, de-duplicated, sorted: how the registry keeps a record's tags. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.toLowerCase()))].sort();
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const x = normaliseTags(a);
  const y = normaliseTags(b);
  return x.length === y.length && x.every((t, i) => t === y[i]);
}
