import type { Sim } from "../../core/context";
import { FieldErrors } from "../../core/errors";
import type { RequestContext, Router } from "../../core/router";
import type { BrandRecord } from "../../core/store";
import { startAuthPlus } from "../../domain/authplus";
import {
  BRAND_INPUT_FIELDS, brandInputOf, normaliseForStorage, readBrandInput, universalEinOf, validateBrandFields, type BrandInput,
} from "../../domain/brands";
import {
  brandDate, halPage, isoSeconds, LINK_HOST, readJsonBody, VFieldErrors, vConflict, VONAGE_PHONE, vNotFound,
  VonageError, vonageState, VONAGE_VERTICALS, type VonageBrandMeta,
} from "./core";

/**
 * Vonage brands (reference: GET/POST /brands, GET/PATCH/DELETE /brands/:brand_id, /feedback, /revet).
 * A Vonage brand is a BrandRecord of the shared store: fields are translated snake_case → the TCR
 * names, validated by sandbox/domain/brands.ts (TCR's rules, which Vonage forwards), plus Vonage's
 * own limits (street 100, its 24 stock exchanges, phones in E.164 without "+", verification_email
 * required for PUBLIC_PROFIT). Identity scoring, Auth+ and vetting are the /v2 clock tasks.
 * Vonage does not expose brand_relationship or reference_id as inputs: the sandbox sets
 * BASIC_ACCOUNT and a generated reference id.
 */

/** snake_case name → TCR field (create body). */
const CREATE_FIELDS: Record<string, (typeof BRAND_INPUT_FIELDS)[number]> = {
  entity_type: "entityType", first_name: "firstName", last_name: "lastName", display_name: "displayName", company_name: "companyName",
  ein: "ein", ein_issuing_country: "einIssuingCountry", phone: "phone", mobile_phone: "mobilePhone", street: "street", city: "city",
  state: "state", postal_code: "postalCode", country: "country", email: "email", stock_symbol: "stockSymbol",
  stock_exchange: "stockExchange", website: "website", vertical: "vertical", alt_business_id_type: "altBusinessIdType",
  alt_business_id: "altBusinessId", verification_email: "businessContactEmail",
};
/** PATCH accepts these (alt_business_id*, verification_email are not in the PATCH body). */
const PATCH_FIELDS = Object.keys(CREATE_FIELDS).filter((k) => !["alt_business_id_type", "alt_business_id", "verification_email"].includes(k));
const TCR_TO_SNAKE: Record<string, string> = Object.fromEntries(Object.entries(CREATE_FIELDS).map(([s, c]) => [c, s]));

export const VONAGE_STOCK_EXCHANGES =
  "NONE AMEX AMX ASX B3 BME BSE FRA ICEX JSE KRX LON NASDAQ NSE NYSE OMX SEHK SSE STO SWX SZSE TSX TWSE VSE".split(" ");
const VONAGE_LIMITS: Record<string, number> = {
  first_name: 100, last_name: 100, display_name: 255, company_name: 255, ein: 21, street: 100, city: 100, state: 20,
  postal_code: 10, email: 100, stock_symbol: 10, stock_exchange: 10, verification_email: 100, alt_business_id: 50,
  alt_business_id_type: 50, account_id: 50, primary_account_id: 50,
};
const REQUIRED_ALL = ["account_id", "entity_type", "display_name", "phone", "street", "city", "state", "postal_code", "country", "email"];

export function brandLinks(brandId: string) {
  return {
    self: { href: `${LINK_HOST}/10dlc/brands/${brandId}` },
    campaigns: { href: `${LINK_HOST}/10dlc/brands/${brandId}/campaigns` },
  };
}

export function metaOf(sim: Sim, b: BrandRecord, apiKey: string): VonageBrandMeta {
  const st = vonageState(sim.store);
  st.brands[b.brandId] ??= { account_id: apiKey, primary_account_id: apiKey, reseller: false, last_updated: b.createDate, revets: 0 };
  return st.brands[b.brandId]!;
}

function hasSuccessfulVet(sim: Sim, brandId: string): boolean {
  return Object.values(sim.store.data.vettings).some(
    (v) => v.brandId === brandId && v.origin !== "AUTHPLUS" && v.vettingStatus === "ACTIVE" && (v.vettingClass === "STANDARD" || v.vettingClass === "ENHANCED"),
  );
}

