/**
 * Zod schemas of Vonage's 10DLC API (../shared/reference/vonage-10dlc-api.txt). Requests follow the
 * reference's field tables (names, enums, limits); responses are loose (every field optional and
 * nullable, unknown keys kept) so a field Vonage adds or omits never fails a read.
 */
import { z } from "zod";

export const VONAGE_ENTITY_TYPES = ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "SOLE_PROPRIETOR", "GOVERNMENT"] as const;
export const VONAGE_VERTICALS = [
  "REAL_ESTATE", "HEALTHCARE", "ENERGY", "ENTERTAINMENT", "RETAIL", "AGRICULTURE", "INSURANCE", "EDUCATION", "HOSPITALITY", "FINANCIAL",
  "GAMBLING", "CONSTRUCTION", "NGO", "MANUFACTURING", "GOVERNMENT", "TECHNOLOGY", "COMMUNICATION",
] as const;
export const VONAGE_STOCK_EXCHANGES = [
  "NONE", "AMEX", "AMX", "ASX", "B3", "BME", "BSE", "FRA", "ICEX", "JSE", "KRX", "LON", "NASDAQ", "NSE", "NYSE", "OMX", "SEHK", "SSE",
  "STO", "SWX", "SZSE", "TSX", "TWSE", "VSE",
] as const;
export const VONAGE_USECASES = [
  "CUSTOMER_CARE", "POLLING_VOTING", "HIGHER_EDUCATION", "PUBLIC_SERVICE_ANNOUNCEMENT", "MARKETING", "SECURITY_ALERT",
  "DELIVERY_NOTIFICATION", "ACCOUNT_NOTIFICATION", "2FA", "FRAUD_ALERT", "TRIAL", "CHARITY", "POLITICAL", "EMERGENCY", "SWEEPSTAKE",
  "CONVERSATIONAL", "MIXED", "CARRIER_EXEMPT", "SOCIAL", "LOW_VOLUME",
] as const;
export const VONAGE_CAMPAIGN_STATUSES = [
  "PENDING_REVIEW", "UPDATES_REQUIRED", "CARRIERS_REVIEW", "ACTIVE", "PENDING_CANCELLATION", "SUSPENDED", "TERMINATED", "CANCELED",
  "REJECTED", "CNP_CANCELED", "PORTED_OUT",
] as const;
export type VonageCampaignStatus = (typeof VONAGE_CAMPAIGN_STATUSES)[number];
export const VONAGE_CONSENT_METHODS = ["ONLINE_FORM", "LIVE_OPERATOR", "POINT_OF_SALE", "TEXT_TO_JOIN", "OTHER"] as const;
export const NUMBER_STATUSES = ["LINKING", "LINKED", "REJECTED", "UNLINKING", "UNLINKED"] as const;
/** Appeal evidence: ≤ 10 MB a file, ≤ 100 MB a request, this type list (POST /brands/:brand_id/appeal/evidence). */
export const EVIDENCE_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_REQUEST_BYTES = 100 * 1024 * 1024;
export const EVIDENCE_FILE_TYPES = ["jpg", "jpeg", "png", "bmp", "raw", "tiff", "pdf", "docx", "htm", "odt", "rtf", "txt", "xml"] as const;
/** Vetting appeal: ≤ 10 files, ≤ 30 MB in all, explanation ≤ 1024. */
export const APPEAL_MAX_FILES = 10;
export const APPEAL_MAX_BYTES = 30 * 1024 * 1024;
/** The reseller id of a campaign that is not a reseller campaign. */
export const NO_RESELLER = "R000000";

const phone = z.string().regex(/^[1-9]\d{6,14}$/, "E.164 without the + prefix");
const s = z.string().nullable().optional();
const b = z.boolean().nullable().optional();
const n = z.number().nullable().optional();
const links = z.record(z.string(), z.unknown()).nullable().optional();

// ── Brands ──────────────────────────────────────────────────────────────────────────────────
export const VonageBrandCreateRequest = z.strictObject({
  account_id: z.string().min(1),
  primary_account_id: z.string().optional(),
  entity_type: z.enum(VONAGE_ENTITY_TYPES),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  display_name: z.string().min(1).max(255),
  company_name: z.string().max(255).optional(),
  ein: z.string().max(21).optional(),
  ein_issuing_country: z.string().length(2).optional(),
  /** Read-only; the reference's request sample carries it. */
  universal_ein: z.string().max(50).optional(),
  alt_business_id_type: z.enum(["DUNS", "GIIN", "LEI"]).optional(),
  alt_business_id: z.string().max(50).optional(),
  phone,
  mobile_phone: phone.optional(),
  street: z.string().min(1).max(100),
  city: z.string().min(1).max(100),
  state: z.string().min(1).max(20),
  postal_code: z.string().min(1).max(10),
  country: z.string().length(2),
  email: z.string().min(1).max(100),
  stock_symbol: z.string().max(10).optional(),
  stock_exchange: z.enum(VONAGE_STOCK_EXCHANGES).optional(),
  website: z.string().optional(),
  vertical: z.enum(VONAGE_VERTICALS).optional(),
  verification_email: z.string().max(100).optional(),
  /** Read-only; the reference's request sample carries it. */
  verification_email_completion_date: z.string().optional(),
  reseller: z.boolean().optional(),
});
export type VonageBrandCreateRequest = z.infer<typeof VonageBrandCreateRequest>;

