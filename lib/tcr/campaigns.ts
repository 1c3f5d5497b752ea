/** Campaign operations (tcr-api-part2.md §2). */
import type { z } from "zod";
import { billableCall } from "./billable";
import { billableDeps, bind, toFormData, type BillableOptions, type ResourceDeps } from "./op";
import {
  CampaignPage, CampaignSearchDeprecatedQuery, CampaignSearchMockQuery, CampaignSearchQuery, CampaignSharing, CampaignUpdateRequest,
  Campaign, CnpMigrationFlagQuery, NudgeRequest, NudgeResponse, OsrAttributes, PhoneNumberPage, PhoneNumberQuery, ResubmitRequest,
  SharingRecord,
} from "./schemas/campaign";
import { CampaignCreateResponse, type CampaignCreateResponse as CampaignCreateResult } from "./schemas/campaignBuilder";
import { MnoIdList, MnoMetadataMap, NoContent, OperationStatusMap, UploadedFile, UploadedFileList, type UploadFile } from "./schemas/common";

type In<S extends z.ZodType> = z.input<S>;

export function campaignsApi(deps: ResourceDeps) {
  const { http } = deps;
  const id = (campaignId: string) => ({ campaignId });
  const getMnoMetadata = bind("campaign.getMnoMetadata", (campaignId: string) =>
    http.call("campaign.getMnoMetadata", MnoMetadataMap, { path: id(campaignId) }));

  return {
    /** Deprecated by TCR (use search/searchMock); kept because it is the only search over both. */
    searchDeprecated: bind("campaign.searchDeprecated", (query: In<typeof CampaignSearchDeprecatedQuery> = {}) =>
      http.call("campaign.searchDeprecated", CampaignPage, { query: CampaignSearchDeprecatedQuery.parse(query) })),
    searchMock: bind("campaign.searchMock", (query: In<typeof CampaignSearchMockQuery> = {}) =>
      http.call("campaign.searchMock", CampaignPage, { query: CampaignSearchMockQuery.parse(query) })),
    search: bind("campaign.search", (query: In<typeof CampaignSearchQuery> = {}) =>
      http.call("campaign.search", CampaignPage, { query: CampaignSearchQuery.parse(query) })),
    get: bind("campaign.get", (campaignId: string) => http.call("campaign.get", Campaign, { path: id(campaignId) })),
    update: bind("campaign.update", (campaignId: string, input: In<typeof CampaignUpdateRequest>) =>
      http.call("campaign.update", Campaign, { path: id(campaignId), body: CampaignUpdateRequest.parse(input) })),
    deactivate: bind("campaign.deactivate", (campaignId: string) => http.call("campaign.deactivate", NoContent, { path: id(campaignId) })),
    listExcludedMnos: bind("campaign.listExcludedMnos", (campaignId: string) =>
      http.call("campaign.listExcludedMnos", MnoIdList, { path: id(campaignId) })),
    listMmsMedia: bind("campaign.listMmsMedia", (campaignId: string) =>
      http.call("campaign.listMmsMedia", UploadedFileList, { path: id(campaignId) })),
    uploadMmsMedia: bind("campaign.uploadMmsMedia", (campaignId: string, file: UploadFile) =>
      http.call("campaign.uploadMmsMedia", UploadedFile, { path: id(campaignId), body: toFormData({}, file) })),
    listElectedDcaMnoIds: bind("campaign.listElectedDcaMnoIds", (campaignId: string, query: In<typeof CnpMigrationFlagQuery> = {}) =>
      http.call("campaign.listElectedDcaMnoIds", MnoIdList, { path: id(campaignId), query: CnpMigrationFlagQuery.parse(query) })),
    getMnoMetadata,
    nudge: bind("campaign.nudge", (campaignId: string, input: In<typeof NudgeRequest>) =>
      http.call("campaign.nudge", NudgeResponse, { path: id(campaignId), body: NudgeRequest.parse(input) })),
    getOperationStatus: bind("campaign.getOperationStatus", (campaignId: string) =>
      http.call("campaign.getOperationStatus", OperationStatusMap, { path: id(campaignId) })),
    getOsrAttributes: bind("campaign.getOsrAttributes", (campaignId: string) =>
      http.call("campaign.getOsrAttributes", OsrAttributes, { path: id(campaignId) })),
    listPhoneNumbers: bind("campaign.listPhoneNumbers", (campaignId: string, query: In<typeof PhoneNumberQuery> = {}) =>
      http.call("campaign.listPhoneNumbers", PhoneNumberPage, { path: id(campaignId), query: PhoneNumberQuery.parse(query) })),

    /**
     * Resubmit to MNOs (billable). No referenceId exists for this call: after an ambiguous failure the
     * campaign's mnoMetadata is read, and if every requested MNO is there it is treated as done. This
     * is conservative (a re-evaluation of an MNO already present is never re-sent automatically).
     */
    resubmit: bind("campaign.resubmit", async (campaignId: string, input: In<typeof ResubmitRequest>, opts: BillableOptions) => {
      const body = ResubmitRequest.parse(input);
      return billableCall<CampaignCreateResult>(
        billableDeps(deps),
        {
          key: opts.idempotencyKey,
          operationId: "campaign.resubmit",
          send: () => http.call("campaign.resubmit", CampaignCreateResponse, { path: id(campaignId), body }),
          lookup: async () => {
            const meta = await getMnoMetadata(campaignId);
            return body.mnoIds.every((m) => String(m) in meta) ? { campaignId, mnoMetadata: meta } : null;
          },
          objectId: (r) => r.campaignId,
        },
      );
    }),

    getSharing: bind("campaign.getSharing", (campaignId: string, query: In<typeof CnpMigrationFlagQuery> = {}) =>
      http.call("campaign.getSharing", CampaignSharing, { path: id(campaignId), query: CnpMigrationFlagQuery.parse(query) })),
    share: bind("campaign.share", (campaignId: string, upstreamCnpId: string) =>
      http.call("campaign.share", SharingRecord, { path: { campaignId, upstreamCnpId } })),
    listSupportingDocuments: bind("campaign.listSupportingDocuments", (campaignId: string) =>
      http.call("campaign.listSupportingDocuments", UploadedFileList, { path: id(campaignId) })),
    uploadSupportingDocument: bind("campaign.uploadSupportingDocument", (campaignId: string, file: UploadFile) =>
      http.call("campaign.uploadSupportingDocument", UploadedFile, { path: id(campaignId), body: toFormData({}, file) })),
  };
}
export type CampaignsApi = ReturnType<typeof campaignsApi>;