export function vonageBrand(sim: Sim, b: BrandRecord, apiKey: string): Record<string, unknown> {
  const m = metaOf(sim, b, apiKey);
  const st = vonageState(sim.store);
  const noPlus = (p: string | null) => (p ? p.replace(/^\+/, "") : null);
  return {
    account_id: m.account_id, primary_account_id: m.primary_account_id, entity_type: b.entityType, first_name: b.firstName,
    last_name: b.lastName, display_name: b.displayName, company_name: b.companyName, ein: b.ein, ein_issuing_country: b.einIssuingCountry,
    universal_ein: b.universalEin, alt_business_id_type: b.altBusinessIdType, alt_business_id: b.altBusinessId, phone: noPlus(b.phone),
    mobile_phone: noPlus(b.mobilePhone), street: b.street, city: b.city, state: b.state, postal_code: b.postalCode, country: b.country,
    email: b.email, stock_symbol: b.stockSymbol, stock_exchange: b.stockExchange, website: b.website, vertical: b.vertical,
    verification_email: b.businessContactEmail, verification_email_completion_date: brandDate(b.businessContactEmailVerifiedDate),
    reseller: m.reseller, brand_id: b.brandId,
    campaign_count: Object.values(st.campaigns).filter((c) => c.brand_id === b.brandId).length,
    carrier_suspensions: [], brand_relationship: b.brandRelationship, partner: false, shared: false, owner: true, status: b.status,
    reference_id: b.referenceId, verified_date: isoSeconds(b.mobilePhoneVerifiedDate), created_date: brandDate(b.createDate),
    last_updated: brandDate(m.last_updated), _links: brandLinks(b.brandId),
  };
}

/** Deleted brands answer "502 - Brand not found" on every endpoint but the list (reference, DELETE /brands/:brand_id). */
export function activeBrand(sim: Sim, brandId: string): BrandRecord {
  const b = sim.store.data.brands[brandId];
  if (!b || b.status !== "ACTIVE") throw new VonageError(404, "not-found", "502 - Brand not found");
  return b;
}

/** Reads Vonage fields into TCR names; Vonage-only checks go to verrs. Unknown and read-only keys are ignored. */
function readVonageBrand(raw: Record<string, unknown>, allowed: string[], verrs: VFieldErrors): Record<string, unknown> {
  const tcr: Record<string, unknown> = {};
  for (const k of allowed) {
    if (!(k in raw)) continue;
    let v = raw[k];
    if (typeof v === "string") {
      const s = v.trim();
      if (VONAGE_LIMITS[k] !== undefined && s.length > VONAGE_LIMITS[k]!) verrs.add(k, `${k} must be at most ${VONAGE_LIMITS[k]} characters`);
      if ((k === "phone" || k === "mobile_phone") && s !== "") {
        if (s.startsWith("+")) verrs.add(k, `${k} must be in E.164 format without the + prefix`);
        else if (!VONAGE_PHONE.test(s)) verrs.add(k, `${k} must be a valid phone number in E.164 format without the + prefix`);
        v = `+${s}`;
      }
      if (k === "vertical" && s !== "" && !VONAGE_VERTICALS.includes(s)) verrs.add(k, `vertical must be one of ${VONAGE_VERTICALS.join(", ")}`);
      if (k === "stock_exchange" && s !== "" && !VONAGE_STOCK_EXCHANGES.includes(s)) verrs.add(k, `stock_exchange must be one of ${VONAGE_STOCK_EXCHANGES.join(", ")}`);
    }
    tcr[CREATE_FIELDS[k]!] = v;
  }
  return tcr;
}

/** TCR field errors (camelCase) → Vonage invalid_parameters (snake_case). */
function mergeErrors(tcr: FieldErrors, verrs: VFieldErrors): void {
  for (const i of tcr.items) {
    const name = i.field ? (TCR_TO_SNAKE[i.field] ?? i.field) : "body";
    if (verrs.items.some((x) => x.name === name)) continue;
    verrs.add(name, i.field ? i.description.replace(new RegExp(`\\b${i.field}\\b`, "g"), name).replace("+12023339999", "12023339999") : i.description);
  }
}

