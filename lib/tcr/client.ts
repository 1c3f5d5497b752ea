/** Composes the resource modules into one client object: `tcr.brands.create(input, opts)`. */
import { InMemoryIntentStore } from "./billable";
import { createTcrHttp, type TcrClientConfig } from "./http";
import type { ResourceDeps } from "./op";
import { attachmentsApi } from "./attachments";
import { brandAssetsApi } from "./brandAssets";
import { brandsApi } from "./brands";
import { campaignBuilderApi } from "./campaignBuilder";
import { campaignsApi } from "./campaigns";
import { cnpMigrationApi } from "./cnpMigration";
import { enumsApi } from "./enums";
import { errorCodesApi } from "./errorCodes";
import { mnoApi } from "./mno";
import { mockCvTokenApi } from "./mockCvToken";
import { partnerCampaignsApi } from "./partnerCampaigns";
import { pftApi } from "./pft";
import { platformApi } from "./platform";
import { resellersApi } from "./resellers";
import { settingsApi } from "./settings";
import { tagsApi } from "./tags";
import { webhooksApi } from "./webhooks";

export function createTcrClient(config: TcrClientConfig) {
  const http = createTcrHttp(config);
  const deps: ResourceDeps = {
    http,
    // Without a persistent store, duplicates are still prevented within this process only.
    intents: config.intentStore ?? new InMemoryIntentStore(),
    logger: config.logger,
    reconcileDelayMs: config.reconcileDelayMs ?? 1_000,
    maxSends: config.billable?.maxSends,
    staleAfterMs: config.billable?.staleAfterMs,
    sleep: config.sleep,
  };
  return {
    http,
    attachments: attachmentsApi(deps),
    brands: brandsApi(deps),
    brandAssets: brandAssetsApi(deps),
    campaigns: campaignsApi(deps),
    campaignBuilder: campaignBuilderApi(deps),
    cnpMigration: cnpMigrationApi(deps),
    enums: enumsApi(deps),
    errorCodes: errorCodesApi(deps),
    mno: mnoApi(deps),
    mockCvToken: mockCvTokenApi(deps),
    partnerCampaigns: partnerCampaignsApi(deps),
    platform: platformApi(deps),
    pft: pftApi(deps),
    resellers: resellersApi(deps),
    tags: tagsApi(deps),
    settings: settingsApi(deps),
    webhooks: webhooksApi(deps),
  };
}
export type TcrClient = ReturnType<typeof createTcrClient>;
