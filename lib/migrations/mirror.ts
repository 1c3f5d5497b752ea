import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { TcrClient } from "@/lib/tcr/client";
import { TcrError } from "@/lib/tcr/errors";
import { paginate } from "@/lib/tcr/paginate";
import type { SharingRecord } from "@/lib/tcr/schemas/campaign";
import type { CnpMigrationRecord } from "@/lib/tcr/schemas/cnpMigration";

/**
 * Mirror of sharing (up- and downstream) and CNP migrations: our campaigns' upstream hop (Campaign.upstreamCnpId,
 * sharingStatus, sharedAt), campaigns shared with us (PartnerCampaign) and migration transactions (CnpMigration:
 * OUTGOING for our campaigns, INCOMING for partner campaigns migrating to us). Refreshed per campaign from
 * webhook triggers and after our own calls, and in bulk by reconcileOrg.
 */
type Tx = Db | Prisma.TransactionClient;
export type MirrorOutcome = "created" | "updated" | "unchanged" | "stale" | "deleted";
const isGone = (e: unknown) => e instanceof TcrError && (e.status === 404 || e.hasCode(502));
const date = (v: unknown): Date | null => {
  if (typeof v !== "string" && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as Prisma.InputJsonValue;

/** Our upstream hop. Only the sharing columns are written, so a campaign refresh and this never overwrite each other. */
export async function writeCampaignSharing(db: Tx, orgId: string, campaignId: string, hop: SharingRecord | null | undefined): Promise<MirrorOutcome> {
  const row = await db.campaign.findUnique({ where: { orgId_campaignId: { orgId, campaignId } }, select: { upstreamCnpId: true, sharingStatus: true, sharedAt: true } });
  if (!row) return "stale";
  const next = { upstreamCnpId: hop?.upstreamCnpId ?? null, sharingStatus: (hop?.sharingStatus as string | null | undefined) ?? null, sharedAt: date(hop?.sharedDate) };
  if (row.upstreamCnpId === next.upstreamCnpId && row.sharingStatus === next.sharingStatus && (row.sharedAt?.getTime() ?? null) === (next.sharedAt?.getTime() ?? null)) return "unchanged";
  await db.campaign.update({ where: { orgId_campaignId: { orgId, campaignId } }, data: next });
  return "updated";
}

type MigrationWrite = {
  direction: "OUTGOING" | "INCOMING";
  record: CnpMigrationRecord | null;
  provisional: { sharedWithMe?: SharingRecord | null; sharedByMe?: SharingRecord | null } | null;
  initiatedByUs?: boolean;
  targetCnpId?: string | null;
};

/** Writes one migration answer, guarded by confirmedAt so an older answer never overwrites a newer one. */
export async function writeMigration(db: Tx, orgId: string, campaignId: string, w: MigrationWrite, confirmedAt: Date): Promise<MirrorOutcome> {
  const key = { orgId_campaignId_direction: { orgId, campaignId, direction: w.direction } };
  const existing = await db.cnpMigration.findUnique({ where: key });
  if (!w.record) {
    if (!existing) return "unchanged";
    // A transaction the registry no longer reports (its campaign is gone): keep the row, mark it so.
    if (existing.confirmedAt > confirmedAt) return "stale";
    return "unchanged";
  }
  const prevData = (existing?.data ?? {}) as Record<string, unknown>;
  const hop = w.direction === "OUTGOING" ? w.provisional?.sharedByMe : w.provisional?.sharedWithMe;
  const target = w.targetCnpId ?? (w.direction === "OUTGOING" ? (hop?.upstreamCnpId ?? existing?.targetCnpId ?? null) : (hop?.upstreamCnpId ?? existing?.targetCnpId ?? null));
  const data = {
    ...prevData,
    record: w.record,
    ...(w.provisional && (w.provisional.sharedByMe || w.provisional.sharedWithMe) ? { provisional: w.provisional } : {}),
    initiatedByUs: w.initiatedByUs ?? prevData.initiatedByUs ?? w.direction === "OUTGOING",
    expirationDate: w.record.expirationDate ?? null,
    initiatorCnpId: w.direction === "INCOMING" ? (hop?.downstreamCnpId ?? prevData.initiatorCnpId ?? null) : (prevData.initiatorCnpId ?? null),
  };
  const fields = {
    status: (w.record.status as string | null | undefined) ?? null,
    targetCnpId: target,
    requestedAt: date(w.record.createDate),
    cancellationReason: w.record.cancellationReason ?? null,
    data: json(data),
    confirmedAt,
  };
  if (!existing) {
    await db.cnpMigration.upsert({ where: key, create: { orgId, campaignId, direction: w.direction, ...fields }, update: fields });
    return "created";
  }
  if (existing.confirmedAt > confirmedAt) return "stale";
  const same = existing.status === fields.status && existing.targetCnpId === fields.targetCnpId && existing.cancellationReason === fields.cancellationReason &&
    (existing.requestedAt?.getTime() ?? null) === (fields.requestedAt?.getTime() ?? null);
  const r = await db.cnpMigration.updateMany({ where: { orgId, campaignId, direction: w.direction, confirmedAt: { lte: confirmedAt } }, data: fields });
  if (r.count === 0) return "stale";
  return same ? "unchanged" : "updated";
}

/** Our campaign: its live upstream hop and its latest migration transaction. */
export async function refreshOutgoing(db: Db, client: TcrClient, orgId: string, campaignId: string): Promise<{ sharing: MirrorOutcome; migration: MirrorOutcome }> {
  const askedAt = new Date();
  const live = await client.campaigns.getSharing(campaignId).catch((e) => (isGone(e) ? null : Promise.reject(e)));
  const sharing = await writeCampaignSharing(db, orgId, campaignId, live?.sharedByMe);
  let record: CnpMigrationRecord | null = null;
  try {
    record = await client.cnpMigration.get(campaignId);
  } catch (e) {
    if (!isGone(e)) throw e;
  }
  const provisional = record ? await client.campaigns.getSharing(campaignId, { cnpMigration: true }) : null;
  const migration = await writeMigration(db, orgId, campaignId, { direction: "OUTGOING", record, provisional }, askedAt);
  return { sharing, migration };
}

type SharedRecord = Record<string, unknown> & { campaignId?: string };

function partnerFields(rec: SharedRecord, sharing: { sharedWithMe?: SharingRecord | null; sharedByMe?: SharingRecord | null } | null, cnpMigration: boolean) {
  const inbound = sharing?.sharedWithMe;
  return {
    brandId: (rec.brandId as string | undefined) ?? null,
    usecase: (rec.usecase as string | undefined) ?? null,
    status: (rec.status as string | undefined) ?? null,
    downstreamCnpId: (inbound?.downstreamCnpId ?? (rec.downstreamCnpId as string | undefined)) ?? null,
    upstreamCnpId: sharing?.sharedByMe?.upstreamCnpId ?? null,
    sharingStatus: ((inbound?.sharingStatus ?? rec.sharingStatus) as string | undefined) ?? null,
    sharedAt: date(inbound?.sharedDate ?? rec.sharedDate),
    cnpMigration,
  };
}

/** Writes one campaign shared with us, guarded by confirmedAt. */
export async function writePartnerCampaign(db: Tx, orgId: string, rec: SharedRecord, fields: ReturnType<typeof partnerFields>, extra: Record<string, unknown>, confirmedAt: Date): Promise<MirrorOutcome> {
  const campaignId = String(rec.campaignId);
  const key = { orgId_campaignId: { orgId, campaignId } };
  const existing = await db.partnerCampaign.findUnique({ where: key });
  const data = json({ ...((existing?.data ?? {}) as object), ...rec, ...extra });
  const all = { ...fields, data, confirmedAt, deletedAt: null };
  if (!existing) {
    await db.partnerCampaign.upsert({ where: key, create: { orgId, campaignId, ...all }, update: all });
    return "created";
  }
  if (existing.confirmedAt > confirmedAt) return "stale";
  const same = !existing.deletedAt && (Object.keys(fields) as (keyof typeof fields)[]).every((k) => {
    const a = existing[k];
    const b = fields[k];
    return a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b;
  });
  const r = await db.partnerCampaign.updateMany({ where: { orgId, campaignId, confirmedAt: { lte: confirmedAt } }, data: all });
  if (r.count === 0) return "stale";
  return same ? "unchanged" : "updated";
}

export async function markPartnerCampaignGone(db: Tx, orgId: string, campaignId: string, confirmedAt: Date): Promise<boolean> {
  const r = await db.partnerCampaign.updateMany({ where: { orgId, campaignId, deletedAt: null, confirmedAt: { lte: confirmedAt } }, data: { deletedAt: confirmedAt, confirmedAt } });
  return r.count > 0;
}

/** A campaign shared with us: details, both sharing views and, when it is migrating to us, the transaction. */
export async function refreshIncoming(db: Db, client: TcrClient, orgId: string, campaignId: string): Promise<MirrorOutcome> {
  const askedAt = new Date();
  let details: SharedRecord;
  try {
    details = (await client.partnerCampaigns.get(campaignId)) as SharedRecord;
  } catch (e) {
    if (!isGone(e)) throw e;
    // Declined requests are removed by the registry.
    return (await markPartnerCampaignGone(db, orgId, campaignId, askedAt)) ? "deleted" : "unchanged";
  }
  const [live, provisional, mnoMetadata] = await Promise.all([
    client.partnerCampaigns.getSharing(campaignId),
    client.partnerCampaigns.getSharing(campaignId, { cnpMigration: true }),
    client.partnerCampaigns.getMnoMetadata(campaignId).catch(() => null),
  ]);
  const migrating = Boolean(provisional.sharedWithMe);
  const sharing = migrating ? { sharedWithMe: provisional.sharedWithMe, sharedByMe: provisional.sharedByMe ?? live.sharedByMe } : live;
  const outcome = await writePartnerCampaign(db, orgId, details, partnerFields(details, sharing, migrating), { mnoMetadata, sharing: { live, provisional } }, askedAt);
  let record: CnpMigrationRecord | null = null;
  try {
    record = await client.cnpMigration.get(campaignId);
  } catch (e) {
    if (!isGone(e)) throw e;
  }
  if (record) await writeMigration(db, orgId, campaignId, { direction: "INCOMING", record, provisional, initiatedByUs: false }, askedAt);
  return outcome;
}

/** Is this campaign ours (mirrored as a Campaign) or shared with us? Webhook events carry only the id. */
export async function refreshSharingAndMigration(db: Db, client: TcrClient, orgId: string, campaignId: string): Promise<void> {
  const own = await db.campaign.findUnique({ where: { orgId_campaignId: { orgId, campaignId } }, select: { id: true } });
  if (own) await refreshOutgoing(db, client, orgId, campaignId);
  else await refreshIncoming(db, client, orgId, campaignId);
}

export type Counts = Record<MirrorOutcome, number>;
const METADATA_READS_PER_RUN = 200;
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0, stale: 0, deleted: 0 });

