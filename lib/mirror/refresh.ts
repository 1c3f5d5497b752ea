import type { Db } from "@/lib/db";
import { upsertBrand, upsertCampaign, markBrandDeleted, markCampaignDeleted, type UpsertOutcome } from "@/lib/mirror/upsert";
import type { TcrClient } from "@/lib/tcr/client";
import { TcrError } from "@/lib/tcr/errors";

// The registry answers 404 (or its "not found" codes) for objects that are gone: the mirror marks them deleted.
const isGone = (e: unknown) => e instanceof TcrError && (e.status === 404 || e.hasCode(502) || e.hasCode(504));

/** Fetches one brand from the registry and writes what it says into the mirror. */
export async function refreshBrand(db: Db, client: TcrClient, orgId: string, brandId: string): Promise<UpsertOutcome | "deleted"> {
  const askedAt = new Date();
  try {
    const brand = await client.brands.get(brandId);
    return await upsertBrand(db, orgId, brand, askedAt);
  } catch (e) {
    if (!isGone(e)) throw e;
    await markBrandDeleted(db, orgId, brandId, askedAt);
    return "deleted";
  }
}

/** Fetches one campaign and its per-carrier status from the registry and writes them into the mirror. */
export async function refreshCampaign(db: Db, client: TcrClient, orgId: string, campaignId: string): Promise<UpsertOutcome | "deleted"> {
  // The time we asked, not the time we got the answer: a later question always wins over an earlier one.
  const askedAt = new Date();
  try {
    const [campaign, operations] = await Promise.all([client.campaigns.get(campaignId), client.campaigns.getOperationStatus(campaignId)]);
    return await upsertCampaign(db, orgId, campaign, operations, askedAt);
  } catch (e) {
    if (!isGone(e)) throw e;
    await markCampaignDeleted(db, orgId, campaignId, askedAt);
    return "deleted";
  }
}
