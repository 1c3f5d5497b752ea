import type { Sim } from "../core/context";
import { FieldErrors, notFound } from "../core/errors";
import type { BrandRecord, EntityType, FeedbackCategory, IdentityStatus } from "../core/store";
import {
  ALT_BUSINESS_ID_TYPES, BRAND_RELATIONSHIPS, COUNTRIES, ENTITY_TYPES, STOCK_EXCHANGES, US_STATES, VERTICALS,
} from "../data/enums";
import { vettingScore } from "./qualification";

/**
 * Brand rules: field validation per entity type (tcr-api-part1 §3.3.1/§3.3.2), the response shapes
 * (§3.21 base and extended sets), and the deterministic identity-scoring rules documented in
 * sandbox/README.md ("Identity verification rules").
 */

export const BRAND_INPUT_FIELDS = [
  "entityType", "firstName", "lastName", "displayName", "companyName", "ein", "einIssuingCountry", "phone", "street",
  "city", "state", "postalCode", "country", "email", "stockSymbol", "stockExchange", "ipAddress", "website",
  "brandRelationship", "vertical", "altBusinessId", "altBusinessIdType", "referenceId", "mobilePhone", "businessContactEmail",
] as const;
export type BrandInputField = (typeof BRAND_INPUT_FIELDS)[number];
export type BrandInput = Record<BrandInputField, string | null>;

const LIMITS: Record<BrandInputField, number> = {
  entityType: 20, firstName: 100, lastName: 100, displayName: 255, companyName: 255, ein: 21, einIssuingCountry: 2,
  phone: 20, street: 255, city: 100, state: 20, postalCode: 10, country: 2, email: 100, stockSymbol: 10,
  stockExchange: 10, ipAddress: 50, website: 255, brandRelationship: 20, vertical: 50, altBusinessId: 50,
  altBusinessIdType: 10, referenceId: 50, mobilePhone: 20, businessContactEmail: 255,
};

const ALL: EntityType[] = [...ENTITY_TYPES];
const NON_SP: EntityType[] = ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT"];
/** Which entity types require a field; a provider profile (e.g. profiles/telnyx) passes its own table. */
export type RequiredFields = Partial<Record<BrandInputField, readonly EntityType[]>>;
/** Required fields by entity type (the R cells of the §3.3.1 table; SP 2.0 makes mobilePhone required). */
const REQUIRED: RequiredFields = {
  displayName: ALL, phone: ALL, street: ALL, city: ALL, state: ALL, postalCode: ALL, country: ALL, email: ALL,
  companyName: NON_SP, ein: NON_SP, brandRelationship: NON_SP, vertical: NON_SP,
  stockSymbol: ["PUBLIC_PROFIT"], stockExchange: ["PUBLIC_PROFIT"], website: ["PUBLIC_PROFIT"], businessContactEmail: ["PUBLIC_PROFIT"],
  firstName: ["SOLE_PROPRIETOR"], lastName: ["SOLE_PROPRIETOR"], referenceId: ["SOLE_PROPRIETOR"], mobilePhone: ["SOLE_PROPRIETOR"],
};
/** N/A cells for SOLE_PROPRIETOR: accepted on input but not stored (an SP has no tax id or company). */
const SP_NOT_APPLICABLE: BrandInputField[] = [
  "companyName", "ein", "einIssuingCountry", "stockSymbol", "stockExchange", "brandRelationship", "businessContactEmail",
];

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEBSITE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;
const PERSON_NAME = /^\p{L}[\p{L} '.-]*$/u;
const TAG = /^[\p{L}\p{N}]{1,50}$/u;
/** Role accounts and free-mail domains refused for businessContactEmail (Auth+). */
export const ROLE_LOCAL_PARTS = new Set([
  "admin", "billing", "careers", "contact", "help", "hello", "hr", "info", "jobs", "marketing", "noreply",
  "no-reply", "office", "sales", "support", "team", "webmaster",
]);
export const FREE_MAIL_DOMAINS = new Set([
  "aol.com", "gmail.com", "gmx.com", "hotmail.com", "icloud.com", "live.com", "mail.com", "msn.com", "outlook.com",
  "proton.me", "protonmail.com", "yahoo.com", "yandex.com", "zoho.com",
]);

/** Reads the input fields of a create/update body; type and length errors go to errs. */
export function readBrandInput(body: Record<string, unknown>, errs: FieldErrors): Partial<BrandInput> {
  const out: Partial<BrandInput> = {};
  for (const f of BRAND_INPUT_FIELDS) {
    if (!(f in body)) continue;
    const v = body[f];
    if (v === null || v === "") {
      out[f] = null;
      continue;
    }
    if (typeof v !== "string") {
      errs.add(f, `${f} must be a string`);
      continue;
    }
    const s = v.trim();
    if (s.length > LIMITS[f]) errs.add(f, `${f} must be at most ${LIMITS[f]} characters`);
    out[f] = s;
  }
  return out;
}

export function readTags(value: unknown, errs: FieldErrors): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((t) => typeof t !== "string")) {
    errs.add("tag", "tag must be an array of strings");
    return [];
  }
  const tags = [...new Set((value as string[]).map((t) => t.toLowerCase()))];
  if (tags.length > 10) errs.add("tag", "At most 10 tags per brand");
  for (const t of tags) if (!TAG.test(t)) errs.add("tag", `Invalid tag '${t}': 1-50 characters, no punctuation or spaces`);
  return tags;
}

