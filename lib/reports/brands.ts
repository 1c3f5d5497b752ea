import type { Prisma } from "@/generated/prisma/client";
import { entityTypeLabel, identityStatusLabel } from "@/lib/brands/labels";
import { brandListWhere } from "@/lib/brands/queries";
import { BRANDS_PATH, parseBrandFilters, type BrandFilters } from "@/lib/brands/search-params";
import { afterWhere, keysetBatches, keysetOrderBy, type KeyPart } from "@/lib/csv";
import type { Db } from "@/lib/db";
import type { ReportDef } from "./types";

type Filter = BrandFilters & { dir: "asc" | "desc" };

/** The brands list's filter (lib/brands/queries.ts): the export selects exactly the rows the list shows. */
export function brandReportWhere(orgId: string, f: BrandFilters): Prisma.BrandWhereInput {
  return brandListWhere(orgId, f);
}

/** The list's order (same sort and direction as the page), as keyset keys: brand id breaks ties. */
function keys(f: Filter): KeyPart[] {
  const field = f.sort === "displayName" ? "displayName" : f.sort === "identityStatus" ? "identityStatus" : "registryCreatedAt";
  return [{ field, dir: f.dir, nullable: true }, { field: "brandId", dir: f.dir }];
}

const select = {
  brandId: true, referenceId: true, displayName: true, companyName: true, entityType: true, identityStatus: true, status: true,
  vertical: true, vettingScore: true, country: true, mock: true, registryCreatedAt: true, deletedAt: true, confirmedAt: true,
} satisfies Prisma.BrandSelect;

export type BrandReportRow = Prisma.BrandGetPayload<{ select: typeof select }> & { campaigns: number; vettings: number };

export const brandsReport: ReportDef<BrandReportRow, Filter> = {
  id: "brands",
  title: "Brands",
  description: "Every brand of the organization with its identity and vetting status, entity type and registration date, as the Brands list filters them.",
  permission: "org.read",
  tablePath: BRANDS_PATH,
  filters: [
    { name: "q", description: "Text in the display name, company name, brand id or reference id." },
    { name: "entityType", description: "PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT, GOVERNMENT or SOLE_PROPRIETOR." },
    { name: "identityStatus", description: "SELF_DECLARED, UNVERIFIED, VERIFIED or VETTED_VERIFIED." },
    { name: "status", description: "ACTIVE or DELETED." },
    { name: "vertical", description: "The brand's vertical, as the registry spells it." },
    { name: "tag", description: "A tag the brand carries (lowercase letters and digits)." },
    { name: "deleted", description: "1 to include deleted brands." },
    { name: "sort, dir", description: "Row order, as on the list: created (default, newest first), displayName or identityStatus." },
  ],
  columns: [
    { header: "Brand ID", description: "The registry's brand id (`brandId`).", value: (r) => r.brandId },
    { header: "Reference ID", description: "Our own reference (`referenceId`).", value: (r) => r.referenceId },
    { header: "Display name", description: "`displayName`.", value: (r) => r.displayName },
    { header: "Company name", description: "Legal name (`companyName`).", value: (r) => r.companyName },
    { header: "Entity type", description: "`entityType` as the registry spells it.", value: (r) => r.entityType },
    { header: "Entity type (label)", description: "Plain-English entity type.", value: (r) => entityTypeLabel(r.entityType) ?? r.entityType },
    { header: "Identity status", description: "`identityStatus` as the registry spells it.", value: (r) => r.identityStatus },
    { header: "Identity status (label)", description: "Plain-English identity status.", value: (r) => identityStatusLabel(r.identityStatus) ?? r.identityStatus },
    { header: "Brand status", description: "`status`: ACTIVE or DELETED.", value: (r) => r.status },
    { header: "Vertical", description: "`vertical`.", value: (r) => r.vertical },
    { header: "Vetting score", description: "The brand's vetting score (`evpVettingScore`), empty when never vetted.", value: (r) => r.vettingScore },
    { header: "Vetting records", description: "Number of vetting records the portal holds for the brand (see the vettings report).", value: (r) => r.vettings },
    { header: "Country", description: "`country`.", value: (r) => r.country },
    { header: "Mock", description: "true for a mock brand (`mock`).", value: (r) => r.mock },
    { header: "Campaigns", description: "Campaigns of the brand not deleted, as on the list.", value: (r) => r.campaigns },
    { header: "Created at registry", description: "`createDate`, ISO 8601 UTC.", value: (r) => r.registryCreatedAt },
    { header: "Deleted at", description: "When the portal saw the brand deleted, if it was.", value: (r) => r.deletedAt },
    { header: "Last confirmed", description: "When the registry last confirmed this row.", value: (r) => r.confirmedAt },
  ],
  parseFilter: parseBrandFilters,
  batches: (db: Db, orgId, f, size) => {
    const where = brandReportWhere(orgId, f);
    const k = keys(f);
    return keysetBatches<BrandReportRow>(async (after, take) => {
      const rows = await db.brand.findMany({
        where: after ? { AND: [where, afterWhere(k, after) as Prisma.BrandWhereInput] } : where,
        orderBy: keysetOrderBy(k) as Prisma.BrandOrderByWithRelationInput[],
        take,
        select,
      });
      if (!rows.length) return [];
      const ids = rows.map((r) => r.brandId);
      const [campaigns, vettings] = await Promise.all([
        db.campaign.groupBy({ by: ["brandId"], where: { orgId, deletedAt: null, brandId: { in: ids } }, _count: { _all: true } }),
        db.brandVetting.groupBy({ by: ["brandId"], where: { orgId, brandId: { in: ids } }, _count: { _all: true } }),
      ]);
      const c = new Map(campaigns.map((x) => [x.brandId, x._count._all]));
      const v = new Map(vettings.map((x) => [x.brandId, x._count._all]));
      return rows.map((r) => ({ ...r, campaigns: c.get(r.brandId) ?? 0, vettings: v.get(r.brandId) ?? 0 }));
    }, size);
  },
};
