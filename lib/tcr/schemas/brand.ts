/**
 * Brand schemas (tcr-api-part1.md §3). The create request is built from ONE table,
 * `brandFieldRules` (§3.3.1, per-entity-type R/O/N/A), so the brand wizard and the client share it:
 *   required  → field must be present;
 *   optional  → may be present;
 *   forbidden → "N/A" in the reference table; rejected so the portal never sends it.
 */
import { z } from "zod";
import {
  BrandRelationship, BrandStatus, ENTITY_TYPES, EntityType, FeedbackCategoryId, IdentityStatus, OtpDeliveryStatus,
  StockExchange,
} from "./enums";
import { DateTime, E164, PageQuery, pageOf, type Page } from "./common";

// ── Tags (part 2 §13): ≤10 per brand, 1..50 chars, no punctuation or spaces ─────────────────
export const TAG_NAME_REGEX = /^[^\s!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,50}$/u;
export const TagName = z.string().regex(TAG_NAME_REGEX, "1–50 characters, no spaces or punctuation");

/** Every create field except entityType, with its own limits (reference §3.3.2, stricter formats). */
export const brandFieldShapes = {
  firstName: z.string().min(1).max(100),
  lastName: z.string().min(1).max(100),
  displayName: z.string().min(1).max(255),
  companyName: z.string().min(1).max(255),
  ein: z.string().min(1).max(21),
  einIssuingCountry: z.string().length(2),
  altBusinessId: z.string().max(50),
  altBusinessIdType: z.string(),
  phone: E164,
  mobilePhone: E164,
  street: z.string().min(1).max(255),
  city: z.string().min(1).max(100),
  state: z.string().min(1).max(20),
  postalCode: z.string().min(1).max(10),
  country: z.string().length(2),
  email: z.email().max(100),
  stockSymbol: z.string().min(1).max(10),
  stockExchange: StockExchange,
  website: z.string().max(255),
  brandRelationship: BrandRelationship,
  vertical: z.string().min(1).max(50),
  referenceId: z.string().max(50),
  tag: z.array(TagName).max(10).nullable(),
  mock: z.boolean(),
  businessContactEmail: z.email().max(255),
  ipAddress: z.string().max(50),
};
export type BrandField = keyof typeof brandFieldShapes;
export type FieldRule = "required" | "optional" | "forbidden";

const R = "required" as const;
const O = "optional" as const;
const F = "forbidden" as const;

/**
 * Per-entity-type requirement table, transcribed from tcr-api-part1.md §3.3.1.
 * Decisions: SOLE_PROPRIETOR `mobilePhone` is "Required for OTP" and an SP brand cannot register
 * campaigns before OTP, so it is required here. `ipAddress`, `tag`, `mock` are optional for all.
 */
export const brandFieldRules = {
  SOLE_PROPRIETOR: {
    displayName: R, companyName: F, ein: F, einIssuingCountry: F, altBusinessId: O, altBusinessIdType: O,
    firstName: R, lastName: R, phone: R, mobilePhone: R, street: R, city: R, state: R, postalCode: R, country: R,
    email: R, stockSymbol: F, stockExchange: F, website: O, brandRelationship: F, vertical: O, referenceId: R,
    tag: O, mock: O, businessContactEmail: F, ipAddress: O,
  },
  PRIVATE_PROFIT: {
    displayName: R, companyName: R, ein: R, einIssuingCountry: O, altBusinessId: O, altBusinessIdType: O,
    firstName: F, lastName: F, phone: R, mobilePhone: F, street: R, city: R, state: R, postalCode: R, country: R,
    email: R, stockSymbol: F, stockExchange: F, website: O, brandRelationship: R, vertical: R, referenceId: O,
    tag: O, mock: O, businessContactEmail: O, ipAddress: O,
  },
  PUBLIC_PROFIT: {
    displayName: R, companyName: R, ein: R, einIssuingCountry: O, altBusinessId: O, altBusinessIdType: O,
    firstName: F, lastName: F, phone: R, mobilePhone: F, street: R, city: R, state: R, postalCode: R, country: R,
    email: R, stockSymbol: R, stockExchange: R, website: R, brandRelationship: R, vertical: R, referenceId: O,
    tag: O, mock: O, businessContactEmail: R, ipAddress: O,
  },
  NON_PROFIT: {
    displayName: R, companyName: R, ein: R, einIssuingCountry: O, altBusinessId: O, altBusinessIdType: O,
    firstName: F, lastName: F, phone: R, mobilePhone: F, street: R, city: R, state: R, postalCode: R, country: R,
    email: R, stockSymbol: F, stockExchange: F, website: O, brandRelationship: R, vertical: R, referenceId: O,
    tag: O, mock: O, businessContactEmail: O, ipAddress: O,
  },
  GOVERNMENT: {
    displayName: R, companyName: R, ein: R, einIssuingCountry: O, altBusinessId: O, altBusinessIdType: O,
    firstName: F, lastName: F, phone: R, mobilePhone: F, street: R, city: R, state: R, postalCode: R, country: R,
    email: R, stockSymbol: F, stockExchange: F, website: O, brandRelationship: R, vertical: R, referenceId: O,
    tag: O, mock: O, businessContactEmail: O, ipAddress: O,
  },
} as const satisfies Record<EntityType, Record<BrandField, FieldRule>>;
export type BrandFieldRules = typeof brandFieldRules;