/**
 * Validates a complete field set (create body, or stored brand merged with an update body). `required`
 * replaces TCR's per-entity-type table for a provider whose API requires other fields.
 */
export function validateBrandFields(input: BrandInput, errs: FieldErrors, required: RequiredFields = REQUIRED): void {
  const et = input.entityType as EntityType | null;
  if (!et) {
    errs.add("entityType", "entityType is required");
    return;
  }
  if (!ALL.includes(et)) {
    errs.add("entityType", `entityType must be one of ${ALL.join(", ")}`);
    return;
  }
  for (const [field, types] of Object.entries(required) as [BrandInputField, readonly EntityType[]][]) {
    if (types.includes(et) && !input[field]) errs.add(field, `${field} is required for ${et}`);
  }
  const { country, state, postalCode } = input;
  if (country && !COUNTRIES[country]) errs.add("country", "country must be an ISO 3166-1 alpha-2 code");
  if (et === "GOVERNMENT" && country && country !== "US") {
    errs.add("entityType", "GOVERNMENT is for US organisations only; foreign government entities register as PRIVATE_PROFIT");
  }
  if (country === "US") {
    if (state && !US_STATES[state]) errs.add("state", "state must be a 2-letter US state or territory code");
    if (postalCode && !/^\d{5}(-\d{4})?$/.test(postalCode)) errs.add("postalCode", "postalCode must be a 5-digit US zip code");
  }
  for (const f of ["phone", "mobilePhone"] as const) {
    const v = input[f];
    if (v && !E164.test(v)) errs.add(f, `${f} must be in E.164 format, e.g. +12023339999`);
  }
  if (input.email && !EMAIL.test(input.email)) errs.add("email", "email is not a valid email address");
  if (input.website && !WEBSITE.test(input.website)) errs.add("website", "website is not a valid URL");
  if (input.vertical && !VERTICALS[input.vertical]) errs.add("vertical", "vertical is not a valid vertical type");
  if (input.altBusinessIdType && !(ALT_BUSINESS_ID_TYPES as readonly string[]).includes(input.altBusinessIdType)) {
    errs.add("altBusinessIdType", `altBusinessIdType must be one of ${ALT_BUSINESS_ID_TYPES.join(", ")}`);
  }
  if (et === "SOLE_PROPRIETOR") {
    // SP 2.0: stricter checks on the contact person.
    for (const f of ["firstName", "lastName"] as const) {
      const v = input[f];
      if (v && !PERSON_NAME.test(v)) errs.add(f, `${f} must contain letters only`);
    }
    return;
  }
  if (input.brandRelationship && !(BRAND_RELATIONSHIPS as readonly string[]).includes(input.brandRelationship)) {
    errs.add("brandRelationship", `brandRelationship must be one of ${BRAND_RELATIONSHIPS.join(", ")}`);
  }
  if (input.stockExchange && !STOCK_EXCHANGES.includes(input.stockExchange)) {
    errs.add("stockExchange", "stockExchange is not a valid exchange");
  }
  const einCountry = input.einIssuingCountry ?? "US";
  if (input.einIssuingCountry && !COUNTRIES[input.einIssuingCountry]) {
    errs.add("einIssuingCountry", "einIssuingCountry must be an ISO 3166-1 alpha-2 code");
  }
  if (input.ein && einCountry === "US" && !/^\d{9}$/.test(input.ein.replace(/^(\d{2})-(\d{7})$/, "$1$2"))) {
    errs.add("ein", "A US EIN must have 9 digits");
  }
  const bce = input.businessContactEmail;
  if (bce) {
    const [local = "", domain = ""] = bce.toLowerCase().split("@");
    if (!EMAIL.test(bce)) errs.add("businessContactEmail", "businessContactEmail is not a valid email address");
    else if (ROLE_LOCAL_PARTS.has(local)) errs.add("businessContactEmail", "businessContactEmail must be a person's address, not a distribution list");
    else if (FREE_MAIL_DOMAINS.has(domain)) errs.add("businessContactEmail", "businessContactEmail must not be a personal or free-mail address");
  }
}

