/**
 * Closed enumerations exactly as the TCR CSP API 7.8.0 reference lists them, plus the response
 * schemas of the /enum/* operations. Lists the reference does NOT close (vertical, usecase,
 * altBusinessIdType, vettingClass, evpId, appeal categories) stay plain strings on the wire and are
 * fetched from the /enum endpoints; the `known…` arrays below only name values seen in the reference.
 */
import { z } from "zod";

export const ENTITY_TYPES = ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const IdentityStatus = z.enum(["SELF_DECLARED", "UNVERIFIED", "VERIFIED", "VETTED_VERIFIED"]);
export type IdentityStatus = z.infer<typeof IdentityStatus>;

export const BrandStatus = z.enum(["ACTIVE", "DELETED"]);
export type BrandStatus = z.infer<typeof BrandStatus>;

export const BrandRelationship = z.enum(["BASIC_ACCOUNT", "SMALL_ACCOUNT", "MEDIUM_ACCOUNT", "LARGE_ACCOUNT", "KEY_ACCOUNT"]);
export type BrandRelationship = z.infer<typeof BrandRelationship>;

export const STOCK_EXCHANGES = [
  "NONE", "NASDAQ", "NYSE", "AMEX", "AMX", "ASX", "B3", "BME", "BSE", "FRA", "ICEX", "JPX", "JSE", "KRX", "LON", "NSE",
  "OMX", "SEHK", "SGX", "SSE", "STO", "SWX", "SZSE", "TSX", "TWSE", "VSE", "XPAR", "XAMS", "XMIL", "XCSE", "XBRU",
  "XMAD", "XOSL", "XWAR", "XETR", "XSTU", "XBER", "XMUN", "XHAM", "XHAN", "XDUS", "XEUR", "OTHER",
] as const;
export const StockExchange = z.enum(STOCK_EXCHANGES);
export type StockExchange = z.infer<typeof StockExchange>;

export const FeedbackCategoryId = z.enum(["TAX_ID", "STOCK_SYMBOL", "GOVERNMENT_ENTITY", "NONPROFIT", "WEB_DOMAIN"]);
export type FeedbackCategoryId = z.infer<typeof FeedbackCategoryId>;

export const OtpDeliveryStatus = z.enum([
  "IN_TRANSIT", "DELIVERED_GATEWAY", "DELIVERED_HANDSET", "FAILED_ROUTING", "FAILED_BLOCKED", "FAILED_EXPIRED", "FAILED_UNKNOWN", "UNKNOWN_STATUS",
]);
export type OtpDeliveryStatus = z.infer<typeof OtpDeliveryStatus>;

export const AppealStatus = z.enum(["PENDING", "COMPLETE"]);
export type AppealStatus = z.infer<typeof AppealStatus>;

export const VettingStatus = z.enum(["PENDING", "UNSCORE", "ACTIVE", "FAILED", "EXPIRED"]);
export type VettingStatus = z.infer<typeof VettingStatus>;

export const AssetType = z.enum(["LOGO", "BANNER"]);
export type AssetType = z.infer<typeof AssetType>;

export const CampaignStatus = z.enum(["ACTIVE", "EXPIRED"]);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const SharingStatus = z.enum(["PENDING", "ACCEPTED", "DECLINED"]);
export type SharingStatus = z.infer<typeof SharingStatus>;

export const NudgeIntent = z.enum(["APPEAL_REJECTION", "REVIEW"]);
export type NudgeIntent = z.infer<typeof NudgeIntent>;

export const OperationStatus = z.enum(["REVIEW", "REJECTED", "REGISTERED", "SUSPENDED"]);
export type OperationStatus = z.infer<typeof OperationStatus>;

export const SharingRejectionCategory = z.enum([
  "BRAND_INCONSISTENCIES", "CALL_TO_ACTION", "CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES", "DISALLOWED_CONTENT",
  "MANDATORY_MESSAGE_TERMINOLOGY", "PRIVACY_POLICY", "SAMPLE_MESSAGE", "TERMS_AND_CONDITIONS", "OTHER",
]);
export type SharingRejectionCategory = z.infer<typeof SharingRejectionCategory>;

export const SuspensionRuleCategory = z.enum([
  "AFFILIATE_MARKETING", "CAMPAIGN_TO_TRAFFIC_MISMATCH", "CONTROLLED_SUBSTANCE", "EXCESSIVE_COMPLAINTS", "FRAUDULENT_MESSAGES",
  "ILLEGAL_SWEEPSTAKES", "ILLICIT_CONTENT", "LACK_OF_AGE_GATE", "PHISHING_MESSAGES", "PROMOTIONAL_GAMBLING", "SPAM", "OTHER",
]);
export type SuspensionRuleCategory = z.infer<typeof SuspensionRuleCategory>;

export const TagRecordType = z.enum(["BRAND", "CAMPAIGN"]);
export type TagRecordType = z.infer<typeof TagRecordType>;

