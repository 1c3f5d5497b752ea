import type { Prisma } from "@/generated/prisma/client";
import { afterWhere, keysetBatches, keysetOrderBy, type KeyPart } from "@/lib/csv";
import { outgoingWhere } from "@/lib/migrations/facts";
import { decorateOutgoing, outgoingSelect, type OutgoingRow } from "@/lib/migrations/queries";
import type { OutgoingFilter } from "@/lib/migrations/schemas";
import { parseOutgoing } from "@/lib/migrations/search-params";
import type { ReportDef } from "./types";

// The Migrations page's Outgoing table: our campaigns with their chain and migration state, in the table's
// order (campaign id), selected by the table's own filter and decorated by the table's own function.
const keys: KeyPart[] = [{ field: "campaignId", dir: "asc" }];

export const outgoingReport: ReportDef<OutgoingRow, OutgoingFilter> = {
  id: "outgoing-campaigns",
  title: "Outgoing campaigns (migration view)",
  description: "Our campaigns with the partner above us, the sharing status and the CNP migration state, as the Migrations page filters them.",
  permission: "org.read",
  tablePath: "/migrations",
  filters: [
    { name: "q", description: "Part of the campaign id or brand id." },
    { name: "brandId", description: "One brand." },
    { name: "usecase", description: "Exact use case." },
    { name: "upstreamCnpId", description: "The partner we shared the campaign with." },
    { name: "status", description: "ACTIVE or EXPIRED." },
    { name: "migration", description: "Migration state: NONE (never migrated), ACTIVE (open), COMPLETE or CANCELED." },
    { name: "dca", description: "Accepted by this DCA as our direct upstream." },
    { name: "carrier", description: "Any carrier has this status: REGISTERED, REVIEW, REJECTED or SUSPENDED." },
    { name: "eligibility", description: "eligible or ineligible by the campaign's own migration rules (the dry run adds the target's and the account's)." },
  ],
  columns: [
    { header: "Campaign ID", description: "`campaignId`.", value: (r) => r.campaignId },
    { header: "Brand ID", description: "`brandId`.", value: (r) => r.brandId },
    { header: "Brand", description: "The brand's display name.", value: (r) => r.brandName },
    { header: "Use case", description: "`usecase`.", value: (r) => r.usecase },
    { header: "Status", description: "Campaign `status`: ACTIVE or EXPIRED.", value: (r) => r.status },
    { header: "Upstream CNP", description: "`upstreamCnpId`: the partner we shared the campaign with.", value: (r) => r.upstreamCnpId },
    { header: "Sharing status", description: "`sharingStatus` of that share: PENDING, ACCEPTED or DECLINED.", value: (r) => r.sharingStatus },
    { header: "Migration", description: "The migration state: Open, Complete, Canceled or None.", value: (r) => r.migrationStatus },
    { header: "Migrating to", description: "`targetCnpId` of the open or last migration.", value: (r) => r.targetCnpId },
    { header: "Migration expires", description: "The registry's expiration date of the migration, ISO 8601.", value: (r) => r.expirationDate },
    { header: "Days left", description: "Days before an open migration expires.", value: (r) => r.daysLeft },
    { header: "Suspended", description: "true when a carrier has suspended the campaign.", value: (r) => r.suspended },
  ],
  parseFilter: parseOutgoing,
  batches: (db, orgId, f, size) => {
    // The filter may need one query of its own (eligibility); it is built once for the whole export.
    let where: Promise<Prisma.CampaignWhereInput> | undefined;
    return keysetBatches<OutgoingRow>(async (after, take) => {
      const w = await (where ??= outgoingWhere(db, orgId, f));
      const campaigns = await db.campaign.findMany({
        where: after ? { AND: [w, afterWhere(keys, after) as Prisma.CampaignWhereInput] } : w,
        orderBy: keysetOrderBy(keys) as Prisma.CampaignOrderByWithRelationInput[],
        take,
        select: outgoingSelect,
      });
      return decorateOutgoing(db, orgId, campaigns);
    }, size);
  },
};
