/**
 * TCR shapes (lib/tcr, what the portal's domain code speaks) ↔ Vonage shapes (schemas.ts).
 *
 * ┌──────────────────────────────┬───────────────────────────────────┬──────────────────────────────────────────────┐
 * │ TCR (ours, camelCase)        │ Vonage (snake_case)               │ Note                                         │
 * ├──────────────────────────────┼───────────────────────────────────┼──────────────────────────────────────────────┤
 * │ BRAND                        │                                   │                                              │
 * │ brandId                      │ brand_id                          │ Vonage uses the TCR brand id                 │
 * │ entityType … email, website  │ entity_type … email, website      │ same values; names snake_cased               │
 * │ phone, mobilePhone "+1202…"  │ phone, mobile_phone "1202…"       │ E.164 without "+" at Vonage                  │
 * │ businessContactEmail         │ verification_email                │ Auth+ address; not in Vonage's PATCH         │
 * │ businessContactEmailVerified…│ verification_email_completion_date│ "YYYY-MM-DD hh:mm:ss" → ISO                  │
 * │ mobilePhoneVerifiedDate      │ verified_date                     │                                              │
 * │ createDate                   │ created_date                      │ "YYYY-MM-DD hh:mm:ss" → ISO                  │
 * │ altBusinessIdType "NONE"     │ (omitted)                         │ Vonage: DUNS, GIIN, LEI only                 │
 * │ referenceId, brandRelationship│ reference_id, brand_relationship │ read-only at Vonage: never sent               │
 * │ ipAddress, mock, tag         │ —                                 │ not in Vonage's API: dropped                 │
 * │ identityStatus               │ —                                 │ not exposed by Vonage (left undefined)       │
 * │ (config apiKey)              │ account_id                        │ the Vonage account id is the API key         │
 * │ vonage.{accountId, reseller…}│ account_id, reseller, campaign_…  │ extras carried on the returned object        │
 * │ FEEDBACK category[].id       │ categories[].name                 │ fields snake → camel                         │
 * │ VETTING evpId, vettingId …   │ evp_id, vetting_id …              │ reasons ← failed_reasons, createDate ← created│
 * │ additionalRequestPayload JSON│ vetting_political_details object  │ keys camel → snake                           │
 * ├──────────────────────────────┼───────────────────────────────────┼──────────────────────────────────────────────┤
 * │ CAMPAIGN                     │                                   │                                              │
 * │ campaignId                   │ campaign_id (Vonage id, VC…)      │ path ids are Vonage's                        │
 * │ tcrCampaignId (extra)        │ tcr_campaign_id                   │ set once Vonage approved and registered      │
 * │ vonageStatus (extra)         │ status                            │ PENDING_REVIEW, UPDATES_REQUIRED, …          │
 * │ status ACTIVE | EXPIRED      │ status                            │ CANCELED/TERMINATED/REJECTED/CNP_CANCELED/   │
 * │                              │                                   │ PORTED_OUT → EXPIRED, others ACTIVE          │
 * │ trafficEnabled (extra)       │ traffic_enabled                   │                                              │
 * │ sample1 … sample5            │ sample_one … sample_five          │                                              │
 * │ optinKeywords/optinMessage…  │ opt_in_keywords/opt_in_message …  │ likewise opt_out_*, help_*                   │
 * │ termsAndConditions           │ tc_agreed                         │ defaults to true (the builder's T&C step)    │
 * │ messageFlow                  │ message_flow                      │ read: computed by Vonage; write: only without│
 * │                              │                                   │ structured consent (deprecated at Vonage)    │
 * │ consent (lib/campaigns/      │ message_flow_details              │ see consentToMessageFlowDetails below        │
 * │   consent.ts)                │                                   │                                              │
 * │ privacyPolicyLink / terms…   │ message_flow_details.privacy_…    │ read back from the details                   │
 * │ resellerId                   │ reseller_id                       │ R000000 = not a reseller campaign            │
 * │ autoRenewal                  │ auto_renewal                      │ PATCH only                                   │
 * │ nextRenewalOrExpirationDate  │ renewal_date                      │                                              │
 * │ mnoIds, numberPool, subscri… │ —                                 │ not writable at Vonage: dropped              │
 * │ referenceId, tag, embeddedLi…│ —                                 │ not in Vonage's API: dropped                 │
 * │ label (option)               │ label                             │ ≤ 50                                         │
 * │ QUALIFICATION mnoMetadata{id}│ mno_metadata[] (network_id)       │ msgClass ← att_msg_class, tpm ← att_tpm,     │
 * │                              │                                   │ mmsTpm ← att_mms_tpm, tpmScope ← att_number_ │
 * │                              │                                   │ based (NUMBER/CAMPAIGN), brandTier ← tmo_    │
 * │                              │                                   │ brand_tier, brandDailyCap ← tmo_tpd          │
 * │ quarterlyFee, annualFee      │ quarterly_fee, annual_fee         │ monthlyFee: not stated by Vonage (null)      │
 * └──────────────────────────────┴───────────────────────────────────┴──────────────────────────────────────────────┘
 *
 * Consent (ours → message_flow_details): programName → brand_name; mechanisms[] → consent_mechanisms[]
 * with WEB_FORM → ONLINE_FORM, VERBAL → LIVE_OPERATOR, POINT_OF_SALE → POINT_OF_SALE, TEXT_TO_JOIN →
 * TEXT_TO_JOIN, PAPER_FORM / IVR / MOBILE_APP / OTHER → OTHER (our method's label prefixes the details),
 * details = location + details, attachment = evidenceUrl; ratesDisclosure → pricing_disclosure;
 * carrierDisclaimer → carrier_disclaimer (only when true); frequency ONE_TIME → ONE_TIME, RECURRING and
 * VARIES → RECURRING; privacyPolicyUrl → privacy_policy; termsUrl → terms_and_conditions; TEXT_TO_JOIN
 * keywords → opt_in_keywords when the campaign has none. Not carried (Vonage has no field): purpose,
 * frequencyDetail, helpDisclosure/stopDisclosure (Vonage always adds HELP/STOP), notConditionOfPurchase,
 * noThirdPartySharing, minimumAge.
 */
