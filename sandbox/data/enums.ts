/**
 * Every list of the reference's Enum Type group (tcr-api-part2 §5). Values the reference states are
 * copied exactly; lists it leaves out (use cases, verticals, MNOs, DCAs, CNPs, appeal categories,
 * vetting classes, feedback codes, public companies) are SIMULATOR-DEFINED datasets, marked below.
 * Response shapes follow the reference: arrays for most, maps for cnp, country, usecase, usState, vertical.
 */
import { USECASES } from "./usecases";

export const ENTITY_TYPES = ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"] as const;
export const IDENTITY_STATUSES = ["SELF_DECLARED", "UNVERIFIED", "VERIFIED", "VETTED_VERIFIED"] as const;
export const BRAND_RELATIONSHIPS = ["BASIC_ACCOUNT", "SMALL_ACCOUNT", "MEDIUM_ACCOUNT", "LARGE_ACCOUNT", "KEY_ACCOUNT"] as const;
export const BRAND_STATUSES = ["ACTIVE", "DELETED"] as const;
export const CAMPAIGN_STATUSES = ["ACTIVE", "EXPIRED"] as const;
export const ALT_BUSINESS_ID_TYPES = ["NONE", "DUNS", "GIIN", "LEI"] as const;
export const NUDGE_INTENTS = ["APPEAL_REJECTION", "REVIEW"] as const;
export const OPERATION_STATUSES = ["REVIEW", "REJECTED", "REGISTERED", "SUSPENDED"] as const;
export const VETTING_STATUSES = ["PENDING", "UNSCORE", "ACTIVE", "FAILED", "EXPIRED"] as const;
export const STOCK_EXCHANGES = (
  "NONE NASDAQ NYSE AMEX AMX ASX B3 BME BSE FRA ICEX JPX JSE KRX LON NSE OMX SEHK SGX SSE STO SWX SZSE TSX TWSE VSE " +
  "XPAR XAMS XMIL XCSE XBRU XMAD XOSL XWAR XETR XSTU XBER XMUN XHAM XHAN XDUS XEUR OTHER"
).split(" ");
export const SHARING_REJECTION_CATEGORIES = [
  "BRAND_INCONSISTENCIES", "CALL_TO_ACTION", "CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES", "DISALLOWED_CONTENT",
  "MANDATORY_MESSAGE_TERMINOLOGY", "PRIVACY_POLICY", "SAMPLE_MESSAGE", "TERMS_AND_CONDITIONS", "OTHER",
];
export const SUSPENSION_RULE_CATEGORIES = [
  "AFFILIATE_MARKETING", "CAMPAIGN_TO_TRAFFIC_MISMATCH", "CONTROLLED_SUBSTANCE", "EXCESSIVE_COMPLAINTS",
  "FRAUDULENT_MESSAGES", "ILLEGAL_SWEEPSTAKES", "ILLICIT_CONTENT", "LACK_OF_AGE_GATE", "PHISHING_MESSAGES",
  "PROMOTIONAL_GAMBLING", "SPAM", "OTHER",
];

/** SIMULATOR-DEFINED: appeal categories (public vendor docs name the first four). */
export const BRAND_APPEAL_CATEGORIES = [
  { id: "VERIFY_TAX_ID", displayName: "Verify Tax ID", description: "Tax ID and legal name match official records" },
  { id: "VERIFY_NON_PROFIT", displayName: "Verify non-profit", description: "Obtain the tax-exempt status attribute" },
  { id: "VERIFY_GOVERNMENT", displayName: "Verify government", description: "Obtain the government entity attribute" },
  { id: "VERIFY_STOCK_SYMBOL", displayName: "Verify stock symbol", description: "Ticker and exchange match the legal name" },
];
export const EXT_VETTING_APPEAL_CATEGORIES = [
  { id: "LOW_SCORE", displayName: "Low score", description: "The vetting score is lower than expected", evpIds: ["AEGIS", "WMC"] },
  { id: "VERIFY_TAX_ID", displayName: "Verify Tax ID", description: "Tax ID not confirmed by the vetting partner", evpIds: ["AEGIS", "WMC"] },
  { id: "VERIFY_NON_PROFIT", displayName: "Verify non-profit", description: "Non-profit status not confirmed", evpIds: ["AEGIS", "CV"] },
  { id: "VERIFY_GOVERNMENT", displayName: "Verify government", description: "Government status not confirmed", evpIds: ["AEGIS"] },
];
export const ASSET_APPEAL_CATEGORIES = [
  { id: "OWNERSHIP", displayName: "Ownership", description: "The brand owns the image" },
  { id: "IMAGE_QUALITY", displayName: "Image quality", description: "The image meets the quality rules" },
  { id: "OTHER", displayName: "Other", description: "Other reason, see explanation" },
];

