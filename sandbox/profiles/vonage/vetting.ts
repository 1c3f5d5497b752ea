import type { Sim } from "../../core/context";
import type { RequestContext, Router } from "../../core/router";
import type { VettingRecord } from "../../core/store";
import { EXT_VETTING_PROVIDERS } from "../../data/enums";
import { activeBrand, metaOf } from "./brands";
import { isoSeconds, LINK_HOST, readJsonBody, VFieldErrors, vConflict } from "./core";

/**
 * Vonage vetting (GET/POST/PUT /brands/:brand_id/vetting/requests). Records are the shared
 * VettingRecords; ordered vets are scored by the /v2 clock tasks (vetting.unscore, vetting.score).
 * evp_id is one of Aegis, CV, WMC (matched without regard to case); vetting_class comes from /enum.
 * POLITICAL needs vetting_political_details with every required field and an election_date in the future.
 */
const EVP_BY_NAME: Record<string, string> = { AEGIS: "AEGIS", CV: "CV", WMC: "WMC" };
const POLITICAL_REQUIRED = [
  "requestor_first_name", "requestor_last_name", "locale", "fec_committee_type_code", "committee_id", "candidate_type",
  "state_local_committee_type", "local_committee_state", "local_committee_municipality", "tribal_location", "filing_url",
  "election_date", "pin_preference",
];
const LOCALES = ["Federal", "State", "Local", "Tribal"];
const FEC_CODES = "C D E H I N O P Q S U V W X Y Z".split(" ");
const PIN_PREFERENCES = ["Regular", "Express", "Email"];

/** The vet's appeal history (the reference renders `appeals` with the vetting record). */
function appealsOf(sim: Sim, v: VettingRecord): Record<string, unknown>[] {
  const d = sim.store.data;
  return Object.values(d.appeals)
    .filter((a) => a.kind === "VETTING" && a.vettingId === v.vettingId && a.brandId === v.brandId)
    .sort((a, b) => a.createDate.localeCompare(b.createDate))
    .map((a) => {
      const o = a.appealOutcome as { vettingStatus?: string; vettingScore?: number | null; approved?: boolean } | null;
      return {
        explanation: a.explanation, status: a.appealStatus, categories: a.appealCategories,
        evidences: a.attachmentUuids.map((id) => d.attachments[id]).filter(Boolean).map((f) => ({ id: f!.uuid, file_name: f!.fileName, mime_type: f!.mimeType })),
        ...(o ? { outcome: { vetting_status: o.vettingStatus, vetting_score: o.vettingScore, feedback: { reasons: [o.approved ? "The evidence supports the appeal." : "The evidence does not support the appeal."] } } } : {}),
        created_date: isoSeconds(a.createDate), last_updated: isoSeconds(a.completeDate ?? a.createDate),
      };
    });
}

export function vonageVetting(v: VettingRecord, accountId: string, sim?: Sim): Record<string, unknown> {
  let additional: unknown = undefined;
  if (v.additionalRequestPayload) {
    try {
      additional = JSON.parse(v.additionalRequestPayload);
    } catch {
      additional = undefined;
    }
  }
  return {
    account_id: accountId, evp_id: v.evpId, vetting_id: v.vettingId, vetting_token: v.vettingToken, vetting_score: v.vettingScore,
    vetting_class: v.vettingClass, vetting_status: v.vettingStatus, vetting_details: v.vettingDetails,
    ...(v.vettedDate ? { vetted_date: isoSeconds(v.vettedDate) } : {}), created_date: isoSeconds(v.createDate), failed_reasons: v.reasons,
    ...(additional ? { additional_info: additional } : {}),
    ...(sim ? { appeals: appealsOf(sim, v) } : {}),
    _links: {
      self: { href: `${LINK_HOST}/v1/10dlc/brands/${v.brandId}/vetting/requests/${v.vettingId}` },
      brand: { href: `${LINK_HOST}/v1/10dlc/brands/${v.brandId}` },
    },
  };
}

