/** Partner campaigns (tcr-api-part2.md §9): inbound/outbound shares, accept-by-sharing, decline. */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { CampaignSharing, CnpMigrationFlagQuery, SharingRecord } from "./schemas/campaign";
import { MnoMetadataMap, OperationStatusMap } from "./schemas/common";
import {
  DeclineSharingQuery, PartnerCampaign, SharedByMeDeprecatedQuery, SharedByMeQuery, SharedCampaignPage, SharedWithMeDeprecatedQuery,
  SharedWithMeQuery,
} from "./schemas/partnerCampaign";

type In<S extends z.ZodType> = z.input<S>;

export function partnerCampaignsApi({ http }: ResourceDeps) {
  const id = (campaignId: string) => ({ campaignId });
  return {
    searchSharedByMeDeprecated: bind("partnerCampaign.searchSharedByMeDeprecated", (query: In<typeof SharedByMeDeprecatedQuery> = {}) =>
      http.call("partnerCampaign.searchSharedByMeDeprecated", SharedCampaignPage, { query: SharedByMeDeprecatedQuery.parse(query) })),
    searchSharedByMe: bind("partnerCampaign.searchSharedByMe", (query: In<typeof SharedByMeQuery> = {}) =>
      http.call("partnerCampaign.searchSharedByMe", SharedCampaignPage, { query: SharedByMeQuery.parse(query) })),
    searchSharedWithMeDeprecated: bind("partnerCampaign.searchSharedWithMeDeprecated", (query: In<typeof SharedWithMeDeprecatedQuery> = {}) =>
      http.call("partnerCampaign.searchSharedWithMeDeprecated", SharedCampaignPage, { query: SharedWithMeDeprecatedQuery.parse(query) })),
    searchSharedWithMe: bind("partnerCampaign.searchSharedWithMe", (query: In<typeof SharedWithMeQuery> = {}) =>
      http.call("partnerCampaign.searchSharedWithMe", SharedCampaignPage, { query: SharedWithMeQuery.parse(query) })),
    get: bind("partnerCampaign.get", (campaignId: string, query: In<typeof CnpMigrationFlagQuery> = {}) =>
      http.call("partnerCampaign.get", PartnerCampaign, { path: id(campaignId), query: CnpMigrationFlagQuery.parse(query) })),
    getMnoMetadata: bind("partnerCampaign.getMnoMetadata", (campaignId: string) =>
      http.call("partnerCampaign.getMnoMetadata", MnoMetadataMap, { path: id(campaignId) })),
    getOperationStatus: bind("partnerCampaign.getOperationStatus", (campaignId: string) =>
      http.call("partnerCampaign.getOperationStatus", OperationStatusMap, { path: id(campaignId) })),
    getSharing: bind("partnerCampaign.getSharing", (campaignId: string, query: In<typeof CnpMigrationFlagQuery> = {}) =>
      http.call("partnerCampaign.getSharing", CampaignSharing, { path: id(campaignId), query: CnpMigrationFlagQuery.parse(query) })),
    /** Not idempotent: the declined request is removed. */
    declineSharing: bind("partnerCampaign.declineSharing", (campaignId: string, query: In<typeof DeclineSharingQuery>) =>
      http.call("partnerCampaign.declineSharing", SharingRecord, { path: id(campaignId), query: DeclineSharingQuery.parse(query) })),
    /** Accepts an inbound share by sharing it upstream (to a CNP, or to a DCA = electing it). */
    share: bind("partnerCampaign.share", (campaignId: string, upstreamCnpId: string) =>
      http.call("partnerCampaign.share", SharingRecord, { path: { campaignId, upstreamCnpId } })),
  };
}
export type PartnerCampaignsApi = ReturnType<typeof partnerCampaignsApi>;
