import type { Sim } from "../core/context";
import { badState, FieldErrors, invalid, tcrError } from "../core/errors";
import { BodyReader, json, noContent, queryArray, readJson, readMultipart } from "../core/http";
import type { Router } from "../core/router";
import type { AppealRecord } from "../core/store";
import { BRAND_APPEAL_CATEGORIES, EXT_VETTING_APPEAL_CATEGORIES } from "../data/enums";
import { maybeStartAuthPlus } from "../domain/authplus";
import { brandEventFields, getActiveBrand, getBrand } from "../domain/brands";
import { checkEvidence, EVIDENCE_MAX_BYTES, evidenceMimeType, storeAttachment } from "../domain/files";
import { applyVetsToBrand, vetEventFields } from "../domain/vetting";

/**
 * Identity-status appeals, appeal evidence and external-vet appeals (tcr-api-part1 §3.9–3.12,
 * §3.16–3.17). Appeals are decided on the clock after delays.appealDecisionMs; an explanation
 * containing "REJECT" makes the appeal fail (documented scenario rule).
 */
export function appealResponse(a: AppealRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    brandId: a.brandId, appealStatus: a.appealStatus, appealCategories: a.appealCategories,
    attachmentUuids: a.attachmentUuids, explanation: a.explanation, createDate: a.createDate,
    appealCompleteDate: a.completeDate, appealOutcome: a.appealOutcome,
  };
  if (a.kind === "VETTING") Object.assign(out, { evpId: a.evpId, vettingId: a.vettingId });
  if (a.kind === "ASSET") out.name = a.assetName;
  return out;
}

/** Shared body rules of the three appeal kinds. */
export function readAppealBody(sim: Sim, brandId: string, raw: Record<string, unknown>, allowed: string[], errs: FieldErrors) {
  const body = new BodyReader(raw, errs);
  const categories = body.strArray("appealCategories", { required: true }) ?? [];
  if (raw.appealCategories !== undefined && categories.length === 0) errs.add("appealCategories", "At least one appeal category is required");
  for (const c of categories) if (!allowed.includes(c)) errs.add("appealCategories", `Unknown appeal category ${c}`);
  const attachmentUuids = body.strArray("attachmentUuids") ?? [];
  const explanation = body.str("explanation", { max: 1024 });
  errs.throwIfAny();
  checkEvidence(sim, brandId, attachmentUuids);
  return { appealCategories: categories, attachmentUuids, explanation };
}

export function filterAppeals(list: AppealRecord[], q: URLSearchParams): AppealRecord[] {
  const statuses = queryArray(q, "appealStatus");
  for (const s of statuses) if (s !== "PENDING" && s !== "COMPLETE") throw invalid("appealStatus", "appealStatus must be PENDING or COMPLETE");
  return list.filter((a) => statuses.length === 0 || statuses.includes(a.appealStatus));
}

export function newAppeal(sim: Sim, kind: AppealRecord["kind"], brandId: string, fields: Pick<AppealRecord, "appealCategories" | "attachmentUuids" | "explanation">, extra: Partial<AppealRecord> = {}): AppealRecord {
  const a: AppealRecord = {
    appealId: sim.store.rng.uuid(), kind, brandId, evpId: null, vettingId: null, assetName: null, appealStatus: "PENDING",
    ...fields, createDate: sim.clock.nowIso(), completeDate: null, appealOutcome: null, ...extra,
  };
  sim.store.data.appeals[a.appealId] = a;
  sim.clock.schedule("appeal.decide", { appealId: a.appealId }, sim.delays.appealDecisionMs);
  return a;
}

const rejected = (a: AppealRecord) => (a.explanation ?? "").toUpperCase().includes("REJECT");