export function registerVonageVettingRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const key = (ctx: RequestContext) => ctx.apiKey ?? "";
  const vetsOf = (brandId: string) =>
    Object.values(store.data.vettings).filter((v) => v.brandId === brandId && v.origin !== "AUTHPLUS").sort((a, b) => a.createDate.localeCompare(b.createDate));

  r.get("/brands/:brand_id/vetting/requests", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const acct = metaOf(sim, b, key(ctx)).account_id;
    return { status: 200, json: vetsOf(b.brandId).map((v) => vonageVetting(v, acct, sim)) };
  });

  const newVet = (brandId: string, evpId: string, vettingClass: string, origin: VettingRecord["origin"], vettingId?: string): VettingRecord => ({
    brandId, evpId, vettingId: vettingId ?? store.rng.uuid(), vettingToken: null, vettingScore: null, vettingClass, vettingStatus: "PENDING",
    reasons: [], vettingDetails: {}, vettedDate: null, createDate: clock.nowIso(), validUntil: null, expirationDate: null, origin,
    completedAt: null, additionalRequestPayload: null,
  });

  r.post("/brands/:brand_id/vetting/requests", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    const evpId = typeof raw.evp_id === "string" ? EVP_BY_NAME[raw.evp_id.toUpperCase()] : undefined;
    if (raw.evp_id === undefined) errs.add("evp_id", "evp_id is required");
    else if (!evpId) errs.add("evp_id", "evp_id must be one of Aegis, CV, WMC");
    const vettingClass = typeof raw.vetting_class === "string" ? raw.vetting_class.toUpperCase() : null;
    const evp = EXT_VETTING_PROVIDERS.find((p) => p.evpId === evpId);
    if (!vettingClass) errs.add("vetting_class", "vetting_class is required");
    else if (!["STANDARD", "ENHANCED", "POLITICAL"].includes(vettingClass)) errs.add("vetting_class", "vetting_class must be a vetting_class from /enum (STANDARD, ENHANCED, POLITICAL)");
    else if (evp && !evp.vettingClasses.includes(vettingClass)) errs.add("vetting_class", `${raw.evp_id as string} does not offer ${vettingClass} vets`);
    if (evpId === "CV") errs.add("evp_id", "Campaign Verify vets are imported, not ordered");
    let political: Record<string, unknown> | null = null;
    if (vettingClass === "POLITICAL") {
      const p = raw.vetting_political_details;
      if (!p || typeof p !== "object" || Array.isArray(p)) errs.add("vetting_political_details", "vetting_political_details is required for POLITICAL vets");
      else {
        political = p as Record<string, unknown>;
        for (const f of POLITICAL_REQUIRED) if (typeof political[f] !== "string" || political[f] === "") errs.add(`vetting_political_details.${f}`, `${f} is required`);
        if (typeof political.locale === "string" && !LOCALES.includes(political.locale)) errs.add("vetting_political_details.locale", `locale must be one of ${LOCALES.join(", ")}`);
        if (typeof political.fec_committee_type_code === "string" && !FEC_CODES.includes(political.fec_committee_type_code)) errs.add("vetting_political_details.fec_committee_type_code", "Unknown FEC committee type code");
        if (typeof political.pin_preference === "string" && !PIN_PREFERENCES.includes(political.pin_preference)) errs.add("vetting_political_details.pin_preference", `pin_preference must be one of ${PIN_PREFERENCES.join(", ")}`);
        if (typeof political.filing_url === "string" && !/^https?:\/\/\S+\.\S+/.test(political.filing_url)) errs.add("vetting_political_details.filing_url", "filing_url must be a valid URL");
        const ed = typeof political.election_date === "string" ? political.election_date : "";
        if (ed && (!/^\d{4}-\d{2}-\d{2}$/.test(ed) || Number.isNaN(Date.parse(ed)))) errs.add("vetting_political_details.election_date", "election_date must be yyyy-mm-dd");
        else if (ed && Date.parse(ed) <= clock.now()) errs.add("vetting_political_details.election_date", "election_date must be in the future");
      }
    }
    errs.throwIfAny("invalid-vetting-data");
    if (b.entityType === "SOLE_PROPRIETOR") throw vConflict("vetting-conflict", "SOLE_PROPRIETOR brands cannot be externally vetted");
    const v = newVet(b.brandId, evpId!, vettingClass!, "ORDER");
    if (political) v.additionalRequestPayload = JSON.stringify(political);
    store.data.vettings[v.vettingId] = v;
    store.data.counters.vettingOrders++;
    clock.schedule("vetting.unscore", { vettingId: v.vettingId }, sim.delays.vettingUnscoreMs);
    clock.schedule("vetting.score", { vettingId: v.vettingId }, sim.delays.vettingScoreMs);
    return { status: 200, json: vonageVetting(v, metaOf(sim, b, key(ctx)).account_id) };
  });

  r.put("/brands/:brand_id/vetting/requests", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    const evpId = typeof raw.evp_id === "string" ? EVP_BY_NAME[raw.evp_id.toUpperCase()] : undefined;
    if (raw.evp_id === undefined) errs.add("evp_id", "evp_id is required");
    else if (!evpId) errs.add("evp_id", "evp_id must be one of Aegis, CV, WMC");
    if (typeof raw.vetting_id !== "string" || raw.vetting_id === "") errs.add("vetting_id", "vetting_id is required");
    if (evpId === "AEGIS" && (typeof raw.vetting_token !== "string" || raw.vetting_token === "")) errs.add("vetting_token", "vetting_token is required for Aegis");
    errs.throwIfAny("invalid-vetting-data");
    if (vetsOf(b.brandId).some((v) => v.evpId === evpId && v.vettingId === raw.vetting_id)) throw vConflict("vetting-conflict", "This vetting record is already attached to the brand");
    const v = newVet(b.brandId, evpId!, evpId === "CV" ? "POLITICAL" : "STANDARD", "IMPORT", String(raw.vetting_id));
    v.vettingToken = typeof raw.vetting_token === "string" ? raw.vetting_token : null;
    store.data.vettings[v.vettingId] = v;
    store.data.counters.vettingImports++;
    // Imports are validated asynchronously: scored on the same clock tasks as orders.
    clock.schedule("vetting.score", { vettingId: v.vettingId }, sim.delays.vettingUnscoreMs);
    return { status: 200, json: vonageVetting(v, metaOf(sim, b, key(ctx)).account_id) };
  });

}
