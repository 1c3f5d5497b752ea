/**
 * Telnyx 10DLC brand API schemas, field by field from the reference
 * (/work/shared/reference/telnyx-10dlc-brand-api.txt; a verbatim copy is in fixtures/). Names are Telnyx's
 * (TCR camelCase). Requests are strict with Telnyx's limits, so a value Telnyx would refuse is reported at its
 * field before anything is sent; responses are loose (unknown fields kept) and tolerate nulls.
 */
import { z } from "zod";

export const TELNYX_ENTITY_TYPES = ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "SOLE_PROPRIETOR", "GOVERNMENT"] as const;
export const TelnyxEntityType = z.enum(TELNYX_ENTITY_TYPES);

/** 25 values: TCR's list without SGX, the X… MICs and OTHER. */
export const TELNYX_STOCK_EXCHANGES = [
  "NONE", "NASDAQ", "NYSE", "AMEX", "AMX", "ASX", "B3", "BME", "BSE", "FRA", "ICEX", "JPX", "JSE", "KRX", "LON", "NSE", "OMX",
  "SEHK", "SSE", "STO", "SWX", "SZSE", "TSX", "TWSE", "VSE",
] as const;
export const TelnyxStockExchange = z.enum(TELNYX_STOCK_EXCHANGES);

/** 17 values: the reference closes the list (TCR's is open). */
export const TELNYX_VERTICALS = [
  "REAL_ESTATE", "HEALTHCARE", "ENERGY", "ENTERTAINMENT", "RETAIL", "AGRICULTURE", "INSURANCE", "EDUCATION", "HOSPITALITY",
  "FINANCIAL", "GAMBLING", "CONSTRUCTION", "NGO", "MANUFACTURING", "GOVERNMENT", "TECHNOLOGY", "COMMUNICATION",
] as const;
export const TelnyxVertical = z.enum(TELNYX_VERTICALS);

export const TELNYX_ALT_BUSINESS_ID_TYPES = ["NONE", "DUNS", "GIIN", "LEI"] as const;
export const TelnyxAltBusinessIdType = z.enum(TELNYX_ALT_BUSINESS_ID_TYPES);

export const TELNYX_BRAND_RELATIONSHIPS = ["BASIC_ACCOUNT", "SMALL_ACCOUNT", "MEDIUM_ACCOUNT", "LARGE_ACCOUNT", "KEY_ACCOUNT"] as const;

/** Feedback category ids the reference lists (TCR has WEB_DOMAIN where Telnyx has OTHERS). */
export const TELNYX_FEEDBACK_CATEGORY_IDS = ["TAX_ID", "STOCK_SYMBOL", "GOVERNMENT_ENTITY", "NONPROFIT", "OTHERS"] as const;

const max = (n: number) => z.string().max(n);

/** The writable fields shared by Create Brand and Update Brand, with the reference's limits. */
const writable = {
  entityType: TelnyxEntityType,
  displayName: max(100).min(1),
  companyName: max(100).optional(),
  ein: max(20).optional(),
  phone: max(20).regex(/^\+[1-9]\d{1,14}$/, "Use E.164 format, e.g. +13259390512").optional(),
  street: max(100).optional(),
  city: max(100).optional(),
  state: max(20).optional(),
  postalCode: max(10).optional(),
  country: z.string().min(1).max(2),
  email: max(100).min(1),
  stockSymbol: max(10).optional(),
  stockExchange: TelnyxStockExchange.optional(),
  ipAddress: max(50).optional(),
  website: max(100).optional(),
  vertical: TelnyxVertical,
  altBusinessId: max(50).optional(),
  altBusinessIdType: TelnyxAltBusinessIdType.optional(),
};

const COMPANY_TYPES: readonly string[] = ["NON_PROFIT", "PRIVATE_PROFIT", "PUBLIC_PROFIT"];
/** "(Required for Non-profit/private/public)" and "(Required for public company)" from the field descriptions. */
function entityRules(v: { entityType: string; companyName?: string; ein?: string; stockSymbol?: string; stockExchange?: string }, ctx: z.core.$RefinementCtx) {
  const need = (field: "companyName" | "ein" | "stockSymbol" | "stockExchange", why: string) => {
    if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: `${field} is required ${why}` });
  };
  if (COMPANY_TYPES.includes(v.entityType)) {
    need("companyName", "for non-profit, private and public companies");
    need("ein", "for non-profit, private and public companies");
  }
  if (v.entityType === "PUBLIC_PROFIT") {
    need("stockSymbol", "for a public company");
    need("stockExchange", "for a public company");
  }
}

/** POST /brand body as this adapter sends it. */
export const TelnyxBrandCreateRequest = z.strictObject(writable).superRefine(entityRules);
export type TelnyxBrandCreateRequest = z.infer<typeof TelnyxBrandCreateRequest>;

