import type { Sim } from "../core/context";
import type { Router } from "../core/router";
import { registerAuthPlusTasks } from "../domain/authplus";
import { registerVettingTasks } from "../domain/vetting";
import { registerAppealRoutes } from "./appeals";
import { registerAttachmentRoutes } from "./attachments";
import { registerBrandAssetRoutes } from "./brandAssets";
import { registerBrandOtpRoutes } from "./brandOtp";
import { registerBrandRoutes } from "./brands";
import { registerCampaignBuilderRoutes } from "./campaignBuilder";
import { registerCampaignFileRoutes } from "./campaignFiles";
import { registerCampaignRoutes } from "./campaigns";
import { registerEnumRoutes } from "./enums";
import { registerExternalVettingRoutes } from "./externalVetting";
import { registerMigrationRoutes } from "./migration";
import { registerPlatformRoutes } from "./platform";
import { registerResellerRoutes } from "./resellers";
import { registerSettingsRoutes } from "./settings";
import { registerSharingRoutes } from "./sharing";
import { registerTagRoutes } from "./tags";
import { registerWebhookRoutes } from "./webhooks";

/**
 * The one place that wires every TCR resource into the router (paths relative to /v2).
 * To add a resource: write routes/<resource>.ts exporting register<Resource>Routes(r, sim), add it
 * here, and mark its operations "implemented" in operations.ts (a test checks the two agree).
 */
export function registerAllRoutes(r: Router, sim: Sim): void {
  registerAuthPlusTasks(sim);
  registerVettingTasks(sim);
  registerPlatformRoutes(r, sim);
  registerEnumRoutes(r, sim);
  registerWebhookRoutes(r, sim);
  registerAttachmentRoutes(r, sim);
  registerBrandRoutes(r, sim);
  registerBrandOtpRoutes(r, sim);
  registerExternalVettingRoutes(r, sim);
  registerAppealRoutes(r, sim);
  registerBrandAssetRoutes(r, sim);
  registerCampaignBuilderRoutes(r, sim);
  registerSettingsRoutes(r, sim);
  registerResellerRoutes(r, sim);
  registerTagRoutes(r, sim);
  registerCampaignRoutes(r, sim);
  registerCampaignFileRoutes(r, sim);
  registerSharingRoutes(r, sim);
  registerMigrationRoutes(r, sim);
}