import type { z } from "zod";
import { CONSENT_METHOD_LABELS, type Consent, type ConsentMethod } from "@/lib/campaigns/consent";
import type { Brand, BrandCreateRequest, BrandUpdateRequest } from "@/lib/tcr/schemas/brand";
import type { Campaign, CampaignUpdateRequest } from "@/lib/tcr/schemas/campaign";
import type { CampaignBuilderCreateRequest, UsecaseQualification } from "@/lib/tcr/schemas/campaignBuilder";
import type { MnoMetadataMap } from "@/lib/tcr/schemas/common";
import type { ExternalVetting } from "@/lib/tcr/schemas/vetting";
import type {
  VonageBrand, VonageBrandCreateRequest, VonageBrandUpdateRequest, VonageCampaign, VonageCampaignCreateRequest, VonageCampaignUpdateRequest,
  VonageMessageFlowDetails, VonageMnoMetadata, VonageUsecaseQualification, VonageVetting,
} from "./schemas";

type In<S extends z.ZodType> = z.input<S>;

/** Our field name for each Vonage parameter name (brand and campaign forms). */
const SNAKE_TO_OURS: Record<string, string> = {
  entity_type: "entityType", first_name: "firstName", last_name: "lastName", display_name: "displayName", company_name: "companyName",
  ein_issuing_country: "einIssuingCountry", mobile_phone: "mobilePhone", postal_code: "postalCode", stock_symbol: "stockSymbol",
  stock_exchange: "stockExchange", alt_business_id_type: "altBusinessIdType", alt_business_id: "altBusinessId",
  verification_email: "businessContactEmail", sample_one: "sample1", sample_two: "sample2", sample_three: "sample3", sample_four: "sample4",
  sample_five: "sample5", opt_in_keywords: "optinKeywords", opt_out_keywords: "optoutKeywords", help_keywords: "helpKeywords",
  opt_in_message: "optinMessage", opt_out_message: "optoutMessage", help_message: "helpMessage", message_flow: "messageFlow",
  tc_agreed: "termsAndConditions", sub_usecases: "subUsecases", reseller_id: "resellerId", embedded_link: "embeddedLink",
  embedded_phone: "embeddedPhone", age_gated: "ageGated", direct_lending: "directLending", auto_renewal: "autoRenewal",
  evp_id: "evpId", vetting_class: "vettingClass", vetting_id: "vettingId", vetting_token: "vettingToken", otp_pin: "otpPin", verify_sms: "pinSms",
  success_sms: "successSms",
};
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** message_flow_details field → our structured consent field (lib/campaigns/consent.ts). */
const CONSENT_FIELDS: Record<string, string> = {
  brand_name: "programName", consent_mechanisms: "mechanisms", attachment: "evidenceUrl", pricing_disclosure: "ratesDisclosure",
  carrier_disclaimer: "carrierDisclaimer", privacy_policy: "privacyPolicyUrl", terms_and_conditions: "termsUrl",
};