/**
 * POST /brand body exactly as the reference's schema is written, including the registry-assigned
 * cspId/brandId and the read-only universalEin (its sample sends all three). Used for the sample walk.
 */
export const TelnyxBrandCreateRequestWire = z.strictObject({
  ...writable,
  cspId: z.string().optional(),
  brandId: z.string().optional(),
  universalEin: z.string().optional(),
});

/** PUT /brand/{brandId} body: a full replacement (absent optional fields are cleared by Telnyx). */
export const TelnyxBrandUpdateRequest = z.strictObject(writable).superRefine(entityRules);
export type TelnyxBrandUpdateRequest = z.infer<typeof TelnyxBrandUpdateRequest>;

// ── Responses (loose) ───────────────────────────────────────────────────────────────────────
const str = z.string().nullable().optional();
const enumOrString = <T extends z.ZodType>(e: T) => z.union([e, z.string()]).nullable().optional();

/**
 * The brand object of create/get/revet, and of update (whose documented response has no brandId, cspId or
 * universalEin: brandId is optional here and the adapter fills it from the path).
 */
export const TelnyxBrand = z.looseObject({
  entityType: enumOrString(TelnyxEntityType),
  cspId: str,
  brandId: str,
  /** Not in the reference: Telnyx's current API and the sandbox carry TCR's id beside Telnyx's. */
  tcrBrandId: str,
  displayName: str,
  companyName: str,
  ein: str,
  phone: str,
  street: str,
  city: str,
  state: str,
  postalCode: str,
  country: str,
  email: str,
  stockSymbol: str,
  stockExchange: enumOrString(TelnyxStockExchange),
  ipAddress: str,
  website: str,
  brandRelationship: enumOrString(z.enum(TELNYX_BRAND_RELATIONSHIPS)),
  vertical: enumOrString(TelnyxVertical),
  altBusinessId: str,
  altBusinessIdType: enumOrString(TelnyxAltBusinessIdType),
  universalEin: str,
  identityStatus: str,
});
export type TelnyxBrand = z.infer<typeof TelnyxBrand>;

/** One record of GET /brand (the sample's 8 fields; `createAt` as spelled there). */
export const TelnyxBrandListRecord = z.looseObject({
  brandId: z.string(),
  entityType: enumOrString(TelnyxEntityType),
  companyName: str,
  displayName: str,
  email: str,
  website: str,
  createAt: str,
  updatedAt: str,
});
export type TelnyxBrandListRecord = z.infer<typeof TelnyxBrandListRecord>;

export const TelnyxBrandList = z.looseObject({
  records: z.array(TelnyxBrandListRecord),
  page: z.number().int(),
  totalRecords: z.number().int(),
});
export type TelnyxBrandList = z.infer<typeof TelnyxBrandList>;

export const TelnyxBrandListQuery = z.strictObject({
  displayName: z.string().optional(),
  entityType: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
  page: z.number().int().min(1).optional(),
  recordsPerPage: z.number().int().min(1).optional(),
});
export type TelnyxBrandListQuery = z.infer<typeof TelnyxBrandListQuery>;

/** DELETE answers 200 with `null` ("any"). */
export const TelnyxDeleteResponse = z.unknown().transform(() => undefined);

export const TelnyxExternalVetting = z.looseObject({
  evpId: str,
  vettingId: str,
  vettingToken: str,
  vettingScore: z.number().int().nullable().optional(),
  vettingClass: str,
  /** Missing = "the vetting was not complete or not valid". */
  vettedDate: str,
  createDate: str,
});
export type TelnyxExternalVetting = z.infer<typeof TelnyxExternalVetting>;
export const TelnyxExternalVettingList = z.array(TelnyxExternalVetting);

/** POST /brand/{brandId}/externalVetting body: both fields required. */
export const TelnyxExternalVettingOrderRequest = z.strictObject({
  evpId: z.string().min(1).max(10),
  vettingClass: z.string().min(1),
});
export type TelnyxExternalVettingOrderRequest = z.infer<typeof TelnyxExternalVettingOrderRequest>;

export const TelnyxBrandFeedback = z.looseObject({
  brandId: z.string(),
  category: z.array(z.looseObject({
    id: z.union([z.enum(TELNYX_FEEDBACK_CATEGORY_IDS), z.string()]).optional(),
    displayName: str,
    description: str,
    fields: z.array(z.string()).nullable().optional(),
  })),
});
export type TelnyxBrandFeedback = z.infer<typeof TelnyxBrandFeedback>;

/** 422 "Validation Error": FastAPI's `{detail: [{loc, msg, type}]}` (key names per FastAPI; titles per the reference). */
export const TelnyxValidationError = z.looseObject({
  detail: z.array(z.looseObject({
    loc: z.array(z.union([z.string(), z.number()])),
    msg: z.string(),
    type: z.string(),
  })),
});
