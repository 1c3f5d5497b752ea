import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { BRAND_PAGE_SIZE, brandCursor, brandCursorScope, type BrandFilters, type ParsedBrandFilters } from "@/lib/brands/search-params";
import { keysetPage, pageCursors, type KeysetOrder } from "@/lib/pagination/keyset";
import { segmentSql, type KeysetColumns } from "@/lib/pagination/keyset-sql";
import { mirroredTagOptions } from "@/lib/tags/records";
import { tagsOf } from "@/lib/tags/values";

/**
 * The Brands list's filter, shared with its CSV report (lib/reports/brands.ts) so both select the same rows.
 * A tag matches the mirrored brand object's `tag` array (jsonb containment, `data @> {"tag": [...]}`).
 */
export function brandListWhere(orgId: string, f: BrandFilters): Prisma.BrandWhereInput {
  const q = f.q?.trim();
  // "Deleted" covers both what the mirror marked gone and what the registry still answers for with status
  // DELETED; asking for status DELETED explicitly shows the latter without ticking "show deleted".
  const hideDeleted: Prisma.BrandWhereInput[] = f.deleted
    ? []
    : [{ deletedAt: null }, ...(f.status === "DELETED" ? [] : [{ OR: [{ status: null }, { status: { not: "DELETED" } }] }])];
  return {
    orgId,
    ...(hideDeleted.length ? { AND: hideDeleted } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.identityStatus ? { identityStatus: f.identityStatus } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.vertical ? { vertical: f.vertical } : {}),
    ...(f.tag ? { data: { path: ["tag"], array_contains: [f.tag] } } : {}),
    ...(q
      ? {
          OR: [
            { displayName: { contains: q, mode: "insensitive" } },
            { companyName: { contains: q, mode: "insensitive" } },
            { brandId: { contains: q, mode: "insensitive" } },
            { referenceId: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** The list's order for keyset pages: the sort column and the brand id, one direction; rows without a value go last. */
export function brandKeysetOrder(f: ParsedBrandFilters): KeysetOrder {
  return { key: f.sort === "displayName" ? "displayName" : f.sort === "identityStatus" ? "identityStatus" : "registryCreatedAt", id: "brandId", dir: f.dir };
}

export const brandListSelect = {
  id: true, brandId: true, referenceId: true, displayName: true, companyName: true, entityType: true,
  identityStatus: true, status: true, vertical: true, vettingScore: true, country: true, registryCreatedAt: true,
  deletedAt: true, mock: true, data: true,
} satisfies Prisma.BrandSelect;
type SelectedBrand = Prisma.BrandGetPayload<{ select: typeof brandListSelect }>;

/**
 * brandListWhere in SQL over `b` ("Brand"), values bound through `bind`. The list reads its page in one raw query
 * (listBrands) because a brand's campaign count has no Prisma relation to go through; the list's tests compare
 * it with brandListWhere through Prisma (lib/brands/queries.integration.test.ts).
 */
export function brandListWhereSql(orgId: string, f: BrandFilters, bind: (v: unknown) => string): string {
  const w = [`b."orgId" = ${bind(orgId)}`];
  if (!f.deleted) {
    w.push(`b."deletedAt" IS NULL`);
    if (f.status !== "DELETED") w.push(`(b.status IS NULL OR b.status <> 'DELETED')`);
  }
  if (f.entityType) w.push(`b."entityType" = ${bind(f.entityType)}`);
  if (f.identityStatus) w.push(`b."identityStatus" = ${bind(f.identityStatus)}`);
  if (f.status) w.push(`b.status = ${bind(f.status)}`);
  if (f.vertical) w.push(`b.vertical = ${bind(f.vertical)}`);
  if (f.tag) w.push(`(b.data #> ARRAY['tag']::text[]) @> ${bind(JSON.stringify([f.tag]))}::jsonb`);
  const q = f.q?.trim();
  if (q) {
    // Prisma's `contains` (mode insensitive): ILIKE '%<q>%' with the text as typed, wildcards and all.
    const pattern = bind(`%${q}%`);
    w.push(`(${["displayName", "companyName", "brandId", "referenceId"].map((col) => `b."${col}" ILIKE ${pattern}`).join(" OR ")})`);
  }
  return w.join(" AND ");
}

const BRAND_KEYSET_COLUMNS: KeysetColumns = {
  brandId: { sql: `b."brandId"` },
  displayName: { sql: `b."displayName"` },
  identityStatus: { sql: `b."identityStatus"` },
  registryCreatedAt: { sql: `b."registryCreatedAt"`, timestamp: true },
};
const BRAND_LIST_COLUMNS = Object.keys(brandListSelect).map((col) => `b."${col}"`).join(", ");

export type BrandListRow = Awaited<ReturnType<typeof listBrands>>["rows"][number];

/**
 * One page of the organization's mirrored brands (keyset: the cursor in `f` says where it starts), the total
 * matching, each row's campaign count and the cursors of the pages before and after. The filter options are
 * listBrandFacets, which the page streams separately so they do not hold up the table.
 *
 * Each keyset segment is one raw query that also counts each row's live campaigns (a correlated count over the
 * page's rows only; Campaign has no Prisma relation to Brand), so the rows and their counts are one round trip
 * instead of two in a row; the total runs beside it.
 */
export async function listBrands(db: Db, orgId: string, f: ParsedBrandFilters, pageSize = BRAND_PAGE_SIZE) {
  const order = brandKeysetOrder(f);
  const keyOf = (r: SelectedBrand) => ({ key: r[order.key as "displayName" | "identityStatus" | "registryCreatedAt"], id: r.brandId });
  const [page, total] = await Promise.all([
    keysetPage(order, brandCursor(f), pageSize, (q) => {
      const params: unknown[] = [];
      const bind = (v: unknown) => `$${params.push(v)}`;
      const where = brandListWhereSql(orgId, f, bind);
      const seg = segmentSql(q, BRAND_KEYSET_COLUMNS, bind);
      return db.$queryRawUnsafe<(SelectedBrand & { campaigns: number })[]>(
        `SELECT ${BRAND_LIST_COLUMNS}, (SELECT count(*)::int FROM "Campaign" c WHERE c."orgId" = b."orgId" AND c."brandId" = b."brandId" AND c."deletedAt" IS NULL) AS campaigns
FROM (SELECT b."orgId", ${BRAND_LIST_COLUMNS} FROM "Brand" b WHERE ${where} AND ${seg.where} ORDER BY ${seg.orderBy} LIMIT ${seg.limit}) b
ORDER BY ${seg.orderBy}`,
        ...params,
      );
    }, keyOf),
    db.brand.count({ where: brandListWhere(orgId, f) }),
  ]);
  return {
    rows: page.rows.map(({ data, ...r }) => ({ ...r, tags: tagsOf(data) })),
    total,
    pageSize,
    /** False on the first page: the summary can then say which rows these are. */
    hasPrevious: page.hasPrevious,
    cursors: pageCursors(brandCursorScope(f), page, keyOf),
  };
}

/** The Brands list's filter options: the verticals its brands use and their tags. */
export async function listBrandFacets(db: Db, orgId: string, f: Pick<BrandFilters, "tag">) {
  const [verticals, tags] = await Promise.all([
    db.brand.groupBy({ by: ["vertical"], where: { orgId, vertical: { not: null } }, orderBy: { vertical: "asc" } }),
    brandTagOptions(db, orgId),
  ]);
  return {
    verticals: verticals.map((v) => v.vertical).filter((v): v is string => Boolean(v)),
    // A tag in the URL that no brand carries any more still shows as the selected option.
    tags: f.tag && !tags.includes(f.tag) ? [...tags, f.tag].sort() : tags,
  };
}
export type BrandFacets = Awaited<ReturnType<typeof listBrandFacets>>;

/** Every tag on the organization's live brands, A→Z: the Brands list's tag filter options. */
export const brandTagOptions = (db: Db, orgId: string) => mirroredTagOptions(db, "BRAND", orgId);

/** One mirrored brand of this organization (deleted ones included, flagged), or null. */
export async function getBrand(db: Db, orgId: string, brandId: string) {
  // The org id in the where clause is what keeps another organization's brand unreachable by URL.
  const brand = await db.brand.findFirst({ where: { orgId, brandId } });
  if (!brand) return null;
  const campaigns = await db.campaign.count({ where: { orgId, brandId, deletedAt: null } });
  return { ...brand, campaigns };
}

// The brand detail page's tabs (actions, vetting, appeals, assets): reads in lib/brands/lifecycle-queries.ts.
export { loadBrandAppeals, loadBrandAssets, loadBrandOverview, loadBrandVetting } from "@/lib/brands/lifecycle-queries";
export type { Category, OverviewData, ProviderOption } from "@/lib/brands/lifecycle-queries";
