/**
 * The columns of the brand and campaign import files (issue 19): the registry's own field names, as the
 * brand create schema (lib/tcr/schemas/brand.ts via lib/brands/wizard.ts) and the campaign builder draft
 * (lib/campaigns/schemas.ts) spell them, plus the few import-only columns (`ref`, `vetting`, `brandRef`,
 * the structured-consent columns). Each column says what it holds, for the "columns explained" file, and
 * which header spellings the mapping guess accepts besides its own name. Client-safe.
 */
import { ENTITY_TYPES } from "@/lib/tcr/schemas/enums";
import { brandFieldRules, type BrandField } from "@/lib/tcr/schemas/brand";
import { WIZARD_FIELDS, fieldLabel } from "@/lib/brands/wizard";
import { FIELD_HELP } from "@/lib/brands/wizard-help";
import { CONSENT_METHODS } from "@/lib/campaigns/consent";
import { SAMPLE_FIELDS } from "@/lib/campaigns/lint";

export type ImportKind = "brands" | "campaigns";
export const IMPORT_KINDS: readonly ImportKind[] = ["brands", "campaigns"];

export type ImportColumn = {
  field: string;
  label: string;
  /** "required", "optional", or the rule in words when it depends on the row (entity type, other columns). */
  required: string;
  description: string;
  example: string;
  /** Other header spellings the mapping guess recognises (compared normalised). */
  synonyms?: string[];
};

function brandRequirement(f: BrandField): string {
  const by = ENTITY_TYPES.map((et) => [et, brandFieldRules[et][f]] as const);
  if (by.every(([, r]) => r === "required")) return "required";
  if (by.every(([, r]) => r === "optional")) return "optional";
  const req = by.filter(([, r]) => r === "required").map(([et]) => et);
  const na = by.filter(([, r]) => r === "forbidden").map(([et]) => et);
  return [req.length ? `required for ${req.join(", ")}` : "", na.length ? `not allowed for ${na.join(", ")} (left out)` : ""].filter(Boolean).join("; ") || "optional";
}

const BRAND_EXAMPLES: Partial<Record<BrandField, string>> = {
  displayName: "Acme Dental", companyName: "Acme Dental LLC", firstName: "Jane", lastName: "Doe", ein: "123456789",
  einIssuingCountry: "US", stockSymbol: "ACME", stockExchange: "NASDAQ", businessContactEmail: "jane.doe@acmedental.com",
  email: "support@acmedental.com", phone: "+12025550123", mobilePhone: "+12025550199", country: "US", street: "1 Main St",
  city: "Springfield", state: "IL", postalCode: "62701", vertical: "HEALTHCARE", website: "https://www.acmedental.com",
  altBusinessId: "", altBusinessIdType: "DUNS", brandRelationship: "BASIC_ACCOUNT", referenceId: "crm-1042", tag: "dental east",
  ipAddress: "203.0.113.7", mock: "false",
};

const BRAND_SYNONYMS: Partial<Record<BrandField, string[]>> = {
  displayName: ["display name", "brand name", "brand", "dba", "doing business as", "name"],
  companyName: ["company name", "company", "legal name", "legal company name", "business name", "organization name"],
  ein: ["ein", "tax id", "tax id ein", "taxid", "tin", "federal tax id", "fein", "tax number", "vat", "business registration number"],
  einIssuingCountry: ["ein country", "tax id country", "tax id issuing country"],
  firstName: ["first name", "given name", "first"],
  lastName: ["last name", "surname", "family name", "last"],
  email: ["email", "support email", "email address", "e-mail", "contact email"],
  phone: ["phone", "support phone", "phone number", "telephone", "tel"],
  mobilePhone: ["mobile", "mobile phone", "cell", "cell phone", "mobile number"],
  street: ["street", "address", "street address", "address line 1", "address1"],
  city: ["city", "town"],
  state: ["state", "province", "region", "state province"],
  postalCode: ["postal code", "zip", "zip code", "postcode"],
  country: ["country", "country code"],
  website: ["website", "web site", "url", "homepage", "web"],
  vertical: ["vertical", "industry"],
  stockSymbol: ["stock symbol", "ticker", "ticker symbol"],
  stockExchange: ["stock exchange", "exchange"],
  brandRelationship: ["brand relationship", "relationship"],
  businessContactEmail: ["business contact email", "authentication email", "auth+ email"],
  referenceId: ["reference id", "reference", "external id", "crm id"],
  tag: ["tags", "tag", "labels"],
  ipAddress: ["ip", "ip address"],
  altBusinessId: ["alt business id", "duns", "lei", "giin"],
  altBusinessIdType: ["alt business id type"],
  mock: ["mock", "test brand"],
};