/** SIMULATOR-DEFINED: external vetting partners and the classes each offers. */
export const EXT_VETTING_PROVIDERS = [
  { evpId: "AEGIS", displayName: "Aegis Mobile", tcrBillable: true, vettingClasses: ["STANDARD", "POLITICAL", "ENHANCED"], vettingInstruction: "Order through TCR or import with the Aegis vetting ID and Verification Certificate token." },
  { evpId: "WMC", displayName: "WMC Global", tcrBillable: true, vettingClasses: ["STANDARD", "RCS"], vettingInstruction: "Import with the WMC transaction ID (US PRIVATE_PROFIT or PUBLIC_PROFIT only)." },
  { evpId: "CV", displayName: "Campaign Verify", tcrBillable: false, vettingClasses: ["POLITICAL"], vettingInstruction: "Import the Campaign Verify authorization token as vettingId." },
];

/** SIMULATOR-DEFINED: vetting classes ([old-client] item shape). */
export const VETTING_CLASSES = [
  { id: "STANDARD", enabled: true, displayName: "Standard", description: "Standard vet of the brand", validityMonths: 12 },
  { id: "ENHANCED", enabled: true, displayName: "Enhanced", description: "Enhanced vet with a detailed report", validityMonths: 12 },
  { id: "POLITICAL", enabled: true, displayName: "Political", description: "Political vet for the POLITICAL use case", validityMonths: 12 },
  { id: "AUTHPLUS", enabled: true, displayName: "Authentication+", description: "2FA of the business contact (PUBLIC_PROFIT)", validityMonths: 12 },
  { id: "RCS", enabled: true, displayName: "RCS", description: "RCS brand verification", validityMonths: 12 },
];

/** SIMULATOR-DEFINED: feedback codes of failed vets (each with a message). */
export const VETTING_FEEDBACK_CODES = [
  { code: "TAX_ID_MISMATCH", message: "Tax ID does not match the legal company name" },
  { code: "ADDRESS_MISMATCH", message: "Registered address could not be confirmed" },
  { code: "WEBSITE_UNREACHABLE", message: "Website could not be reached or does not match the brand" },
  { code: "ENTITY_TYPE_MISMATCH", message: "Entity type does not match official records" },
];

export const OPTIONAL_ATTRIBUTE_NAMES = [
  { id: "taxExemptStatus", dataType: "STRING", description: "IRS tax-exempt status of a verified non-profit" },
  { id: "governmentEntity", dataType: "BOOLEAN", description: "Verified US government-affiliated entity" },
  { id: "russell3000", dataType: "BOOLEAN", description: "Company listed in the Russell 3000 index" },
  { id: "politicalCommitteeLocale", dataType: "STRING", description: "Locale of a verified political committee" },
  { id: "section527", dataType: "BOOLEAN", description: "Section 527 political organisation" },
];

/** MNO network ids of anchors-mission §5.9; osrBitmaskIndex is simulator-defined. */
export const MNOS = [
  { networkId: 10017, displayName: "AT&T", osrBitmaskIndex: 0 },
  { networkId: 10035, displayName: "T-Mobile", osrBitmaskIndex: 1 },
  { networkId: 10037, displayName: "US Cellular", osrBitmaskIndex: 2 },
  { networkId: 10038, displayName: "Verizon Wireless", osrBitmaskIndex: 3 },
];

/** SIMULATOR-DEFINED: connectivity partners and DCAs of the simulated world. */
export const CNPS = [
  { id: "SCNP001", displayName: "Upstream Connect", soleProprietorEnabled: true, cnpMigrationSupported: true },
  { id: "SCNP002", displayName: "Carrier Bridge", soleProprietorEnabled: false, cnpMigrationSupported: true },
  { id: "SCNP003", displayName: "Legacy Route", soleProprietorEnabled: true, cnpMigrationSupported: false },
];
export const DCAS = [
  { id: "SDCA001", displayName: "Sandbox DCA One", soleProprietorEnabled: true, cnpMigrationSupported: true },
  { id: "SDCA002", displayName: "Sandbox DCA Two", soleProprietorEnabled: false, cnpMigrationSupported: true },
];

