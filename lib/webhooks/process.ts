import type { Db } from "@/lib/db";
import { refreshSharingAndMigration } from "@/lib/migrations/mirror";
import { refreshBrand, refreshCampaign } from "@/lib/mirror/refresh";
import { refreshBrandAppeals, refreshBrandVettings } from "@/lib/mirror/vetting";
import type { TcrClient } from "@/lib/tcr/client";

/** Events after which a brand's vetting records or appeals may have changed (scores, imports, appeal outcomes). */
const VETTING_EVENT = /^(EVP_REPORT_|BRAND_SCORE_UPDATE|BRAND_IDENTITY_STATUS_UPDATE|BRAND_AUTHPLUS_)/;
const SHARING_EVENT = /^(CNP_MIGRATION_|CAMPAIGN_SHARE_|CAMPAIGN_DCA2_SHARE_|CAMPAIGN_DCA_COMPLETE)/;

/**
 * Brings the mirror up to date for one stored event. Events are triggers, not truth: the registry's event
 * bodies carry no time or sequence, so instead of applying what an event says, the objects it names are
 * fetched from the registry. Duplicates and events out of order therefore converge on the registry's
 * current state, and the mirror's guarded writes keep a slower fetch from overwriting a newer one.
 */
export async function processRegistryEvent(db: Db, clientFor: (orgId: string) => Promise<TcrClient>, eventId: string): Promise<"PROCESSED" | "IGNORED"> {
  const ev = await db.registryEvent.findUnique({ where: { id: eventId } });
  if (!ev) return "IGNORED";
  if (ev.status === "PROCESSED" || ev.status === "IGNORED") return ev.status;
  await db.registryEvent.update({ where: { id: ev.id }, data: { attempts: { increment: 1 } } });
  let touched = false;
  try {
    if (ev.brandId || ev.campaignId) {
      const client = await clientFor(ev.orgId);
      if (ev.brandId) {
        await refreshBrand(db, client, ev.orgId, ev.brandId);
        if (VETTING_EVENT.test(ev.eventType)) {
          await refreshBrandVettings(db, client, ev.orgId, ev.brandId);
          await refreshBrandAppeals(db, client, ev.orgId, ev.brandId);
        }
        touched = true;
      }
      if (ev.campaignId) {
        await refreshCampaign(db, client, ev.orgId, ev.campaignId);
        // Sharing and migration events (ours or a partner's campaign): the hops and the transaction too.
        if (SHARING_EVENT.test(ev.eventType)) await refreshSharingAndMigration(db, client, ev.orgId, ev.campaignId);
        touched = true;
      }
    }
  } catch (e) {
    await db.registryEvent.update({ where: { id: ev.id }, data: { status: "FAILED", error: String((e as Error).message ?? e).slice(0, 1000) } });
    throw e;
  }
  // Events naming nothing we mirror (CSP_*, MNO_COMPLAINT, unknown types) are kept for the timeline.
  const status = touched ? "PROCESSED" : "IGNORED";
  await db.registryEvent.update({ where: { id: ev.id }, data: { status, processedAt: new Date(), error: null } });
  return status;
}
