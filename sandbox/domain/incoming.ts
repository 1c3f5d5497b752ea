import type { Sim } from "../core/context";
import { invalid, notFound, tcrError } from "../core/errors";
import type { CampaignRecord, MigrationRecord, PartnerCampaignRecord, PartnerRecord, ShareRecord } from "../core/store";
import { CNPS } from "../data/enums";
import { USECASE_BY_NAME } from "../data/usecases";
import { cancelMigration, MIGRATION_WINDOW_MS, openIncomingMigration } from "../routes/migration";
import { makeBrand, makeCampaign, makePartnerCampaign } from "../scenarios";
import { findPartner } from "./partners";

/**
 * What the migration dashboard needs to be exercised and the single-CSP sandbox cannot produce through the API:
 * other CSPs sharing campaigns with us (optionally as the provisional hop of a migration they initiated to us),
 * more connectivity partners to migrate to, and our own campaigns already accepted by a DCA. Driven by the
 * control API (control.ts); state changes follow cnp-migration.md §3.2 (30-day expiry, initiator-only cancel).
 */
export interface IncomingShareOptions {
  /** Who shares: a CNP id, or any CSP id (default: the built-in CNPs in turn). */
  downstreamCnpId?: string;
  usecase?: string;
  /** The share is the provisional hop of a migration the downstream CSP initiated to us. */
  cnpMigration?: boolean;
  /** With cnpMigration: we were already in the pre-migration chain with an ACCEPTED share to this upstream. */
  previouslyAcceptedUpstreamCnpId?: string;
}

const ID = /^S[A-Z0-9]{3,9}$/;

export function receivePartnerShares(sim: Sim, count: number, o: IncomingShareOptions = {}): string[] {
  const { store, clock, webhooks } = sim;
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw invalid("count", "count must be 1..10000");
  if (o.downstreamCnpId !== undefined && !ID.test(o.downstreamCnpId)) throw invalid("downstreamCnpId", "downstreamCnpId must look like S123ABC");
  if (o.downstreamCnpId === store.data.account.cspId) throw invalid("downstreamCnpId", "a partner cannot be this CSP");
  if (o.usecase !== undefined && !USECASE_BY_NAME[o.usecase]) throw invalid("usecase", `Unknown use case ${o.usecase}`);
  if (o.previouslyAcceptedUpstreamCnpId !== undefined) {
    if (!o.cnpMigration) throw invalid("previouslyAcceptedUpstreamCnpId", "only for migration shares (cnpMigration: true)");
    if (!findPartner(sim, o.previouslyAcceptedUpstreamCnpId)) throw invalid("previouslyAcceptedUpstreamCnpId", "Unknown connectivity partner");
  }
  const base = Object.keys(store.data.partnerCampaigns).length + Object.keys(store.data.migrations).length;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const now = clock.now();
    const iso = new Date(now).toISOString();
    const pc: PartnerCampaignRecord = makePartnerCampaign(sim, base + i, now);
    if (o.downstreamCnpId) pc.downstreamCnpId = o.downstreamCnpId;
    else pc.downstreamCnpId = CNPS[(base + i) % CNPS.length]!.id;
    if (o.usecase) pc.usecase = o.usecase;
    const event: Record<string, unknown> = { campaignId: pc.campaignId, brandId: pc.brandId, mock: false, description: `Shared by ${pc.downstreamCnpId}` };
    if (o.cnpMigration) {
      pc.cnpMigration = true;
      const hop: ShareRecord = {
        campaignId: pc.campaignId, downstreamCnpId: pc.downstreamCnpId, upstreamCnpId: store.data.account.cspId, sharingStatus: "PENDING",
        rejectionCategory: [], explanation: null, sharedDate: iso, statusDate: iso, cnpMigration: true, electedMnoIds: [], excludedMnoIds: [], dcaComplete: false,
      };
      const m: MigrationRecord = {
        migrationId: store.rng.uuid(), campaignId: pc.campaignId, initiatorId: pc.downstreamCnpId, targetId: store.data.account.cspId, status: "ACTIVE",
        createDate: iso, expirationDate: new Date(now + MIGRATION_WINDOW_MS).toISOString(), finalDate: null, cancellationReason: null, hop,
      };
      store.data.migrations[m.migrationId] = m;
      clock.schedule("migration.expire", { migrationId: m.migrationId }, MIGRATION_WINDOW_MS);
      if (o.previouslyAcceptedUpstreamCnpId) {
        pc.previouslyAccepted = true;
        store.data.shares[pc.campaignId] = {
          campaignId: pc.campaignId, downstreamCnpId: store.data.account.cspId, upstreamCnpId: o.previouslyAcceptedUpstreamCnpId, sharingStatus: "ACCEPTED",
          rejectionCategory: [], explanation: null, sharedDate: iso, statusDate: iso, cnpMigration: false, electedMnoIds: [...pc.mnoIds], excludedMnoIds: [], dcaComplete: true,
        };
      }
      Object.assign(event, { cnpMigration: true, previouslyAccepted: Boolean(pc.previouslyAccepted), description: `${pc.downstreamCnpId} shared campaign ${pc.campaignId} with you to migrate it` });
    }
    webhooks.emit("CAMPAIGN_SHARE_ADD", event);
    ids.push(pc.campaignId);
  }
  store.markDirty();
  return ids;
}

