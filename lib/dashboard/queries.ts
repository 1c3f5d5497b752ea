import type { Db } from "@/lib/db";
import { OPEN_MIGRATION_STATUSES } from "@/lib/migrations/eligibility";
import { getConnectionView } from "@/lib/registry/connection";

const DAY = 86_400_000;
export const RENEWAL_WINDOW_DAYS = 30;
export const RUNNING_JOB_STATUSES = ["QUEUED", "RUNNING", "CANCELLING"] as const;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Json = Record<string, unknown>;
const text = (payload: unknown, key: string): string | null => {
  const v = payload && typeof payload === "object" ? (payload as Json)[key] : undefined;
  return typeof v === "string" && v.trim() ? v.trim() : null;
};

export type Rejection =
  | { kind: "campaign"; at: Date; campaignId: string; brandId: string | null; mnoId: string; reason: string | null }
  | { kind: "brand"; at: Date; brandId: string; name: string | null; reason: string | null };

/**
 * The organization at a glance. Every query carries the org id. Counts use the same conditions as the
 * list each figure links to (live rows: not deleted), so a click shows the rows the figure counted.
 */
export async function dashboardSummary(db: Db, orgId: string, now: Date = new Date()) {
  const liveBrand = { orgId, deletedAt: null, OR: [{ status: null }, { status: { not: "DELETED" } }] };
  const liveCampaign = { orgId, deletedAt: null };
  const from = isoDay(now);
  const to = isoDay(new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY));
  const renewalWhere = { ...liveCampaign, nextRenewalOrExpirationDate: { gte: from, lte: to } };

  const [
    connection, brandsByIdentity, campaignTotal, carrierStatus, renewalCounts, renewals, migrations, sharesWaiting,
    rejectedOps, unverified, jobs, jobsRunning,
  ] = await Promise.all([
    getConnectionView(db, orgId),
    db.brand.groupBy({ by: ["identityStatus"], where: liveBrand, _count: { _all: true } }),
    db.campaign.count({ where: liveCampaign }),
    db.campaignOperation.groupBy({ by: ["mnoId", "status"], where: { campaign: liveCampaign }, _count: { _all: true } }),
    db.campaign.groupBy({ by: ["autoRenewal"], where: renewalWhere, _count: { _all: true } }),
    db.campaign.findMany({
      where: renewalWhere,
      orderBy: [{ nextRenewalOrExpirationDate: "asc" }, { campaignId: "asc" }],
      take: 6,
      select: { campaignId: true, brandId: true, usecase: true, autoRenewal: true, nextRenewalOrExpirationDate: true, monthlyFee: true },
    }),
    db.cnpMigration.groupBy({ by: ["direction"], where: { orgId, status: { in: [...OPEN_MIGRATION_STATUSES] } }, _count: { _all: true } }),
    db.partnerCampaign.count({ where: { orgId, deletedAt: null, sharingStatus: "PENDING" } }),
    db.campaignOperation.findMany({
      where: { status: "REJECTED", campaign: liveCampaign },
      orderBy: [{ confirmedAt: "desc" }, { id: "desc" }],
      take: 6,
      select: { mnoId: true, confirmedAt: true, campaign: { select: { campaignId: true, brandId: true } } },
    }),
    db.brand.findMany({
      where: { ...liveBrand, identityStatus: "UNVERIFIED" },
      orderBy: [{ confirmedAt: "desc" }, { brandId: "asc" }],
      take: 6,
      select: { brandId: true, displayName: true, confirmedAt: true },
    }),
    db.bulkJob.findMany({
      where: { orgId, status: { in: [...RUNNING_JOB_STATUSES] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, kind: true, status: true, total: true, succeeded: true, skipped: true, failed: true, createdAt: true },
    }),
    db.bulkJob.count({ where: { orgId, status: { in: [...RUNNING_JOB_STATUSES] } } }),
  ]);

  // The reason is what the registry said in the latest matching event (a carrier's rejection, an identity result).
  const [opEvents, brandEvents] = await Promise.all([
    rejectedOps.length
      ? db.registryEvent.findMany({
          where: { orgId, eventType: "MNO_CAMPAIGN_OPERATION_REJECTED", campaignId: { in: rejectedOps.map((o) => o.campaign.campaignId) } },
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
          select: { campaignId: true, payload: true },
        })
      : [],
    unverified.length
      ? db.registryEvent.findMany({
          where: { orgId, eventType: "BRAND_IDENTITY_STATUS_UPDATE", brandId: { in: unverified.map((b) => b.brandId) } },
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
          select: { brandId: true, payload: true },
        })
      : [],
  ]);
  const opReason = (campaignId: string, mnoId: string) => {
    const e = opEvents.find((x) => x.campaignId === campaignId && String((x.payload as Json | null)?.mnoId ?? "") === mnoId) ?? opEvents.find((x) => x.campaignId === campaignId);
    return e ? text(e.payload, "description") : null;
  };
  const brandReason = (brandId: string) => {
    const e = brandEvents.find((x) => x.brandId === brandId);
    return e ? text(e.payload, "description") : null;
  };
  const rejections: Rejection[] = [
    ...rejectedOps.map((o) => ({
      kind: "campaign" as const, at: o.confirmedAt, campaignId: o.campaign.campaignId, brandId: o.campaign.brandId, mnoId: o.mnoId,
      reason: opReason(o.campaign.campaignId, o.mnoId),
    })),
    ...unverified.map((b) => ({ kind: "brand" as const, at: b.confirmedAt, brandId: b.brandId, name: b.displayName, reason: brandReason(b.brandId) })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 6);

  const brandTotal = brandsByIdentity.reduce((n, g) => n + g._count._all, 0);
  const renewing = renewalCounts.find((g) => g.autoRenewal === true)?._count._all ?? 0;
  const dueTotal = renewalCounts.reduce((n, g) => n + g._count._all, 0);
  const byDirection = (d: string) => migrations.find((m) => m.direction === d)?._count._all ?? 0;

  return {
    connected: Boolean(connection),
    brands: {
      total: brandTotal,
      byIdentity: brandsByIdentity.map((g) => ({ identityStatus: g.identityStatus, count: g._count._all })),
    },
    campaigns: {
      total: campaignTotal,
      byCarrier: carrierStatus.map((g) => ({ mnoId: g.mnoId, status: g.status, count: g._count._all })),
    },
    renewals: { windowDays: RENEWAL_WINDOW_DAYS, total: dueTotal, renewing, expiring: dueTotal - renewing, next: renewals },
    migrations: { inFlight: byDirection("OUTGOING") + byDirection("INCOMING"), outgoing: byDirection("OUTGOING"), incoming: byDirection("INCOMING") },
    sharesWaiting,
    rejections,
    jobs: { running: jobsRunning, list: jobs },
    /** A new organization: nothing registered, shared or running yet. */
    empty: brandTotal === 0 && campaignTotal === 0 && sharesWaiting === 0 && jobsRunning === 0,
  };
}

export type DashboardSummary = Awaited<ReturnType<typeof dashboardSummary>>;