export function normaliseForStorage(input: BrandInput): BrandInput {
  const out = { ...input };
  if (out.ein) out.ein = out.ein.replace(/^(\d{2})-(\d{7})$/, "$1$2");
  if (out.entityType === "SOLE_PROPRIETOR") for (const f of SP_NOT_APPLICABLE) out[f] = null;
  else if (!out.einIssuingCountry) out.einIssuingCountry = "US";
  return out;
}

export function brandInputOf(b: BrandRecord): BrandInput {
  const out = {} as BrandInput;
  for (const f of BRAND_INPUT_FIELDS) out[f] = (b[f] as string | null) ?? null;
  return out;
}

export function universalEinOf(input: BrandInput): string | null {
  return input.ein ? `${input.einIssuingCountry ?? "US"}_${input.ein}` : null;
}

/** A new ACTIVE brand from a validated, normalised field set (identity SELF_DECLARED until scored). */
export function newBrandRecord(sim: Sim, f: BrandInput, opts: { tags: string[]; mock: boolean }): BrandRecord {
  return {
    ...f,
    brandId: sim.store.newBrandId(),
    cspId: sim.store.data.account.cspId,
    status: "ACTIVE",
    entityType: f.entityType as BrandRecord["entityType"],
    displayName: f.displayName ?? "",
    country: f.country ?? "",
    email: f.email ?? "",
    universalEin: universalEinOf(f),
    optionalAttributes: {},
    mock: opts.mock,
    identityStatus: "SELF_DECLARED",
    createDate: sim.clock.nowIso(),
    evpVettingScore: null,
    evpVettingFeedback: [],
    mobilePhoneVerifiedDate: null,
    businessContactTitle: null,
    businessContactFirstName: null,
    businessContactLastName: null,
    businessContactEmailVerifiedDate: null,
    politicalVettingId: null,
    tag: opts.tags,
    sim: { feedback: null, scoringPending: false, brandRelationshipChangedAt: null, authPlusCompliant: false, deleteDate: null },
  };
}

