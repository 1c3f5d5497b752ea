/** Campaign schemas (tcr-api-part2.md §2). */
import { z } from "zod";
import { CampaignStatus, NudgeIntent, SharingStatus } from "./enums";
import { DateTime, PageQuery, pageOf } from "./common";

const s = z.string().nullable().optional();
const b = z.boolean().nullable().optional();

/** Campaign object (§2.0). `monthlyFee` only appears on GET. */
export const Campaign = z.looseObject({
  campaignId: z.string(),
  cspId: s,
  resellerId: s,
  status: z.union([CampaignStatus, z.string()]).nullable().optional(),
  createDate: DateTime.nullable().optional(),
  autoRenewal: b,
  billedDate: DateTime.nullable().optional(),
  brandId: s,
  vertical: s,
  usecase: s,
  subUsecases: z.array(z.string()).nullable().optional(),
  channelId: s,
  description: s,
  embeddedLink: b,
  embeddedPhone: b,
  termsAndConditions: b,
  numberPool: b,
  ageGated: b,
  directLending: b,
  subscriberOptin: b,
  subscriberOptout: b,
  subscriberHelp: b,
  sample1: s,
  sample2: s,
  sample3: s,
  sample4: s,
  sample5: s,
  messageFlow: s,
  helpMessage: s,
  referenceId: s,
  mock: b,
  nextRenewalOrExpirationDate: s,
  expirationDate: DateTime.nullable().optional(),
  optinKeywords: s,
  optoutKeywords: s,
  helpKeywords: s,
  optinMessage: s,
  optoutMessage: s,
  privacyPolicyLink: s,
  termsAndConditionsLink: s,
  embeddedLinkSample: s,
  monthlyFee: z.number().nullable().optional(),
});
export type Campaign = z.infer<typeof Campaign>;
export const CampaignPage = pageOf(Campaign);

const searchBase = {
  referenceId: z.string().optional(),
  brandId: z.string().optional(),
  status: CampaignStatus.optional(),
  usecase: z.string().optional(),
  vertical: z.string().optional(),
  resellerId: z.string().optional(),
  autoRenewal: z.boolean().optional(),
  tag: z.array(z.string()).optional(),
  page: PageQuery.page,
};
/** GET /campaign (deprecated): 500 per page, has upstreamCnpId and mock. */
export const CampaignSearchDeprecatedQuery = z.strictObject({
  ...searchBase,
  upstreamCnpId: z.string().optional(),
  mock: z.boolean().optional(),
  recordsPerPage: z.number().int().min(1).max(500).optional(),
});
export type CampaignSearchDeprecatedQuery = z.infer<typeof CampaignSearchDeprecatedQuery>;
/** GET /campaign/mock: 50 per page, no upstreamCnpId/mock. */
export const CampaignSearchMockQuery = z.strictObject({ ...searchBase, recordsPerPage: z.number().int().min(1).max(50).optional() });
export type CampaignSearchMockQuery = z.infer<typeof CampaignSearchMockQuery>;
/** GET /campaign/search: 50 per page, non-mock only. */
export const CampaignSearchQuery = z.strictObject({
  ...searchBase,
  upstreamCnpId: z.string().optional(),
  recordsPerPage: z.number().int().min(1).max(50).optional(),
});
export type CampaignSearchQuery = z.infer<typeof CampaignSearchQuery>;

const msg = z.string().min(20).max(1024);
const long = z.string().min(40).max(4096);
const keywords = z.string().max(255).regex(/^[^\s]*$/, "Comma-separated, no spaces");

/** Body of PUT /campaign/{campaignId} (§2.5): only the "Yes" properties; none is required. */
export const CampaignUpdateRequest = z.strictObject({
  resellerId: z.string().max(8).optional(),
  description: long.optional(),
  sample1: msg.optional(),
  sample2: msg.optional(),
  sample3: msg.optional(),
  sample4: msg.optional(),
  sample5: msg.optional(),
  messageFlow: long.optional(),
  helpMessage: msg.optional(),
  autoRenewal: z.boolean().optional(),
  optinKeywords: keywords.optional(),
  optoutKeywords: keywords.optional(),
  helpKeywords: keywords.optional(),
  // "empty or ≥ 20 when subscriberOptin=true"
  optinMessage: z.union([z.literal(""), msg]).optional(),
  optoutMessage: msg.optional(),
  privacyPolicyLink: z.string().max(2048).optional(),
  termsAndConditionsLink: z.string().max(2048).optional(),
  embeddedLinkSample: z.string().max(255).optional(),
  numberPool: z.boolean().optional(),
  embeddedLink: z.boolean().optional(),
  embeddedPhone: z.boolean().optional(),
  ageGated: z.boolean().optional(),
  directLending: z.boolean().optional(),
});
export type CampaignUpdateRequest = z.infer<typeof CampaignUpdateRequest>;

export const NudgeRequest = z.strictObject({
  nudgeIntent: NudgeIntent,
  description: z.string().max(1024).optional(),
});
export type NudgeRequest = z.infer<typeof NudgeRequest>;
export const NudgeResponse = z.looseObject({ message: z.string().optional() });

/** nnSR attributes: snake_case keys, string values. */
export const OsrAttributes = z.looseObject({
  msg_class: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  brand_id: z.string().nullable().optional(),
});
export type OsrAttributes = z.infer<typeof OsrAttributes>;

export const PhoneNumberQuery = z.strictObject({
  current: z.boolean().optional(),
  ...PageQuery,
});
export type PhoneNumberQuery = z.infer<typeof PhoneNumberQuery>;
/** Record fields are not stated in the reference. */
export const PhoneNumberPage = pageOf(z.looseObject({}));

export const ResubmitRequest = z.strictObject({
  mnoIds: z.array(z.number().int()).min(1).refine((a) => new Set(a).size === a.length, "mnoIds must be unique"),
});
export type ResubmitRequest = z.infer<typeof ResubmitRequest>;

/** Sharing record (§2.18), used by campaign and partner-campaign sharing operations. */
export const SharingRecord = z.looseObject({
  downstreamCnpId: z.string().nullable().optional(),
  upstreamCnpId: z.string().nullable().optional(),
  sharingStatus: z.union([SharingStatus, z.string()]).nullable().optional(),
  rejectionCategory: z.array(z.string()).nullable().optional(),
  explanation: z.string().nullable().optional(),
  sharedDate: DateTime.nullable().optional(),
  statusDate: DateTime.nullable().optional(),
  cnpMigration: z.boolean().nullable().optional(),
});
export type SharingRecord = z.infer<typeof SharingRecord>;

export const CampaignSharing = z.looseObject({
  sharedWithMe: SharingRecord.nullable().optional(),
  sharedByMe: SharingRecord.nullable().optional(),
});
export type CampaignSharing = z.infer<typeof CampaignSharing>;

export const CnpMigrationFlagQuery = z.strictObject({ cnpMigration: z.boolean().optional() });
export type CnpMigrationFlagQuery = z.infer<typeof CnpMigrationFlagQuery>;
