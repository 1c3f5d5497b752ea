import { createHash } from "node:crypto";
import type { Sim } from "../../core/context";
import { FieldErrors } from "../../core/errors";
import type { RequestContext, Reply, Router } from "../../core/router";
import type { BrandRecord, TelnyxBrandExtra, VettingRecord } from "../../core/store";
import { EXT_VETTING_PROVIDERS } from "../../data/enums";
import {
  BRAND_INPUT_FIELDS, brandEventFields, brandInputOf, hasActiveCampaigns, hasExternalVets, newBrandRecord, normaliseForStorage,
  scheduleIdentityScoring, universalEinOf, validateBrandFields, type BrandInput,
} from "../../domain/brands";
import { notFound, requestFailed, TelnyxHttpError, Validation } from "./errors";
import { readTelnyxBrand, TELNYX_ENTITY_TYPES, TELNYX_REQUIRED, type TelnyxBrandValues } from "./fields";

/**
 * Telnyx's 10DLC brand API (the 9 operations of telnyx-10dlc-brand-api.txt) over the TCR sandbox's store:
 * a brand made here is a TCR brand in `store.data.brands` (validated, scored and given feedback by
 * sandbox/domain/brands.ts), and every TCR brand is visible here. Telnyx-only state sits beside it in
 * `store.data.telnyxBrands`.
 *
 * Ids: the reference's samples show a UUID-shaped `brandId`, while revet's path parameter is described as
 * "prefixed with letter 'B'" (TCR's id). Here `brandId` is a UUID derived from the TCR id and the seed
 * (stable, no state), responses add `tcrBrandId` (simulator-defined: the reference has no TCR id field), and
 * every path accepts either id.
 */
export const REVET_INTERVAL_MS = 90 * 24 * 60 * 60 * 1000;
/** Simulator-defined: the reference states no maximum page size. */
export const MAX_RECORDS_PER_PAGE = 500;

const json = (value: unknown, status = 200): Reply => ({ status, json: value });

export function readBody(ctx: RequestContext): Record<string, unknown> {
  const v = new Validation();
  if (ctx.body.length === 0) v.add(["body"], "field required", "value_error.missing");
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(ctx.body.toString("utf8"));
    } catch {
      v.add(["body"], "Malformed JSON", "value_error.jsondecode");
    }
    if (v.details.length === 0 && (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))) {
      v.add(["body"], "value is not a valid dict", "type_error.dict");
    }
    if (v.details.length === 0) return parsed as Record<string, unknown>;
  }
  v.throwIfAny();
  return {};
}

/** "2021-03-08T17:57:48.801186": the list sample's timestamp format (no zone, microseconds). */
export function telnyxTimestamp(iso: string): string {
  return iso.replace(/Z$/, "").replace(/\.(\d{3})$/, ".$1000");
}