/** Identity scoring runs on the clock ("brand.identity", registered by routes/brands.ts). */
export function scheduleIdentityScoring(sim: Sim, b: BrandRecord): void {
  b.sim.scoringPending = true;
  sim.clock.schedule("brand.identity", { brandId: b.brandId }, sim.delays.identityScoringMs);
}

export function referenceIdTaken(sim: Sim, referenceId: string, exceptBrandId?: string): boolean {
  const r = referenceId.toLowerCase();
  return Object.values(sim.store.data.brands).some((b) => b.brandId !== exceptBrandId && b.referenceId?.toLowerCase() === r);
}

export function getBrand(sim: Sim, brandId: string): BrandRecord {
  const b = sim.store.data.brands[brandId];
  if (!b) throw notFound("Brand", "brandId");
  return b;
}

/** Brands still usable for operations other than reads. */
export function getActiveBrand(sim: Sim, brandId: string): BrandRecord {
  const b = getBrand(sim, brandId);
  if (b.status !== "ACTIVE") throw notFound("Brand", "brandId");
  return b;
}

export function brandResponse(sim: Sim, b: BrandRecord, extended = false): Record<string, unknown> {
  const base: Record<string, unknown> = {
    entityType: b.entityType, cspId: b.cspId, brandId: b.brandId, status: b.status,
    firstName: b.firstName, lastName: b.lastName, displayName: b.displayName, companyName: b.companyName,
    ein: b.ein, einIssuingCountry: b.einIssuingCountry, phone: b.phone, street: b.street, city: b.city,
    state: b.state, postalCode: b.postalCode, country: b.country, email: b.email,
    stockSymbol: b.stockSymbol, stockExchange: b.stockExchange, ipAddress: b.ipAddress, website: b.website,
    brandRelationship: b.brandRelationship, vertical: b.vertical, altBusinessId: b.altBusinessId,
    altBusinessIdType: b.altBusinessIdType, universalEin: b.universalEin, referenceId: b.referenceId,
    optionalAttributes: b.optionalAttributes, mock: b.mock, identityStatus: b.identityStatus, createDate: b.createDate,
    mobilePhone: b.mobilePhone, mobilePhoneVerifiedDate: b.mobilePhoneVerifiedDate,
    businessContactTitle: b.businessContactTitle, businessContactFirstName: b.businessContactFirstName,
    businessContactLastName: b.businessContactLastName, businessContactEmail: b.businessContactEmail,
    businessContactEmailVerifiedDate: b.businessContactEmailVerifiedDate,
  };
  if (extended) {
    base.evpVettingScore = b.evpVettingScore ?? 0;
    base.evpVettingFeedback = b.evpVettingFeedback;
    base.cspName = sim.store.data.account.cspName;
    base.politicalVettingId = b.politicalVettingId;
  }
  return base;
}

export const FEEDBACK: Record<string, Omit<FeedbackCategory, "fields"> & { fields: string[] }> = {
  TAX_ID: { id: "TAX_ID", displayName: "Tax ID", description: "Tax ID does not match the company name or business type", fields: ["ein", "companyName", "entityType"] },
  STOCK_SYMBOL: { id: "STOCK_SYMBOL", displayName: "Stock symbol", description: "Not a public company, or the ticker/exchange does not match the legal name", fields: ["stockSymbol", "stockExchange", "companyName"] },
  GOVERNMENT_ENTITY: { id: "GOVERNMENT_ENTITY", displayName: "Government entity", description: "Not recognised as a U.S. government entity", fields: ["entityType", "companyName"] },
  NONPROFIT: { id: "NONPROFIT", displayName: "Non-profit", description: "IRS tax-exempt subsection status not found", fields: ["ein", "companyName"] },
  WEB_DOMAIN: { id: "WEB_DOMAIN", displayName: "Web domain", description: "Email domain invalid or not recognised", fields: ["email", "website"] },
};