export const VonageBrandUpdateRequest = VonageBrandCreateRequest.omit({
  account_id: true, primary_account_id: true, alt_business_id: true, alt_business_id_type: true, verification_email: true,
  verification_email_completion_date: true, universal_ein: true,
}).partial();
export type VonageBrandUpdateRequest = z.infer<typeof VonageBrandUpdateRequest>;

export const VonageBrand = z.looseObject({
  brand_id: z.string(),
  account_id: s, primary_account_id: s, entity_type: s, first_name: s, last_name: s, display_name: s, company_name: s, ein: s,
  ein_issuing_country: s, universal_ein: s, alt_business_id_type: s, alt_business_id: s, phone: s, mobile_phone: s, street: s, city: s,
  state: s, postal_code: s, country: s, email: s, stock_symbol: s, stock_exchange: s, website: s, vertical: s, verification_email: s,
  verification_email_completion_date: s, reseller: b, campaign_count: n, carrier_suspensions: z.array(z.unknown()).nullable().optional(),
  brand_relationship: s, partner: b, shared: b, owner: b, status: s, reference_id: s, verified_date: s, created_date: s, last_updated: s,
  _links: links,
});
export type VonageBrand = z.infer<typeof VonageBrand>;

/** Page-number HAL page. */
export function halPageOf<T extends z.ZodType>(key: string, item: T) {
  return z.looseObject({
    page: n, page_size: n, total_pages: n, total_items: n,
    _embedded: z.looseObject({ [key]: z.array(item).optional() }).nullable().optional(),
    _links: links,
  });
}
/** Token-style page (evidence, resellers, throughputs). */
export function tokenPageOf<T extends z.ZodType>(key: string, item: T) {
  return z.looseObject({
    next_page: s, previous_page: s, first_page: s, last_page: s,
    _embedded: z.looseObject({ [key]: z.array(item).optional() }).nullable().optional(),
    _links: links,
  });
}
export const VonageBrandPage = halPageOf("brands", VonageBrand);

export const VonageFeedback = z.looseObject({
  categories: z.array(z.looseObject({ name: s, description: s, fields: z.array(z.string()).nullable().optional() })).nullable().optional(),
});

// ── Qualification, MNO metadata ─────────────────────────────────────────────────────────────
export const VonageMnoMetadata = z.looseObject({
  network_id: z.union([z.string(), z.number()]).transform(String),
  mno: s, status: s, mno_support: b, mno_review: b, qualify: b, min_msg_samples: n, req_subscriber_opt_in: b, req_subscriber_opt_out: b,
  req_subscriber_help: b, no_embedded_link: b, no_embedded_phone: b, att_msg_class: s, att_tpm: n, att_mms_tpm: n, att_number_based: b,
  tmo_brand_tier: s, tmo_tpd: n, complaints: z.array(z.unknown()).nullable().optional(),
});
export type VonageMnoMetadata = z.infer<typeof VonageMnoMetadata>;
export const VonageUsecaseQualification = z.looseObject({
  usecase: z.string(), quarterly_fee: n, annual_fee: n, mno_metadata: z.array(VonageMnoMetadata).nullable().optional(),
});
export type VonageUsecaseQualification = z.infer<typeof VonageUsecaseQualification>;

// ── Verification ────────────────────────────────────────────────────────────────────────────
export const VonageStartVerificationRequest = z.strictObject({
  verify_sms: z.string().regex(/@OTP_(PIN|YES)@/, "verify_sms must contain @OTP_PIN@ or @OTP_YES@").optional(),
  success_sms: z.string().optional(),
});
export const VonageStartVerificationResponse = z.looseObject({ brand_id: s, reference_id: z.string() });
/** The reference's sample is `{"otp_pin":"string"}`; the field is documented as exactly 6 characters. */
export const VonageVerifyRequest = z.strictObject({ otp_pin: z.string() });
export const VonageVerification = z.looseObject({
  brand_id: s, reference_id: s, mobile_phone: s, request_date: s, verity_date: s, delivery_status: s, delivery_status_date: s,
  delivery_status_details: s,
});

