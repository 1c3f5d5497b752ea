import "server-only";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { describeRegistryEvent } from "@/lib/timeline/describe";
import { carrierCompletion, type CarrierRule, type ProvisionalHop } from "./completion";
import { cancelEligibility, daysLeft, migrationStatusLabel, type Eligibility } from "./eligibility";
import { outgoingFactsFor } from "./facts";

/** One hop of a chain as the registry shows it to us: only the hops adjacent to this organization. */
export type Hop = { from: string; to: string | null; sharingStatus: string | null; sharedAt: string | null; note?: string };

export type MigrationEvent = { id: string; at: string; eventType: string; title: string; detail: string | null; source: "registry" | "portal"; actor: string | null };

export type MigrationDetail = {
  campaignId: string;
  direction: "OUTGOING" | "INCOMING";
  brandId: string | null;
  brandName: string | null;
  usecase: string | null;
  status: string | null;
  carriersStatus: { mnoId: string; status: string }[];
  pre: Hop[];
  provisional: Hop[] | null;
  migration: null | {
    status: string | null; label: string; targetCnpId: string | null; requestedAt: string | null; expirationDate: string | null; daysLeft: number | null;
    cancellationReason: string | null; initiatedByUs: boolean; initiatorCnpId: string | null; confirmedAt: string;
  };
  rule: CarrierRule[];
  events: MigrationEvent[];
  cancel: Eligibility;
};

const EVENT_PREFIXES = ["CNP_MIGRATION_", "CAMPAIGN_SHARE_", "CAMPAIGN_DCA2_SHARE_", "CAMPAIGN_DCA_COMPLETE"];
const PORTAL_ACTIONS = ["bulk.item.migrate", "bulk.item.cancel_migration", "bulk.item.elect", "bulk.item.decline", "migration.cancel"];
const PORTAL_TITLES: Record<string, string> = {
  "bulk.item.migrate": "Migration requested (bulk job)",
  "bulk.item.cancel_migration": "Migration cancel requested (bulk job)",
  "bulk.item.elect": "Accepted and shared on (bulk job)",
  "bulk.item.decline": "Declined (bulk job)",
  "migration.cancel": "Migration canceled from this page",
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === "string" && v ? v : null);

function hopOf(rec: unknown, fromFallback: string, toFallback: string | null): Hop | null {
  const r = obj(rec);
  if (!Object.keys(r).length) return null;
  return { from: str(r.downstreamCnpId) ?? fromFallback, to: str(r.upstreamCnpId) ?? toFallback, sharingStatus: str(r.sharingStatus), sharedAt: str(r.sharedDate) };
}