/**
 * Reconciliation of sharing and migrations: pages through what the registry lists (our shares, shares with
 * us, open migrations both ways) and repairs the mirror. Rows the completed listings no longer show are
 * re-read one by one (a finished migration, a declined request), never blindly deleted.
 */
export async function reconcileSharingAndMigrations(db: Db, client: TcrClient, orgId: string): Promise<{ sharing: Counts; partnerCampaigns: Counts; migrations: Counts }> {
  const startedAt = new Date();
  const sharing = zero();
  const partnerCampaigns = zero();
  const migrations = zero();

  const shared = new Set<string>();
  for await (const page of paginate(client.partnerCampaigns.searchSharedByMeDeprecated, {})) {
    for (const r of page.records) {
      const id = r.campaignId;
      if (!id) continue;
      shared.add(id);
      sharing[await writeCampaignSharing(db, orgId, id, r as SharingRecord)]++;
    }
  }
  const unshared = await db.campaign.findMany({ where: { orgId, deletedAt: null, upstreamCnpId: { not: null }, campaignId: { notIn: [...shared] } }, select: { campaignId: true } });
  for (const c of unshared) sharing[await writeCampaignSharing(db, orgId, c.campaignId, null)]++;

  const seen = new Set<string>();
  for (const cnpMigration of [false, true]) {
    for await (const page of paginate(client.partnerCampaigns.searchSharedWithMeDeprecated, { cnpMigration })) {
      for (const r of page.records) {
        if (!r.campaignId || seen.has(r.campaignId)) continue;
        seen.add(r.campaignId);
        const rec = r as SharedRecord;
        const existing = await db.partnerCampaign.findUnique({ where: { orgId_campaignId: { orgId, campaignId: r.campaignId } }, select: { upstreamCnpId: true } });
        partnerCampaigns[await writePartnerCampaign(db, orgId, rec, { ...partnerFields(rec, null, cnpMigration), upstreamCnpId: existing?.upstreamCnpId ?? null }, {}, startedAt)]++;
      }
    }
  }
  // Carrier terms (mnoMetadata) of the requests waiting for us, which the listings do not carry: one read each,
  // bounded per run so a first import of thousands of shares does not hold the reconciliation up (the rest
  // follow on later runs; a CAMPAIGN_SHARE_ADD webhook fetches them at once).
  const waiting = await db.partnerCampaign.findMany({ where: { orgId, deletedAt: null, sharingStatus: "PENDING" }, select: { campaignId: true, data: true }, orderBy: { sharedAt: "desc" }, take: 5000 });
  let metadataReads = 0;
  for (const p of waiting) {
    if (metadataReads >= METADATA_READS_PER_RUN) break;
    if ((p.data as { mnoMetadata?: unknown } | null)?.mnoMetadata) continue;
    metadataReads++;
    const mnoMetadata = await client.partnerCampaigns.getMnoMetadata(p.campaignId).catch(() => null);
    if (mnoMetadata) await db.partnerCampaign.updateMany({ where: { orgId, campaignId: p.campaignId }, data: { data: json({ ...((p.data ?? {}) as object), mnoMetadata }) } });
  }
  // Rows the listings no longer show: declined, expired or completed; ask for each.
  const missing = await db.partnerCampaign.findMany({ where: { orgId, deletedAt: null, campaignId: { notIn: [...seen] }, confirmedAt: { lt: startedAt } }, select: { campaignId: true } });
  for (const p of missing) partnerCampaigns[await refreshIncoming(db, client, orgId, p.campaignId)]++;

  // Migrations: open ones of our campaigns are listed by sharedByMe?cnpMigration=true; every row still open in
  // the mirror is re-read too, so completions and cancellations missed by webhooks are picked up.
  const openOut = new Set<string>();
  for await (const page of paginate(client.partnerCampaigns.searchSharedByMeDeprecated, { cnpMigration: true })) {
    for (const r of page.records) if (r.campaignId) openOut.add(r.campaignId);
  }
  const openInMirror = await db.cnpMigration.findMany({ where: { orgId, status: { in: ["ACTIVE", "OPEN"] } }, select: { campaignId: true, direction: true } });
  const ours = await db.campaign.findMany({ where: { orgId, campaignId: { in: [...openOut, ...openInMirror.map((m) => m.campaignId)] } }, select: { campaignId: true } });
  const ourIds = new Set(ours.map((c) => c.campaignId));
  for (const id of new Set([...openOut, ...openInMirror.filter((m) => m.direction === "OUTGOING").map((m) => m.campaignId)])) {
    if (!ourIds.has(id)) continue;
    migrations[(await refreshOutgoing(db, client, orgId, id)).migration]++;
  }
  for (const m of openInMirror.filter((x) => x.direction === "INCOMING" && !seen.has(x.campaignId))) {
    let record: CnpMigrationRecord | null = null;
    try {
      record = await client.cnpMigration.get(m.campaignId);
    } catch (e) {
      if (!isGone(e)) throw e;
    }
    migrations[await writeMigration(db, orgId, m.campaignId, { direction: "INCOMING", record, provisional: null, initiatedByUs: false }, new Date())]++;
  }
  for (const id of seen) {
    const row = await db.partnerCampaign.findUnique({ where: { orgId_campaignId: { orgId, campaignId: id } }, select: { cnpMigration: true } });
    if (!row?.cnpMigration) continue;
    const record = await client.cnpMigration.get(id).catch((e) => (isGone(e) ? null : Promise.reject(e)));
    migrations[await writeMigration(db, orgId, id, { direction: "INCOMING", record, provisional: null, initiatedByUs: false }, new Date())]++;
  }
  return { sharing, partnerCampaigns, migrations };
}
