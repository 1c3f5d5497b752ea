import type { Sim } from "../core/context";
import { badState, FieldErrors, invalid } from "../core/errors";
import { BodyReader, json, queryArray, readForm, readJson } from "../core/http";
import type { Router } from "../core/router";
import type { BrandRecord, VettingRecord } from "../core/store";
import { EXT_VETTING_PROVIDERS, VETTING_STATUSES } from "../data/enums";
import { getActiveBrand, getBrand } from "../domain/brands";
import { activateVet, applyVetsToBrand, scoreFor, vetEventFields } from "../domain/vetting";

/**
 * External vetting (tcr-api-part1 §3.13–3.15, §3.18; part2 §8): list, import, order (billable,
 * scored on the clock), enhanced reports, and the mock Campaign Verify token helper.
 */
export function vettingResponse(v: VettingRecord): Record<string, unknown> {
  return {
    evpId: v.evpId, vettingId: v.vettingId, vettingToken: v.vettingToken, vettingScore: v.vettingScore,
    vettingClass: v.vettingClass, vettingStatus: v.vettingStatus, reasons: v.reasons, vettingDetails: v.vettingDetails,
    vettedDate: v.vettedDate, createDate: v.createDate, validUntil: v.validUntil, expirationDate: v.expirationDate,
  };
}

