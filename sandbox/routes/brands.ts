import type { Sim } from "../core/context";
import { badState, FieldErrors, invalid, tcrError } from "../core/errors";
import { json, noContent, paginate, queryArray, queryBool, readJson } from "../core/http";
import type { Router } from "../core/router";
import type { BrandRecord } from "../core/store";
import { BRAND_STATUSES, ENTITY_TYPES, IDENTITY_STATUSES } from "../data/enums";
import { maybeStartAuthPlus, startAuthPlus } from "../domain/authplus";
import {
  BRAND_INPUT_FIELDS, brandEventFields, brandInputOf, brandResponse, getActiveBrand, getBrand, hasActiveCampaigns, hasExternalVets,
  newBrandRecord, normaliseForStorage, readBrandInput, readTags, referenceIdTaken, scheduleIdentityScoring, scoreIdentity,
  universalEinOf, validateBrandFields, type BrandInput,
} from "../domain/brands";

/**
 * Brand group (tcr-api-part1 §3.1–3.8, §3.19): search, register (non-blocking, scored on the clock),
 * get, update (resubmission rules), delete, feedback, 2FA email resend, revet.
 */
export function registerBrandRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;

  clock.register("brand.identity", (p) => {
    const b = store.data.brands[String(p.brandId)];
    if (!b || b.status !== "ACTIVE" || b.entityType === "SOLE_PROPRIETOR") return;
    const out = scoreIdentity(sim, b);
    b.identityStatus = out.identityStatus;
    b.optionalAttributes = out.optionalAttributes;
    b.sim.feedback = out.feedback;
    b.sim.scoringPending = false;
    sim.webhooks.emit("BRAND_IDENTITY_STATUS_UPDATE", {
      ...brandEventFields(b),
      description: `Brand identity status is ${b.identityStatus}`,
    });
    maybeStartAuthPlus(sim, b);
  });

  const scheduleScoring = (b: BrandRecord) => scheduleIdentityScoring(sim, b);

  r.get("/brand", (ctx) => {
    const q = ctx.query;
    const one = (name: string, allowed?: readonly string[]) => {
      const v = q.get(name);
      if (v === null || v === "") return null;
      if (allowed && !allowed.includes(v)) throw invalid(name, `${name} must be one of ${allowed.join(", ")}`);
      return v;
    };
    const referenceId = one("referenceId")?.toLowerCase() ?? null;
    const displayName = one("displayName")?.toLowerCase() ?? null;
    const entityType = one("entityType", ENTITY_TYPES);
    const identityStatus = one("identityStatus", IDENTITY_STATUSES);
    const status = one("status", BRAND_STATUSES) ?? "ACTIVE";
    const state = one("state");
    const country = one("country");
    const ein = one("ein");
    const universalEin = one("universalEin");
    const resellerId = one("resellerId");
    const tags = queryArray(q, "tag").map((t) => t.toLowerCase());
    const mock = queryBool(q, "mock");
    const authPlus = queryBool(q, "authenticationPlusCompliant");
    const resellerBrands = resellerId
      ? new Set(Object.values(store.data.campaigns).filter((c) => c.resellerId === resellerId).map((c) => c.brandId))
      : null;
    const rows = Object.values(store.data.brands).filter(
      (b) =>
        b.status === status &&
        (!referenceId || b.referenceId?.toLowerCase() === referenceId) &&
        (!displayName || b.displayName.toLowerCase().includes(displayName)) &&
        (!entityType || b.entityType === entityType) &&
        (!identityStatus || b.identityStatus === identityStatus) &&
        (!state || b.state === state) &&
        (!country || b.country === country) &&
        (!ein || b.ein === ein) &&
        (!universalEin || b.universalEin === universalEin) &&
        (!resellerBrands || resellerBrands.has(b.brandId)) &&
        (tags.length === 0 || tags.some((t) => b.tag.includes(t))) &&
        (mock === undefined || b.mock === mock) &&
        (authPlus === undefined || b.sim.authPlusCompliant === authPlus),
    );
    // Newest first, then by id, so pages are stable.
    rows.sort((a, b) => (a.createDate < b.createDate ? 1 : a.createDate > b.createDate ? -1 : a.brandId.localeCompare(b.brandId)));
    const page = paginate(q, rows, 500);
    return json({ ...page, records: page.records.map((b) => brandResponse(sim, b)) });
  });

  r.post("/brand/nonBlocking", (ctx) => {
    const body = readJson(ctx);
    const errs = new FieldErrors();
    const provided = readBrandInput(body, errs);
    const input = {} as BrandInput;
    for (const k of BRAND_INPUT_FIELDS) input[k] = provided[k] ?? null;
    validateBrandFields(input, errs);
    const tags = readTags(body.tag, errs);
    const mock = body.mock ?? false;
    if (typeof mock !== "boolean") errs.add("mock", "mock must be a boolean");
    errs.throwIfAny();
    if (input.referenceId && referenceIdTaken(sim, input.referenceId)) throw tcrError(503, "referenceId already in use", "referenceId");
    const b = newBrandRecord(sim, normaliseForStorage(input), { tags, mock: mock === true });
    store.data.brands[b.brandId] = b;
    store.data.counters.brands++;
    // Sole proprietors stay SELF_DECLARED until the SMS OTP is verified; others are scored on the clock.
    if (b.entityType !== "SOLE_PROPRIETOR") scheduleScoring(b);
    sim.webhooks.emit("BRAND_ADD", { ...brandEventFields(b), description: "Brand registered" });
    return json(brandResponse(sim, b, true));
  });

  r.get("/brand/feedback/:brandId", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    return json({ brandId: b.brandId, category: b.sim.feedback ?? [] });
  });

  r.get("/brand/:brandId", (ctx) => json(brandResponse(sim, getBrand(sim, ctx.params.brandId!))));

  r.put("/brand/:brandId", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const body = readJson(ctx);
    const errs = new FieldErrors();
    const provided = readBrandInput(body, errs);
    const before = brandInputOf(b);
    const merged: BrandInput = { ...before, ...provided };
    validateBrandFields(merged, errs);
    errs.throwIfAny();
    const next = normaliseForStorage(merged);
    const changed = (k: keyof BrandInput) => (next[k] ?? null) !== (before[k] ?? null);
    const coreChanged = (["companyName", "ein", "einIssuingCountry", "entityType"] as const).filter(changed);
    if (coreChanged.length > 0 && (hasExternalVets(sim, b.brandId) || hasActiveCampaigns(sim, b.brandId))) {
      throw tcrError(902, `${coreChanged.join(", ")} cannot change while the brand has external vets or active campaigns`, coreChanged[0]);
    }
    const now = clock.now();
    if (changed("brandRelationship")) {
      const last = b.sim.brandRelationshipChangedAt;
      if (last !== null && now - last < sim.delays.brandRelationshipLockMs) {
        throw tcrError(902, "brandRelationship can change at most once every 3 months", "brandRelationship");
      }
    }
    if (next.referenceId && changed("referenceId") && referenceIdTaken(sim, next.referenceId, b.brandId)) {
      throw tcrError(503, "referenceId already in use", "referenceId");
    }
    const relationshipChanged = changed("brandRelationship");
    const mobileChanged = changed("mobilePhone");
    const contactChanged = changed("businessContactEmail");
    Object.assign(b, next, { entityType: next.entityType as BrandRecord["entityType"], displayName: next.displayName ?? "", country: next.country ?? "", email: next.email ?? "" });
    b.universalEin = universalEinOf(next);
    if (relationshipChanged) b.sim.brandRelationshipChangedAt = now;
    let identityChanged = false;
    if (coreChanged.length > 0 || mobileChanged) {
      b.identityStatus = "UNVERIFIED";
      b.sim.feedback = null;
      identityChanged = true;
      if (mobileChanged) b.mobilePhoneVerifiedDate = null;
    }
    if (contactChanged && b.entityType === "PUBLIC_PROFIT") {
      // A new business contact email revokes Auth+ compliance; a new 2FA email goes out.
      b.sim.authPlusCompliant = false;
      b.businessContactEmailVerifiedDate = null;
      if (b.identityStatus === "VERIFIED" || b.identityStatus === "VETTED_VERIFIED") startAuthPlus(sim, b);
    }
    if (identityChanged) {
      sim.webhooks.emit("BRAND_IDENTITY_STATUS_UPDATE", { ...brandEventFields(b), description: "Brand update requires re-verification" });
    }
    return json(brandResponse(sim, b));
  });

  r.delete("/brand/:brandId", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    if (hasActiveCampaigns(sim, b.brandId)) throw badState("A brand with active campaigns cannot be deleted");
    b.status = "DELETED";
    b.sim.deleteDate = clock.nowIso();
    sim.webhooks.emit("BRAND_DELETE", { ...brandEventFields(b), description: "Brand deleted" });
    return noContent();
  });

  r.post("/brand/:brandId/2faEmail", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    if (b.entityType === "SOLE_PROPRIETOR") throw badState("2FA email applies to brands other than SOLE_PROPRIETOR");
    const vettingClass = ctx.query.get("vettingClass") || "AUTHPLUS";
    if (vettingClass !== "AUTHPLUS" && vettingClass !== "RCS") throw invalid("vettingClass", "vettingClass must be AUTHPLUS or RCS");
    const rec = store.data.twoFa[`${b.brandId}:${vettingClass}`];
    const now = clock.now();
    if (!rec || rec.completedAt || rec.expiredAt || now - rec.startedAt > sim.delays.authPlusWindowMs) {
      throw badState(`No ${vettingClass} 2FA verification started within the last 30 days is awaiting completion`);
    }
    if (now - rec.lastSentAt < sim.delays.twoFaThrottleMs) throw tcrError(905, "At most one 2FA email per two hours to the same address");
    rec.lastSentAt = now;
    rec.sendCount++;
    return noContent();
  });

  r.put("/brand/:brandId/revet", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    if (b.entityType === "SOLE_PROPRIETOR") throw badState("SOLE_PROPRIETOR identity is verified by SMS OTP, not by revet");
    store.data.counters.revets++;
    scheduleScoring(b);
    return json(brandResponse(sim, b, true));
  });
}
