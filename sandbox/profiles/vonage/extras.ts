import type { Sim } from "../../core/context";
import { readMultipart } from "../../core/http";
import type { Router } from "../../core/router";
import { CNPS, COUNTRIES, DCAS, EXT_VETTING_APPEAL_CATEGORIES, MNOS, NUDGE_INTENTS, OPTIONAL_ATTRIBUTE_NAMES, US_STATES, VERTICALS, VETTING_CLASSES } from "../../data/enums";
import { ALL_EVENT_CATEGORIES } from "../../data/events";
import { storeAttachment } from "../../domain/files";
import { newAppeal } from "../../routes/appeals";
import { activeBrand, VONAGE_STOCK_EXCHANGES } from "./brands";
import { CAMPAIGN_STATUSES, readJsonBody, tokenPage, VFieldErrors, vConflict, VONAGE_PHONE, vNotFound, VonageError, vonageState, VONAGE_VERTICALS, type VonageReseller } from "./core";
import { VONAGE_USECASES, vonageUsecaseDef } from "./campaigns";

/**
 * The rest of the Vonage surface: GET /enum, GET/PATCH /account, resellers, appeal evidence files
 * and vetting appeals.
 *  - Evidence (reference, POST /brands/:brand_id/appeal/evidence): ≤ 10 MB a file, ≤ 100 MB a request,
 *    types jpg jpeg png bmp raw tiff pdf docx htm odt rtf txt xml; each part names its file and type.
 *  - Appeal: categories from vetting_appeal_category, evidence_ids, explanation ≤ 1024; ≤ 10 files and
 *    ≤ 30 MB in all; decided by the /v2 appeal task.
 *  - Partner import: `campaign_id` is the TCR id of a campaign a partner CSP shared with this account
 *    (store.data.partnerCampaigns; seed them with control.receivePartnerShares). `cnp_migration` must be true
 *    when the share is a CNP migration hop. Vonage accepts the share after delays.shareDecisionMs, or declines
 *    it when the campaign's description contains "DECLINE" (scenario rule).
 *  - Reseller: PENDING → APPROVED (tcr_reseller_id assigned) after RESELLER_REVIEW_MS, or REJECTED
 *    when company_name contains "REJECT" (scenario rule).
 */
export const EVIDENCE_FILE_MAX = 10 * 1024 * 1024;
export const EVIDENCE_REQUEST_MAX = 100 * 1024 * 1024;
export const APPEAL_FILES_MAX = 10;
export const APPEAL_BYTES_MAX = 30 * 1024 * 1024;
export const EVIDENCE_TYPES: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", bmp: "image/bmp", raw: "image/x-raw", tiff: "image/tiff", pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", htm: "text/html", odt: "application/vnd.oasis.opendocument.text",
  rtf: "application/rtf", txt: "text/plain", xml: "application/xml",
};
export const RESELLER_REVIEW_MS = 24 * 60 * 60_000;

