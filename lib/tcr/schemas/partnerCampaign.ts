/** Partner campaigns (tcr-api-part2.md §9). */
import { z } from "zod";
import { CampaignStatus, SharingRejectionCategory, SharingStatus, TcrDate } from "./enums";
import { DateTime, PageQuery, pageOf } from "./common";
import { Campaign } from "./campaign";

const s = z.string().nullable().optional();

/**
 * Role-based view of a campaign shared with me (§9.5): the campaign's own fields, minus what only its owner
 * sees (fees, renewal, reseller, mock), so it is picked from the Campaign schema rather than declared again.
 */
export const PartnerCampaign = Campaign.pick({
  campaignId: true,
  status: true,
  createDate: true,
  brandId: true,
  usecase: true,
  subUsecases: true,
  description: true,
  subscriberOptin: true,
  subscriberOptout: true,
  subscriberHelp: true,
  directLending: true,
  numberPool: true,
  embeddedLink: true,
  embeddedPhone: true,
  termsAndConditions: true,
  ageGated: true,
  sample1: true,
  sample2: true,
  sample3: true,
  sample4: true,
  sample5: true,
  messageFlow: true,
  helpMessage: true,
  optinKeywords: true,
  optoutKeywords: true,
  helpKeywords: true,
  optinMessage: true,
  optoutMessage: true,
  privacyPolicyLink: true,
  termsAndConditionsLink: true,
  embeddedLinkSample: true,
});
export type PartnerCampaign = z.infer<typeof PartnerCampaign>;

/** Search records are collapsed in the reference; [old-client] SharedCampaign fields are named. */
export const SharedCampaign = z.looseObject({
  campaignId: z.string().optional(),
  status: s,
  createDate: DateTime.nullable().optional(),
  brandId: s,
  usecase: s,
});
export type SharedCampaign = z.infer<typeof SharedCampaign>;
export const SharedCampaignPage = pageOf(SharedCampaign);

const common = {
  brandId: z.string().optional(),
  status: CampaignStatus.optional(),
  sharingStatus: z.array(SharingStatus).optional(),
  cnpMigration: z.boolean().optional(),
  page: PageQuery.page,
};
const per500 = z.number().int().min(1).max(500).optional();
const per50 = z.number().int().min(1).max(50).optional();

export const SharedByMeDeprecatedQuery = z.strictObject({
  ...common, upstreamCnpId: z.string().optional(), startDate: TcrDate.optional(), endDate: TcrDate.optional(), recordsPerPage: per500,
});
export type SharedByMeDeprecatedQuery = z.infer<typeof SharedByMeDeprecatedQuery>;
export const SharedByMeQuery = z.strictObject({
  ...common, upstreamCnpId: z.string().optional(), startDate: TcrDate.optional(), endDate: TcrDate.optional(), recordsPerPage: per50,
});
export type SharedByMeQuery = z.infer<typeof SharedByMeQuery>;
export const SharedWithMeDeprecatedQuery = z.strictObject({
  ...common, downstreamCnpId: z.string().optional(), startDate: TcrDate.optional(), endDate: TcrDate.optional(), recordsPerPage: per500,
});
export type SharedWithMeDeprecatedQuery = z.infer<typeof SharedWithMeDeprecatedQuery>;
export const SharedWithMeQuery = z.strictObject({
  ...common, downstreamCnpId: z.string().optional(), sharingStartDate: TcrDate.optional(), sharingEndDate: TcrDate.optional(), recordsPerPage: per50,
});
export type SharedWithMeQuery = z.infer<typeof SharedWithMeQuery>;

/** DELETE /partnerCampaign/{id}/sharing query: both required (explanation may be empty). */
export const DeclineSharingQuery = z.strictObject({
  explanation: z.string().max(2048),
  rejectionCategory: z.array(SharingRejectionCategory).min(1).refine((a) => new Set(a).size === a.length, "Categories must be unique"),
});
export type DeclineSharingQuery = z.infer<typeof DeclineSharingQuery>;
