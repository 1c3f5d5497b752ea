import type { Prisma } from "@/generated/prisma/client";
import { KNOWN_MNOS, MNO_IDS, sortMnoIds } from "@/lib/campaigns/carriers";
import { campaignListSelect, campaignListWhere, decorateCampaignRows, type CampaignListRow } from "@/lib/campaigns/queries";
import { campaignExportSelect } from "@/lib/campaigns/export-sql";
import { CAMPAIGNS_PATH, parseCampaignFilters, type ParsedCampaignFilters } from "@/lib/campaigns/search-params";
import { afterWhere, keysetBatches, keysetOrderBy, type Column, type KeyPart } from "@/lib/csv";
import type { ReportDef } from "./types";

/** The list's order as keyset keys; campaignListOrderBy in lib/campaigns/queries.ts is the same order. */
function keys(f: ParsedCampaignFilters): KeyPart[] {
  const field =
    f.sort === "campaignId" ? null
    : f.sort === "usecase" ? "usecase"
    : f.sort === "status" ? "status"
    : f.sort === "renewal" ? "nextRenewalOrExpirationDate"
    : "registryCreatedAt";
  return [...(field ? [{ field, dir: f.dir, nullable: true }] : []), { field: "campaignId", dir: f.dir }];
}

const carrierColumns: Column<CampaignListRow>[] = KNOWN_MNOS.map((m) => ({
  header: `${m.name} (${m.mnoId})`,
  description: `Operation status on ${m.name}, network id ${m.mnoId}: REVIEW, REGISTERED, REJECTED or SUSPENDED; empty when not submitted there.`,
  value: (r: CampaignListRow) => r.operations[m.mnoId] ?? null,
}));

export const campaignsReport: ReportDef<CampaignListRow, ParsedCampaignFilters> = {
  id: "campaigns",
  title: "Campaigns",
  description: "Every campaign with its use case, status on each carrier, sharing with the connectivity partner, renewal and monthly fee, as the Campaigns list filters them.",
  permission: "org.read",
  tablePath: CAMPAIGNS_PATH,
  filters: [
    { name: "q", description: "Text in the campaign id, reference id, brand id or use case." },
    { name: "brandId, usecase, status", description: "Exact brand id, use case, or campaign status (ACTIVE, EXPIRED)." },
    { name: "carrier, carrierStatus", description: "Carrier network id and/or operation status (REVIEW, REGISTERED, REJECTED, SUSPENDED)." },
    { name: "sharingStatus, cnp", description: "Sharing status upstream (PENDING, ACCEPTED, DECLINED) and the upstream CNP id." },
    { name: "autoRenewal, renewsWithin", description: "on/off; renews or expires within 7, 30 or 90 days." },
    { name: "tag", description: "A tag the campaign carries (lowercase letters and digits)." },
    { name: "deleted", description: "1 to include deleted campaigns." },
    { name: "sort, dir", description: "Row order, as on the list: created (default), campaignId, usecase, renewal or status." },
  ],
  columns: [
    { header: "Campaign ID", description: "The registry's campaign id (`campaignId`).", value: (r) => r.campaignId },
    { header: "Brand ID", description: "`brandId`.", value: (r) => r.brandId },
    { header: "Brand name", description: "The brand's display name, when the portal holds the brand.", value: (r) => r.brandName },
    { header: "Reference ID", description: "`referenceId`.", value: (r) => r.referenceId },
    { header: "Use case", description: "`usecase` as the registry spells it.", value: (r) => r.usecase },
    { header: "Status", description: "`status`: ACTIVE or EXPIRED.", value: (r) => r.status },
    ...carrierColumns,
    {
      header: "Other carriers",
      description: "Operation statuses on carriers not listed above, as `network id: STATUS` separated by `; `.",
      value: (r) => sortMnoIds(Object.keys(r.operations).filter((id) => !MNO_IDS.includes(id))).map((id) => `${id}: ${r.operations[id]}`).join("; "),
    },
    { header: "Sharing status", description: "Sharing with the upstream connectivity partner (`sharingStatus`): PENDING, ACCEPTED or DECLINED.", value: (r) => r.sharingStatus },
    { header: "Upstream CNP", description: "The connectivity partner the campaign is shared with (`upstreamCnpId`).", value: (r) => r.upstreamCnpId },
    { header: "Shared at", description: "When it was shared upstream, ISO 8601 UTC.", value: (r) => r.sharedAt },
    { header: "Outgoing migration", description: "Status of an outgoing CNP migration, if one is recorded.", value: (r) => r.migrationStatus },
    { header: "Auto-renewal", description: "`autoRenewal`: true or false.", value: (r) => r.autoRenewal },
    { header: "Next renewal or expiration", description: "`nextRenewalOrExpirationDate` (YYYY-MM-DD).", value: (r) => r.nextRenewalOrExpirationDate },
    { header: "Monthly fee", description: "`monthlyFee` in USD.", value: (r) => r.monthlyFee },
    { header: "Mock", description: "true for a mock campaign.", value: (r) => r.mock },
    { header: "Created at registry", description: "`createDate`, ISO 8601 UTC.", value: (r) => r.registryCreatedAt },
    { header: "Deleted at", description: "When the portal saw the campaign deactivated, if it was.", value: (r) => r.deletedAt },
    { header: "Last confirmed", description: "When the registry last confirmed this row.", value: (r) => r.confirmedAt },
  ],
  parseFilter: parseCampaignFilters,
  // The export proper (lib/reports/export.ts) streams this through COPY; `batches` is its Prisma twin.
  copySelect: campaignExportSelect,
  batches: (db, orgId, f, size) => {
    // One "now" for the whole export, so a renewal window cannot shift between batches.
    const where = campaignListWhere(orgId, f, new Date());
    const k = keys(f);
    return keysetBatches<CampaignListRow>(async (after, take) => {
      const rows = await db.campaign.findMany({
        where: after ? { AND: [where, afterWhere(k, after) as Prisma.CampaignWhereInput] } : where,
        orderBy: keysetOrderBy(k) as Prisma.CampaignOrderByWithRelationInput[],
        take,
        select: campaignListSelect,
      });
      return rows.length ? decorateCampaignRows(db, orgId, rows) : [];
    }, size);
  },
};