// ── Vetting, appeals, evidence ──────────────────────────────────────────────────────────────
const PoliticalDetails = z.looseObject({
  requestor_first_name: z.string(), requestor_last_name: z.string(), locale: z.string(), fec_committee_type_code: z.string(),
  committee_id: z.string(), candidate_type: z.string(), state_local_committee_type: z.string(), local_committee_state: z.string(),
  local_committee_municipality: z.string(), tribal_location: z.string(), filing_url: z.string(),
  filing_record_url_instructions: z.string().optional(), filing_email: z.string().optional(), election_date: z.string(),
  pin_preference: z.string(),
});
export const VonageVettingOrderRequest = z.object({
  evp_id: z.string().min(1),
  vetting_class: z.string().min(1),
  vetting_political_details: PoliticalDetails.optional(),
  /** Read-only history the reference renders inside the request schema. */
  appeals: z.array(z.unknown()).optional(),
});
export const VonageVettingImportRequest = z.strictObject({ evp_id: z.string().min(1), vetting_id: z.string().min(1), vetting_token: z.string().optional() });
export const VonageVetting = z.looseObject({
  account_id: s, evp_id: s, vetting_id: s, vetting_token: s, vetting_score: n, vetting_class: s, vetting_status: s,
  vetting_details: z.record(z.string(), z.unknown()).nullable().optional(), vetted_date: s, created_date: s,
  failed_reasons: z.array(z.string()).nullable().optional(), additional_info: z.record(z.string(), z.unknown()).nullable().optional(),
  appeals: z.array(z.unknown()).nullable().optional(), _links: links,
});
export type VonageVetting = z.infer<typeof VonageVetting>;
export const VonageVettingList = z.array(VonageVetting);
export const VonageAppealRequest = z.strictObject({
  categories: z.array(z.string()).min(1), evidence_ids: z.array(z.string()).min(1).max(APPEAL_MAX_FILES), explanation: z.string().min(1).max(1024),
});
export const VonageEvidence = z.looseObject({ id: z.string(), file_name: s, mime_type: s });
export const VonageEvidencePage = tokenPageOf("evidences", VonageEvidence);

// ── Campaigns ───────────────────────────────────────────────────────────────────────────────
export const VonageMessageFlowDetails = z.looseObject({
  brand_name: z.string().optional(),
  consent_mechanisms: z.array(z.looseObject({ method: z.enum(VONAGE_CONSENT_METHODS), details: z.string(), attachment: z.string().optional() })).min(1),
  pricing_disclosure: z.literal(true),
  carrier_disclaimer: z.literal(true).optional(),
  frequency: z.enum(["ONE_TIME", "RECURRING"]),
  privacy_policy: z.string(),
  terms_and_conditions: z.string(),
});
export type VonageMessageFlowDetails = z.infer<typeof VonageMessageFlowDetails>;
export const VonageMessageFlowPreviewRequest = VonageMessageFlowDetails.extend({ opt_in_keywords: z.string().max(255).optional() });
export type VonageMessageFlowPreviewRequest = z.infer<typeof VonageMessageFlowPreviewRequest>;
export const VonageMessageFlowPreview = z.looseObject({ message_flow: z.string() });

const msg = z.string().min(20).max(320);
const sample = z.string().min(20).max(1024);
const campaignWritable = {
  vertical: z.enum(VONAGE_VERTICALS).optional(),
  usecase: z.enum(VONAGE_USECASES),
  sub_usecases: z.array(z.enum(VONAGE_USECASES)).optional(),
  reseller_id: z.string().max(8).optional(),
  reseller: z.boolean().optional(),
  description: z.string().min(40).max(4096),
  age_gated: z.boolean().optional(),
  direct_lending: z.boolean().optional(),
  sample_one: sample.optional(),
  sample_two: sample.optional(),
  sample_three: sample.optional(),
  sample_four: sample.optional(),
  sample_five: sample.optional(),
  /** Deprecated on writes in favour of message_flow_details. */
  message_flow: z.string().min(40).max(4096).optional(),
  message_flow_details: VonageMessageFlowDetails.optional(),
  help_message: msg,
  opt_in_message: msg,
  opt_out_message: msg,
  help_keywords: z.string().max(255).optional(),
  opt_in_keywords: z.string().max(255).optional(),
  opt_out_keywords: z.string().max(255).optional(),
  embedded_link: z.boolean().optional(),
  embedded_phone: z.boolean().optional(),
  label: z.string().max(50).optional(),
  hipaa: z.boolean().nullable().optional(),
};
/** "either message_flow or message_flow_details may be specified, but not both". */
const flowXor = (v: { message_flow?: unknown; message_flow_details?: unknown }, ctx: z.RefinementCtx) => {
  if (v.message_flow !== undefined && v.message_flow_details !== undefined) {
    ctx.addIssue({ code: "custom", path: ["message_flow"], message: "Specify either message_flow or message_flow_details, not both" });
  }
};
export const VonageCampaignCreateRequest = z.strictObject({ account_id: z.string().min(1), ...campaignWritable, tc_agreed: z.boolean() }).superRefine(flowXor);
export type VonageCampaignCreateRequest = z.infer<typeof VonageCampaignCreateRequest>;
export const VonageCampaignUpdateRequest = z.strictObject({
  ...campaignWritable,
  auto_renewal: z.boolean().optional(),
  status: z.literal("CANCELED").nullable().optional(),
}).partial().superRefine(flowXor);
export type VonageCampaignUpdateRequest = z.infer<typeof VonageCampaignUpdateRequest>;