type Shapes = typeof brandFieldShapes;
type FieldsWith<E extends EntityType, Rule extends FieldRule> = {
  [K in BrandField]: BrandFieldRules[E][K] extends Rule ? K : never;
}[BrandField];
export type BrandEntityShape<E extends EntityType> = { entityType: z.ZodLiteral<E> } & {
  [K in FieldsWith<E, "required">]: Shapes[K];
} & {
  [K in FieldsWith<E, "optional">]: z.ZodOptional<Shapes[K]>;
};

/** Cross-field rules the table cannot express (US formats, GOVERNMENT is US-only). */
function checkBrandAddress(v: Partial<Record<string, unknown>>, ctx: z.core.$RefinementCtx): void {
  const isUS = v.country === "US";
  if (v.entityType === "GOVERNMENT" && v.country !== undefined && !isUS) {
    ctx.addIssue({ code: "custom", path: ["entityType"], message: "GOVERNMENT is for US organisations only; foreign government entities register as PRIVATE_PROFIT" });
  }
  if (isUS && typeof v.state === "string" && !/^[A-Z]{2}$/.test(v.state)) {
    ctx.addIssue({ code: "custom", path: ["state"], message: "Use the 2-letter state code for US brands" });
  }
  if (isUS && typeof v.postalCode === "string" && !/^\d{5}$/.test(v.postalCode)) {
    ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Use a 5-digit ZIP code for US brands" });
  }
  const einCountry = typeof v.einIssuingCountry === "string" ? v.einIssuingCountry : "US"; // defaults to US
  if (einCountry === "US" && typeof v.ein === "string" && !/^\d{9}$/.test(v.ein)) {
    ctx.addIssue({ code: "custom", path: ["ein"], message: "A US EIN is 9 digits" });
  }
  if (Array.isArray(v.tag) && new Set(v.tag.map((t) => String(t).toLowerCase())).size !== v.tag.length) {
    ctx.addIssue({ code: "custom", path: ["tag"], message: "Tags must be unique" });
  }
}

/** The strict object for one entity type, built from `brandFieldRules` (no refinements). */
export function brandEntityObject<E extends EntityType>(entityType: E): z.ZodObject<BrandEntityShape<E>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = { entityType: z.literal(entityType) };
  const rules: Record<BrandField, FieldRule> = brandFieldRules[entityType];
  for (const field of Object.keys(brandFieldShapes) as BrandField[]) {
    const rule = rules[field];
    if (rule === "required") shape[field] = brandFieldShapes[field];
    else if (rule === "optional") shape[field] = brandFieldShapes[field].optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<BrandEntityShape<E>, z.core.$strict>;
}

export const SolePropBrandCreate = brandEntityObject("SOLE_PROPRIETOR");
export const PrivateProfitBrandCreate = brandEntityObject("PRIVATE_PROFIT");
export const PublicProfitBrandCreate = brandEntityObject("PUBLIC_PROFIT");
export const NonProfitBrandCreate = brandEntityObject("NON_PROFIT");
export const GovernmentBrandCreate = brandEntityObject("GOVERNMENT");

/** Per-entity create schema with the cross-field rules, for a single wizard step/form. */
export function brandCreateSchemaFor<E extends EntityType>(entityType: E) {
  return brandEntityObject(entityType).superRefine((v, ctx) => checkBrandAddress(v as Record<string, unknown>, ctx));
}

