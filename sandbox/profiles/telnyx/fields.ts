import type { EntityType } from "../../core/store";
import type { RequiredFields } from "../../domain/brands";
import type { Validation } from "./errors";

/**
 * Telnyx's brand fields exactly as /work/shared/reference/telnyx-10dlc-brand-api.txt lists them (names,
 * limits, enums), and a pydantic-style reader: type, length and enum problems are reported per field with
 * pydantic v1's messages and types; cross-field and format rules come from the TCR domain afterwards.
 */
export const TELNYX_ENTITY_TYPES = ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "SOLE_PROPRIETOR", "GOVERNMENT"] as const;
export const TELNYX_STOCK_EXCHANGES = [
  "NONE", "NASDAQ", "NYSE", "AMEX", "AMX", "ASX", "B3", "BME", "BSE", "FRA", "ICEX", "JPX", "JSE", "KRX", "LON", "NSE", "OMX",
  "SEHK", "SSE", "STO", "SWX", "SZSE", "TSX", "TWSE", "VSE",
] as const;
export const TELNYX_VERTICALS = [
  "REAL_ESTATE", "HEALTHCARE", "ENERGY", "ENTERTAINMENT", "RETAIL", "AGRICULTURE", "INSURANCE", "EDUCATION", "HOSPITALITY",
  "FINANCIAL", "GAMBLING", "CONSTRUCTION", "NGO", "MANUFACTURING", "GOVERNMENT", "TECHNOLOGY", "COMMUNICATION",
] as const;
export const TELNYX_ALT_BUSINESS_ID_TYPES = ["NONE", "DUNS", "GIIN", "LEI"] as const;

interface FieldDef {
  max?: number;
  enum?: readonly string[];
}

/** Writable fields of Create Brand and Update Brand (Update has no cspId, brandId or universalEin). */
export const TELNYX_BRAND_FIELDS = {
  entityType: { enum: TELNYX_ENTITY_TYPES },
  displayName: { max: 100 },
  companyName: { max: 100 },
  ein: { max: 20 },
  phone: { max: 20 },
  street: { max: 100 },
  city: { max: 100 },
  state: { max: 20 },
  postalCode: { max: 10 },
  country: { max: 2 },
  email: { max: 100 },
  stockSymbol: { max: 10 },
  stockExchange: { enum: TELNYX_STOCK_EXCHANGES },
  ipAddress: { max: 50 },
  website: { max: 100 },
  vertical: { enum: TELNYX_VERTICALS },
  altBusinessId: { max: 50 },
  altBusinessIdType: { enum: TELNYX_ALT_BUSINESS_ID_TYPES },
} as const satisfies Record<string, FieldDef>;
export type TelnyxBrandField = keyof typeof TELNYX_BRAND_FIELDS;
export const TELNYX_BRAND_FIELD_NAMES = Object.keys(TELNYX_BRAND_FIELDS) as TelnyxBrandField[];

/** Read-only or registry-assigned fields the Create body may carry (the reference's sample sends them); ignored. */
export const TELNYX_CREATE_READ_ONLY = ["cspId", "brandId", "universalEin"] as const;

/** Marked "required" in both request schemas. */
export const SCHEMA_REQUIRED: readonly TelnyxBrandField[] = ["entityType", "displayName", "country", "email", "vertical"];

const ALL: readonly EntityType[] = TELNYX_ENTITY_TYPES;
const COMPANIES: readonly EntityType[] = ["NON_PROFIT", "PRIVATE_PROFIT", "PUBLIC_PROFIT"];
/**
 * The per-entity-type table handed to the TCR domain's validateBrandFields: the schema-required five for all,
 * companyName and ein "(Required for Non-profit/private/public)", stockSymbol and stockExchange
 * "(Required for public company)". Phone and address are optional on Telnyx.
 */
export const TELNYX_REQUIRED: RequiredFields = {
  displayName: ALL, country: ALL, email: ALL, vertical: ALL,
  companyName: COMPANIES, ein: COMPANIES,
  stockSymbol: ["PUBLIC_PROFIT"], stockExchange: ["PUBLIC_PROFIT"],
};

export type TelnyxBrandValues = Record<TelnyxBrandField, string | null>;

/** Reads every writable field (absent, null or "" → null), reporting pydantic-style problems. */
export function readTelnyxBrand(body: Record<string, unknown>, v: Validation): TelnyxBrandValues {
  const out = {} as TelnyxBrandValues;
  for (const name of TELNYX_BRAND_FIELD_NAMES) {
    const def: FieldDef = TELNYX_BRAND_FIELDS[name];
    const raw = body[name];
    out[name] = null;
    if (raw === undefined || raw === null) {
      if (SCHEMA_REQUIRED.includes(name)) v.body(name, "field required", "value_error.missing");
      continue;
    }
    if (typeof raw !== "string") {
      v.body(name, "str type expected", "type_error.str");
      continue;
    }
    const s = raw.trim();
    if (def.enum && !def.enum.includes(s)) {
      v.body(name, `value is not a valid enumeration member; permitted: ${def.enum.map((e) => `'${e}'`).join(", ")}`, "type_error.enum");
      continue;
    }
    if (def.max !== undefined && s.length > def.max) {
      v.body(name, `ensure this value has at most ${def.max} characters`, "value_error.any_str.max_length");
      continue;
    }
    if (s === "" && SCHEMA_REQUIRED.includes(name)) {
      v.body(name, "field required", "value_error.missing");
      continue;
    }
    out[name] = s === "" ? null : s;
  }
  for (const name of TELNYX_CREATE_READ_ONLY) {
    const raw = body[name];
    if (raw !== undefined && raw !== null && typeof raw !== "string") v.body(name, "str type expected", "type_error.str");
  }
  return out;
}