export function registerVonageExtraRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const st = () => vonageState(store);

  r.get("/enum", () => {
    const ids = (xs: readonly string[]) => xs.map((id) => ({ id }));
    return {
      status: 200,
      json: {
        alt_business_id_type: ids(["DUNS", "GIIN", "LEI"]),
        brand_relationship: ids(["BASIC_ACCOUNT", "SMALL_ACCOUNT", "MEDIUM_ACCOUNT", "LARGE_ACCOUNT", "KEY_ACCOUNT"]),
        brand_status: ids(["ACTIVE", "SUSPENDED", "TERMINATED", "DELETED"]),
        campaign_status: CAMPAIGN_STATUSES.map((id) => ({ id, description: id.replace(/_/g, " ").toLowerCase() })),
        campaign_op_status: ids(["REVIEW", "REGISTERED", "REJECTED", "SUSPENDED"]),
        compliance: ids(["HIPPA"]),
        cnp: CNPS.map((c) => ({ id: c.id, description: c.displayName })),
        dca: DCAS.map((c) => ({ id: c.id, description: c.displayName })),
        event_category: ids(ALL_EVENT_CATEGORIES),
        nudge_intent: ids(NUDGE_INTENTS),
        opt_attribute_name: OPTIONAL_ATTRIBUTE_NAMES.map((a) => ({ id: a.id, description: a.description, type: a.dataType })),
        country: Object.entries(COUNTRIES).map(([id, description]) => ({ id, description })),
        entity_type: ids(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "SOLE_PROPRIETOR", "GOVERNMENT"]),
        identity_status: ids(["SELF_DECLARED", "UNVERIFIED", "VERIFIED", "VETTED_VERIFIED"]),
        mno: MNOS.map((m) => ({ id: String(m.networkId), mno: m.displayName })),
        number_status: ids(["LINKING", "LINKED", "REJECTED", "UNLINKING", "UNLINKED"]),
        sharing_status: ids(["PENDING", "ACCEPTED", "DECLINED"]),
        stock_exchange: VONAGE_STOCK_EXCHANGES.map((id) => ({ id, description: id, country: null })),
        tcr_campaign_status: ids(["UNKNOWN", "ACTIVE", "CANCELED"]),
        tmo_brand_tier: ids(["LOW", "LOWER_MID", "UPPER_MID", "TOP", "UNCAPPED"]),
        usecase: VONAGE_USECASES.map((id) => {
          const d = vonageUsecaseDef(id)!;
          return {
            id, display_name: d.displayName, description: d.description, classification: d.classification, min_sub_usecases: d.minSubUsecases,
            max_sub_usecases: d.maxSubUsecases, valid_sub_usecase: d.validSubUsecase, min_msg_samples: d.minMsgSamples,
          };
        }),
        usstate: Object.entries(US_STATES).map(([id, description]) => ({ id, description })),
        vertical: VONAGE_VERTICALS.map((id) => ({ id, display_name: VERTICALS[id]?.displayName ?? id, description: VERTICALS[id]?.description ?? id, industry_id: id })),
        vetting_class: VETTING_CLASSES.filter((c) => ["STANDARD", "ENHANCED", "POLITICAL"].includes(c.id)).map((c) => ({
          id: c.id, display_name: c.displayName, description: c.description, enabled: c.enabled, validity_months: c.validityMonths,
        })),
        vetting_provider: [
          { id: "Aegis", display_name: "Aegis Mobile", vetting_classes: ["STANDARD", "ENHANCED", "POLITICAL"] },
          { id: "WMC", display_name: "WMC Global", vetting_classes: ["STANDARD"] },
          { id: "CV", display_name: "Campaign Verify", vetting_classes: ["POLITICAL"] },
        ],
        vetting_status: ids(["PENDING", "UNSCORE", "ACTIVE", "FAILED", "EXPIRED"]),
        vetting_appeal_category: EXT_VETTING_APPEAL_CATEGORIES.map((c) => ({ id: c.id, display_name: c.displayName, description: c.description })),
      },
    };
  });

  r.get("/account", () => ({ status: 200, json: { opt_out_assist: st().account.opt_out_assist } }));
  r.add("PATCH", "/account", (ctx) => {
    const raw = readJsonBody(ctx);
    if (typeof raw.opt_out_assist !== "boolean") throw new VonageError(422, "invalid-parameters", "opt_out_assist is required", [{ name: "opt_out_assist", reason: "must be a boolean" }]);
    if (!raw.opt_out_assist && st().account.opt_out_assist) throw vConflict("conflict", "Opt-out assist can only be switched off by Vonage support");
    st().account.opt_out_assist = raw.opt_out_assist;
    return { status: 204, empty: true };
  });

  // ── Resellers ──
  const resellerOut = (x: VonageReseller) => ({
    id: x.id, ...(x.tcr_reseller_id ? { tcr_reseller_id: x.tcr_reseller_id } : {}), company_name: x.company_name, phone: x.phone, email: x.email,
    status: x.status, ...(x.rejection_reason ? { rejection_reason: x.rejection_reason } : {}),
  });
  clock.register("vonage.reseller", (p) => {
    const x = st().resellers[String(p.id)];
    if (!x || x.status !== "PENDING") return;
    if (x.company_name.toUpperCase().includes("REJECT")) {
      x.status = "REJECTED";
      x.rejection_reason = "You are not allowed to register a reseller with this company name.";
      return;
    }
    x.status = "APPROVED";
    const rid = store.newId("R", (id) => id === "R000000" || id in store.data.resellers);
    store.data.resellers[rid] = { resellerId: rid, cspId: store.data.account.cspId, companyName: x.company_name, phone: `+${x.phone}`, email: x.email };
    x.tcr_reseller_id = rid;
  });
  r.post("/resellers", (ctx) => {
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    const s = (f: string, max: number) => {
      if (typeof raw[f] !== "string" || raw[f] === "") errs.add(f, `${f} is required`);
      else if ((raw[f] as string).length > max) errs.add(f, `${f} must be at most ${max} characters`);
    };
    s("company_name", 100);
    s("email", 100);
    s("phone", 15);
    if (typeof raw.phone === "string" && raw.phone && !VONAGE_PHONE.test(raw.phone)) errs.add("phone", "phone must be in E.164 format without the + prefix");
    if (typeof raw.email === "string" && raw.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw.email)) errs.add("email", "email is not a valid address");
    errs.throwIfAny("invalid-parameters");
    const x: VonageReseller = {
      id: store.rng.uuid(), tcr_reseller_id: null, company_name: String(raw.company_name), phone: String(raw.phone), email: String(raw.email),
      status: "PENDING", rejection_reason: null,
    };
    st().resellers[x.id] = x;
    clock.schedule("vonage.reseller", { id: x.id }, RESELLER_REVIEW_MS);
    return { status: 200, json: resellerOut(x) };
  });
  r.get("/resellers", (ctx) => ({ status: 200, json: tokenPage(ctx, "resellers", Object.values(st().resellers), resellerOut, "/resellers") }));
  r.get("/resellers/:reseller_id", (ctx) => {
    const x = st().resellers[ctx.params.reseller_id!];
    if (!x) throw vNotFound("Reseller");
    return { status: 200, json: resellerOut(x) };
  });

  // ── Partner campaigns ──
  const partnerOut = (p: { campaign_id: string; tcr_campaign_id: string; brand_id: string }) => {
    const pc = store.data.partnerCampaigns[p.tcr_campaign_id];
    return {
      brand_id: p.brand_id, campaign_id: p.campaign_id, sharing_status: pc?.sharingStatus ?? "DECLINED",
      downstream_cnp_id: pc?.downstreamCnpId ?? null, upstream_cnp_id: store.data.account.cspId,
    };
  };
  clock.register("vonage.partnerDecision", (p) => {
    const imp = st().partnerImports[String(p.campaignId)];
    const pc = imp ? store.data.partnerCampaigns[imp.tcr_campaign_id] : undefined;
    if (!pc || pc.sharingStatus !== "PENDING") return;
    pc.sharingStatus = pc.description.toUpperCase().includes("DECLINE") ? "DECLINED" : "ACCEPTED";
    pc.statusDate = clock.nowIso();
  });
  r.post("/partnercampaigns/import", (ctx) => {
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    if (typeof raw.account_id !== "string" || raw.account_id === "") errs.add("account_id", "account_id is required");
    if (typeof raw.campaign_id !== "string" || raw.campaign_id === "" || raw.campaign_id.length > 50) errs.add("campaign_id", "campaign_id (the TCR campaign id, at most 50 characters) is required");
    if (raw.label !== undefined && (typeof raw.label !== "string" || raw.label.length > 50)) errs.add("label", "label must be at most 50 characters");
    if (raw.cnp_migration !== undefined && typeof raw.cnp_migration !== "boolean") errs.add("cnp_migration", "cnp_migration must be a boolean");
    errs.throwIfAny("invalid-campaign-data");
    const pc = store.data.partnerCampaigns[String(raw.campaign_id)];
    if (!pc) throw vNotFound("Campaign shared with this account");
    if (pc.cnpMigration && raw.cnp_migration !== true) {
      throw new VonageError(422, "invalid-campaign-data", "cnp_migration must be true: a CNP migration was started for this campaign", [{ name: "cnp_migration", reason: "must be true for a CNP migration" }]);
    }
    if (Object.values(st().partnerImports).some((x) => x.tcr_campaign_id === pc.campaignId)) throw vConflict("invalid-campaign-data", "This campaign was already imported");
    const imp = {
      campaign_id: store.newId("VC", (id) => id in st().campaigns || id in st().partnerImports), tcr_campaign_id: pc.campaignId, brand_id: pc.brandId,
      account_id: String(raw.account_id), label: typeof raw.label === "string" ? raw.label : null, cnp_migration: raw.cnp_migration === true,
    };
    st().partnerImports[imp.campaign_id] = imp;
    clock.schedule("vonage.partnerDecision", { campaignId: imp.campaign_id }, sim.delays.shareDecisionMs);
    return { status: 200, json: partnerOut(imp) };
  });
  r.get("/partnercampaigns/:campaign_id", (ctx) => {
    const imp = st().partnerImports[ctx.params.campaign_id!];
    if (!imp) throw vNotFound("Partner campaign");
    const { brand_id: _b, ...out } = partnerOut(imp);
    return { status: 200, json: out };
  });

  // ── Appeal evidence ──
  const evidenceOf = (brandId: string) =>
    Object.values(store.data.attachments).filter((a) => a.brandId === brandId && a.purpose === "APPEAL_EVIDENCE").sort((a, b) => a.createDate.localeCompare(b.createDate));
  const evidenceOut = (a: { uuid: string; fileName: string; mimeType: string }) => ({ id: a.uuid, file_name: a.fileName, mime_type: a.mimeType });

  r.get("/brands/:brand_id/appeal/evidence", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    return { status: 200, json: tokenPage(ctx, "evidences", evidenceOf(b.brandId), evidenceOut, `/brands/${b.brandId}/appeal/evidence`) };
  });
  r.post("/brands/:brand_id/appeal/evidence", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    if (ctx.body.length > EVIDENCE_REQUEST_MAX) throw new VonageError(413, "invalid-parameters", "At most 100 MB per request");
    let parts;
    try {
      parts = readMultipart(ctx).filter((p) => p.fileName !== null);
    } catch {
      throw new VonageError(422, "invalid-parameters", "multipart/form-data expected", [{ name: "file", reason: "multipart/form-data expected" }]);
    }
    const errs = new VFieldErrors();
    if (parts.length === 0) errs.add("file", "At least one file is required");
    for (const p of parts) {
      const ext = (p.fileName ?? "").toLowerCase().split(".").pop() ?? "";
      if (!EVIDENCE_TYPES[ext]) errs.add("file", `${p.fileName}: type .${ext} is not allowed; allowed: ${Object.keys(EVIDENCE_TYPES).join(", ")}`);
      if (!p.contentType) errs.add("file", `${p.fileName}: each part needs its own Content-Type`);
      if (p.data.length > EVIDENCE_FILE_MAX) errs.add("file", `${p.fileName}: at most 10 MB per file`);
    }
    errs.throwIfAny("invalid-parameters");
    const saved = parts.map((p) =>
      storeAttachment(sim, { brandId: b.brandId, campaignId: null, purpose: "APPEAL_EVIDENCE", fileName: p.fileName!, mimeType: p.contentType!, data: p.data }),
    );
    // One file answers the documented single-object shape; several answer the first (the reference shows one object).
    return { status: 200, json: evidenceOut(saved[0]!) };
  });
  const getEvidence = (brandId: string, id: string) => {
    const a = store.data.attachments[id];
    if (!a || a.brandId !== brandId || a.purpose !== "APPEAL_EVIDENCE") throw vNotFound("Evidence");
    return a;
  };
  r.get("/brands/:brand_id/appeal/evidence/:evidence_id", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const a = getEvidence(b.brandId, ctx.params.evidence_id!);
    return {
      status: 200, bytes: Buffer.from(a.dataBase64, "base64"), contentType: "application/octet-stream",
      headers: { "content-disposition": `attachment; filename="${a.fileName.replace(/"/g, "")}"` },
    };
  });
  r.delete("/brands/:brand_id/appeal/evidence/:evidence_id", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const a = getEvidence(b.brandId, ctx.params.evidence_id!);
    delete store.data.attachments[a.uuid];
    return { status: 204, empty: true };
  });

  r.post("/brands/:brand_id/vetting/requests/:vetting_id/appeal", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const v = store.data.vettings[ctx.params.vetting_id!];
    if (!v || v.brandId !== b.brandId || v.origin === "AUTHPLUS") throw vNotFound("Vetting");
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    const cats = raw.categories;
    const allowed = EXT_VETTING_APPEAL_CATEGORIES.map((c) => c.id);
    if (!Array.isArray(cats) || cats.length === 0) errs.add("categories", "At least one category is required");
    else for (const c of cats) if (typeof c !== "string" || !allowed.includes(c)) errs.add("categories", `Unknown category ${String(c)}; see vetting_appeal_category in /enum`);
    const ids = raw.evidence_ids;
    if (!Array.isArray(ids) || ids.length === 0) errs.add("evidence_ids", "evidence_ids is required");
    else if (ids.length > APPEAL_FILES_MAX) errs.add("evidence_ids", `At most ${APPEAL_FILES_MAX} files`);
    if (typeof raw.explanation !== "string" || raw.explanation === "") errs.add("explanation", "explanation is required");
    else if (raw.explanation.length > 1024) errs.add("explanation", "explanation must be at most 1024 characters");
    errs.throwIfAny("invalid-vetting-data");
    let total = 0;
    for (const id of ids as string[]) {
      const a = store.data.attachments[id];
      if (!a || a.brandId !== b.brandId || a.purpose !== "APPEAL_EVIDENCE") throw new VonageError(422, "invalid-vetting-data", `Unknown evidence ${id}`, [{ name: "evidence_ids", reason: `unknown evidence ${id}` }]);
      total += a.size;
    }
    if (total > APPEAL_BYTES_MAX) throw new VonageError(422, "invalid-vetting-data", "At most 30 MB of evidence per appeal", [{ name: "evidence_ids", reason: "more than 30 MB in all" }]);
    if (v.vettingStatus !== "ACTIVE" && v.vettingStatus !== "FAILED" && v.vettingStatus !== "UNSCORE") throw vConflict("vetting-conflict", "Only a scored or failed vet can be appealed");
    newAppeal(sim, "VETTING", b.brandId, { appealCategories: cats as string[], attachmentUuids: ids as string[], explanation: raw.explanation as string }, { evpId: v.evpId, vettingId: v.vettingId });
    return { status: 204, empty: true };
  });
}