export function registerTelnyxBrandRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const idCache = new Map<string, string>();

  const telnyxIdOf = (tcrBrandId: string): string => {
    const key = `${store.data.seed}:${tcrBrandId}`;
    let id = idCache.get(key);
    if (!id) {
      const h = createHash("sha256").update(`telnyx:${key}`).digest("hex");
      id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
      idCache.set(key, id);
    }
    return id;
  };

  const extraOf = (b: BrandRecord): TelnyxBrandExtra => {
    store.data.telnyxBrands ??= {};
    return (store.data.telnyxBrands[b.brandId] ??= { updatedAt: b.createDate, revetCount: 0, lastRevetAt: null });
  };

  /** Either id; deleted brands only when `deleted` (reads of feedback and vetting stay possible, as on /v2). */
  const find = (id: string, opts: { deleted?: boolean } = {}): BrandRecord => {
    const direct = store.data.brands[id];
    const b = direct ?? Object.values(store.data.brands).find((x) => telnyxIdOf(x.brandId) === id);
    if (!b || (b.status !== "ACTIVE" && !opts.deleted)) throw notFound();
    return b;
  };

  const brandOut = (b: BrandRecord): Record<string, unknown> => ({
    entityType: b.entityType, cspId: b.cspId, brandId: telnyxIdOf(b.brandId), tcrBrandId: b.brandId,
    displayName: b.displayName, companyName: b.companyName, ein: b.ein, phone: b.phone, street: b.street, city: b.city,
    state: b.state, postalCode: b.postalCode, country: b.country, email: b.email, stockSymbol: b.stockSymbol,
    stockExchange: b.stockExchange, ipAddress: b.ipAddress, website: b.website, brandRelationship: b.brandRelationship,
    vertical: b.vertical, altBusinessId: b.altBusinessId, altBusinessIdType: b.altBusinessIdType, universalEin: b.universalEin,
    identityStatus: b.identityStatus,
  });
  /** Update Brand's documented response has no cspId, brandId or universalEin. */
  const updateOut = (b: BrandRecord): Record<string, unknown> => {
    const { cspId: _c, brandId: _b, tcrBrandId: _t, universalEin: _u, ...rest } = brandOut(b);
    return rest;
  };
  const listOut = (b: BrandRecord): Record<string, unknown> => ({
    brandId: telnyxIdOf(b.brandId), entityType: b.entityType, companyName: b.companyName, displayName: b.displayName,
    email: b.email, website: b.website, createAt: telnyxTimestamp(b.createDate), updatedAt: telnyxTimestamp(extraOf(b).updatedAt),
  });
  const vetOut = (v: VettingRecord): Record<string, unknown> => ({
    evpId: v.evpId, vettingId: v.vettingId, vettingToken: v.vettingToken, vettingScore: v.vettingScore,
    vettingClass: v.vettingClass, vettedDate: v.vettedDate, createDate: v.createDate,
  });

  /** Telnyx values → the TCR domain's field set; TCR-only fields come from `base` (kept on update). */
  const toDomain = (t: TelnyxBrandValues, base: BrandInput | null): BrandInput => {
    const out = {} as BrandInput;
    for (const f of BRAND_INPUT_FIELDS) out[f] = base?.[f] ?? null;
    Object.assign(out, t);
    // Telnyx sets the brand relationship itself (the samples answer BASIC_ACCOUNT); not writable here.
    out.brandRelationship = base?.brandRelationship ?? "BASIC_ACCOUNT";
    return out;
  };

  const validate = (body: Record<string, unknown>, base: BrandInput | null): BrandInput => {
    const v = new Validation();
    const t = readTelnyxBrand(body, v);
    const input = toDomain(t, base);
    const errs = new FieldErrors();
    if (input.entityType && (TELNYX_ENTITY_TYPES as readonly string[]).includes(input.entityType)) validateBrandFields(input, errs, TELNYX_REQUIRED);
    v.addDomain(errs);
    v.throwIfAny();
    return normaliseForStorage(input);
  };

  r.post("/brand", (ctx) => {
    const f = validate(readBody(ctx), null);
    const b = newBrandRecord(sim, f, { tags: [], mock: false });
    store.data.brands[b.brandId] = b;
    store.data.counters.brands++;
    extraOf(b);
    // As on /v2: sole proprietors stay SELF_DECLARED (Telnyx documents no OTP step); others are scored on the clock.
    if (b.entityType !== "SOLE_PROPRIETOR") scheduleIdentityScoring(sim, b);
    sim.webhooks.emit("BRAND_ADD", { ...brandEventFields(b), description: "Brand registered" });
    return json(brandOut(b));
  });

  r.get("/brand", (ctx) => {
    const q = ctx.query;
    const v = new Validation();
    const int = (name: string, def: number, min: number, max: number): number => {
      const raw = q.get(name);
      if (raw === null || raw === "") return def;
      if (!/^-?\d+$/.test(raw)) {
        v.add(["query", name], "value is not a valid integer", "type_error.integer");
        return def;
      }
      const n = Number(raw);
      if (n < min) v.add(["query", name], `ensure this value is greater than or equal to ${min}`, "value_error.number.not_ge");
      else if (n > max) v.add(["query", name], `ensure this value is less than or equal to ${max}`, "value_error.number.not_le");
      return n;
    };
    const page = int("page", 1, 1, Number.MAX_SAFE_INTEGER);
    const per = int("recordsPerPage", 10, 1, MAX_RECORDS_PER_PAGE);
    v.throwIfAny();
    const text = (name: string) => q.get(name) || null;
    const displayName = text("displayName")?.toLowerCase() ?? null;
    const entityType = text("entityType");
    const state = text("state");
    const country = text("country");
    const rows = Object.values(store.data.brands).filter(
      (b) =>
        b.status === "ACTIVE" &&
        (!displayName || b.displayName.toLowerCase().includes(displayName)) &&
        (!entityType || b.entityType === entityType) &&
        (!state || b.state === state) &&
        (!country || b.country === country),
    );
    // Newest first, then by id, so pages are stable (the reference documents no sort parameter).
    rows.sort((a, b) => (a.createDate < b.createDate ? 1 : a.createDate > b.createDate ? -1 : a.brandId.localeCompare(b.brandId)));
    return json({ records: rows.slice((page - 1) * per, page * per).map(listOut), page, totalRecords: rows.length });
  });

  r.get("/brand/feedback/:brandId", (ctx) => {
    const b = find(ctx.params.brandId!, { deleted: true });
    // Telnyx lists OTHERS where TCR says WEB_DOMAIN; the other four category ids are the same.
    const category = (b.sim.feedback ?? []).map((c) => ({ ...c, id: c.id === "WEB_DOMAIN" ? "OTHERS" : c.id, fields: [...c.fields] }));
    return json({ brandId: telnyxIdOf(b.brandId), category });
  });

  r.get("/brand/:brandId", (ctx) => json(brandOut(find(ctx.params.brandId!))));

  r.put("/brand/:brandId", (ctx) => {
    const b = find(ctx.params.brandId!);
    const before = brandInputOf(b);
    // PUT replaces every Telnyx field (absent = cleared); TCR-only fields are kept.
    const next = validate(readBody(ctx), before);
    const changed = (k: keyof BrandInput) => (next[k] ?? null) !== (before[k] ?? null);
    const coreChanged = (["companyName", "ein", "entityType"] as const).filter(changed);
    if (coreChanged.length > 0 && (hasExternalVets(sim, b.brandId) || hasActiveCampaigns(sim, b.brandId))) {
      throw new TelnyxHttpError(422, {
        detail: coreChanged.map((f) => ({ loc: ["body", f], msg: `${f} cannot change while the brand has external vets or active campaigns`, type: "value_error" })),
      });
    }
    Object.assign(b, next, { entityType: next.entityType as BrandRecord["entityType"], displayName: next.displayName ?? "", country: next.country ?? "", email: next.email ?? "" });
    b.universalEin = universalEinOf(next);
    extraOf(b).updatedAt = clock.nowIso();
    if (coreChanged.length > 0) {
      // As on /v2: a new legal identity must be verified again (revet).
      b.identityStatus = "UNVERIFIED";
      b.sim.feedback = null;
      sim.webhooks.emit("BRAND_IDENTITY_STATUS_UPDATE", { ...brandEventFields(b), description: "Brand update requires re-verification" });
    }
    return json(updateOut(b));
  });

  r.delete("/brand/:brandId", (ctx) => {
    const b = find(ctx.params.brandId!);
    if (hasActiveCampaigns(sim, b.brandId)) throw requestFailed("a brand with active campaigns cannot be deleted");
    b.status = "DELETED";
    b.sim.deleteDate = clock.nowIso();
    extraOf(b).updatedAt = clock.nowIso();
    sim.webhooks.emit("BRAND_DELETE", { ...brandEventFields(b), description: "Brand deleted" });
    return json(null);
  });

  r.put("/brand/:brandId/revet", (ctx) => {
    const b = find(ctx.params.brandId!);
    if (b.entityType === "SOLE_PROPRIETOR") throw requestFailed("SOLE_PROPRIETOR identity is not verified by revet");
    const extra = extraOf(b);
    const now = clock.now();
    // "allowed once after the successful brand registration and thereafter limited to once every 3 months"
    if (extra.revetCount > 0 && extra.lastRevetAt !== null && now - extra.lastRevetAt < REVET_INTERVAL_MS) {
      throw requestFailed("a brand can be revetted once after registration, then at most once every 3 months");
    }
    extra.revetCount++;
    extra.lastRevetAt = now;
    extra.updatedAt = clock.nowIso();
    store.data.counters.revets++;
    scheduleIdentityScoring(sim, b);
    return json(brandOut(b));
  });

  const vetsOf = (b: BrandRecord) =>
    Object.values(store.data.vettings)
      .filter((v) => v.brandId === b.brandId && v.origin !== "AUTHPLUS")
      .sort((x, y) => x.createDate.localeCompare(y.createDate));

  r.get("/brand/:brandId/externalVetting", (ctx) => json(vetsOf(find(ctx.params.brandId!, { deleted: true })).map(vetOut)));

  r.post("/brand/:brandId/externalVetting", (ctx) => {
    const b = find(ctx.params.brandId!);
    const body = readBody(ctx);
    const v = new Validation();
    const str = (name: string, max?: number): string | null => {
      const raw = body[name];
      if (raw === undefined || raw === null || raw === "") {
        v.body(name, "field required", "value_error.missing");
        return null;
      }
      if (typeof raw !== "string") {
        v.body(name, "str type expected", "type_error.str");
        return null;
      }
      if (max !== undefined && raw.length > max) {
        v.body(name, `ensure this value has at most ${max} characters`, "value_error.any_str.max_length");
        return null;
      }
      return raw.trim();
    };
    const evpId = str("evpId", 10);
    const vettingClass = str("vettingClass");
    v.throwIfAny();
    if (b.entityType === "SOLE_PROPRIETOR") throw requestFailed("SOLE_PROPRIETOR brands cannot be externally vetted");
    // Simulator-defined: the reference lists no providers; the TCR sandbox's orderable ones apply.
    const evp = EXT_VETTING_PROVIDERS.find((p) => p.evpId === evpId);
    if (!evp || evp.evpId === "CV") v.body("evpId", `Unknown or not orderable external vetting provider; use one of ${EXT_VETTING_PROVIDERS.filter((p) => p.evpId !== "CV").map((p) => p.evpId).join(", ")}`);
    else if (!evp.vettingClasses.includes(vettingClass!)) v.body("vettingClass", `${evp.evpId} does not offer ${vettingClass} vets`);
    // POLITICAL needs the committee payload that TCR takes in additionalRequestPayload; this API has no such field.
    else if (vettingClass === "POLITICAL") v.body("vettingClass", "POLITICAL vets cannot be ordered through this API");
    v.throwIfAny();
    if (vettingClass === "RCS") {
      const recent = vetsOf(b).some((x) => x.vettingClass === "RCS" && x.completedAt !== null && clock.now() - x.completedAt < sim.delays.rcsCooldownMs);
      if (recent) throw requestFailed("RCS vets can be requested 30 days after the previous vet completed");
    }
    const vet: VettingRecord = {
      brandId: b.brandId, evpId: evp!.evpId, vettingId: store.rng.uuid(), vettingToken: null, vettingScore: null, vettingClass: vettingClass!,
      vettingStatus: "PENDING", reasons: [], vettingDetails: {}, vettedDate: null, createDate: clock.nowIso(), validUntil: null,
      expirationDate: null, origin: "ORDER", completedAt: null, additionalRequestPayload: null,
    };
    store.data.vettings[vet.vettingId] = vet;
    store.data.counters.vettingOrders++;
    // Scored by the same clock tasks as a /v2 order (sandbox/domain/vetting.ts).
    clock.schedule("vetting.unscore", { vettingId: vet.vettingId }, sim.delays.vettingUnscoreMs);
    clock.schedule("vetting.score", { vettingId: vet.vettingId }, sim.delays.vettingScoreMs);
    return json(vetOut(vet));
  });

}
