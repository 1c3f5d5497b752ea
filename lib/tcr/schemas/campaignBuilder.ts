/** Campaign builder (tcr-api-part2.md §3). JSON spellings win over the table's (subscriberOptin…). */
import { z } from "zod";
import { MnoMetadataMap } from "./common";

const msg = z.string().min(20).max(1024);
const optMsg = msg.nullable().optional();
const keywords = z.string().max(255).regex(/^[^\s]*$/, "Comma-separated, no spaces");

/** Body of POST /campaignBuilder, from the validation table (§3.1). */
export const CampaignBuilderCreateRequest = z.strictObject({
  brandId: z.string().min(1),
  usecase: z.string().min(1),
  subUsecases: z.array(z.string()).optional(),
  resellerId: z.string().min(1).max(8),
  description: z.string().min(40).max(4096),
  embeddedLink: z.boolean().optional(),
  embeddedPhone: z.boolean().optional(),
  termsAndConditions: z.boolean().optional(),
  numberPool: z.boolean().optional(),
  ageGated: z.boolean().optional(),
  directLending: z.boolean().optional(),
  subscriberOptin: z.boolean().optional(),
  subscriberOptout: z.boolean().optional(),
  subscriberHelp: z.boolean().optional(),
  sample1: optMsg,
  sample2: optMsg,
  sample3: optMsg,
  sample4: optMsg,
  sample5: optMsg,
  messageFlow: z.string().min(40).max(4096),
  helpMessage: optMsg,
  mnoIds: z.array(z.number().int()).optional(),
  referenceId: z.string().max(50).optional(),
  autoRenewal: z.boolean().optional(),
  tag: z.array(z.string().max(255)).optional(),
  optinKeywords: keywords.nullable().optional(),
  optoutKeywords: keywords.nullable().optional(),
  helpKeywords: keywords.nullable().optional(),
  optinMessage: optMsg,
  optoutMessage: optMsg,
  privacyPolicyLink: z.string().max(2048).nullable().optional(),
  termsAndConditionsLink: z.string().max(2048).nullable().optional(),
  embeddedLinkSample: z.string().max(255).nullable().optional(),
}).superRefine((v, ctx) => {
  const need = (cond: boolean | undefined, field: keyof typeof v, why: string) => {
    if (cond && (v[field] === undefined || v[field] === null || v[field] === "")) {
      ctx.addIssue({ code: "custom", path: [field], message: `${String(field)} is required when ${why}` });
    }
  };
  need(v.subscriberHelp, "helpMessage", "subscriberHelp is true");
  need(v.subscriberHelp, "helpKeywords", "subscriberHelp is true");
  need(v.subscriberOptin, "optinMessage", "subscriberOptin is true");
  need(v.subscriberOptout, "optoutMessage", "subscriberOptout is true");
  need(v.subscriberOptout, "optoutKeywords", "subscriberOptout is true");
});
export type CampaignBuilderCreateRequest = z.infer<typeof CampaignBuilderCreateRequest>;

/** Response of create and of PUT /campaign/{id}/resubmit. */
export const CampaignCreateResponse = z.looseObject({
  campaignId: z.string(),
  mnoMetadata: MnoMetadataMap.nullable().optional(),
});
export type CampaignCreateResponse = z.infer<typeof CampaignCreateResponse>;

/** Use-case qualification (§3.5). */
export const UsecaseQualification = z.looseObject({
  usecase: z.string(),
  monthlyFee: z.number().nullable().optional(),
  quarterlyFee: z.number().nullable().optional(),
  annualFee: z.number().nullable().optional(),
  minSubUsecases: z.number().int().nullable().optional(),
  maxSubUsecases: z.number().int().nullable().optional(),
  greyoutFields: z.array(z.string()).nullable().optional(),
  mnoMetadata: MnoMetadataMap.nullable().optional(),
});
export type UsecaseQualification = z.infer<typeof UsecaseQualification>;
/** The all-use-cases sample is collapsed `[ { } ]`, so items are loose with nothing required. */
export const BrandQualificationList = z.array(UsecaseQualification.partial());

export const CampaignBuilderTerms = z.looseObject({ subTerms: z.array(z.unknown()) });
export type CampaignBuilderTerms = z.infer<typeof CampaignBuilderTerms>;