export interface ScoringOutcome {
  identityStatus: IdentityStatus;
  feedback: FeedbackCategory[];
  optionalAttributes: Record<string, string | number | boolean>;
}

/**
 * Deterministic identity scoring (documented in the README). First matching rule wins:
 *  1. EIN ends 0000, or companyName contains "UNVERIFIED"        → UNVERIFIED, TAX_ID
 *  2. PUBLIC_PROFIT and EIN ends 0001                              → UNVERIFIED, STOCK_SYMBOL
 *  3. GOVERNMENT and EIN ends 0002                                 → UNVERIFIED, GOVERNMENT_ENTITY
 *  4. EIN ends 0004                                                → UNVERIFIED, WEB_DOMAIN
 *  5. NON_PROFIT and EIN ends 0003                                 → VERIFIED without taxExemptStatus, NONPROFIT
 *  6. otherwise VERIFIED (VETTED_VERIFIED when an ACTIVE standard/enhanced vet exists), with
 *     taxExemptStatus "501(c)(3)" for NON_PROFIT, governmentEntity for GOVERNMENT, russell3000 for
 *     PUBLIC_PROFIT listed on NASDAQ, NYSE or AMEX.
 */
export function scoreIdentity(sim: Sim, b: BrandRecord): ScoringOutcome {
  const ein = b.ein ?? "";
  const fb = (id: string): FeedbackCategory[] => [FEEDBACK[id]!];
  const attrs: Record<string, string | number | boolean> = { ...b.optionalAttributes };
  delete attrs.taxExemptStatus;
  delete attrs.governmentEntity;
  delete attrs.russell3000;
  if (ein.endsWith("0000") || (b.companyName ?? "").toUpperCase().includes("UNVERIFIED")) {
    return { identityStatus: "UNVERIFIED", feedback: fb("TAX_ID"), optionalAttributes: attrs };
  }
  if (b.entityType === "PUBLIC_PROFIT" && ein.endsWith("0001")) return { identityStatus: "UNVERIFIED", feedback: fb("STOCK_SYMBOL"), optionalAttributes: attrs };
  if (b.entityType === "GOVERNMENT" && ein.endsWith("0002")) return { identityStatus: "UNVERIFIED", feedback: fb("GOVERNMENT_ENTITY"), optionalAttributes: attrs };
  if (ein.endsWith("0004")) return { identityStatus: "UNVERIFIED", feedback: fb("WEB_DOMAIN"), optionalAttributes: attrs };
  const verified: IdentityStatus = vettingScore(sim, b) !== null ? "VETTED_VERIFIED" : "VERIFIED";
  if (b.entityType === "NON_PROFIT" && ein.endsWith("0003")) return { identityStatus: verified, feedback: fb("NONPROFIT"), optionalAttributes: attrs };
  if (b.entityType === "NON_PROFIT") attrs.taxExemptStatus = "501(c)(3)";
  if (b.entityType === "GOVERNMENT") attrs.governmentEntity = true;
  if (b.entityType === "PUBLIC_PROFIT" && ["NASDAQ", "NYSE", "AMEX"].includes(b.stockExchange ?? "")) attrs.russell3000 = true;
  return { identityStatus: verified, feedback: [], optionalAttributes: attrs };
}

export function brandEventFields(b: BrandRecord): Record<string, unknown> {
  return {
    brandId: b.brandId,
    brandName: b.displayName,
    brandReferenceId: b.referenceId ?? undefined,
    brandIdentityStatus: b.identityStatus,
    mock: b.mock,
  };
}

export function hasActiveCampaigns(sim: Sim, brandId: string): boolean {
  return Object.values(sim.store.data.campaigns).some((c) => c.brandId === brandId && c.status === "ACTIVE");
}

export function hasExternalVets(sim: Sim, brandId: string): boolean {
  return Object.values(sim.store.data.vettings).some((v) => v.brandId === brandId && v.origin !== "AUTHPLUS");
}