export const VonageCampaign = z.looseObject({
  campaign_id: z.string(),
  primary_account_id: s, account_id: s, brand_id: s, tcr_campaign_id: s, reseller_id: s, reseller: b, label: s, status: s, traffic_enabled: b,
  usecase: s, sub_usecases: z.array(z.string()).nullable().optional(), description: s, message_flow: s,
  message_flow_details: z.record(z.string(), z.unknown()).nullable().optional(), subscriber_opt_in: b, opt_in_keywords: s, opt_in_message: s,
  subscriber_opt_out: b, opt_out_keywords: s, opt_out_message: s, subscriber_help: b, help_keywords: s, help_message: s, sample_one: s,
  sample_two: s, sample_three: s, sample_four: s, sample_five: s, age_gated: b, direct_lending: b, embedded_link: b, embedded_phone: b,
  partner: b, auto_renewal: b, hipaa: b, tcr_status: s, vertical: s, number_pool: b, registration_date: s, renewal_date: s, created_date: s,
  last_updated: s, billed_date: s, opt_out_assist: b,
  last_status_changes: z.array(z.looseObject({ status: s, explanation: s, reason: s, change_date: s })).nullable().optional(),
  mno_metadata: z.array(VonageMnoMetadata).nullable().optional(), carrier_brand_suspensions: z.array(z.unknown()).nullable().optional(),
  _links: links,
});
export type VonageCampaign = z.infer<typeof VonageCampaign>;
export const VonageCampaignPage = halPageOf("campaigns", VonageCampaign);

export const VonageResubmitRequest = z.strictObject({ mno_ids: z.array(z.string()).min(1) });
export const VonageResubmitResponse = z.looseObject({ campaign_id: s, brand_id: s, mno_metadata: z.array(VonageMnoMetadata).nullable().optional(), _links: links });
export const VonageTerms = z.looseObject({ sub_terms: z.array(z.string()) });

export const VonagePartnerImportRequest = z.strictObject({
  account_id: z.string().min(1), campaign_id: z.string().min(1).max(50), label: z.string().max(50).optional(), cnp_migration: z.boolean().optional(),
});
export const VonagePartnerCampaign = z.looseObject({ brand_id: s, campaign_id: s, sharing_status: s, downstream_cnp_id: s, upstream_cnp_id: s });

export const VonageThroughput = z.looseObject({
  id: s, brand_id: s, campaign_id: s, carriers: z.array(z.string()).nullable().optional(),
  value: z.looseObject({ shared: n }).nullable().optional(), period: s, scope: s,
});
export type VonageThroughput = z.infer<typeof VonageThroughput>;
export const VonageThroughputPage = tokenPageOf("throughputs", VonageThroughput);

export const VonageNumberLinkRequest = z.strictObject({ country: z.string().length(2), number: z.string().regex(/^\d{7,15}$/) });
export const VonageNumber = z.looseObject({ number: z.string(), country: s, status: s, compliance: z.array(z.string()).nullable().optional(), _links: links });
export type VonageNumber = z.infer<typeof VonageNumber>;
export const VonageNumberPage = halPageOf("numbers", VonageNumber);

export const VonageResellerRequest = z.strictObject({ company_name: z.string().min(1).max(100), phone, email: z.string().min(1).max(100) });
export const VonageReseller = z.looseObject({ id: z.string(), tcr_reseller_id: s, company_name: s, phone: s, email: s, status: s, rejection_reason: s });
export const VonageResellerPage = tokenPageOf("resellers", VonageReseller);

export const VonageAccount = z.looseObject({ opt_out_assist: b });
export const VonageAccountUpdateRequest = z.strictObject({ opt_out_assist: z.boolean() });
export const VonageEnums = z.record(z.string(), z.array(z.unknown()));

/** Vonage's generic error body (problem details); the reference names only the codes. */
export const VonageErrorBody = z.looseObject({
  type: s, title: s, detail: s, instance: s,
  invalid_parameters: z.array(z.looseObject({ name: z.string(), reason: s })).nullable().optional(),
});