export const BRAND_COLUMNS: ImportColumn[] = [
  {
    field: "ref", label: "Row reference", required: "optional",
    description: "Your own short name for this brand row; a campaign file's brandRef column points at it so campaigns wait for their brand.",
    example: "acme", synonyms: ["row ref", "brand ref", "key"],
  },
  {
    field: "entityType", label: fieldLabel("entityType"), required: "required",
    description: `One of ${ENTITY_TYPES.join(", ")}. Decides which other columns are required or left out.`,
    example: "PRIVATE_PROFIT", synonyms: ["entity type", "entity", "type", "organization type", "legal form"],
  },
  ...WIZARD_FIELDS.map((f) => ({
    field: f, label: fieldLabel(f), required: brandRequirement(f),
    description: FIELD_HELP[f] ?? fieldLabel(f),
    example: BRAND_EXAMPLES[f] ?? "", synonyms: BRAND_SYNONYMS[f] ?? [],
  })),
  {
    field: "vetting", label: "Order external vetting", required: "optional",
    description: "Leave empty for none; an external vetting provider's id (e.g. AEGIS) or \"yes\" orders one after registration, at the vetting fee.",
    example: "", synonyms: ["external vetting", "vet", "vetting provider"],
  },
];

const CONSENT_COLUMN_DEFS: ImportColumn[] = [
  { field: "consentMethod", label: "Consent: method", required: "optional (fill the consent columns or messageFlow)", description: `How subscribers opt in: ${CONSENT_METHODS.join(", ")}. When set, the message flow is composed from the consent columns as the builder does.`, example: "WEB_FORM", synonyms: ["opt-in method", "optin method", "consent method"] },
  { field: "consentLocation", label: "Consent: where", required: "with consentMethod", description: "Where consent is collected (for a web form, the form's URL).", example: "https://www.acmedental.com/sms", synonyms: ["opt-in location", "consent location"] },
  { field: "consentEvidenceUrl", label: "Consent: evidence URL", required: "with consentMethod, except TEXT_TO_JOIN and CONSUMER_INITIATED", description: "A public screenshot or script of the opt-in as the subscriber sees it.", example: "https://www.acmedental.com/sms-optin.png", synonyms: ["opt-in screenshot", "evidence url"] },
  { field: "consentKeywords", label: "Consent: keywords", required: "with consentMethod TEXT_TO_JOIN", description: "The keyword(s) subscribers text to join, comma-separated.", example: "" },
  { field: "consentProgramName", label: "Consent: program name", required: "with consentMethod", description: "Brand or program name the subscriber sees.", example: "Acme Dental", synonyms: ["program name"] },
  { field: "consentPurpose", label: "Consent: message purpose", required: "with consentMethod", description: "What the messages are about.", example: "appointment reminders", synonyms: ["message purpose"] },
  { field: "consentFrequency", label: "Consent: frequency", required: "with consentMethod", description: "ONE_TIME, RECURRING or VARIES.", example: "RECURRING", synonyms: ["message frequency"] },
  { field: "consentFrequencyDetail", label: "Consent: frequency detail", required: "optional", description: "e.g. up to 4 msgs/month.", example: "up to 4 msgs/month" },
  { field: "consentRatesDisclosure", label: "Consent: rates disclosure", required: "with consentMethod", description: "true when the opt-in says \"Msg & data rates may apply\".", example: "true" },
  { field: "consentHelpDisclosure", label: "Consent: HELP disclosure", required: "with consentMethod", description: "true when the opt-in says \"Reply HELP for help\".", example: "true" },
  { field: "consentCheckboxUnchecked", label: "Consent: SMS checkbox unchecked", required: "optional", description: "true when a web form or app has its own SMS checkbox, unchecked by default.", example: "true" },
  { field: "consentNotConditionOfPurchase", label: "Consent: not a condition of purchase", required: "optional", description: "true when the opt-in says consent is not a condition of purchase.", example: "true" },
  { field: "consentNoThirdPartySharing", label: "Consent: no third-party sharing", required: "optional", description: "true when opt-in data is not shared with third parties.", example: "true" },
  { field: "consentCarrierDisclaimer", label: "Consent: carrier disclaimer", required: "optional", description: "true when the opt-in says carriers are not liable for delayed or undelivered messages.", example: "true" },
  { field: "consentStopDisclosure", label: "Consent: STOP disclosure", required: "with consentMethod", description: "true when the opt-in says \"Reply STOP to cancel\".", example: "true" },
];

const FLAG = (field: string, label: string, description: string, example = "false", synonyms: string[] = []): ImportColumn => ({ field, label, required: "optional", description: `${description} true/false (also yes/no, 1/0).`, example, synonyms });

