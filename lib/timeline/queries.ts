import type { AuditOutcome } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db";
import { describeAuditAction, describeRegistryEvent } from "@/lib/timeline/describe";

export type TimelineEntry =
  | {
      kind: "registry";
      id: string;
      at: Date;
      /** The registry's event type, as TCR spells it. */
      eventType: string;
      title: string;
      /** The registry's own words, when the event carries a description. */
      detail: string | null;
      /** Who caused it, as far as the event says: the CSP, vetting partner or carrier named in it. */
      actor: string;
      deliveries: number;
      status: string;
    }
  | {
      kind: "portal";
      id: string;
      at: Date;
      action: string;
      title: string;
      actor: string;
      outcome: AuditOutcome;
      detail: string | null;
    };

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

function registryActor(payload: unknown): string {
  const p = (payload && typeof payload === "object" ? payload : {}) as Record<string, unknown>;
  const by = str(p.evpName) ?? str(p.mnoName) ?? str(p.dcaName) ?? str(p.cspName);
  return by ? `The Campaign Registry (${by})` : "The Campaign Registry";
}

function auditDetail(detail: unknown): string | null {
  if (!detail || typeof detail !== "object") return null;
  const d = detail as Record<string, unknown>;
  return str(d.reason) ?? (str(d.result) ? `Result: ${d.result as string}` : null);
}

type EventRow = { id: string; receivedAt: Date; eventType: string; payload: unknown; deliveries: number; status: string };
type AuditRow = { id: string; createdAt: Date; action: string; actorEmail: string | null; outcome: AuditOutcome; detail: unknown };

function merge(events: EventRow[], audits: AuditRow[], scope: "brand" | "campaign", limit: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...events.map((e) => {
      const p = (e.payload as Record<string, unknown> | null) ?? {};
      const carrier = scope === "campaign" ? str(p.mnoName) : null;
      return {
        kind: "registry" as const, id: e.id, at: e.receivedAt, eventType: e.eventType,
        title: `${describeRegistryEvent(e.eventType, scope)}${carrier ? ` (${carrier})` : ""}`,
        detail: str(p.description), actor: registryActor(e.payload), deliveries: e.deliveries, status: e.status,
      };
    }),
    ...audits.map((a) => ({
      kind: "portal" as const, id: a.id, at: a.createdAt, action: a.action, title: describeAuditAction(a.action),
      actor: a.actorEmail ?? "System", outcome: a.outcome, detail: auditDetail(a.detail),
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).slice(0, limit);
}

/**
 * Everything that happened to one brand, newest first: registry webhook events about it merged with the
 * portal's audit rows that target it. Both queries carry the org id, so another organization's history
 * never leaks in even if brand ids collide.
 */
export async function brandTimeline(db: Db, orgId: string, brandId: string, limit = 100): Promise<TimelineEntry[]> {
  const [events, audits] = await Promise.all([
    db.registryEvent.findMany({ where: { orgId, brandId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: limit }),
    db.auditLog.findMany({ where: { orgId, targetId: brandId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
  ]);
  return merge(events, audits, "brand", limit);
}

/**
 * Everything that happened to one campaign, newest first: registry events naming it (per-carrier
 * decisions show the carrier) and portal actions on it, including files sent to it.
 */
export async function campaignTimeline(db: Db, orgId: string, campaignId: string, limit = 100): Promise<TimelineEntry[]> {
  const [events, audits] = await Promise.all([
    db.registryEvent.findMany({ where: { orgId, campaignId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: limit }),
    db.auditLog.findMany({ where: { orgId, targetId: campaignId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
  ]);
  return merge(events, audits, "campaign", limit);
}