/**
 * Vonage parameter name → ours. `message_flow_details.consent_mechanisms[0].attachment` becomes the
 * form path `consent.mechanisms.0.evidenceUrl` of the structured consent.
 */
export function vonageFieldToOurs(name: string): string {
  if (name.startsWith("message_flow_details")) {
    const rest = name.slice("message_flow_details".length).replace(/^\./, "").replace(/\[(\d+)\]/g, ".$1");
    return rest ? `consent.${rest.split(".").map((p) => CONSENT_FIELDS[p] ?? camel(p)).join(".")}` : "consent";
  }
  if (name.startsWith("vetting_political_details.")) return `additionalRequestPayload.${camel(name.slice("vetting_political_details.".length))}`;
  return SNAKE_TO_OURS[name] ?? camel(name);
}

// ── Dates and phones ────────────────────────────────────────────────────────────────────────
const noPlus = (p: string | null | undefined) => (p ? p.replace(/^\+/, "") : undefined);
const withPlus = (p: string | null | undefined) => (p ? (p.startsWith("+") ? p : `+${p}`) : null);
/** "2019-08-24 14:15:22" (no zone) → "2019-08-24T14:15:22Z"; ISO strings pass through. */
export function vonageDateToIso(d: string | null | undefined): string | null {
  if (!d) return null;
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(d) ? `${d.replace(" ", "T")}Z` : d;
}
const opt = <T>(v: T | null | undefined): T | undefined => (v === null || v === undefined || v === "" ? undefined : v);

// ── Brands ──────────────────────────────────────────────────────────────────────────────────
export function brandCreateToVonage(input: In<typeof BrandCreateRequest> | BrandCreateRequest, accountId: string): VonageBrandCreateRequest {
  const i = input as unknown as Record<string, string | undefined | null>;
  const out: Record<string, unknown> = {
    account_id: accountId, entity_type: i.entityType, first_name: opt(i.firstName), last_name: opt(i.lastName), display_name: i.displayName,
    company_name: opt(i.companyName), ein: opt(i.ein), ein_issuing_country: opt(i.einIssuingCountry), phone: noPlus(i.phone),
    mobile_phone: noPlus(i.mobilePhone), street: opt(i.street), city: opt(i.city), state: opt(i.state), postal_code: opt(i.postalCode),
    country: i.country, email: i.email, stock_symbol: opt(i.stockSymbol), stock_exchange: opt(i.stockExchange), website: opt(i.website),
    vertical: opt(i.vertical), verification_email: opt(i.businessContactEmail),
  };
  if (i.altBusinessIdType && i.altBusinessIdType !== "NONE" && i.altBusinessId) {
    out.alt_business_id_type = i.altBusinessIdType;
    out.alt_business_id = i.altBusinessId;
  }
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as VonageBrandCreateRequest;
}