export const CAMPAIGN_COLUMNS: ImportColumn[] = [
  { field: "brandId", label: "Brand id", required: "brandId or brandRef", description: "The registry brand id of a brand this organization already has (e.g. B1A2B3C).", example: "", synonyms: ["brand id", "tcr brand id"] },
  { field: "brandRef", label: "Brand row reference", required: "brandId or brandRef", description: "The ref column of a brand row in the brand file imported with this one; the campaign waits for that brand.", example: "acme-private-profit", synonyms: ["brand ref", "brand reference"] },
  { field: "usecase", label: "Use case", required: "required", description: "The registry use case, e.g. MARKETING, CUSTOMER_CARE, MIXED.", example: "CUSTOMER_CARE", synonyms: ["use case", "usecase", "campaign type"] },
  { field: "subUsecases", label: "Sub-use cases", required: "for MIXED and LOW_VOLUME", description: "Sub-use cases separated by commas, semicolons or |.", example: "", synonyms: ["sub use cases", "sub usecases", "subusecase"] },
  { field: "description", label: "Description", required: "required", description: "What the campaign sends and to whom (40 to 4096 characters).", example: "Appointment reminders and rescheduling for Acme Dental patients who booked online.", synonyms: ["campaign description"] },
  { field: "messageFlow", label: "Message flow (opt-in)", required: "required unless the consent columns are filled", description: "How subscribers opt in, in words (40 to 4096 characters).", example: "", synonyms: ["message flow", "call to action", "cta", "opt-in flow", "optin flow"] },
  ...CONSENT_COLUMN_DEFS,
  ...SAMPLE_FIELDS.map((f, i): ImportColumn => ({ field: f, label: `Sample ${i + 1}`, required: i === 0 ? "required" : "as many as the carriers ask for", description: "A sample message as subscribers receive it (20 to 1024 characters).", example: i === 0 ? "Acme Dental: your appointment is on Tue 3 Mar at 10:00. Reply C to confirm, STOP to opt out." : "", synonyms: [`sample ${i + 1}`, `sample message ${i + 1}`, `message ${i + 1}`] })),
  FLAG("subscriberOptin", "Opt-in required", "Subscribers opt in before messages are sent. Empty = true.", "true", ["opt in", "optin"]),
  FLAG("subscriberOptout", "Opt-out supported", "Subscribers can opt out (STOP). Empty = true.", "true", ["opt out", "optout"]),
  FLAG("subscriberHelp", "Help supported", "Subscribers can ask for help (HELP). Empty = true.", "true", ["help"]),
  FLAG("embeddedLink", "Embedded links", "Messages contain links."),
  { field: "embeddedLinkSample", label: "Embedded link sample", required: "with embeddedLink", description: "An example of the links sent.", example: "" },
  FLAG("embeddedPhone", "Embedded phone numbers", "Messages contain phone numbers."),
  FLAG("numberPool", "Number pool", "Sent from a pool of 50+ numbers."),
  FLAG("ageGated", "Age-gated", "Age-gated content."),
  FLAG("directLending", "Direct lending", "Direct lending or loan arrangement."),
  FLAG("affiliateMarketing", "Affiliate marketing", "Messages promote affiliates (carriers refuse it)."),
  FLAG("termsAndConditions", "Registry T&C accepted", "You accept the registry's terms for this campaign.", "true"),
  { field: "optinKeywords", label: "Opt-in keywords", required: "optional", description: "Comma-separated. Empty = the builder's default (START,YES).", example: "START,YES" },
  { field: "optinMessage", label: "Opt-in confirmation", required: "optional", description: "The reply to an opt-in. Empty = the builder's default reply naming the brand.", example: "" },
  { field: "optoutKeywords", label: "Opt-out keywords", required: "optional", description: "Comma-separated. Empty = the builder's default (STOP,QUIT,END,CANCEL,UNSUBSCRIBE).", example: "STOP,QUIT,END,CANCEL,UNSUBSCRIBE" },
  { field: "optoutMessage", label: "Opt-out confirmation", required: "optional", description: "The reply to STOP. Empty = the builder's default reply naming the brand.", example: "" },
  { field: "helpKeywords", label: "Help keywords", required: "optional", description: "Comma-separated. Empty = the builder's default (HELP,INFO).", example: "HELP,INFO" },
  { field: "helpMessage", label: "HELP reply", required: "optional", description: "The reply to HELP. Empty = the builder's default reply naming the brand.", example: "" },
  { field: "privacyPolicyLink", label: "Privacy policy", required: "with the consent columns", description: "Privacy policy URL.", example: "https://www.acmedental.com/privacy", synonyms: ["privacy policy", "privacy url"] },
  { field: "termsAndConditionsLink", label: "Terms and conditions", required: "with the consent columns", description: "Terms URL.", example: "https://www.acmedental.com/terms", synonyms: ["terms", "terms url", "terms and conditions"] },
  FLAG("autoRenewal", "Auto-renewal", "Renew every billing period. Empty = true.", "true", ["auto renew"]),
  { field: "referenceId", label: "Reference id", required: "optional", description: "Your own id for the campaign (at most 50 characters).", example: "", synonyms: ["reference", "external id"] },
  { field: "resellerId", label: "Reseller", required: "optional", description: "The reseller id (R…) the campaign is registered for; empty = none.", example: "", synonyms: ["reseller", "reseller id"] },
];

export function columnsFor(kind: ImportKind): ImportColumn[] {
  return kind === "brands" ? BRAND_COLUMNS : CAMPAIGN_COLUMNS;
}
