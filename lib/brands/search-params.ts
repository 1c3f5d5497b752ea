import { z } from "zod";
import { firstValues, hrefFor, type RawSearchParams } from "@/components/data-table/url-state";
import { cursorParam, decodeCursor, type Cursor, type CursorScope } from "@/lib/pagination/keyset";
import { BrandStatus, EntityType, IdentityStatus } from "@/lib/tcr/schemas/enums";

export const BRAND_SORTS = ["created", "displayName", "identityStatus"] as const;
export type BrandSort = (typeof BRAND_SORTS)[number];
export const BRANDS_PATH = "/brands";
export const BRAND_PAGE_SIZE = 25;

// Each field falls back on its own: one bad or stale param in a shared URL must not throw away the rest.
export const brandFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  entityType: EntityType.optional().catch(undefined),
  identityStatus: IdentityStatus.optional().catch(undefined),
  status: BrandStatus.optional().catch(undefined),
  vertical: z.string().trim().max(50).optional().catch(undefined),
  // Tags are stored lowercase at the registry (part 2 §13): 1–50 letters or digits.
  tag: z.string().trim().toLowerCase().regex(/^[\p{L}\p{N}]{1,50}$/u).optional().catch(undefined),
  deleted: z.enum(["1"]).optional().catch(undefined),
  sort: z.enum(BRAND_SORTS).default("created").catch("created"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  /** Where the page starts (lib/pagination/keyset.ts); absent or unreadable means the first page. */
  cursor: cursorParam.optional().catch(undefined),
});
export type BrandFilters = z.output<typeof brandFiltersSchema>;
export type ParsedBrandFilters = BrandFilters & { dir: "asc" | "desc" };

/** Newest first by default; names and statuses read A→Z. */
export const defaultDir = (sort: BrandSort) => (sort === "created" ? "desc" : "asc");

export function parseBrandFilters(raw: RawSearchParams): ParsedBrandFilters {
  const f = brandFiltersSchema.parse(firstValues(raw));
  return { ...f, dir: f.dir ?? defaultDir(f.sort) };
}

/** The order a cursor belongs to: one made under another sort or direction reads as no cursor. */
export const brandCursorScope = (f: ParsedBrandFilters): CursorScope => ({ sort: f.sort, dir: f.dir, keyType: f.sort === "created" ? "date" : "string" });

/** The page's starting point, or null for the first page (also when the cursor is malformed or stale). */
export const brandCursor = (f: ParsedBrandFilters): Cursor | null => decodeCursor(f.cursor, brandCursorScope(f));

export function hasBrandFilters(f: BrandFilters): boolean {
  return Boolean(f.q || f.entityType || f.identityStatus || f.status || f.vertical || f.tag || f.deleted);
}

/** The list URL for a state, leaving out defaults so the plain list is just /brands. It keeps a cursor only when `over` passes one: any other change starts at the first page. */
export function brandsHref(f: BrandFilters, over: Partial<BrandFilters> = {}): string {
  const s = { ...f, ...over };
  return hrefFor(
    BRANDS_PATH,
    { q: s.q, entityType: s.entityType, identityStatus: s.identityStatus, status: s.status, vertical: s.vertical, tag: s.tag, deleted: s.deleted, sort: s.sort, dir: s.dir, cursor: over.cursor },
    { sort: "created", dir: defaultDir(s.sort) },
  );
}