export function brandUpdateToVonage(input: In<typeof BrandUpdateRequest> | BrandUpdateRequest): VonageBrandUpdateRequest {
  const i = input as unknown as Record<string, string | undefined | null>;
  const out: Record<string, unknown> = {
    entity_type: i.entityType, first_name: opt(i.firstName), last_name: opt(i.lastName), display_name: i.displayName, company_name: opt(i.companyName),
    ein: opt(i.ein), ein_issuing_country: opt(i.einIssuingCountry), phone: noPlus(i.phone), mobile_phone: noPlus(i.mobilePhone),
    street: opt(i.street), city: opt(i.city), state: opt(i.state), postal_code: opt(i.postalCode), country: i.country, email: i.email,
    stock_symbol: opt(i.stockSymbol), stock_exchange: opt(i.stockExchange), website: opt(i.website), vertical: opt(i.vertical),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as VonageBrandUpdateRequest;
}

export interface VonageBrandExtras {
  accountId: string | null;
  primaryAccountId: string | null;
  reseller: boolean;
  campaignCount: number | null;
  partner: boolean;
  shared: boolean;
  owner: boolean;
  lastUpdated: string | null;
  carrierSuspensions: unknown[];
}
export type VonageTcrBrand = Brand & { vonage: VonageBrandExtras };

export function vonageBrandToTcr(v: VonageBrand): VonageTcrBrand {
  return {
    brandId: v.brand_id, entityType: v.entity_type ?? null, status: v.status ?? null, firstName: v.first_name ?? null, lastName: v.last_name ?? null,
    displayName: v.display_name ?? null, companyName: v.company_name ?? null, ein: v.ein ?? null, einIssuingCountry: v.ein_issuing_country ?? null,
    phone: withPlus(v.phone), street: v.street ?? null, city: v.city ?? null, state: v.state ?? null, postalCode: v.postal_code ?? null,
    country: v.country ?? null, email: v.email ?? null, stockSymbol: v.stock_symbol ?? null, stockExchange: v.stock_exchange ?? null,
    website: v.website ?? null, brandRelationship: v.brand_relationship ?? null, vertical: v.vertical ?? null, altBusinessId: v.alt_business_id ?? null,
    altBusinessIdType: v.alt_business_id_type ?? null, universalEin: v.universal_ein ?? null, referenceId: v.reference_id ?? null,
    createDate: vonageDateToIso(v.created_date), mobilePhone: withPlus(v.mobile_phone), mobilePhoneVerifiedDate: vonageDateToIso(v.verified_date),
    businessContactEmail: v.verification_email ?? null, businessContactEmailVerifiedDate: vonageDateToIso(v.verification_email_completion_date),
    vonage: {
      accountId: v.account_id ?? null, primaryAccountId: v.primary_account_id ?? null, reseller: v.reseller === true, campaignCount: v.campaign_count ?? null,
      partner: v.partner === true, shared: v.shared === true, owner: v.owner !== false, lastUpdated: vonageDateToIso(v.last_updated),
      carrierSuspensions: v.carrier_suspensions ?? [],
    },
  } as VonageTcrBrand;
}

export function vonageVettingToTcr(v: VonageVetting): ExternalVetting {
  return {
    evpId: v.evp_id ?? null, vettingId: v.vetting_id ?? null, vettingToken: v.vetting_token ?? null, vettingScore: v.vetting_score ?? null,
    vettingClass: v.vetting_class ?? null, vettingStatus: v.vetting_status ?? null, reasons: v.failed_reasons ?? [],
    vettingDetails: v.vetting_details ?? null, vettedDate: v.vetted_date ?? null, createDate: v.created_date ?? null,
  } as ExternalVetting;
}

/** additionalRequestPayload (a JSON string with camelCase keys) → vetting_political_details. */
export function politicalPayloadToVonage(payload: string | undefined): Record<string, unknown> | undefined {
  if (!payload) return undefined;
  const o = JSON.parse(payload) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

// ── Qualification ───────────────────────────────────────────────────────────────────────────
export function mnoMetadataToTcr(list: VonageMnoMetadata[] | null | undefined): MnoMetadataMap {
  const out: MnoMetadataMap = {};
  for (const m of list ?? []) {
    const entry: MnoMetadataMap[string] = {};
    const set = <K extends keyof MnoMetadataMap[string]>(k: K, v: MnoMetadataMap[string][K] | null | undefined) => {
      if (v !== null && v !== undefined) entry[k] = v;
    };
    set("mno", m.mno ?? undefined);
    set("mnoSupport", m.mno_support);
    set("mnoReview", m.mno_review);
    set("qualify", m.qualify);
    set("minMsgSamples", m.min_msg_samples);
    set("reqSubscriberOptin", m.req_subscriber_opt_in);
    set("reqSubscriberOptout", m.req_subscriber_opt_out);
    set("reqSubscriberHelp", m.req_subscriber_help);
    set("noEmbeddedLink", m.no_embedded_link);
    set("noEmbeddedPhone", m.no_embedded_phone);
    set("msgClass", m.att_msg_class);
    set("tpm", m.att_tpm);
    set("mmsTpm", m.att_mms_tpm);
    if (m.att_number_based !== null && m.att_number_based !== undefined) entry.tpmScope = m.att_number_based ? "NUMBER" : "CAMPAIGN";
    set("brandTier", m.tmo_brand_tier);
    set("brandDailyCap", m.tmo_tpd);
    out[m.network_id] = entry;
  }
  return out;
}

export function qualificationToTcr(q: VonageUsecaseQualification): UsecaseQualification {
  return { usecase: q.usecase, monthlyFee: null, quarterlyFee: q.quarterly_fee ?? null, annualFee: q.annual_fee ?? null, mnoMetadata: mnoMetadataToTcr(q.mno_metadata) };
}

// ── Consent → message_flow_details ──────────────────────────────────────────────────────────
const METHOD: Record<ConsentMethod, VonageMessageFlowDetails["consent_mechanisms"][number]["method"]> = {
  WEB_FORM: "ONLINE_FORM", TEXT_TO_JOIN: "TEXT_TO_JOIN", PAPER_FORM: "OTHER", VERBAL: "LIVE_OPERATOR", IVR: "OTHER",
  POINT_OF_SALE: "POINT_OF_SALE", MOBILE_APP: "OTHER", OTHER: "OTHER",
  // The consumer texts first: like TEXT_TO_JOIN, the consumer's own message is the opt-in, and Vonage asks no
  // evidence URL for it (OTHER would demand one that does not exist).
  CONSUMER_INITIATED: "TEXT_TO_JOIN",
};

export function consentToMessageFlowDetails(c: Consent): { details: VonageMessageFlowDetails; optInKeywords: string | null } {
  let optInKeywords: string | null = null;
  const mechanisms = c.mechanisms.map((m) => {
    const method = METHOD[m.method];
    const text = [m.location?.trim(), m.details?.trim()].filter(Boolean).join(". ");
    const prefixed = method === "OTHER" && m.method !== "OTHER" ? `${CONSENT_METHOD_LABELS[m.method]}: ${text}` : text;
    if (m.method === "TEXT_TO_JOIN" && m.keywords && !optInKeywords) optInKeywords = m.keywords.replace(/\s+/g, "");
    return { method, details: prefixed, ...(m.evidenceUrl ? { attachment: m.evidenceUrl } : {}) };
  });
  const details = {
    brand_name: c.programName,
    consent_mechanisms: mechanisms,
    pricing_disclosure: c.ratesDisclosure as true,
    ...(c.carrierDisclaimer ? { carrier_disclaimer: true as const } : {}),
    frequency: c.frequency === "ONE_TIME" ? "ONE_TIME" : "RECURRING",
    privacy_policy: c.privacyPolicyUrl,
    terms_and_conditions: c.termsUrl,
  } as VonageMessageFlowDetails;
  return { details, optInKeywords };
}

// ── Campaigns ───────────────────────────────────────────────────────────────────────────────
const SAMPLES = [["sample1", "sample_one"], ["sample2", "sample_two"], ["sample3", "sample_three"], ["sample4", "sample_four"], ["sample5", "sample_five"]] as const;
const TEXTS = [
  ["description", "description"], ["helpMessage", "help_message"], ["optinMessage", "opt_in_message"], ["optoutMessage", "opt_out_message"],
  ["optinKeywords", "opt_in_keywords"], ["optoutKeywords", "opt_out_keywords"], ["helpKeywords", "help_keywords"], ["resellerId", "reseller_id"],
  ...SAMPLES,
] as const;
const BOOLS = [["embeddedLink", "embedded_link"], ["embeddedPhone", "embedded_phone"], ["ageGated", "age_gated"], ["directLending", "direct_lending"]] as const;

export interface CampaignExtras {
  /** Structured consent: sent as message_flow_details (then messageFlow is not sent). */
  consent?: Consent;
  label?: string;
  hipaa?: boolean;
}

export function campaignCreateToVonage(input: In<typeof CampaignBuilderCreateRequest>, accountId: string, extras: CampaignExtras = {}): VonageCampaignCreateRequest {
  const i = input as Record<string, unknown>;
  const out: Record<string, unknown> = { account_id: accountId, usecase: i.usecase, tc_agreed: i.termsAndConditions !== false };
  if (Array.isArray(i.subUsecases) && i.subUsecases.length) out.sub_usecases = i.subUsecases;
  for (const [ours, theirs] of TEXTS) if (typeof i[ours] === "string" && i[ours] !== "") out[theirs] = i[ours];
  for (const [ours, theirs] of BOOLS) if (typeof i[ours] === "boolean") out[theirs] = i[ours];
  applyConsent(out, i.messageFlow, extras);
  if (extras.label) out.label = extras.label;
  if (extras.hipaa !== undefined) out.hipaa = extras.hipaa;
  return out as VonageCampaignCreateRequest;
}

function applyConsent(out: Record<string, unknown>, messageFlow: unknown, extras: CampaignExtras): void {
  if (extras.consent) {
    const { details, optInKeywords } = consentToMessageFlowDetails(extras.consent);
    out.message_flow_details = details;
    if (optInKeywords && !out.opt_in_keywords) out.opt_in_keywords = optInKeywords;
  } else if (typeof messageFlow === "string" && messageFlow !== "") out.message_flow = messageFlow;
}

export function campaignUpdateToVonage(input: In<typeof CampaignUpdateRequest>, extras: CampaignExtras = {}): VonageCampaignUpdateRequest {
  const i = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [ours, theirs] of TEXTS) if (typeof i[ours] === "string" && i[ours] !== "") out[theirs] = i[ours];
  for (const [ours, theirs] of BOOLS) if (typeof i[ours] === "boolean") out[theirs] = i[ours];
  if (typeof i.autoRenewal === "boolean") out.auto_renewal = i.autoRenewal;
  applyConsent(out, i.messageFlow, extras);
  if (extras.label) out.label = extras.label;
  if (extras.hipaa !== undefined) out.hipaa = extras.hipaa;
  return out as VonageCampaignUpdateRequest;
}

const ENDED = ["CANCELED", "TERMINATED", "REJECTED", "CNP_CANCELED", "PORTED_OUT", "EXPIRED"];

export interface VonageCampaignExtras {
  tcrCampaignId: string | null;
  vonageStatus: string | null;
  trafficEnabled: boolean;
  tcrStatus: string | null;
  label: string | null;
  accountId: string | null;
  hipaa: boolean | null;
  registrationDate: string | null;
  lastStatusChanges: { status: string | null; explanation: string | null; changeDate: string | null }[];
  messageFlowDetails: Record<string, unknown> | null;
  mnoMetadata: MnoMetadataMap;
}
export type VonageTcrCampaign = Campaign & VonageCampaignExtras;

export function vonageCampaignToTcr(v: VonageCampaign): VonageTcrCampaign {
  const d = (v.message_flow_details ?? null) as { privacy_policy?: string; terms_and_conditions?: string } | null;
  return {
    campaignId: v.campaign_id, resellerId: v.reseller_id ?? null, status: v.status && ENDED.includes(v.status) ? "EXPIRED" : "ACTIVE",
    createDate: v.created_date ?? null, autoRenewal: v.auto_renewal ?? null, billedDate: v.billed_date ?? null, brandId: v.brand_id ?? null,
    vertical: v.vertical ?? null, usecase: v.usecase ?? null, subUsecases: v.sub_usecases ?? [], description: v.description ?? null,
    embeddedLink: v.embedded_link ?? null, embeddedPhone: v.embedded_phone ?? null, termsAndConditions: true, numberPool: v.number_pool ?? null,
    ageGated: v.age_gated ?? null, directLending: v.direct_lending ?? null, subscriberOptin: v.subscriber_opt_in ?? null,
    subscriberOptout: v.subscriber_opt_out ?? null, subscriberHelp: v.subscriber_help ?? null, sample1: v.sample_one ?? null,
    sample2: v.sample_two ?? null, sample3: v.sample_three ?? null, sample4: v.sample_four ?? null, sample5: v.sample_five ?? null,
    messageFlow: v.message_flow ?? null, helpMessage: v.help_message ?? null, referenceId: null, mock: false,
    nextRenewalOrExpirationDate: v.renewal_date ?? null, optinKeywords: v.opt_in_keywords ?? null, optoutKeywords: v.opt_out_keywords ?? null,
    helpKeywords: v.help_keywords ?? null, optinMessage: v.opt_in_message ?? null, optoutMessage: v.opt_out_message ?? null,
    privacyPolicyLink: d?.privacy_policy ?? null, termsAndConditionsLink: d?.terms_and_conditions ?? null,
    tcrCampaignId: v.tcr_campaign_id ?? null, vonageStatus: v.status ?? null, trafficEnabled: v.traffic_enabled === true, tcrStatus: v.tcr_status ?? null,
    label: v.label ?? null, accountId: v.account_id ?? null, hipaa: v.hipaa ?? null, registrationDate: v.registration_date ?? null,
    lastStatusChanges: (v.last_status_changes ?? []).map((s) => ({ status: s.status ?? null, explanation: s.explanation ?? s.reason ?? null, changeDate: vonageDateToIso(s.change_date) })),
    messageFlowDetails: v.message_flow_details ?? null, mnoMetadata: mnoMetadataToTcr(v.mno_metadata),
  };
}
