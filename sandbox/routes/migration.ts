import type { Sim } from "../core/context";
import { invalid, tcrError } from "../core/errors";
import { noContent, json } from "../core/http";
import type { Router } from "../core/router";
import type { CampaignRecord, MigrationRecord, PartnerCampaignRecord } from "../core/store";
import { brandEventFields } from "../domain/brands";
import { findPartner } from "../domain/partners";

/**
 * CNP migration (tcr-api-part2 §4, cnp-migration.md §12) for campaigns this CSP originated, in the
 * sandbox's single-hop chain model: the live chain is our ACCEPTED upstream hop; a migration adds a
 * provisional hop (cnpMigration = true) to the target, which decides after delays.shareDecisionMs
 * (description containing "DECLINE" → DECLINED, the transaction stays open). Acceptance completes the
 * transaction (the target's own chain up to a DCA is assumed, as for normal shares): the provisional hop
 * replaces the live one, CAMPAIGN_SHARE_ACCEPT and CNP_MIGRATION_COMPLETE are emitted. Open transactions
 * are cancelled after 30 days or when the campaign is deactivated (CNP_MIGRATION_CANCEL). Errors follow
 * seed 002: 502 not found, 518 expired, 592 data constraints (one open transaction, an accepted DCA
 * chain, a different target, migration-enabled partners, SP support, no mock campaigns).
 *
 * Incoming migrations (a downstream CSP migrates its campaign to us; created with the control API,
 * domain/incoming.ts) are transactions on partner campaigns with the downstream CSP as initiator: we are a
 * participant, so GET migrateCnp answers, DELETE answers 500 "Not a migration owner", and the expiry and
 * cancellation events reach us.
 */
export const MIGRATION_WINDOW_MS = 30 * 24 * 3_600_000;

export function latestMigration(sim: Sim, campaignId: string): MigrationRecord | undefined {
  return Object.values(sim.store.data.migrations)
    .filter((m) => m.campaignId === campaignId)
    .sort((a, b) => (a.createDate < b.createDate ? 1 : a.createDate > b.createDate ? -1 : b.migrationId.localeCompare(a.migrationId)))[0];
}

export function openMigration(sim: Sim, campaignId: string): MigrationRecord | undefined {
  const m = latestMigration(sim, campaignId);
  return m?.status === "ACTIVE" ? m : undefined;
}

function events(sim: Sim, c: CampaignRecord | PartnerCampaignRecord) {
  const b = sim.store.data.brands[c.brandId];
  return { ...(b ? brandEventFields(b) : { brandId: c.brandId }), campaignId: c.campaignId, campaignReferenceId: c.referenceId ?? undefined, mock: c.mock };
}

/** The open transaction a downstream CSP started to migrate its campaign to us, if any. */
export function openIncomingMigration(sim: Sim, campaignId: string): MigrationRecord | undefined {
  const m = openMigration(sim, campaignId);
  return m && m.targetId === sim.store.data.account.cspId ? m : undefined;
}

/** An incoming transaction completes once our new chain is accepted (the post-migration chain reaches a DCA). */
export function completeIncomingMigration(sim: Sim, m: MigrationRecord): void {
  const c = sim.store.data.partnerCampaigns[m.campaignId];
  m.status = "COMPLETE";
  m.finalDate = sim.clock.nowIso();
  if (c) {
    c.cnpMigration = false;
    sim.webhooks.emit("CNP_MIGRATION_COMPLETE", { ...events(sim, c), cnpMigration: true, description: `CNP migration on campaign ${c.campaignId} is completed` });
  }
}

/** System or user cancellation of an open transaction. */
export function cancelMigration(sim: Sim, m: MigrationRecord, reason: string): void {
  const c = sim.store.data.campaigns[m.campaignId] ?? sim.store.data.partnerCampaigns[m.campaignId];
  m.status = "CANCELED";
  m.finalDate = sim.clock.nowIso();
  m.cancellationReason = reason;
  if (c) sim.webhooks.emit("CNP_MIGRATION_CANCEL", { ...events(sim, c), cnpMigration: true, description: `CNP migration on campaign ${c.campaignId} is cancelled, Reason: ${reason}` });
}

