import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { IncomingFacts, OutgoingFacts } from "./eligibility";
import type { IncomingFilter, OutgoingFilter } from "./schemas";

/** Mirror reads shared by the dry run, the list pages and the worker: filters → where clauses, rows → facts. */

const OPEN = ["ACTIVE", "OPEN"];

async function migrationIds(db: Db, orgId: string, statuses?: string[]): Promise<string[]> {
  const rows = await db.cnpMigration.findMany({ where: { orgId, direction: "OUTGOING", ...(statuses ? { status: { in: statuses } } : {}) }, select: { campaignId: true } });
  return rows.map((m) => m.campaignId);
}

export async function outgoingWhere(db: Db, orgId: string, f: OutgoingFilter): Promise<Prisma.CampaignWhereInput> {
  const where: Prisma.CampaignWhereInput = { orgId, deletedAt: null };
  const and: Prisma.CampaignWhereInput[] = [];
  if (f.brandId) where.brandId = f.brandId;
  if (f.usecase) where.usecase = f.usecase;
  if (f.upstreamCnpId) where.upstreamCnpId = f.upstreamCnpId;
  if (f.status) where.status = f.status;
  if (f.q) where.OR = [{ campaignId: { contains: f.q.toUpperCase() } }, { referenceId: { contains: f.q, mode: "insensitive" } }, { brandId: { contains: f.q.toUpperCase() } }];
  if (f.dca) and.push({ upstreamCnpId: f.dca, sharingStatus: "ACCEPTED" });
  if (f.carrier) and.push({ operations: { some: { status: f.carrier } } });
  if (f.migration) {
    const statuses = f.migration === "ACTIVE" ? OPEN : f.migration === "COMPLETE" ? ["COMPLETE", "COMPLETED"] : ["CANCELED", "CANCELLED"];
    if (f.migration === "NONE") and.push({ campaignId: { notIn: await migrationIds(db, orgId) } });
    else and.push({ campaignId: { in: await migrationIds(db, orgId, statuses) } });
  }
  if (f.eligibility) {
    // The campaign-level rules of migrateEligibility (E1–E4), as SQL; NULLs count as "not met".
    const open = await migrationIds(db, orgId, OPEN);
    if (f.eligibility === "eligible") {
      and.push({
        status: "ACTIVE", mock: false, sharingStatus: "ACCEPTED", upstreamCnpId: { not: null },
        operations: { none: { status: "SUSPENDED" } }, campaignId: { notIn: open },
      });
    } else {
      and.push({
        OR: [
          { status: null }, { status: { not: "ACTIVE" } }, { mock: true }, { sharingStatus: null }, { sharingStatus: { not: "ACCEPTED" } }, { upstreamCnpId: null },
          { operations: { some: { status: "SUSPENDED" } } }, { campaignId: { in: open } },
        ],
      });
    }
  }
  if (and.length) where.AND = and;
  return where;
}

export function incomingWhere(orgId: string, f: IncomingFilter): Prisma.PartnerCampaignWhereInput {
  const where: Prisma.PartnerCampaignWhereInput = { orgId, deletedAt: null };
  if (f.downstreamCnpId) where.downstreamCnpId = f.downstreamCnpId;
  if (f.usecase) where.usecase = f.usecase;
  if (f.sharingStatus) where.sharingStatus = f.sharingStatus;
  if (f.migrationShare) where.cnpMigration = f.migrationShare === "yes";
  if (f.q) where.OR = [{ campaignId: { contains: f.q.toUpperCase() } }, { brandId: { contains: f.q.toUpperCase() } }];
  return where;
}

/** Eligibility facts for many of our campaigns at once (dry run of thousands: three queries, not 3 × N). */
export async function outgoingFactsFor(db: Db, orgId: string, campaignIds: string[]): Promise<Map<string, OutgoingFacts>> {
  const out = new Map<string, OutgoingFacts>();
  for (let i = 0; i < campaignIds.length; i += 1000) {
    const ids = campaignIds.slice(i, i + 1000);
    const [rows, migrations] = await Promise.all([
      db.campaign.findMany({ where: { orgId, campaignId: { in: ids } }, include: { operations: { select: { status: true } } } }),
      db.cnpMigration.findMany({ where: { orgId, direction: "OUTGOING", campaignId: { in: ids } } }),
    ]);
    const mig = new Map(migrations.map((m) => [m.campaignId, m]));
    for (const c of rows) {
      const m = mig.get(c.campaignId);
      out.set(c.campaignId, {
        status: c.status, deleted: c.deletedAt !== null, mock: c.mock, usecase: c.usecase, upstreamCnpId: c.upstreamCnpId, sharingStatus: c.sharingStatus,
        operationStatuses: c.operations.map((o) => o.status), migrationStatus: m?.status ?? null,
        migrationInitiatedByUs: m ? ((m.data as { initiatedByUs?: boolean } | null)?.initiatedByUs ?? true) : false,
      });
    }
  }
  return out;
}

export async function incomingFactsFor(db: Db, orgId: string, campaignIds: string[]): Promise<Map<string, IncomingFacts>> {
  const out = new Map<string, IncomingFacts>();
  for (let i = 0; i < campaignIds.length; i += 1000) {
    const rows = await db.partnerCampaign.findMany({ where: { orgId, campaignId: { in: campaignIds.slice(i, i + 1000) } } });
    for (const p of rows) out.set(p.campaignId, { status: p.status, deleted: p.deletedAt !== null, usecase: p.usecase, sharingStatus: p.sharingStatus, downstreamCnpId: p.downstreamCnpId, cnpMigration: p.cnpMigration });
  }
  return out;
}