/** SIMULATOR-DEFINED: verticals (the reference shows PROFESSIONAL, REAL_ESTATE, RETAIL). */
export const VERTICALS: Record<string, { displayName: string; description: string }> = Object.fromEntries(
  (
    [
      ["AGRICULTURE", "Agriculture"], ["COMMUNICATION", "Communication and mass media"], ["CONSTRUCTION", "Construction, materials and trade services"],
      ["EDUCATION", "Education"], ["ENERGY", "Energy and utilities"], ["ENTERTAINMENT", "Entertainment"], ["FINANCIAL", "Financial services"],
      ["GAMBLING", "Gambling and lottery"], ["GOVERNMENT", "Government services and agencies"], ["HEALTHCARE", "Healthcare and life sciences"],
      ["HOSPITALITY", "Hospitality and travel"], ["HUMAN_RESOURCES", "HR, staffing or recruitment"], ["INSURANCE", "Insurance"],
      ["LEGAL", "Legal"], ["MANUFACTURING", "Manufacturing"], ["NGO", "Non-profit organization"], ["POLITICAL", "Political"],
      ["POSTAL", "Postal and delivery"], ["PROFESSIONAL", "Professional services"], ["REAL_ESTATE", "Real estate"], ["RETAIL", "Retail and consumer products"],
      ["TECHNOLOGY", "Information technology services"], ["TRANSPORTATION", "Transportation and logistics"],
    ] as const
  ).map(([id, name]) => [id, { displayName: name, description: name }]),
);

export const US_STATES: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut",
  DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois",
  IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland",
  MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
  NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico", NY: "New York",
  NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania",
  RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  AS: "American Samoa", GU: "Guam", MP: "Northern Mariana Islands", PR: "Puerto Rico", VI: "U.S. Virgin Islands",
};

/** ISO 3166-1 alpha-2 codes with English names, from the runtime's ICU data. */
export const COUNTRIES: Record<string, string> = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const out: Record<string, string> = {};
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const excluded = new Set(["EU", "EZ", "UN", "XA", "XB", "XK", "ZZ", "QO", "AA"]);
  for (const a of A)
    for (const b of A) {
      const code = a + b;
      if (excluded.has(code)) continue;
      const n = names.of(code);
      if (n && n !== code) out[code] = n;
    }
  return out;
})();

/** SIMULATOR-DEFINED: public companies usable by PUBLIC_PROFIT brands. */
export const PUBLIC_COMPANIES = [
  { displayName: "Apple Inc.", symbol: "AAPL", exchange: "NASDAQ", iso2: "US", isin: "US0378331005" },
  { displayName: "Microsoft Corporation", symbol: "MSFT", exchange: "NASDAQ", iso2: "US", isin: "US5949181045" },
  { displayName: "The Coca-Cola Company", symbol: "KO", exchange: "NYSE", iso2: "US", isin: "US1912161007" },
  { displayName: "Walmart Inc.", symbol: "WMT", exchange: "NYSE", iso2: "US", isin: "US9311421039" },
  { displayName: "Shopify Inc.", symbol: "SHOP", exchange: "TSX", iso2: "CA", isin: "CA82509L1076" },
  { displayName: "Royal Bank of Canada", symbol: "RY", exchange: "TSX", iso2: "CA", isin: "CA7800871021" },
  { displayName: "SAP SE", symbol: "SAP", exchange: "XETR", iso2: "DE", isin: "DE0007164600" },
  { displayName: "Vodafone Group Plc", symbol: "VOD", exchange: "LON", iso2: "GB", isin: "GB00BH4HKS39" },
  { displayName: "Toyota Motor Corporation", symbol: "7203", exchange: "JPX", iso2: "JP", isin: "JP3633400001" },
  { displayName: "ABC Inc.", symbol: "ABC", exchange: "NASDAQ", iso2: "US", isin: "US0000000001" },
];

export const USECASE_ENUM = () =>
  Object.fromEntries(
    USECASES.map((u) => [
      u.usecase,
      {
        displayName: u.displayName,
        classification: u.classification,
        description: u.description,
        minSubUsecases: u.minSubUsecases,
        maxSubUsecases: u.maxSubUsecases,
        validSubUsecase: u.validSubUsecase,
      },
    ]),
  );