export function registerVonageBrandRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const key = (ctx: RequestContext) => ctx.apiKey ?? "";

  r.get("/brands", (ctx) => {
    const statuses = ctx.query.getAll("status").flatMap((s) => s.split(",")).filter(Boolean);
    const allowed = ["ACTIVE", "SUSPENDED", "TERMINATED", "DELETED"];
    for (const s of statuses) if (!allowed.includes(s)) throw new VonageError(422, "invalid-parameters", `status must be one of ${allowed.join(", ")}`, [{ name: "status", reason: "unknown status" }]);
    const want = statuses.length ? statuses : ["ACTIVE", "SUSPENDED"];
    const rows = Object.values(store.data.brands).filter((b) => want.includes(b.status) && !b.mock);
    rows.sort((a, b) => (a.createDate < b.createDate ? 1 : a.createDate > b.createDate ? -1 : a.brandId.localeCompare(b.brandId)));
    return { status: 200, json: halPage(ctx, "brands", rows, (b) => vonageBrand(sim, b, key(ctx)), "/brands") };
  });

  r.post("/brands", (ctx) => {
    const raw = readJsonBody(ctx);
    const verrs = new VFieldErrors();
    for (const f of REQUIRED_ALL) if (raw[f] === undefined || raw[f] === null || raw[f] === "") verrs.add(f, `${f} is required`);
    for (const f of ["account_id", "primary_account_id"]) if (raw[f] !== undefined && typeof raw[f] !== "string") verrs.add(f, `${f} must be a string`);
    const et = raw.entity_type;
    if (et !== "SOLE_PROPRIETOR") for (const f of ["company_name", "ein", "vertical"]) if (!raw[f]) verrs.add(f, `${f} is required for ${String(et)}`);
    if (et === "PUBLIC_PROFIT" && !raw.verification_email) verrs.add("verification_email", "verification_email is required if entity_type=PUBLIC_PROFIT");
    if (et === "SOLE_PROPRIETOR") for (const f of ["first_name", "last_name", "mobile_phone"]) if (!raw[f]) verrs.add(f, `${f} is required for SOLE_PROPRIETOR`);
    if (Boolean(raw.alt_business_id) !== Boolean(raw.alt_business_id_type)) {
      verrs.add(raw.alt_business_id ? "alt_business_id_type" : "alt_business_id", "alt_business_id and alt_business_id_type go together");
    }
    if (raw.reseller !== undefined && typeof raw.reseller !== "boolean") verrs.add("reseller", "reseller must be a boolean");
    const st = vonageState(store);
    if (raw.reseller === true && !Object.values(st.resellers).some((x) => x.status === "PENDING" || x.status === "APPROVED")) {
      verrs.add("reseller", "reseller can only be enabled when a PENDING or APPROVED reseller is linked to the primary account");
    }
    const tcrBody = readVonageBrand(raw, Object.keys(CREATE_FIELDS), verrs);
    const errs = new FieldErrors();
    const provided = readBrandInput(tcrBody, errs);
    const input = {} as BrandInput;
    for (const k of BRAND_INPUT_FIELDS) input[k] = provided[k] ?? null;
    if (input.entityType !== "SOLE_PROPRIETOR") input.brandRelationship = "BASIC_ACCOUNT";
    input.referenceId = store.newId("VREF", (id) => Object.values(store.data.brands).some((b) => b.referenceId === id));
    validateBrandFields(input, errs);
    mergeErrors(errs, verrs);
    verrs.throwIfAny("brand-parameters");
    const f = normaliseForStorage(input);
    const nowIso = clock.nowIso();
    const b: BrandRecord = {
      ...f,
      brandId: store.newBrandId(), cspId: store.data.account.cspId, status: "ACTIVE",
      entityType: f.entityType as BrandRecord["entityType"], displayName: f.displayName ?? "", country: f.country ?? "", email: f.email ?? "",
      universalEin: universalEinOf(f), optionalAttributes: {}, mock: false, identityStatus: "SELF_DECLARED", createDate: nowIso,
      evpVettingScore: null, evpVettingFeedback: [], mobilePhoneVerifiedDate: null, businessContactTitle: null,
      businessContactFirstName: null, businessContactLastName: null, businessContactEmailVerifiedDate: null, politicalVettingId: null,
      tag: [],
      sim: { feedback: null, scoringPending: false, brandRelationshipChangedAt: null, authPlusCompliant: false, deleteDate: null },
    };
    store.data.brands[b.brandId] = b;
    store.data.counters.brands++;
    st.brands[b.brandId] = {
      account_id: String(raw.account_id), primary_account_id: typeof raw.primary_account_id === "string" ? raw.primary_account_id : key(ctx),
      reseller: raw.reseller === true, last_updated: nowIso, revets: 0,
    };
    if (b.entityType !== "SOLE_PROPRIETOR") {
      b.sim.scoringPending = true;
      clock.schedule("brand.identity", { brandId: b.brandId }, sim.delays.identityScoringMs);
    }
    return { status: 200, json: vonageBrand(sim, b, key(ctx)) };
  });

  r.get("/brands/:brand_id", (ctx) => ({ status: 200, json: vonageBrand(sim, activeBrand(sim, ctx.params.brand_id!), key(ctx)) }));

  r.add("PATCH", "/brands/:brand_id", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const raw = readJsonBody(ctx);
    const verrs = new VFieldErrors();
    if (raw.reseller !== undefined && typeof raw.reseller !== "boolean") verrs.add("reseller", "reseller must be a boolean");
    const st = vonageState(store);
    if (raw.reseller === true && !Object.values(st.resellers).some((x) => x.status === "PENDING" || x.status === "APPROVED")) {
      verrs.add("reseller", "reseller can only be enabled when a PENDING or APPROVED reseller is linked to the primary account");
    }
    const tcrBody = readVonageBrand(raw, PATCH_FIELDS, verrs);
    const errs = new FieldErrors();
    const provided = readBrandInput(tcrBody, errs);
    const before = brandInputOf(b);
    const merged: BrandInput = { ...before, ...provided };
    validateBrandFields(merged, errs);
    mergeErrors(errs, verrs);
    verrs.throwIfAny("brand-parameters");
    const next = normaliseForStorage(merged);
    const changed = (k: keyof BrandInput) => (next[k] ?? null) !== (before[k] ?? null);
    const locked = (["ein", "einIssuingCountry", "entityType"] as const).filter(changed);
    if (locked.length && hasSuccessfulVet(sim, b.brandId)) {
      throw new VonageError(409, "brand-conflict", `${locked.map((l) => TCR_TO_SNAKE[l]).join(", ")} cannot change after a successful vetting`,
        locked.map((l) => ({ name: TCR_TO_SNAKE[l]!, reason: "locked after successful vetting" })));
    }
    const identityChanged = (["companyName", "ein", "einIssuingCountry", "entityType", "mobilePhone"] as const).some(changed);
    Object.assign(b, next, { entityType: next.entityType as BrandRecord["entityType"], displayName: next.displayName ?? "", country: next.country ?? "", email: next.email ?? "" });
    b.universalEin = universalEinOf(next);
    const m = metaOf(sim, b, key(ctx));
    if (typeof raw.reseller === "boolean") m.reseller = raw.reseller;
    m.last_updated = clock.nowIso();
    if (identityChanged && b.entityType !== "SOLE_PROPRIETOR") {
      b.identityStatus = "UNVERIFIED";
      b.sim.feedback = null;
      b.sim.scoringPending = true;
      clock.schedule("brand.identity", { brandId: b.brandId }, sim.delays.identityScoringMs);
    }
    return { status: 200, json: vonageBrand(sim, b, key(ctx)) };
  });

  r.delete("/brands/:brand_id", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const live = Object.values(vonageState(store).campaigns).some(
      (c) => c.brand_id === b.brandId && !["CANCELED", "TERMINATED", "REJECTED", "CNP_CANCELED", "PORTED_OUT"].includes(c.status),
    );
    if (live) throw vConflict("brand-conflict", "A brand can be deleted only if it does not have active campaigns");
    b.status = "DELETED";
    b.sim.deleteDate = clock.nowIso();
    return { status: 204, empty: true };
  });

  r.get("/brands/:brand_id/feedback", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    if (b.sim.scoringPending || (b.identityStatus === "SELF_DECLARED" && b.entityType !== "SOLE_PROPRIETOR")) {
      throw new VonageError(422, "brand-parameters", "The brand's identity status is still PENDING");
    }
    const cats = b.identityStatus === "UNVERIFIED" ? (b.sim.feedback ?? []) : [];
    return {
      status: 200,
      json: { categories: cats.map((c) => ({ name: c.id, description: c.description, fields: c.fields.map((f) => TCR_TO_SNAKE[f] ?? f) })) },
    };
  });

  r.post("/brands/:brand_id/revet", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    if (b.entityType === "SOLE_PROPRIETOR") throw vConflict("brand-conflict", "SOLE_PROPRIETOR identity is verified by OTP, not by revet");
    const m = metaOf(sim, b, key(ctx));
    if (m.revets >= 1) throw vConflict("brand-conflict", "A brand can be revetted once after a successful registration");
    m.revets++;
    store.data.counters.revets++;
    b.sim.scoringPending = true;
    clock.schedule("brand.identity", { brandId: b.brandId }, sim.delays.identityScoringMs);
    return { status: 200, json: vonageBrand(sim, b, key(ctx)) };
  });

  // OTP (sole proprietors) and the Auth+ 2FA email (PUBLIC_PROFIT) share start_verification.
  r.post("/brands/:brand_id/start_verification", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const raw = readJsonBody(ctx, false);
    if (b.entityType === "PUBLIC_PROFIT") {
      if (b.sim.authPlusCompliant) throw vConflict("brand-conflict", "Authentication+ is already complete for this brand");
      if (b.identityStatus !== "VERIFIED" && b.identityStatus !== "VETTED_VERIFIED") throw vConflict("brand-conflict", "Authentication+ starts once the brand identity is verified");
      startAuthPlus(sim, b);
      const vet = Object.values(store.data.vettings).find((v) => v.brandId === b.brandId && v.vettingClass === "AUTHPLUS" && v.vettingStatus === "PENDING");
      return { status: 200, json: { brand_id: b.brandId, reference_id: vet?.vettingId ?? "" } };
    }
    if (b.entityType !== "SOLE_PROPRIETOR") throw vConflict("brand-conflict", "Verification applies to SOLE_PROPRIETOR (OTP) and PUBLIC_PROFIT (Auth+) brands");
    const verrs = new VFieldErrors();
    const sms = typeof raw.verify_sms === "string" ? raw.verify_sms : null;
    if (sms !== null && !sms.includes("@OTP_PIN@") && !sms.includes("@OTP_YES@")) verrs.add("verify_sms", "verify_sms must contain @OTP_PIN@ or @OTP_YES@");
    verrs.throwIfAny("brand-parameters");
    for (const o of Object.values(store.data.otps)) if (o.brandId === b.brandId) o.superseded = true;
    const referenceId = store.newId("OTP", (id) => id in store.data.otps);
    const pin = "123456";
    const nowIso = clock.nowIso();
    store.data.otps[referenceId] = {
      referenceId, brandId: b.brandId, mobilePhone: b.mobilePhone ?? "", pin, pinSms: sms ?? "Your verification code is @OTP_PIN@",
      successSms: typeof raw.success_sms === "string" ? raw.success_sms : null, requestDate: nowIso, requestAt: clock.now(), verifyDate: null,
      deliveryStatus: "DELIVERED_HANDSET", deliveryStatusDate: nowIso, deliveryStatusDetails: null, superseded: false,
    };
    return { status: 200, json: { brand_id: b.brandId, reference_id: referenceId } };
  });

  r.post("/brands/:brand_id/verify", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const raw = readJsonBody(ctx);
    if (typeof raw.otp_pin !== "string" || raw.otp_pin.length !== 6) throw new VonageError(422, "brand-parameters", "otp_pin must be 6 characters", [{ name: "otp_pin", reason: "must be exactly 6 characters" }]);
    const otp = Object.values(store.data.otps).find((o) => o.brandId === b.brandId && !o.superseded && !o.verifyDate);
    if (!otp || clock.now() - otp.requestAt > sim.delays.otpPinTtlMs || otp.pin !== raw.otp_pin) {
      throw new VonageError(422, "brand-parameters", "The OTP PIN is invalid or expired", [{ name: "otp_pin", reason: "invalid or expired" }]);
    }
    const nowIso = clock.nowIso();
    otp.verifyDate = nowIso;
    b.mobilePhoneVerifiedDate = nowIso;
    b.identityStatus = "VERIFIED";
    return { status: 204, empty: true };
  });

  r.get("/brands/:brand_id/verification/:reference_id", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const o = store.data.otps[ctx.params.reference_id!];
    if (!o || o.brandId !== b.brandId) throw vNotFound("Verification");
    return {
      status: 200,
      json: {
        brand_id: b.brandId, reference_id: o.referenceId, mobile_phone: o.mobilePhone.replace(/^\+/, ""), request_date: isoSeconds(o.requestDate),
        verity_date: isoSeconds(o.verifyDate), delivery_status: o.deliveryStatus, delivery_status_date: isoSeconds(o.deliveryStatusDate),
        delivery_status_details: o.deliveryStatusDetails,
      },
    };
  });
}
