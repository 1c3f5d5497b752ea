/**
 * TCR-shaped data (what lib/brands/* speaks) ⇄ Telnyx's 10DLC brand API. Telnyx passes TCR's camelCase names
 * through, so most fields map to themselves; the differences are below.
 *
 * | TCR (lib/tcr/schemas)         | Telnyx (reference)            | Direction / rule                                                   |
 * |-------------------------------|-------------------------------|--------------------------------------------------------------------|
 * | brandId                       | brandId                       | = Telnyx's id (path key of every call; UUID-shaped in the samples)  |
 * | — (kept as extra key)         | tcrBrandId                    | TCR's B… id, when Telnyx sends it (not in the reference); kept      |
 * | entityType                    | entityType                    | same 5 values                                                      |
 * | displayName, companyName      | displayName, companyName      | Telnyx limit 100 (TCR 255): longer → refused at the field          |
 * | ein                           | ein                           | limit 20 (TCR 21)                                                  |
 * | einIssuingCountry             | —                             | not sent (Telnyx has no field)                                     |
 * | phone                         | phone                         | E.164 with "+", as TCR                                             |
 * | street, city, state, postalCode, country, email | same        | street/website limit 100 (TCR 255)                                 |
 * | stockSymbol, stockExchange    | same                          | Telnyx's 25 exchanges (no SGX, X… MICs, OTHER) → others refused    |
 * | ipAddress, website            | same                          |                                                                    |
 * | vertical                      | vertical                      | Telnyx's closed list of 17 → others refused at the field           |
 * | altBusinessId(Type)           | same                          | NONE, DUNS, GIIN, LEI                                              |
 * | brandRelationship             | brandRelationship (read-only) | not sent; Telnyx sets it; an update asking for another → refused   |
 * | universalEin, identityStatus, cspId | same (read-only)        | from responses                                                     |
 * | firstName, lastName, mobilePhone | —                          | not sent: the reference has no sole-proprietor contact or OTP      |
 * | businessContactEmail (Auth+)  | —                             | not sent                                                           |
 * | referenceId                   | —                             | not sent; a lost create is found by listing instead (client.ts)    |
 * | tag                           | —                             | not sent (the portal keeps tags itself)                            |
 * | mock: true                    | —                             | refused: Telnyx has no unbilled test brands                        |
 * | status                        | —                             | absent (Telnyx returns no brand status; deleted brands are gone)   |
 * | createDate                    | createAt (list records only)  | createAt → createDate; `updatedAt` kept as an extra key            |
 * | BrandSearchQuery displayName, entityType, state, country, page, recordsPerPage | same query | other filters refused (status ACTIVE = the default) |
 * | {records, page, totalRecords} | {records, page, totalRecords} | records are Telnyx's 8-field list items                            |
 * | ExternalVetting evpId, vettingId, vettingToken, vettingScore, vettingClass, vettedDate, createDate | same | no vettingStatus, reasons, validUntil |
 * | ExternalVettingOrderRequest evpId, vettingClass | evpId*, vettingClass* | vettingClass required; additionalRequestPayload refused |
 * | BrandFeedback brandId, category[].id/description | same, + displayName, fields | ids TAX_ID STOCK_SYMBOL GOVERNMENT_ENTITY NONPROFIT OTHERS |
 */
import type { z } from "zod";
import { Brand, BrandFeedback, type BrandCreateRequest, type BrandSearchQuery, type BrandUpdateRequest } from "@/lib/tcr/schemas/brand";
import { ExternalVetting } from "@/lib/tcr/schemas/vetting";
import { TcrResponseError, type TcrErrorItem } from "@/lib/tcr/errors";
import type {
  TelnyxBrand, TelnyxBrandCreateRequest, TelnyxBrandFeedback, TelnyxBrandListQuery, TelnyxBrandListRecord, TelnyxBrandUpdateRequest,
  TelnyxExternalVetting,
} from "./schemas";

/** The writable Telnyx brand fields (Create and Update bodies). */
export const TELNYX_WRITABLE_FIELDS = [
  "entityType", "displayName", "companyName", "ein", "phone", "street", "city", "state", "postalCode", "country", "email",
  "stockSymbol", "stockExchange", "ipAddress", "website", "vertical", "altBusinessId", "altBusinessIdType",
] as const;
type Writable = (typeof TELNYX_WRITABLE_FIELDS)[number];