/** Body of POST /brand/nonBlocking as the portal sends it: discriminated by entityType. */
export const BrandCreateRequest = z
  .discriminatedUnion("entityType", [SolePropBrandCreate, PrivateProfitBrandCreate, PublicProfitBrandCreate, NonProfitBrandCreate, GovernmentBrandCreate])
  .superRefine((v, ctx) => checkBrandAddress(v as Record<string, unknown>, ctx));
export type BrandCreateRequest = z.infer<typeof BrandCreateRequest>;

/**
 * The create body exactly as the reference schema is written (6 required fields, no per-entity
 * rules). Used to check the reference's own request sample and to read stored legacy payloads.
 */
export const BrandCreateRequestWire = z.strictObject({
  entityType: EntityType,
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  displayName: z.string().min(1).max(255),
  companyName: z.string().max(255).optional(),
  ein: z.string().max(21).optional(),
  einIssuingCountry: z.string().max(2).optional(),
  phone: z.string().min(1).max(20),
  street: z.string().max(255).optional(),
  city: z.string().max(100).optional(),
  state: z.string().max(20).optional(),
  postalCode: z.string().max(10).optional(),
  country: z.string().min(1).max(2),
  email: z.string().min(1).max(100),
  stockSymbol: z.string().max(10).optional(),
  stockExchange: StockExchange.optional(),
  ipAddress: z.string().max(50).optional(),
  website: z.string().max(255).optional(),
  brandRelationship: BrandRelationship,
  vertical: z.string().max(50).optional(),
  altBusinessId: z.string().max(50).optional(),
  altBusinessIdType: z.string().optional(),
  referenceId: z.string().max(50).optional(),
  mock: z.boolean().optional(),
  tag: z.array(z.string()).nullable().optional(),
  mobilePhone: z.string().max(20).optional(),
  businessContactEmail: z.string().max(255).optional(),
});
export type BrandCreateRequestWire = z.infer<typeof BrandCreateRequestWire>;

/**
 * Body of PUT /brand/{brandId} (§3.6). Schema-required: entityType, displayName, country, email,
 * brandRelationship (as written; phone is optional on update; no mock/tag).
 */
export const BrandUpdateRequest = z.strictObject({
  entityType: EntityType,
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  displayName: z.string().min(1).max(255),
  companyName: z.string().max(255).optional(),
  ein: z.string().max(21).optional(),
  einIssuingCountry: z.string().max(2).optional(),
  phone: E164.optional(),
  street: z.string().max(255).optional(),
  city: z.string().max(100).optional(),
  state: z.string().max(20).optional(),
  postalCode: z.string().max(10).optional(),
  country: z.string().min(1).max(2),
  email: z.string().min(1).max(100),
  referenceId: z.string().max(50).optional(),
  stockSymbol: z.string().max(10).optional(),
  stockExchange: StockExchange.optional(),
  ipAddress: z.string().max(50).optional(),
  website: z.string().max(255).optional(),
  brandRelationship: BrandRelationship,
  vertical: z.string().max(50).optional(),
  altBusinessId: z.string().max(50).optional(),
  altBusinessIdType: z.string().optional(),
  mobilePhone: E164.optional(),
  businessContactEmail: z.string().max(255).optional(),
});
export type BrandUpdateRequest = z.infer<typeof BrandUpdateRequest>;

/** Resubmission class of each updatable field (§3.6 table), for the edit form's warnings. */
export const brandUpdateEffects = {
  companyName: "identityReset", ein: "identityReset", einIssuingCountry: "identityReset", entityType: "identityReset",
  mobilePhone: "identityReset", brandRelationship: "quarterlyLimit", businessContactEmail: "revokesAuthPlus",
} as const satisfies Partial<Record<keyof BrandUpdateRequest, "identityReset" | "quarterlyLimit" | "revokesAuthPlus">>;

// ── Responses (loose) ───────────────────────────────────────────────────────────────────────
const str = z.string().nullable().optional();
const enumOrString = <T extends z.ZodType>(e: T) => z.union([e, z.string()]).nullable().optional();