/** The downstream CSP that initiated an incoming migration cancels it (CNP_MIGRATION_CANCEL reaches us). */
export function cancelIncomingMigration(sim: Sim, campaignId: string, reason?: string): void {
  if (!sim.store.data.partnerCampaigns[campaignId]) throw notFound("Partner campaign", "campaignId");
  const m = openIncomingMigration(sim, campaignId);
  if (!m) throw tcrError(902, "No open migration to this CSP for the campaign");
  cancelMigration(sim, m, reason || "cancelled by the initiator");
  sim.store.markDirty();
}

export function addPartner(sim: Sim, p: Partial<PartnerRecord> & { displayName?: string }): PartnerRecord {
  const id = p.id ?? sim.store.newId("S", (x) => !!findPartner(sim, x) || x === sim.store.data.account.cspId);
  if (!ID.test(id)) throw invalid("id", "id must look like S123ABC");
  if (findPartner(sim, id) || id === sim.store.data.account.cspId) throw invalid("id", `${id} already exists`);
  if (typeof p.displayName !== "string" || !p.displayName.trim()) throw invalid("displayName", "displayName is required");
  const rec: PartnerRecord = {
    id, displayName: p.displayName.trim().slice(0, 100), isDca: Boolean(p.isDca), soleProprietorEnabled: p.soleProprietorEnabled ?? true,
    cnpMigrationSupported: p.cnpMigrationSupported ?? true,
  };
  sim.store.data.partners[id] = rec;
  sim.store.markDirty();
  return rec;
}

export interface SharedCampaignsOptions {
  count: number;
  /** The DCA (or CNP) that has ACCEPTED our share (default SDCA001). */
  upstreamCnpId?: string;
  brandName?: string;
}

/** Our own ACTIVE campaigns, already accepted by a DCA: what a migration starts from. */
export function seedSharedCampaigns(sim: Sim, o: SharedCampaignsOptions): { brandId: string; campaignIds: string[] } {
  const { store, clock } = sim;
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > 10_000) throw invalid("count", "count must be 1..10000");
  const upstream = o.upstreamCnpId ?? "SDCA001";
  if (!findPartner(sim, upstream)) throw invalid("upstreamCnpId", "Unknown connectivity partner");
  const now = clock.now();
  const iso = new Date(now).toISOString();
  const brand = makeBrand(sim, { entityType: "PRIVATE_PROFIT", displayName: (o.brandName ?? "Migration Brand").slice(0, 100), identityStatus: "VERIFIED" }, now);
  const campaignIds: string[] = [];
  for (let i = 0; i < o.count; i++) {
    const c: CampaignRecord = makeCampaign(sim, brand, i, now);
    store.data.shares[c.campaignId] = {
      campaignId: c.campaignId, downstreamCnpId: store.data.account.cspId, upstreamCnpId: upstream, sharingStatus: "ACCEPTED", rejectionCategory: [],
      explanation: null, sharedDate: iso, statusDate: iso, cnpMigration: false, electedMnoIds: [...c.mnoIds], excludedMnoIds: [], dcaComplete: true,
    };
    campaignIds.push(c.campaignId);
  }
  store.markDirty();
  return { brandId: brand.brandId, campaignIds };
}
