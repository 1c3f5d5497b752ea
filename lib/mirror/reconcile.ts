import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { reconcileSharingAndMigrations, type Counts as SharingCounts } from "@/lib/migrations/mirror";
import { refreshCampaign } from "@/lib/mirror/refresh";
import { refreshCampaignPhoneNumbers } from "@/lib/mirror/phone-numbers";
import { refreshBrandAppeals, refreshBrandVettings } from "@/lib/mirror/vetting";
import { upsertBrand, type UpsertOutcome } from "@/lib/mirror/upsert";
import type { TcrClient } from "@/lib/tcr/client";
import { paginate } from "@/lib/tcr/paginate";
import { UnsupportedByProviderError } from "@/lib/providers/port";

export type ReconcileCounts = Record<"created" | "updated" | "unchanged" | "stale" | "deleted", number>;
export type ReconcileReport = {
  brands: ReconcileCounts;
  campaigns: ReconcileCounts;
  /** Our campaigns' upstream hop, campaigns shared with us, CNP migrations (both directions). */
  sharing: SharingCounts;
  partnerCampaigns: SharingCounts;
  migrations: SharingCounts;
  /** Only on a deep reconciliation: vetting records and appeals read brand by brand. */
  vettings?: { brands: number; records: number; removed: number; appeals: number; failed: number };
  /** Only on a deep reconciliation: numbers provisioned to each campaign (nnSR, outside TCR). */
  phoneNumbers?: { campaigns: number; current: number; previous: number; removed: number; failed: number };
  startedAt: string;
  finishedAt: string;
};

const zero = (): ReconcileCounts => ({ created: 0, updated: 0, unchanged: 0, stale: 0, deleted: 0 });
const noShares = () => ({ sharing: zero(), partnerCampaigns: zero(), migrations: zero() });

/**
 * Pages through everything the registry holds for this account and repairs the mirror: new and changed rows
 * are written, rows the registry no longer lists are marked deleted. Only a listing that completed may mark
 * deletions, so a failure half-way never deletes what it did not get to see.
 */
async function unlessUnsupported<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UnsupportedByProviderError) return undefined;
    throw e;
  }
}

export async function reconcileOrg(db: Db, client: TcrClient, orgId: string, opts: { deep?: boolean } = {}): Promise<ReconcileReport> {
  const startedAt = new Date();
  const brands = zero();
  const campaigns = zero();
  const seenBrands = new Set<string>();
  for await (const page of paginate(client.brands.search, {})) {
    for (const b of page.records) {
      seenBrands.add(b.brandId);
      brands[await upsertBrand(db, orgId, b, startedAt)]++;
    }
  }
  const goneBrands = await db.brand.updateMany({
    where: { orgId, deletedAt: null, brandId: { notIn: [...seenBrands] }, confirmedAt: { lt: startedAt } },
    data: { deletedAt: startedAt, confirmedAt: startedAt },
  });
  brands.deleted += goneBrands.count;

  // An upstream without campaigns or CNP sharing (Telnyx) has nothing to list there: those parts are skipped, and
  // nothing is marked deleted from a listing that did not happen.
  await unlessUnsupported(async () => {
    const seenCampaigns = new Set<string>();
    for await (const page of paginate(client.campaigns.searchDeprecated, {})) {
      for (const c of page.records) {
        seenCampaigns.add(c.campaignId);
        // The listing lacks per-carrier status; one more read per campaign fetches it with the campaign.
        const outcome: UpsertOutcome | "deleted" = await refreshCampaign(db, client, orgId, c.campaignId);
        campaigns[outcome]++;
      }
    }
    const goneCampaigns = await db.campaign.updateMany({
      where: { orgId, deletedAt: null, campaignId: { notIn: [...seenCampaigns] }, confirmedAt: { lt: startedAt } },
      data: { deletedAt: startedAt, confirmedAt: startedAt },
    });
    campaigns.deleted += goneCampaigns.count;
  });

  // After campaigns, so the sharing columns land on rows that exist.
  const shares = (await unlessUnsupported(() => reconcileSharingAndMigrations(db, client, orgId))) ?? noShares();

  // Vetting records and appeals have no account-wide listing: two reads per brand. Webhooks (EVP_REPORT_*,
  // identity updates) and opening a brand keep them current, so the 15-minute run skips them and a deep run
  // (first import, manual, once a day) sweeps them. One brand's failure does not stop the sweep.
  let vettings: ReconcileReport["vettings"];
  if (opts.deep) {
    vettings = { brands: 0, records: 0, removed: 0, appeals: 0, failed: 0 };
    for (const brandId of seenBrands) {
      try {
        const v = (await unlessUnsupported(() => refreshBrandVettings(db, client, orgId, brandId))) ?? { vettings: 0, removed: 0 };
        const a = (await unlessUnsupported(() => refreshBrandAppeals(db, client, orgId, brandId))) ?? { appeals: 0, removed: 0 };
        vettings.brands++;
        vettings.records += v.vettings;
        vettings.removed += v.removed + a.removed;
        vettings.appeals += a.appeals;
      } catch (e) {
        vettings.failed++;
        log().warn({ orgId, brandId, err: e }, "vetting/appeal reconciliation failed for a brand");
      }
    }
  }

  // Numbers are provisioned outside TCR and announced by no event: only the deep run and a campaign's
  // own refresh read them. Mock campaigns are never in nnSR.
  let phoneNumbers: ReconcileReport["phoneNumbers"];
  if (opts.deep) {
    phoneNumbers = { campaigns: 0, current: 0, previous: 0, removed: 0, failed: 0 };
    const live = await db.campaign.findMany({ where: { orgId, deletedAt: null, mock: false }, select: { campaignId: true } });
    for (const { campaignId } of live) {
      try {
        const n = (await unlessUnsupported(() => refreshCampaignPhoneNumbers(db, client, orgId, campaignId))) ?? { current: 0, previous: 0, removed: 0 };
        phoneNumbers.campaigns++;
        phoneNumbers.current += n.current;
        phoneNumbers.previous += n.previous;
        phoneNumbers.removed += n.removed;
      } catch (e) {
        phoneNumbers.failed++;
        log().warn({ orgId, campaignId, err: e }, "phone-number reconciliation failed for a campaign");
      }
    }
  }

  const report = { brands, campaigns, ...shares, vettings, phoneNumbers, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString() };
  const fixed = (c: { created: number; updated: number; deleted: number }) => c.created + c.updated + c.deleted;
  const repaired = fixed(brands) + fixed(campaigns) + fixed(shares.sharing) + fixed(shares.partnerCampaigns) + fixed(shares.migrations);
  log().info({ event: "mirror.reconciled", orgId, repaired, ...report }, repaired ? "mirror repaired" : "mirror in sync");
  return report;
}