/** Brand object (§3.21); the register/revet "extended set" fields are optional. */
export const Brand = z.looseObject({
  brandId: z.string(),
  entityType: enumOrString(EntityType),
  cspId: str,
  status: enumOrString(BrandStatus),
  firstName: str,
  lastName: str,
  displayName: str,
  companyName: str,
  ein: str,
  einIssuingCountry: str,
  phone: str,
  street: str,
  city: str,
  state: str,
  postalCode: str,
  country: str,
  email: str,
  stockSymbol: str,
  stockExchange: str,
  ipAddress: str,
  website: str,
  brandRelationship: str,
  vertical: str,
  altBusinessId: str,
  altBusinessIdType: str,
  universalEin: str,
  referenceId: str,
  optionalAttributes: z.record(z.string(), z.unknown()).nullable().optional(),
  mock: z.boolean().nullable().optional(),
  identityStatus: enumOrString(IdentityStatus),
  createDate: DateTime.nullable().optional(),
  mobilePhone: str,
  mobilePhoneVerifiedDate: DateTime.nullable().optional(),
  businessContactTitle: str,
  businessContactFirstName: str,
  businessContactLastName: str,
  businessContactEmail: str,
  businessContactEmailVerifiedDate: DateTime.nullable().optional(),
  evpVettingScore: z.number().nullable().optional(),
  evpVettingFeedback: z.array(z.unknown()).nullable().optional(),
  cspName: str,
  politicalVettingId: str,
});
export type Brand = z.infer<typeof Brand>;

export const BrandSearchQuery = z.strictObject({
  referenceId: z.string().optional(),
  displayName: z.string().optional(),
  entityType: EntityType.optional(),
  identityStatus: IdentityStatus.optional(),
  status: BrandStatus.optional(),
  state: z.string().optional(),
  country: z.string().optional(),
  ein: z.string().optional(),
  universalEin: z.string().optional(),
  resellerId: z.string().optional(),
  tag: z.array(z.string()).optional(),
  mock: z.boolean().optional(),
  authenticationPlusCompliant: z.boolean().optional(),
  ...PageQuery,
});
export type BrandSearchQuery = z.infer<typeof BrandSearchQuery>;

/**
 * GET /brand answers `{page, totalRecords, records}` on real TCR, while the reference's sample is a
 * single brand object; both (and a bare array) are normalised to a page.
 */
export const BrandSearchResponse = z.union([
  pageOf(Brand),
  z.array(Brand).transform((records): Page<Brand> => ({ records, page: 1, totalRecords: records.length })),
  Brand.transform((b): Page<Brand> => ({ records: [b], page: 1, totalRecords: 1 })),
]);

export const BrandFeedback = z.looseObject({
  brandId: z.string(),
  category: z.array(z.looseObject({
    id: z.union([FeedbackCategoryId, z.string()]).optional(),
    description: z.string().nullable().optional(),
  })),
});
export type BrandFeedback = z.infer<typeof BrandFeedback>;

export const SmsOtpStatus = z.looseObject({
  brandId: z.string(),
  referenceId: z.string(),
  mobilePhone: str,
  requestDate: DateTime.nullable().optional(),
  /** Present ⇒ the OTP was verified. */
  verifyDate: DateTime.nullable().optional(),
  deliveryStatus: enumOrString(OtpDeliveryStatus),
  deliveryStatusDate: DateTime.nullable().optional(),
  deliveryStatusDetails: str,
});
export type SmsOtpStatus = z.infer<typeof SmsOtpStatus>;

const OTP_MACRO = /@OTP_PIN@|@OTP_YES@/;
export const SmsOtpTriggerRequest = z.strictObject({
  pinSms: z.string().min(1).regex(OTP_MACRO, "pinSms must contain @OTP_PIN@ or @OTP_YES@"),
  successSms: z.string().optional(),
});
export type SmsOtpTriggerRequest = z.infer<typeof SmsOtpTriggerRequest>;
export const SmsOtpTriggerResponse = z.looseObject({ brandId: z.string(), referenceId: z.string() });
export type SmsOtpTriggerResponse = z.infer<typeof SmsOtpTriggerResponse>;

export const SmsOtpVerifyRequest = z.strictObject({ otpPin: z.string().min(1) });
export type SmsOtpVerifyRequest = z.infer<typeof SmsOtpVerifyRequest>;

export const Resend2faEmailQuery = z.strictObject({ vettingClass: z.string().optional() });
export type Resend2faEmailQuery = z.infer<typeof Resend2faEmailQuery>;

export { ENTITY_TYPES };