export function registerAppealRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const appealsOf = (brandId: string, kind: AppealRecord["kind"]) =>
    Object.values(store.data.appeals).filter((a) => a.brandId === brandId && a.kind === kind);

  clock.register("appeal.decide", (p) => {
    const a = store.data.appeals[String(p.appealId)];
    if (!a || a.appealStatus !== "PENDING") return;
    a.appealStatus = "COMPLETE";
    a.completeDate = clock.nowIso();
    const b = store.data.brands[a.brandId];
    if (!b) return;
    if (a.kind === "IDENTITY") {
      if (!rejected(a)) {
        if (a.appealCategories.includes("VERIFY_TAX_ID") || a.appealCategories.includes("VERIFY_STOCK_SYMBOL") || b.identityStatus === "UNVERIFIED") {
          if (b.identityStatus !== "VETTED_VERIFIED") b.identityStatus = "VERIFIED";
          b.sim.feedback = [];
        }
        if (a.appealCategories.includes("VERIFY_NON_PROFIT") && b.entityType === "NON_PROFIT") b.optionalAttributes.taxExemptStatus = "501(c)(3)";
        if (a.appealCategories.includes("VERIFY_GOVERNMENT") && b.entityType === "GOVERNMENT") b.optionalAttributes.governmentEntity = true;
      }
      a.appealOutcome = { identityStatus: b.identityStatus, optionalAttributes: { ...b.optionalAttributes }, approved: !rejected(a) };
      sim.webhooks.emit("BRAND_IDENTITY_STATUS_UPDATE", { ...brandEventFields(b), description: `Identity appeal complete; status ${b.identityStatus}` });
      maybeStartAuthPlus(sim, b);
    } else if (a.kind === "VETTING") {
      const v = a.vettingId ? store.data.vettings[a.vettingId] : undefined;
      if (v && !rejected(a)) {
        if (v.vettingStatus === "FAILED") {
          v.vettingStatus = "ACTIVE";
          v.vettingScore = 50;
          v.reasons = [];
          v.vettedDate = clock.nowIso();
        } else if (v.vettingScore !== null && a.appealCategories.includes("LOW_SCORE")) {
          v.vettingScore = Math.min(100, v.vettingScore + 20);
        }
      }
      a.appealOutcome = v ? { vettingStatus: v.vettingStatus, vettingScore: v.vettingScore, approved: !rejected(a) } : null;
      if (v) sim.webhooks.emit("EVP_REPORT_UPDATE", { ...vetEventFields(v, b), description: "Vetting appeal complete" });
      applyVetsToBrand(sim, b);
    } else {
      const asset = a.assetName ? store.data.assets[`${a.brandId}/${a.assetName}`] : undefined;
      if (asset && !rejected(a)) {
        asset.verificationStatus = "VERIFIED";
        asset.feedbackReasons = [];
        asset.verifiedDate = clock.nowIso();
      }
      a.appealOutcome = asset ? { verificationStatus: asset.verificationStatus, approved: !rejected(a) } : null;
      if (asset) {
        sim.webhooks.emit("BRAND_ASSET_VERIFICATION_UPDATE", { ...brandEventFields(b), assetName: asset.name, description: `Asset appeal complete; ${asset.verificationStatus}` });
      }
    }
  });

  r.get("/brand/:brandId/appeal", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    return json(filterAppeals(appealsOf(b.brandId, "IDENTITY"), ctx.query).map(appealResponse));
  });

  r.post("/brand/:brandId/appeal", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    if (b.entityType === "SOLE_PROPRIETOR") throw badState("SOLE_PROPRIETOR identity is verified by SMS OTP; appeals do not apply");
    const fields = readAppealBody(sim, b.brandId, readJson(ctx), BRAND_APPEAL_CATEGORIES.map((c) => c.id), new FieldErrors());
    if (b.sim.scoringPending) throw badState("Identity scoring is still in progress");
    if (appealsOf(b.brandId, "IDENTITY").some((a) => a.appealStatus === "PENDING")) throw badState("An identity appeal is already pending");
    newAppeal(sim, "IDENTITY", b.brandId, fields);
    return noContent();
  });

  r.get("/brand/:brandId/appeal/evidence", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    const files = Object.values(store.data.attachments).filter((a) => a.brandId === b.brandId && a.purpose === "APPEAL_EVIDENCE");
    return json(files.map((f) => ({ uuid: f.uuid, fileName: f.fileName, mimeType: f.mimeType })));
  });

  r.post("/brand/:brandId/appeal/evidence", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const file = readMultipart(ctx).find((p) => p.name === "file");
    if (!file || !file.fileName) throw invalid("file", "file is required");
    if (file.data.length === 0) throw invalid("file", "file is empty");
    if (file.data.length > EVIDENCE_MAX_BYTES) throw tcrError(906, `file exceeds ${EVIDENCE_MAX_BYTES} bytes`, "file");
    const mimeType = evidenceMimeType(file.fileName);
    const rec = storeAttachment(sim, { brandId: b.brandId, campaignId: null, purpose: "APPEAL_EVIDENCE", fileName: file.fileName, mimeType, data: file.data });
    return json({ uuid: rec.uuid, fileName: rec.fileName, mimeType: rec.mimeType });
  });

  r.get("/brand/:brandId/externalVetting/appeal", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    const evpId = ctx.query.get("evpId");
    const vettingId = ctx.query.get("vettingId");
    const rows = filterAppeals(appealsOf(b.brandId, "VETTING"), ctx.query).filter(
      (a) => (!evpId || a.evpId === evpId) && (!vettingId || a.vettingId === vettingId),
    );
    return json(rows.map(appealResponse));
  });

  r.post("/brand/:brandId/externalVetting/appeal", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const raw = readJson(ctx);
    const errs = new FieldErrors();
    const body = new BodyReader(raw, errs);
    const evpId = body.str("evpId", { required: true });
    const vettingId = body.str("vettingId", { required: true });
    const allowed = EXT_VETTING_APPEAL_CATEGORIES.filter((c) => !evpId || c.evpIds.includes(evpId)).map((c) => c.id);
    const fields = readAppealBody(sim, b.brandId, raw, allowed, errs);
    const v = store.data.vettings[vettingId!];
    if (!v || v.brandId !== b.brandId || v.evpId !== evpId) throw tcrError(502, "Vetting record not found", "vettingId");
    if (v.vettingStatus === "PENDING" || v.vettingStatus === "UNSCORE") throw badState("The vet is not complete yet");
    if (appealsOf(b.brandId, "VETTING").some((a) => a.vettingId === vettingId && a.appealStatus === "PENDING")) {
      throw badState("An appeal of this vet is already pending");
    }
    newAppeal(sim, "VETTING", b.brandId, fields, { evpId, vettingId });
    return noContent();
  });
}