async function migrationEvents(db: Db, orgId: string, campaignId: string): Promise<MigrationEvent[]> {
  const [events, audits] = await Promise.all([
    db.registryEvent.findMany({
      where: { orgId, campaignId, OR: EVENT_PREFIXES.map((p) => ({ eventType: { startsWith: p } })) },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: 100,
    }),
    db.auditLog.findMany({ where: { orgId, targetId: campaignId, action: { in: PORTAL_ACTIONS } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100 }),
  ]);
  const out: MigrationEvent[] = [
    ...events.map((e) => {
      const p = obj(e.payload);
      const flag = p.cnpMigration === true ? " (migration)" : "";
      return {
        id: e.id, at: e.receivedAt.toISOString(), eventType: e.eventType, source: "registry" as const, actor: "The Campaign Registry",
        title: `${describeRegistryEvent(e.eventType, "campaign")}${flag}`, detail: str(p.description),
      };
    }),
    ...audits.map((a) => {
      const d = obj(a.detail);
      return {
        id: a.id, at: a.createdAt.toISOString(), eventType: a.action, source: "portal" as const, actor: a.actorEmail ?? "Bulk job",
        title: `${PORTAL_TITLES[a.action] ?? a.action}: ${str(d.state) ?? a.outcome}`, detail: str(d.reason) ?? str(d.error) ?? str(d.explanation),
      };
    }),
  ];
  return out.sort((a, b) => b.at.localeCompare(a.at)).slice(0, 100);
}

/**
 * One campaign's migration as this organization sees it: our own campaign (OUTGOING: we initiated it) or a
 * campaign shared with us (INCOMING: a partner migrates it to us). Reads the mirror only.
 */
export async function migrationDetail(db: Db, orgId: string, campaignId: string, partners: { id: string; isDca: boolean }[] = []): Promise<MigrationDetail> {
  const isDca = (id: string | null | undefined) => {
    const p = id ? partners.find((x) => x.id === id) : undefined;
    return p ? p.isDca : null;
  };
  const own = await db.campaign.findUnique({ where: { orgId_campaignId: { orgId, campaignId } }, include: { operations: { select: { mnoId: true, status: true } } } });
  if (own) {
    const [m, brand, facts, events] = await Promise.all([
      db.cnpMigration.findUnique({ where: { orgId_campaignId_direction: { orgId, campaignId, direction: "OUTGOING" } } }),
      own.brandId ? db.brand.findFirst({ where: { orgId, brandId: own.brandId }, select: { displayName: true } }) : null,
      outgoingFactsFor(db, orgId, [campaignId]),
      migrationEvents(db, orgId, campaignId),
    ]);
    const data = obj(m?.data);
    const provisionalRec = obj(obj(data.provisional).sharedByMe);
    let provisional: Hop[] | null = null;
    if (m) {
      provisional = [hopOf(provisionalRec, "You", m.targetCnpId) ?? { from: "You", to: m.targetCnpId, sharingStatus: null, sharedAt: null, note: "Not yet read back from the registry" }];
      provisional[0]!.from = "You";
    }
    const exp = str(data.expirationDate);
    const label = migrationStatusLabel(m?.status);
    return {
      campaignId, direction: "OUTGOING", brandId: own.brandId, brandName: brand?.displayName ?? null, usecase: own.usecase, status: own.status,
      carriersStatus: own.operations.map((o) => ({ mnoId: o.mnoId, status: o.status })),
      pre: [{ from: "You", to: own.upstreamCnpId, sharingStatus: own.sharingStatus, sharedAt: own.sharedAt?.toISOString() ?? null }],
      provisional,
      migration: m ? {
        status: m.status, label, targetCnpId: m.targetCnpId, requestedAt: m.requestedAt?.toISOString() ?? null, expirationDate: exp,
        daysLeft: label === "Open" ? daysLeft(exp) : null, cancellationReason: m.cancellationReason, initiatedByUs: data.initiatedByUs !== false,
        initiatorCnpId: str(data.initiatorCnpId), confirmedAt: m.confirmedAt.toISOString(),
      } : null,
      rule: m ? carrierCompletion({
        mnoIds: own.operations.map((o) => o.mnoId), migrationStatus: m.status,
        hop: Object.keys(provisionalRec).length ? (provisionalRec as ProvisionalHop) : null, targetIsDca: isDca(m.targetCnpId),
      }) : [],
      events,
      cancel: cancelEligibility(facts.get(campaignId) ?? null),
    };
  }

  const pc = await db.partnerCampaign.findUnique({ where: { orgId_campaignId: { orgId, campaignId } } });
  if (!pc) throw new NotFoundError("Campaign");
  const [m, events] = await Promise.all([
    db.cnpMigration.findUnique({ where: { orgId_campaignId_direction: { orgId, campaignId, direction: "INCOMING" } } }),
    migrationEvents(db, orgId, campaignId),
  ]);
  const data = obj(pc.data);
  const sharing = obj(data.sharing);
  const live = obj(sharing.live);
  const prov = obj(sharing.provisional);
  const pre: Hop[] = [];
  const inbound = hopOf(live.sharedWithMe, pc.downstreamCnpId ?? "Partner", "You");
  if (inbound && !pc.cnpMigration) pre.push({ ...inbound, to: "You" });
  const out = hopOf(live.sharedByMe, "You", null);
  if (out) pre.push({ ...out, from: "You" });
  const provisional: Hop[] = [];
  const pin = hopOf(prov.sharedWithMe, pc.downstreamCnpId ?? "Partner", "You");
  if (pin) provisional.push({ ...pin, to: "You" });
  const pout = hopOf(prov.sharedByMe, "You", null);
  if (pout && obj(prov.sharedByMe).cnpMigration) provisional.push({ ...pout, from: "You" });
  if (pc.cnpMigration && !provisional.length) provisional.push({ from: pc.downstreamCnpId ?? "Partner", to: "You", sharingStatus: pc.sharingStatus, sharedAt: pc.sharedAt?.toISOString() ?? null });
  const mdata = obj(m?.data);
  const exp = str(mdata.expirationDate);
  const label = migrationStatusLabel(m?.status);
  const opStatus = obj(data.operationStatus);
  return {
    campaignId, direction: "INCOMING", brandId: pc.brandId, brandName: null, usecase: pc.usecase, status: pc.status,
    carriersStatus: Object.keys(obj(data.mnoMetadata)).map((mnoId) => ({ mnoId, status: str(opStatus[mnoId]) ?? "–" })),
    pre, provisional: provisional.length ? provisional : null,
    migration: m ? {
      status: m.status, label, targetCnpId: m.targetCnpId, requestedAt: m.requestedAt?.toISOString() ?? null, expirationDate: exp,
      daysLeft: label === "Open" ? daysLeft(exp) : null, cancellationReason: m.cancellationReason, initiatedByUs: false,
      initiatorCnpId: str(mdata.initiatorCnpId) ?? pc.downstreamCnpId, confirmedAt: m.confirmedAt.toISOString(),
    } : null,
    rule: [],
    events,
    cancel: { eligible: false, reason: "NOT_INITIATOR", message: "Only the initiator may cancel; this migration was started by a partner (R3)" },
  };
}
