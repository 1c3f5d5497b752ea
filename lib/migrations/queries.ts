import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { daysLeft, migrationStatusLabel } from "./eligibility";
import { incomingWhere, outgoingWhere } from "./facts";
import { registeredIdOf, type IncomingFilter, type OutgoingFilter } from "./schemas";

export const PAGE_SIZE = 50;

export type OutgoingRow = {
  campaignId: string; brandId: string | null; brandName: string | null; usecase: string | null; status: string | null;
  upstreamCnpId: string | null; sharingStatus: string | null; migrationStatus: string; targetCnpId: string | null;
  expirationDate: string | null; daysLeft: number | null; suspended: boolean;
};

/** Our campaigns with their chain (us → upstream CNP/DCA) and migration state, one page. */
export async function listOutgoing(db: Db, orgId: string, f: OutgoingFilter, page: number): Promise<{ rows: OutgoingRow[]; total: number }> {
  const where = await outgoingWhere(db, orgId, f);
  const [total, campaigns] = await Promise.all([
    db.campaign.count({ where }),
    db.campaign.findMany({ where, orderBy: { campaignId: "asc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: outgoingSelect }),
  ]);
  return { total, rows: await decorateOutgoing(db, orgId, campaigns) };
}

/** What the Outgoing table (and its CSV) reads of each campaign row. */
export const outgoingSelect = {
  campaignId: true, brandId: true, usecase: true, status: true, upstreamCnpId: true, sharingStatus: true,
  operations: { select: { status: true } },
} satisfies Prisma.CampaignSelect;
type OutgoingCampaign = Prisma.CampaignGetPayload<{ select: typeof outgoingSelect }>;

/** Adds the migration transaction and the brand's name to a batch of campaigns, keeping their order. */
export async function decorateOutgoing(db: Db, orgId: string, campaigns: OutgoingCampaign[]): Promise<OutgoingRow[]> {
  const ids = campaigns.map((c) => c.campaignId);
  const [migrations, brands] = await Promise.all([
    db.cnpMigration.findMany({ where: { orgId, direction: "OUTGOING", campaignId: { in: ids } } }),
    db.brand.findMany({ where: { orgId, brandId: { in: campaigns.flatMap((c) => (c.brandId ? [c.brandId] : [])) } }, select: { brandId: true, displayName: true } }),
  ]);
  const mig = new Map(migrations.map((m) => [m.campaignId, m]));
  const names = new Map(brands.map((b) => [b.brandId, b.displayName]));
  return campaigns.map((c) => {
    const m = mig.get(c.campaignId);
    const exp = ((m?.data as { expirationDate?: string } | null)?.expirationDate) ?? null;
    return {
      campaignId: c.campaignId, brandId: c.brandId, brandName: c.brandId ? (names.get(c.brandId) ?? null) : null, usecase: c.usecase, status: c.status,
      upstreamCnpId: c.upstreamCnpId, sharingStatus: c.sharingStatus, migrationStatus: migrationStatusLabel(m?.status), targetCnpId: m?.targetCnpId ?? null,
      expirationDate: exp, daysLeft: m && migrationStatusLabel(m.status) === "Open" ? daysLeft(exp) : null, suspended: c.operations.some((o) => o.status === "SUSPENDED"),
    };
  });
}

export async function countOutgoing(db: Db, orgId: string, f: OutgoingFilter): Promise<number> {
  return db.campaign.count({ where: await outgoingWhere(db, orgId, f) });
}

export type IncomingRow = {
  campaignId: string; brandId: string | null; usecase: string | null; status: string | null; downstreamCnpId: string | null; upstreamCnpId: string | null;
  sharingStatus: string | null; sharedAt: string | null; cnpMigration: boolean; previouslyAccepted: boolean;
  /** Carriers the registry returned network terms for (GET /partnerCampaign/{id}/mnoMetadata), by network id. */
  carriers: string[];
  migrationStatus: string | null; expirationDate: string | null; daysLeft: number | null;
};

/** Campaigns shared with us (newest share first), with the migration transaction when the share is part of one. */
export async function listIncoming(db: Db, orgId: string, f: IncomingFilter, page: number): Promise<{ rows: IncomingRow[]; total: number }> {
  const where = incomingWhere(orgId, f);
  const [total, rows] = await Promise.all([
    db.partnerCampaign.count({ where }),
    db.partnerCampaign.findMany({ where, orderBy: [{ sharedAt: "desc" }, { campaignId: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  const migrations = await db.cnpMigration.findMany({ where: { orgId, direction: "INCOMING", campaignId: { in: rows.filter((r) => r.cnpMigration).map((r) => r.campaignId) } } });
  const mig = new Map(migrations.map((m) => [m.campaignId, m]));
  return {
    total,
    rows: rows.map((p) => {
      const data = (p.data ?? {}) as { mnoMetadata?: Record<string, unknown> | null; previouslyAccepted?: boolean };
      const m = mig.get(p.campaignId);
      const exp = ((m?.data as { expirationDate?: string } | null)?.expirationDate) ?? null;
      return {
        campaignId: p.campaignId, brandId: p.brandId, usecase: p.usecase, status: p.status, downstreamCnpId: p.downstreamCnpId, upstreamCnpId: p.upstreamCnpId,
        sharingStatus: p.sharingStatus, sharedAt: p.sharedAt?.toISOString() ?? null, cnpMigration: p.cnpMigration, previouslyAccepted: data.previouslyAccepted === true,
        carriers: Object.keys(data.mnoMetadata ?? {}),
        migrationStatus: m ? migrationStatusLabel(m.status) : null, expirationDate: exp, daysLeft: m && migrationStatusLabel(m.status) === "Open" ? daysLeft(exp) : null,
      };
    }),
  };
}

export async function countIncoming(db: Db, orgId: string, f: IncomingFilter): Promise<number> {
  return db.partnerCampaign.count({ where: incomingWhere(orgId, f) });
}

export async function listJobs(db: Db, orgId: string, page: number) {
  const [total, rows] = await Promise.all([
    db.bulkJob.count({ where: { orgId } }),
    db.bulkJob.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  return { total, rows };
}

export type JobProgress = {
  id: string; kind: string; status: string; params: unknown; total: number; succeeded: number; skipped: number; failed: number; done: number;
  createdAt: string; startedAt: string | null; finishedAt: string | null; cancelRequested: boolean; itemsPerSecond: number | null;
};

/** What the progress page polls. Rate = finished items over the time the job has run. */
export async function jobProgress(db: Db, orgId: string, jobId: string): Promise<JobProgress> {
  const j = await db.bulkJob.findFirst({ where: { id: jobId, orgId } });
  if (!j) throw new NotFoundError("Bulk job");
  const done = j.succeeded + j.skipped + j.failed;
  const end = j.finishedAt ?? new Date();
  const secs = j.startedAt ? (end.getTime() - j.startedAt.getTime()) / 1000 : 0;
  return {
    id: j.id, kind: j.kind, status: j.status, params: j.params, total: j.total, succeeded: j.succeeded, skipped: j.skipped, failed: j.failed, done,
    createdAt: j.createdAt.toISOString(), startedAt: j.startedAt?.toISOString() ?? null, finishedAt: j.finishedAt?.toISOString() ?? null,
    cancelRequested: j.cancelRequestedAt !== null, itemsPerSecond: secs > 0 ? Math.round((done / secs) * 100) / 100 : null,
  };
}

export async function jobItems(db: Db, orgId: string, jobId: string, page: number, state?: string) {
  const where = { jobId, orgId, ...(state ? { state } : {}) };
  const [total, rows] = await Promise.all([
    db.bulkJobItem.count({ where }),
    db.bulkJobItem.findMany({ where, orderBy: { campaignId: "asc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  return { total, rows: rows.map((r) => ({ campaignId: r.campaignId, state: r.state, reason: r.reason, error: r.error, attempts: r.attempts, finishedAt: r.finishedAt?.toISOString() ?? null, registeredId: registeredIdOf(r.result) })) };
}

/** Every connectivity partner (CNPs and DCAs) the registry lists; empty when the registry cannot be reached. */
export async function connectivityPartners(db: Db, orgId: string) {
  const { registryClientFor } = await import("@/lib/registry/client");
  const { loadPartners } = await import("./partners");
  try {
    return await loadPartners(await registryClientFor(db, orgId));
  } catch {
    return [];
  }
}

/** Migration targets for the dropdown: partners that support CNP migration (the registry's list). */
export async function migrationTargets(db: Db, orgId: string) {
  return (await connectivityPartners(db, orgId)).filter((p) => p.cnpMigrationSupported);
}

/** The account's CNP migration settings, live from the registry; null when it cannot be reached. */
export async function cnpSettings(db: Db, orgId: string): Promise<{ migrationSupported: boolean; migrationAutoComplete: boolean } | null> {
  const { registryClientFor } = await import("@/lib/registry/client");
  try {
    const s = await (await registryClientFor(db, orgId)).settings.getCnpMigration();
    return { migrationSupported: s.migrationSupported, migrationAutoComplete: s.migrationAutoComplete };
  } catch {
    return null;
  }
}