export function registerMigrationRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const getCampaign = (id: string) => {
    const c = store.data.campaigns[id];
    if (!c) throw tcrError(502, "Campaign record not found", "campaignId");
    return c;
  };
  // Participants may read a transaction (cnp-migration.md §12.8): our campaigns and partner campaigns migrating to us.
  const getParticipantCampaign = (id: string) => {
    const c = store.data.campaigns[id] ?? store.data.partnerCampaigns[id];
    if (!c) throw tcrError(502, "Campaign record not found", "campaignId");
    return c;
  };

  clock.register("migration.decide", (p) => {
    const m = store.data.migrations[String(p.migrationId)];
    const c = m ? store.data.campaigns[m.campaignId] : undefined;
    if (!m || !c || m.status !== "ACTIVE" || m.hop.sharingStatus !== "PENDING") return;
    m.hop.statusDate = clock.nowIso();
    if (c.description.toUpperCase().includes("DECLINE")) {
      Object.assign(m.hop, { sharingStatus: "DECLINED", rejectionCategory: ["CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES"], explanation: "The description does not match the use case" });
      sim.webhooks.emit("CAMPAIGN_SHARE_DELETE", { ...events(sim, c), cnpMigration: true, description: `Upstream CNP declined sharing request for campaign ${c.campaignId}` });
      return;
    }
    m.hop.sharingStatus = "ACCEPTED";
    sim.webhooks.emit("CAMPAIGN_SHARE_ACCEPT", { ...events(sim, c), cnpMigration: true, description: `${m.targetId} accepted the sharing request for campaign ${c.campaignId}` });
    // Complete: the provisional hop becomes the live chain.
    m.status = "COMPLETE";
    m.finalDate = clock.nowIso();
    const live = { ...m.hop, cnpMigration: false, electedMnoIds: [...c.mnoIds], excludedMnoIds: [], dcaComplete: true };
    store.data.shares[c.campaignId] = live;
    sim.webhooks.emit("CNP_MIGRATION_COMPLETE", { ...events(sim, c), cnpMigration: true, description: `CNP migration on campaign ${c.campaignId} is completed` });
  });

  clock.register("migration.expire", (p) => {
    const m = store.data.migrations[String(p.migrationId)];
    if (m?.status === "ACTIVE") cancelMigration(sim, m, "expired");
  });

  r.get("/campaign/:campaignId/migrateCnp", (ctx) => {
    const c = getParticipantCampaign(ctx.params.campaignId!);
    const m = latestMigration(sim, c.campaignId);
    if (!m) throw tcrError(502, "No CNP migration for this campaign", "campaignId");
    return json({ campaignId: m.campaignId, status: m.status, cancellationReason: m.cancellationReason, expirationDate: m.expirationDate, createDate: m.createDate });
  });

  r.delete("/campaign/:campaignId/migrateCnp", (ctx) => {
    const c = getParticipantCampaign(ctx.params.campaignId!);
    const explanation = ctx.query.get("explanation") ?? "";
    if (explanation.length > 2048) throw invalid("explanation", "explanation must be at most 2048 characters");
    const m = latestMigration(sim, c.campaignId);
    if (!m) throw tcrError(502, "No CNP migration for this campaign", "campaignId");
    if (m.initiatorId !== store.data.account.cspId) throw tcrError(500, "Authentication error. Not a migration owner.");
    if (m.status !== "ACTIVE") throw tcrError(592, `The CNP migration is ${m.status} and cannot be cancelled`);
    cancelMigration(sim, m, explanation || "cancelled by the initiator");
    return noContent();
  });

  r.post("/campaign/:campaignId/migrateCnp/:upstreamCnpId", (ctx) => {
    const c = getCampaign(ctx.params.campaignId!);
    const target = findPartner(sim, ctx.params.upstreamCnpId!);
    if (!target) throw invalid("upstreamCnpId", "Unknown connectivity partner");
    if (c.status !== "ACTIVE") throw tcrError(518, "Campaign expired");
    const acc = store.data.account;
    const live = store.data.shares[c.campaignId];
    const reject = (why: string) => tcrError(592, `Operation declined. CNP migration cannot be initiated: ${why}`);
    if (!acc.migrationSupported) throw reject("CNP migration is not enabled for this account (settings/cnpMigration)");
    if (c.mock) throw reject("mock campaigns are never shared");
    if (openMigration(sim, c.campaignId)) throw reject("a migration is already open for this campaign");
    if (!live || live.sharingStatus !== "ACCEPTED") throw reject("the campaign has no accepted DCA chain");
    if (live.upstreamCnpId === target.id) throw reject("the target is already the campaign's upstream partner");
    if (!target.cnpMigrationSupported) throw reject("unsupported migration partner");
    if (c.usecase === "SOLE_PROPRIETOR" && !target.soleProprietorEnabled) throw reject("the target does not accept Sole Proprietor campaigns");
    const now = clock.now();
    const iso = new Date(now).toISOString();
    const m: MigrationRecord = {
      migrationId: store.rng.uuid(), campaignId: c.campaignId, initiatorId: acc.cspId, targetId: target.id, status: "ACTIVE",
      createDate: iso, expirationDate: new Date(now + MIGRATION_WINDOW_MS).toISOString(), finalDate: null, cancellationReason: null,
      hop: {
        campaignId: c.campaignId, downstreamCnpId: acc.cspId, upstreamCnpId: target.id, sharingStatus: "PENDING", rejectionCategory: [],
        explanation: null, sharedDate: iso, statusDate: iso, cnpMigration: true, electedMnoIds: [], excludedMnoIds: [], dcaComplete: false,
      },
    };
    store.data.migrations[m.migrationId] = m;
    clock.schedule("migration.decide", { migrationId: m.migrationId }, sim.delays.shareDecisionMs);
    clock.schedule("migration.expire", { migrationId: m.migrationId }, MIGRATION_WINDOW_MS);
    return noContent();
  });

}
