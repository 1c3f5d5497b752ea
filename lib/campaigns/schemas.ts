/**
 * Inputs of the campaign actions and the builder draft. Client-safe (zod only): the forms use these with
 * zodResolver and the server actions parse with the same schemas. Registry field names and limits come
 * from lib/tcr/schemas (tcr-api-part2.md §2.5 update table, §3.1 create table).
 */
import { z } from "zod";
import { CampaignUpdateRequest } from "@/lib/tcr/schemas/campaign";
import { NudgeIntent } from "@/lib/tcr/schemas/enums";
import { tagNameInput } from "@/lib/tags/values";
import { AcknowledgementSchema } from "@/lib/campaigns/lint/acknowledge";

// Registry campaign ids look like "C1A2B3C"; the bound only keeps junk out of queries.
export const campaignId = z.string().trim().regex(/^[A-Za-z0-9]{1,30}$/, "A registry campaign id, e.g. C1A2B3C");
const brandId = z.string().trim().regex(/^[A-Za-z0-9]{1,30}$/, "A registry brand id, e.g. B1A2B3C");
const usecase = z.string().trim().regex(/^[A-Z0-9_]{1,50}$/, "A registry use case, e.g. MARKETING");
/** A client-made id per dialog opening: a retry or a double click sends the same key, so pays once. */
const requestKey = z.string().trim().min(8).max(80).regex(/^[A-Za-z0-9_-]+$/);

export const refreshCampaignSchema = z.object({ campaignId });

/** Assign or remove a searchable keyword tag (Tag API; the campaign PUT cannot change tags). */
export const campaignTagSchema = z.object({ campaignId, name: tagNameInput });

/** PUT /campaign/{id}: only the properties the update table marks "Yes" (or "Once" for resellerId). */
export const updateCampaignSchema = CampaignUpdateRequest.extend({ campaignId });
export type UpdateCampaignInput = z.input<typeof updateCampaignSchema>;

/** Fields the edit form offers, in the order the update table lists them. */
export const UPDATABLE_TEXT_FIELDS = [
  "description", "messageFlow", "sample1", "sample2", "sample3", "sample4", "sample5", "helpMessage", "optinKeywords", "optoutKeywords",
  "helpKeywords", "optinMessage", "optoutMessage", "privacyPolicyLink", "termsAndConditionsLink", "embeddedLinkSample",
] as const;
export const UPDATABLE_FLAGS = ["embeddedLink", "embeddedPhone", "numberPool", "ageGated", "directLending", "autoRenewal"] as const;

export const deactivateCampaignSchema = z
  .object({ campaignId, confirm: z.string().trim() })
  .refine((v) => v.confirm.toUpperCase() === v.campaignId.toUpperCase(), { path: ["confirm"], message: "Type the campaign id to confirm" });

export const resubmitCampaignSchema = z.object({
  campaignId,
  mnoIds: z.array(z.coerce.number().int().positive()).min(1, "Choose at least one carrier").refine((a) => new Set(a).size === a.length, "Each carrier once"),
  requestKey,
});

export const nudgeCampaignSchema = z.object({
  campaignId,
  nudgeIntent: NudgeIntent,
  description: z.string().trim().max(1024).optional(),
});

export const shareCampaignSchema = z.object({
  campaignId,
  upstreamCnpId: z.string().trim().regex(/^[A-Za-z0-9]{1,20}$/, "A connectivity partner id, e.g. S123ABC"),
});

export const removeExcludedMnoSchema = z.object({
  campaignId,
  mnoId: z.coerce.number().int().positive(),
  explanation: z.string().trim().min(1, "Say why the carrier should be included after all").max(1024),
});

export const autoRenewalSchema = z.object({ campaignId, autoRenewal: z.boolean() });

export const qualificationQuerySchema = z.object({ brandId, usecase });
export const brandQualificationSchema = z.object({ brandId });

/**
 * What the builder saves as the user goes: registry field names (so lint and the create request read it
 * directly) plus the structured consent and the MMS files picked from the evidence library. Everything is
 * optional and loosely typed: a draft is by definition unfinished; the submit path validates strictly.
 */
export const campaignDraftDataSchema = z
  .object({
    brandId: z.string().max(64).optional(),
    usecase: z.string().max(50).optional(),
    subUsecases: z.array(z.string().max(50)).max(10).optional(),
    resellerId: z.string().max(8).optional(),
    description: z.string().max(4096).optional(),
    messageFlow: z.string().max(8192).optional(),
    /** The consent builder's structure; validated by ConsentSchema where it is used. */
    consent: z.record(z.string(), z.unknown()).optional(),
    sample1: z.string().max(1024).optional(),
    sample2: z.string().max(1024).optional(),
    sample3: z.string().max(1024).optional(),
    sample4: z.string().max(1024).optional(),
    sample5: z.string().max(1024).optional(),
    embeddedLink: z.boolean().optional(),
    embeddedLinkSample: z.string().max(255).optional(),
    embeddedPhone: z.boolean().optional(),
    numberPool: z.boolean().optional(),
    ageGated: z.boolean().optional(),
    directLending: z.boolean().optional(),
    affiliateMarketing: z.boolean().optional(),
    termsAndConditions: z.boolean().optional(),
    subscriberOptin: z.boolean().optional(),
    subscriberOptout: z.boolean().optional(),
    subscriberHelp: z.boolean().optional(),
    optinKeywords: z.string().max(255).optional(),
    optinMessage: z.string().max(1024).optional(),
    optoutKeywords: z.string().max(255).optional(),
    optoutMessage: z.string().max(1024).optional(),
    helpKeywords: z.string().max(255).optional(),
    helpMessage: z.string().max(1024).optional(),
    privacyPolicyLink: z.string().max(2048).optional(),
    termsAndConditionsLink: z.string().max(2048).optional(),
    autoRenewal: z.boolean().optional(),
    referenceId: z.string().max(50).optional(),
    /** Evidence-library files (kind MMS_SAMPLE) to attach once the campaign exists. */
    mmsFileIds: z.array(z.string().max(40)).max(10).optional(),
    /** Compliance warnings the user acknowledged with a reason; recorded in the audit log on submit. */
    acknowledgements: z.array(AcknowledgementSchema).max(100).optional(),
  })
  .strip();
export type CampaignDraftData = z.infer<typeof campaignDraftDataSchema>;

export const BUILDER_STEPS = ["brand", "usecase", "subUsecases", "content", "review"] as const;
export type BuilderStep = (typeof BUILDER_STEPS)[number];

export const saveCampaignDraftSchema = z.object({
  draftId: z.string().max(40).optional(),
  step: z.enum(BUILDER_STEPS),
  data: campaignDraftDataSchema,
});

export const submitCampaignDraftSchema = z.object({ draftId: z.string().min(1).max(40) });
export const deleteCampaignDraftSchema = z.object({ draftId: z.string().min(1).max(40) });
export const checkPublishedPagesSchema = z.object({ draftId: z.string().min(1).max(40) });