/** Categories accepted by PUT /webhook/subscription. */
export const SubscribableEventCategory = z.enum(["BRAND", "CSP", "CAMPAIGN", "INCIDENCE", "VETTING"]);
export type SubscribableEventCategory = z.infer<typeof SubscribableEventCategory>;

/** Categories accepted by DELETE /webhook/subscription/{eventCategory} (15 values). */
export const EventCategory = z.enum([
  "API_ACCOUNT", "BRAND", "CSP", "CAMPAIGN", "INCIDENCE", "DCA", "CONNECTION", "TRAFFIC", "ROUTING", "VETTING",
  "RESELLER", "ISSUE", "SUSPENSION_RULE", "VENDOR", "OTHER",
]);
export type EventCategory = z.infer<typeof EventCategory>;

export const MockCvLocale = z.enum(["federal", "state", "local", "tribal"]);
export type MockCvLocale = z.infer<typeof MockCvLocale>;

export const TpmScope = z.enum(["CAMPAIGN", "PHONE_NUMBER"]);
export const BrandTier = z.enum(["LOW", "LOWER_MID", "UPPER_MID", "TOP", "UNCAPPED"]);

export const OptionalAttributeDataType = z.enum(["INTEGER", "DECIMAL", "STRING", "BOOLEAN"]);

/** Values seen in the reference for open lists (not exhaustive; fetch the /enum endpoint). */
export const knownVettingClasses = ["STANDARD", "ENHANCED", "POLITICAL", "AUTHPLUS", "RCS"] as const;
export const knownEvpIds = ["AEGIS", "CV", "WMC"] as const;
export const knownAltBusinessIdTypes = ["NONE", "DUNS", "GIIN", "LEI"] as const;

/** The reference's query-date regex (partner campaign searches, mock CV token validUntil). */
export const TCR_DATE_REGEX = /^20\d\d-[0-1]{1}[0-9]{1}-[0-3]{1}[0-9]{1}$/;
export const TcrDate = z.string().regex(TCR_DATE_REGEX, "Use YYYY-MM-DD");

// ── /enum/* response schemas (not strict: unknown values and fields are kept) ──────────────────
const loose = z.looseObject({});
/** Lists of strings: TCR may add values before this client knows them, so plain strings. */
export const StringListResponse = z.array(z.string());
/** Maps code → display name (country, usState, cnp). */
export const StringMapResponse = z.record(z.string(), z.string());
/** Maps key → descriptor object (usecase, vertical). */
export const ObjectMapResponse = z.record(z.string(), loose);
export const ObjectListResponse = z.array(loose);

export const PublicCompany = z.looseObject({
  symbol: z.string().optional(),
  exchange: z.string().optional(),
  iso2: z.string().optional(),
  isin: z.string().optional(),
  displayName: z.string().optional(),
});
export const PublicCompanySearchQuery = z.strictObject({
  displayName: z.string().max(100).optional(),
  symbol: z.string().optional(),
  exchange: StockExchange.optional(),
  country: z.string().optional(),
  page: z.number().int().min(1).optional(),
  recordsPerPage: z.number().int().min(1).optional(),
});
export type PublicCompanySearchQuery = z.infer<typeof PublicCompanySearchQuery>;

export const EnumCnpQuery = z.strictObject({
  soleProprietorEnabled: z.boolean().optional(),
  cnpMigrationSupported: z.boolean().optional(),
});
export type EnumCnpQuery = z.infer<typeof EnumCnpQuery>;
export const EnumUsecaseQuery = z.strictObject({ validSubUsecase: z.boolean().optional() });
export type EnumUsecaseQuery = z.infer<typeof EnumUsecaseQuery>;
export const EnumExtVettingAppealCategoryQuery = z.strictObject({ evpId: z.string().optional() });
export type EnumExtVettingAppealCategoryQuery = z.infer<typeof EnumExtVettingAppealCategoryQuery>;

/** /enum/dca: the sample is an array of (collapsed) arrays; [old-client] items are {id, displayName}. */
export const DcaListResponse = z.array(z.union([z.array(z.unknown()), loose]));
/** /enum/vettingFeedbackCode: same collapsed array-of-arrays sample. */
export const VettingFeedbackCodeResponse = z.array(z.union([z.array(z.unknown()), loose]));

export const Mno = z.looseObject({
  networkId: z.number().optional(),
  displayName: z.string().optional(),
  osrBitmaskIndex: z.number().optional(),
});
export const ExtVettingProvider = z.looseObject({
  evpId: z.string().optional(),
  displayName: z.string().optional(),
  vettingClasses: z.array(z.string()).optional(),
});
export const VettingClassItem = z.looseObject({
  id: z.string().optional(),
  enabled: z.boolean().optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  validityMonths: z.number().optional(),
});
export const OptionalAttributeName = z.looseObject({
  id: z.string().optional(),
  dataType: z.string().optional(),
  description: z.string().optional(),
});
export const AppealCategoryItem = z.looseObject({
  id: z.string().optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
});