function pickWritable(source: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of TELNYX_WRITABLE_FIELDS) {
    const v = source[f];
    if (typeof v === "string" && v !== "") out[f] = v;
  }
  return out;
}

/** TCR create input (already parsed) → Telnyx Create Brand body; TCR-only fields are left out (table above). */
export function toTelnyxCreate(input: BrandCreateRequest): TelnyxBrandCreateRequest {
  return pickWritable(input as Record<string, unknown>) as unknown as TelnyxBrandCreateRequest;
}

/**
 * Telnyx's PUT replaces the whole brand, TCR's update changes what it names: the current Telnyx brand's fields,
 * overlaid with the update's. A field the update sends as "" is cleared.
 */
export function toTelnyxUpdate(current: TelnyxBrand, input: BrandUpdateRequest): TelnyxBrandUpdateRequest {
  const merged: Record<string, string> = pickWritable(current as Record<string, unknown>);
  for (const f of TELNYX_WRITABLE_FIELDS) {
    if (!(f in input)) continue;
    const v = (input as Record<string, unknown>)[f];
    if (typeof v === "string" && v !== "") merged[f] = v;
    else if (v === "" || v === null) delete merged[f];
  }
  return merged as unknown as TelnyxBrandUpdateRequest;
}

/** Why a TCR update cannot be carried (brandRelationship is Telnyx's to set). */
export function unsupportedUpdate(current: TelnyxBrand, input: BrandUpdateRequest): TcrErrorItem[] {
  const wanted = input.brandRelationship;
  if (wanted && current.brandRelationship && wanted !== current.brandRelationship) {
    return [{ code: null, field: "brandRelationship", description: `Telnyx sets the brand relationship itself (currently ${current.brandRelationship}); it cannot be changed here` }];
  }
  return [];
}

function toTcr<S extends z.ZodType>(schema: S, value: unknown, operationId: string): z.output<S> {
  const r = schema.safeParse(value);
  // Not a ZodError: a billable caller must treat an unusable answer as "may have happened", not as a refusal.
  if (!r.success) throw new TcrResponseError(operationId, 200, r.error.issues);
  return r.data;
}

/** A Telnyx brand → TCR's Brand; `brandId` falls back to the id the call used (Update's response has none). */
export function fromTelnyxBrand(t: TelnyxBrand, brandId?: string, operationId = "telnyx.brand"): Brand {
  return toTcr(Brand, { ...t, brandId: t.brandId ?? brandId }, operationId);
}

export function fromTelnyxListRecord(r: TelnyxBrandListRecord): Brand {
  return toTcr(Brand, { ...r, createDate: r.createAt ?? null }, "telnyx.brand.list");
}

export function fromTelnyxVetting(v: TelnyxExternalVetting): ExternalVetting {
  return toTcr(ExternalVetting, v, "telnyx.brand.externalVetting");
}

export function fromTelnyxFeedback(f: TelnyxBrandFeedback): BrandFeedback {
  return toTcr(BrandFeedback, f, "telnyx.brand.getFeedback");
}

const PASSED_FILTERS = ["displayName", "entityType", "state", "country", "page", "recordsPerPage"] as const;

/** TCR search query → Telnyx list query, or the filters Telnyx cannot apply. */
export function toTelnyxListQuery(q: BrandSearchQuery): { query: TelnyxBrandListQuery; unsupported: TcrErrorItem[] } {
  const query: Record<string, unknown> = {};
  const unsupported: TcrErrorItem[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    if ((PASSED_FILTERS as readonly string[]).includes(k)) query[k] = v;
    else if (k === "status" && v === "ACTIVE") continue; // Telnyx lists existing brands only
    else unsupported.push({ code: null, field: k, description: `Telnyx's brand list cannot filter by ${k}` });
  }
  return { query: query as TelnyxBrandListQuery, unsupported };
}

const norm = (f: Writable, v: unknown) => {
  const s = typeof v === "string" ? v.trim().toLowerCase() : "";
  return f === "ein" ? s.replace(/[^0-9a-z]/g, "") : s;
};

/** Does a brand Telnyx holds carry every value we sent (ipAddress aside: it is not identifying)? */
export function matchesSent(sent: Record<string, unknown>, got: TelnyxBrand): boolean {
  return TELNYX_WRITABLE_FIELDS.every((f) => f === "ipAddress" || sent[f] === undefined || norm(f, sent[f]) === norm(f, (got as Record<string, unknown>)[f]));
}