export function registerExternalVettingRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const vetsOf = (brandId: string) => Object.values(store.data.vettings).filter((v) => v.brandId === brandId);

  r.get("/brand/:brandId/externalVetting", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    const evpId = ctx.query.get("evpId");
    const vettingClass = ctx.query.get("vettingClass");
    // The reference marks vettingStatus required; the sandbox tolerates its absence (= all statuses).
    const statuses = queryArray(ctx.query, "vettingStatus");
    for (const s of statuses) if (!(VETTING_STATUSES as readonly string[]).includes(s)) throw invalid("vettingStatus", `Unknown vettingStatus ${s}`);
    const rows = vetsOf(b.brandId).filter(
      (v) => (!evpId || v.evpId === evpId) && (!vettingClass || v.vettingClass === vettingClass) && (statuses.length === 0 || statuses.includes(v.vettingStatus)),
    );
    return json(rows.map(vettingResponse));
  });

  const newVet = (b: BrandRecord, evpId: string, vettingClass: string, origin: VettingRecord["origin"], vettingId?: string): VettingRecord => ({
    brandId: b.brandId, evpId, vettingId: vettingId ?? store.rng.uuid(), vettingToken: null, vettingScore: null, vettingClass,
    vettingStatus: "PENDING", reasons: [], vettingDetails: {}, vettedDate: null, createDate: clock.nowIso(), validUntil: null,
    expirationDate: null, origin, completedAt: null, additionalRequestPayload: null,
  });

  r.post("/brand/:brandId/externalVetting", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    if (b.entityType === "SOLE_PROPRIETOR") throw badState("SOLE_PROPRIETOR brands cannot be externally vetted");
    const errs = new FieldErrors();
    const body = new BodyReader(readJson(ctx), errs);
    const evpId = body.str("evpId", { required: true, min: 1, max: 10 });
    const vettingClass = body.str("vettingClass") ?? "STANDARD";
    const payload = body.str("additionalRequestPayload");
    errs.throwIfAny();
    const evp = EXT_VETTING_PROVIDERS.find((p) => p.evpId === evpId);
    if (!evp) throw invalid("evpId", "Unknown external vetting provider");
    if (vettingClass === "AUTHPLUS") throw invalid("vettingClass", "AUTHPLUS vets are started by the registry, not ordered");
    if (!evp.vettingClasses.includes(vettingClass)) throw invalid("vettingClass", `${evp.evpId} does not offer ${vettingClass} vets`);
    if (evp.evpId === "CV") throw invalid("evpId", "Campaign Verify vets are imported, not ordered");
    if (vettingClass === "POLITICAL") {
      if (!payload) throw invalid("additionalRequestPayload", "additionalRequestPayload is required for POLITICAL vets");
      try {
        const parsed: unknown = JSON.parse(payload);
        if (!parsed || typeof parsed !== "object") throw new Error("not an object");
      } catch {
        throw invalid("additionalRequestPayload", "additionalRequestPayload must be a JSON object string");
      }
    }
    if (vettingClass === "RCS") {
      const recent = vetsOf(b.brandId).some(
        (v) => v.vettingClass === "RCS" && v.completedAt !== null && clock.now() - v.completedAt < sim.delays.rcsCooldownMs,
      );
      if (recent) throw badState("RCS vets can be requested 30 days after the previous vet completed");
    }
    const v = newVet(b, evp.evpId, vettingClass, "ORDER");
    v.additionalRequestPayload = payload;
    store.data.vettings[v.vettingId] = v;
    store.data.counters.vettingOrders++;
    clock.schedule("vetting.unscore", { vettingId: v.vettingId }, sim.delays.vettingUnscoreMs);
    clock.schedule("vetting.score", { vettingId: v.vettingId }, sim.delays.vettingScoreMs);
    return json(vettingResponse(v));
  });

  r.put("/brand/:brandId/externalVetting", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const errs = new FieldErrors();
    const raw = readJson(ctx);
    const body = new BodyReader(raw, errs);
    const evpId = body.str("evpId", { required: true, min: 1, max: 10 });
    const vettingId = body.str("vettingId", { required: true, max: 255 });
    const vettingToken = body.str("vettingToken", { max: 65535 });
    // Simulator extension: an AEGIS import may say which class the report is (default STANDARD).
    const requestedClass = body.str("vettingClass");
    errs.throwIfAny();
    const evp = EXT_VETTING_PROVIDERS.find((p) => p.evpId === evpId);
    if (!evp) throw invalid("evpId", "Unknown external vetting provider");
    if (requestedClass === "AUTHPLUS") throw invalid("vettingClass", "AUTHPLUS vets cannot be imported");
    if (vetsOf(b.brandId).some((v) => v.evpId === evpId && v.vettingId === vettingId)) {
      throw badState("This vetting record is already attached to the brand");
    }
    let vettingClass = "STANDARD";
    let score: number | null = scoreFor(b).score;
    if (evp.evpId === "AEGIS") {
      if (!vettingToken) throw invalid("vettingToken", "vettingToken (Verification Certificate) is required for AEGIS");
      if (vettingToken.toUpperCase().includes("MISMATCH")) throw invalid("vettingToken", "Legal name or entity type does not match the Aegis report");
      vettingClass = requestedClass ?? "STANDARD";
      if (!evp.vettingClasses.includes(vettingClass)) throw invalid("vettingClass", `AEGIS does not offer ${vettingClass} vets`);
      if (vettingClass === "POLITICAL") score = null;
    } else if (evp.evpId === "CV") {
      vettingClass = "POLITICAL";
      score = null;
      if (b.country !== "US" || b.entityType !== "NON_PROFIT" || b.optionalAttributes.taxExemptStatus) {
        throw invalid("evpId", "Campaign Verify imports need a US NON_PROFIT brand without 501(c) tax-exempt status");
      }
      if (!vettingId!.startsWith("cv|")) throw invalid("vettingId", "Not a Campaign Verify token");
      const issued = store.data.cvTokens[vettingId!];
      if (issued && issued.brandId !== b.brandId) throw invalid("vettingId", "Campaign Verify token was issued for another brand");
      if (issued) issued.usedBy = b.brandId;
      if (issued?.locale) b.optionalAttributes.politicalCommitteeLocale = issued.locale;
    } else if (evp.evpId === "WMC") {
      if (b.country !== "US" || (b.entityType !== "PRIVATE_PROFIT" && b.entityType !== "PUBLIC_PROFIT")) {
        throw invalid("evpId", "WMC imports need a US PRIVATE_PROFIT or PUBLIC_PROFIT brand");
      }
    }
    const v = newVet(b, evp.evpId, vettingClass, "IMPORT", vettingId!);
    v.vettingToken = vettingToken;
    store.data.vettings[v.vettingId] = v;
    store.data.counters.vettingImports++;
    activateVet(sim, v, score);
    sim.webhooks.emit("EVP_REPORT_IMPORT", { ...vetEventFields(v, b), description: "Vetting record imported" });
    applyVetsToBrand(sim, b);
    return json(vettingResponse(v));
  });

  r.get("/brand/:brandId/externalVetting/enhancedReport", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    const rows = vetsOf(b.brandId).filter((v) => v.vettingClass === "ENHANCED" && v.vettingStatus !== "PENDING" && v.vettingStatus !== "UNSCORE");
    return json(
      rows.map((v) => ({
        evpId: v.evpId, vettingId: v.vettingId, vettingStatus: v.vettingStatus, vettingScore: v.vettingScore,
        reportDate: v.vettedDate, validUntil: v.validUntil, report: v.vettingDetails,
      })),
    );
  });

  // Simulator-defined shape (the reference documents no response): a plain-text token, as [old-client].
  r.post("/brand/:brandId/externalVetting/mockCvToken", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const form = ctx.req.headers["content-type"]?.includes("application/json") ? null : readForm(ctx);
    const src = form ?? new URLSearchParams(Object.entries(readJson(ctx, false)).map(([k, v]) => [k, String(v)]));
    const locale = src.get("locale") || null;
    const validUntil = src.get("validUntil") || null;
    if (locale && !["federal", "state", "local", "tribal"].includes(locale)) throw invalid("locale", "locale must be federal, state, local or tribal");
    if (validUntil && !/^20\d\d-[0-1][0-9]-[0-3][0-9]$/.test(validUntil)) throw invalid("validUntil", "validUntil must be yyyy-MM-dd");
    const token = `cv|1.0|cvmock|10dlc|${locale ?? "federal"}|${validUntil ?? "none"}|${store.rng.chars("0123456789abcdef", 24)}`;
    store.data.cvTokens[token] = { brandId: b.brandId, locale, validUntil, usedBy: null };
    return { status: 200, text: token };
  });

}
