/** Campaign builder (tcr-api-part2.md §3). Campaign create is billable. */
import type { z } from "zod";
import { billableCall } from "./billable";
import { billableDeps, bind, deriveReferenceId, type BillableOptions, type ResourceDeps } from "./op";
import { CampaignPage } from "./schemas/campaign";
import {
  BrandQualificationList, CampaignBuilderCreateRequest, CampaignBuilderTerms, CampaignCreateResponse, UsecaseQualification,
  type CampaignCreateResponse as CampaignCreateResult,
} from "./schemas/campaignBuilder";
import { MnoMetadataMap } from "./schemas/common";

type In<S extends z.ZodType> = z.input<S>;

/**
 * Beyond TCR's request: the portal's structured consent (lib/campaigns/consent.ts), for an upstream that takes consent
 * as structure (Vonage's message_flow_details) instead of text. TCR does not read it: `messageFlow` carries the same
 * consent, written out by the consent builder.
 */
export type CampaignCreateExtras = { consent?: Record<string, unknown> };

export function campaignBuilderApi(deps: ResourceDeps) {
  const { http } = deps;
  return {
    /**
     * Create a campaign (charges the registration fee). referenceId is derived from the idempotency
     * key when absent; after an ambiguous failure the campaign is looked up by referenceId + brandId in
     * both the real and the mock search before any resend.
     */
    create: bind("campaignBuilder.create", async (input: In<typeof CampaignBuilderCreateRequest>, opts: BillableOptions & CampaignCreateExtras) => {
      const body = CampaignBuilderCreateRequest.parse({ ...input, referenceId: input.referenceId || deriveReferenceId(opts.idempotencyKey) });
      const referenceId = body.referenceId as string;
      return billableCall<CampaignCreateResult>(
        billableDeps(deps),
        {
          key: opts.idempotencyKey,
          operationId: "campaignBuilder.create",
          referenceId,
          send: () => http.call("campaignBuilder.create", CampaignCreateResponse, { body }),
          lookup: async () => {
            const query = { referenceId, brandId: body.brandId };
            for (const op of ["campaign.search", "campaign.searchMock"] as const) {
              const page = await http.call(op, CampaignPage, { query });
              const hit = page.records.find((c) => c.referenceId === referenceId && c.brandId === body.brandId);
              if (hit) {
                const mnoMetadata = await http.call("campaign.getMnoMetadata", MnoMetadataMap, { path: { campaignId: hit.campaignId } });
                return { campaignId: hit.campaignId, mnoMetadata };
              }
            }
            return null;
          },
          objectId: (r) => r.campaignId,
        },
      );
    }),
    qualifyBrand: bind("campaignBuilder.qualifyBrand", (brandId: string) =>
      http.call("campaignBuilder.qualifyBrand", BrandQualificationList, { path: { brandId } })),
    qualifyBrandUsecase: bind("campaignBuilder.qualifyBrandUsecase", (brandId: string, usecase: string) =>
      http.call("campaignBuilder.qualifyBrandUsecase", UsecaseQualification, { path: { brandId, usecase } })),
    getTermsAndConditions: bind("campaignBuilder.getTermsAndConditions", () =>
      http.call("campaignBuilder.getTermsAndConditions", CampaignBuilderTerms)),
  };
}
export type CampaignBuilderApi = ReturnType<typeof campaignBuilderApi>;
