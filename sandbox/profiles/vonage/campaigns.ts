import { createHash } from "node:crypto";
import type { Sim } from "../../core/context";
import type { RequestContext, Router } from "../../core/router";
import type { BrandRecord, CampaignRecord } from "../../core/store";
import { MNOS } from "../../data/enums";
import { USECASE_BY_NAME, type UsecaseDef } from "../../data/usecases";
import { qualify, vettingScore, type MnoMetadata } from "../../domain/qualification";
import { activeBrand, metaOf } from "./brands";
import {
  CAMPAIGN_STATUSES, halPage, isoSeconds, LINK_HOST, readJsonBody, tokenPage, VFieldErrors, vConflict, vInvalid, vNotFound,
  vonageState, VONAGE_VERTICALS, type MessageFlowDetails, type VonageCampaign, type VonageCampaignStatus, type VonageNumber,
} from "./core";

/**
 * Vonage campaigns, message-flow preview, use-case qualification, numbers and throughputs.
 *
 * Review machine (reference: campaign `status` description; timings are simulator choices):
 *   create/update → PENDING_REVIEW ─(VONAGE_REVIEW_MS)→ UPDATES_REQUIRED when the description contains
 *   "UPDATES-REQUIRED" (scenario rule) or the brand no longer qualifies; otherwise the campaign is
 *   registered with TCR (a CampaignRecord in the shared store, tcr_campaign_id set) → CARRIERS_REVIEW
 *   ─(delays.campaignReviewMs)→ ACTIVE (traffic_enabled = true), or REJECTED when the description
 *   contains "REJECT" (the /v2 MNO rule). An update of a live campaign starts a new review
 *   (PENDING_REVIEW) while traffic_enabled keeps its value. PATCH status=CANCELED cancels.
 * Vonage policy (campaign guide): verified brands without a standard/enhanced vet qualify only for
 * LOW_VOLUME, CHARITY and POLITICAL; everything else needs an ACTIVE vet.
 */
export const VONAGE_USECASES = [
  "CUSTOMER_CARE", "POLLING_VOTING", "HIGHER_EDUCATION", "PUBLIC_SERVICE_ANNOUNCEMENT", "MARKETING", "SECURITY_ALERT",
  "DELIVERY_NOTIFICATION", "ACCOUNT_NOTIFICATION", "2FA", "FRAUD_ALERT", "TRIAL", "CHARITY", "POLITICAL", "EMERGENCY",
  "SWEEPSTAKE", "CONVERSATIONAL", "MIXED", "CARRIER_EXEMPT", "SOCIAL", "LOW_VOLUME",
];
const UNVETTED_OK = ["LOW_VOLUME", "CHARITY", "POLITICAL"];

/**
 * The sandbox's use-case catalogue (data/usecases.ts) has no CONVERSATIONAL; Vonage lists it. It is
 * simulated with CUSTOMER_CARE's rules (simulator choice).
 */
export function vonageUsecaseDef(usecase: string): UsecaseDef | undefined {
  if (!VONAGE_USECASES.includes(usecase)) return undefined;
  const def = USECASE_BY_NAME[usecase];
  if (def) return def;
  const base = USECASE_BY_NAME.CUSTOMER_CARE;
  return usecase === "CONVERSATIONAL" && base
    ? { ...base, usecase, displayName: "Conversational", description: "Two-way conversations between a business and its customers" }
    : undefined;
}
export const VONAGE_REVIEW_MS = 60 * 60_000;
export const NUMBER_LINK_MS = 60_000;
const CONSENT_METHODS = ["ONLINE_FORM", "LIVE_OPERATOR", "POINT_OF_SALE", "TEXT_TO_JOIN", "OTHER"];
const SAMPLE_FIELDS = ["sample_one", "sample_two", "sample_three", "sample_four", "sample_five"] as const;
const MESSAGE_FIELDS = ["help_message", "opt_in_message", "opt_out_message"] as const;
const KEYWORD_FIELDS = ["help_keywords", "opt_in_keywords", "opt_out_keywords"] as const;
const BOOL_FIELDS = ["age_gated", "direct_lending", "embedded_link", "embedded_phone", "reseller"] as const;
/** Read-only once the campaign left PENDING_REVIEW / UPDATES_REQUIRED (reference, PATCH description). */
const LOCKED_AFTER_REVIEW = ["vertical", "usecase", "sub_usecases", "age_gated", "direct_lending", "embedded_link", "embedded_phone"] as const;
const ENDED: VonageCampaignStatus[] = ["CANCELED", "TERMINATED"];
const URL_RE = /https?:\/\/\S+|www\.\S+/i;
const SHORTENERS = /(^|\/\/|\.)(bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly)(\/|$)/i;
const HTTP_URI = /^https?:\/\/[^\s/]+\.[^\s]+$/i;
const MNO_NAME: Record<string, string> = Object.fromEntries(MNOS.map((m) => [String(m.networkId), m.displayName]));

// ── Message flow template ───────────────────────────────────────────────────────────────────

/**
 * Reconstructed from the reference's example: lines joined by " \" + newline, brand, consent
 * mechanisms (TEXT_TO_JOIN with its keywords; others with their Link), the data-rates and frequency
 * line, the optional carrier disclaimer, HELP/STOP, Terms & Conditions, Privacy Policy. The ONE_TIME
 * wording is not stated: the sandbox writes "One-time message".
 */
export function renderMessageFlow(d: MessageFlowDetails, optInKeywords: string | null): string {
  const lines: string[] = [];
  if (d.brand_name) lines.push(`Brand: ${d.brand_name}`);
  lines.push("Consent mechanisms:");
  for (const m of d.consent_mechanisms) {
    if (m.method === "TEXT_TO_JOIN") lines.push(`- TEXT_TO_JOIN: ${optInKeywords ? `Opt-in Keywords: ${optInKeywords}. ` : ""}${m.details}`);
    else lines.push(`- ${m.method}: ${m.details}`);
    if (m.attachment) lines.push(`  Link: ${m.attachment}`);
  }
  lines.push(`Message & data rates may apply. - ${d.frequency === "ONE_TIME" ? "One-time message" : "Message frequency varies"}`);
  if (d.carrier_disclaimer) lines.push("Carriers are not liable for delayed or undelivered messages.");
  lines.push("Text HELP for help. Text STOP to opt-out.");
  lines.push(`Terms & Conditions: ${d.terms_and_conditions}`);
  lines.push(`Privacy Policy: ${d.privacy_policy}`);
  return `${lines.join(" \\\n")}\n`;
}

/** Validates a message_flow_details object (names prefixed for nested errors). */
export function readMessageFlowDetails(raw: unknown, errs: VFieldErrors, prefix: string, soleProprietor: boolean): MessageFlowDetails | null {
  const p = (n: string) => (prefix ? `${prefix}.${n}` : n);
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    errs.add(prefix || "body", "message_flow_details must be an object");
    return null;
  }
  const o = raw as Record<string, unknown>;
  const start = errs.items.length;
  if (o.brand_name !== undefined && typeof o.brand_name !== "string") errs.add(p("brand_name"), "brand_name must be a string");
  if (!o.brand_name && !soleProprietor) errs.add(p("brand_name"), "brand_name is required");
  const mechs: MessageFlowDetails["consent_mechanisms"] = [];
  if (!Array.isArray(o.consent_mechanisms) || o.consent_mechanisms.length === 0) errs.add(p("consent_mechanisms"), "At least one consent mechanism is required");
  else {
    o.consent_mechanisms.forEach((m: unknown, i: number) => {
      const q = (n: string) => p(`consent_mechanisms[${i}].${n}`);
      const mm = (m ?? {}) as Record<string, unknown>;
      if (typeof mm.method !== "string" || !CONSENT_METHODS.includes(mm.method)) errs.add(q("method"), `method must be one of ${CONSENT_METHODS.join(", ")}`);
      if (typeof mm.details !== "string" || mm.details.trim() === "") errs.add(q("details"), "details is required");
      if (mm.attachment !== undefined && (typeof mm.attachment !== "string" || !HTTP_URI.test(mm.attachment))) errs.add(q("attachment"), "attachment must be an HTTP(S) link");
      if (mm.method !== "TEXT_TO_JOIN" && !mm.attachment) errs.add(q("attachment"), "An attachment is required for every consent method except TEXT_TO_JOIN");
      mechs.push({ method: String(mm.method), details: String(mm.details ?? "").trim(), ...(typeof mm.attachment === "string" ? { attachment: mm.attachment } : {}) });
    });
  }
  if (o.pricing_disclosure !== true) errs.add(p("pricing_disclosure"), "pricing_disclosure must be true");
  if (o.carrier_disclaimer !== undefined && o.carrier_disclaimer !== true) errs.add(p("carrier_disclaimer"), "carrier_disclaimer can only be true");
  if (o.frequency !== "ONE_TIME" && o.frequency !== "RECURRING") errs.add(p("frequency"), "frequency must be ONE_TIME or RECURRING");
  for (const f of ["privacy_policy", "terms_and_conditions"]) {
    if (typeof o[f] !== "string" || !HTTP_URI.test(o[f])) errs.add(p(f), `${f} must be a valid URI`);
  }
  if (errs.items.length > start) return null;
  return {
    ...(typeof o.brand_name === "string" && o.brand_name ? { brand_name: o.brand_name } : {}),
    consent_mechanisms: mechs, pricing_disclosure: true, ...(o.carrier_disclaimer === true ? { carrier_disclaimer: true as const } : {}),
    frequency: o.frequency as MessageFlowDetails["frequency"], privacy_policy: String(o.privacy_policy), terms_and_conditions: String(o.terms_and_conditions),
  };
}

// ── Qualification ───────────────────────────────────────────────────────────────────────────

interface VQualification {
  usecase: string;
  quarterly_fee: number;
  annual_fee: number;
  mno_metadata: Record<string, unknown>[];
  /** Per network id, the TCR metadata of the MNOs the brand qualifies on. */
  qualified: Record<string, MnoMetadata>;
}

export function vonageQualify(sim: Sim, b: BrandRecord, usecase: string): VQualification {
  const def = vonageUsecaseDef(usecase);
  if (!def) throw vInvalid("invalid-usecase-data", "usecase", `usecase must be one of ${VONAGE_USECASES.join(", ")}`);
  const q = qualify(sim, b, def);
  const policy = vettingScore(sim, b) !== null || UNVETTED_OK.includes(usecase);
  const qualified: Record<string, MnoMetadata> = {};
  const mno_metadata = Object.entries(q.mnoMetadata).map(([id, m]) => {
    const ok = m.qualify && policy;
    if (ok) qualified[id] = m;
    return mnoMetadataOut(id, { ...m, qualify: ok }, null);
  });
  return { usecase, quarterly_fee: Math.round(q.quarterlyFee), annual_fee: Math.round(q.annualFee), mno_metadata, qualified };
}

function mnoMetadataOut(id: string, m: MnoMetadata, status: string | null): Record<string, unknown> {
  return {
    network_id: id, mno: m.mno, status, mno_support: m.mnoSupport, mno_review: m.mnoReview, qualify: m.qualify, min_msg_samples: m.minMsgSamples,
    req_subscriber_opt_in: m.reqSubscriberOptin, req_subscriber_opt_out: m.reqSubscriberOptout, req_subscriber_help: m.reqSubscriberHelp,
    no_embedded_link: m.noEmbeddedLink, no_embedded_phone: m.noEmbeddedPhone, att_msg_class: m.msgClass ?? null, att_tpm: m.tpm ?? null,
    att_mms_tpm: m.mmsTpm ?? null, att_number_based: m.tpmScope ? m.tpmScope === "NUMBER" : null, tmo_brand_tier: m.brandTier ?? null,
    tmo_tpd: m.brandDailyCap ?? null, complaints: [],
  };
}

// ── Body validation shared by create and update ─────────────────────────────────────────────

interface Draft {
  [k: string]: unknown;
}

function checkFields(d: Draft, errs: VFieldErrors): void {
  const str = (f: string, min: number, max: number, required: boolean) => {
    const v = d[f];
    if (v === undefined || v === null || v === "") {
      if (required) errs.add(f, `${f} is required`);
      return;
    }
    if (typeof v !== "string") return errs.add(f, `${f} must be a string`);
    if (v.length < min || v.length > max) errs.add(f, `${f} must be ${min} to ${max} characters`);
  };
  str("description", 40, 4096, true);
  str("label", 0, 50, false);
  str("reseller_id", 0, 8, false);
  for (const f of SAMPLE_FIELDS) str(f, 20, 1024, false);
  for (const f of MESSAGE_FIELDS) str(f, 20, 320, true);
  for (const f of KEYWORD_FIELDS) str(f, 0, 255, false);
  for (const [f, kw] of [["opt_out_keywords", "STOP"], ["help_keywords", "HELP"]] as const) {
    const v = d[f];
    if (typeof v === "string" && v !== "") {
      if (/\s/.test(v)) errs.add(f, `${f} must not contain any spaces`);
      if (!v.toUpperCase().split(",").includes(kw)) errs.add(f, `${f} must contain the ${kw} keyword`);
    }
  }
  for (const f of BOOL_FIELDS) if (d[f] !== undefined && d[f] !== null && typeof d[f] !== "boolean") errs.add(f, `${f} must be a boolean`);
  if (d.hipaa !== undefined && d.hipaa !== null && typeof d.hipaa !== "boolean") errs.add("hipaa", "hipaa must be a boolean");
  if (typeof d.usecase !== "string" || !VONAGE_USECASES.includes(d.usecase)) errs.add("usecase", `usecase must be one of ${VONAGE_USECASES.join(", ")}`);
  if (d.vertical !== undefined && d.vertical !== null && (typeof d.vertical !== "string" || !VONAGE_VERTICALS.includes(d.vertical))) errs.add("vertical", "vertical is not a valid vertical");
  const subs = d.sub_usecases;
  if (subs !== undefined && subs !== null) {
    if (!Array.isArray(subs) || subs.some((s) => typeof s !== "string" || !VONAGE_USECASES.includes(s))) errs.add("sub_usecases", "sub_usecases must be use case values");
    const def = typeof d.usecase === "string" ? vonageUsecaseDef(d.usecase) : undefined;
    // Only use cases that take sub use cases (MIXED, LOW_VOLUME in the sandbox catalogue) bound the count.
    if (def && def.maxSubUsecases > 0 && Array.isArray(subs) && (subs.length < def.minSubUsecases || subs.length > def.maxSubUsecases)) {
      errs.add("sub_usecases", `${def.usecase} takes ${def.minSubUsecases} to ${def.maxSubUsecases} sub use cases`);
    }
  } else {
    const def = typeof d.usecase === "string" ? vonageUsecaseDef(d.usecase) : undefined;
    if (def && def.minSubUsecases > 0) errs.add("sub_usecases", `${def.usecase} takes ${def.minSubUsecases} to ${def.maxSubUsecases} sub use cases`);
  }
  if (typeof d.opt_in_keywords === "string" && d.opt_in_keywords && !d.opt_in_message) errs.add("opt_in_message", "opt_in_message is mandatory if opt_in_keywords is set");
  const samples = SAMPLE_FIELDS.map((f) => d[f]).filter((s): s is string => typeof s === "string" && s !== "");
  if (samples.some((s) => URL_RE.test(s))) {
    if (d.embedded_link !== true) errs.add("embedded_link", "embedded_link must be true when a sample contains a link");
    if (samples.some((s) => SHORTENERS.test(s))) errs.add("embedded_link", "Shortened URLs are forbidden");
  }
}

function sampleCount(d: Draft): number {
  return SAMPLE_FIELDS.filter((f) => typeof d[f] === "string" && d[f] !== "").length;
}

// ── Routes ──────────────────────────────────────────────────────────────────────────────────

export function registerVonageCampaignRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const st = () => vonageState(store);
  const key = (ctx: RequestContext) => ctx.apiKey ?? "";

  const getCampaign = (brandId: string, campaignId: string) => {
    activeBrand(sim, brandId);
    const c = st().campaigns[campaignId];
    if (!c || c.brand_id !== brandId) throw vNotFound("Campaign");
    return c;
  };

  const setStatus = (c: VonageCampaign, status: VonageCampaignStatus, explanation: string) => {
    c.status = status;
    c.last_updated = isoSeconds(clock.nowIso())!;
    c.last_status_changes.unshift({ status, explanation, change_date: clock.nowIso().slice(0, 19).replace("T", " ") });
    c.last_status_changes = c.last_status_changes.slice(0, 10);
  };

  const startReview = (c: VonageCampaign, why: string) => {
    c.review_seq++;
    setStatus(c, "PENDING_REVIEW", why);
    clock.schedule("vonage.review", { campaignId: c.campaign_id, seq: c.review_seq }, VONAGE_REVIEW_MS);
  };

  const tcrRecord = (c: VonageCampaign) => (c.tcr_campaign_id ? store.data.campaigns[c.tcr_campaign_id] : undefined);

  /** Writes the Vonage campaign into its TCR CampaignRecord (created on first approval). */
  const syncTcr = (c: VonageCampaign, b: BrandRecord, qualified: Record<string, MnoMetadata>): CampaignRecord => {
    const now = clock.nowIso();
    const next = new Date(clock.now());
    next.setUTCMonth(next.getUTCMonth() + 3);
    let rec = tcrRecord(c);
    if (!rec) {
      const def = vonageUsecaseDef(c.usecase)!;
      rec = {
        campaignId: store.newCampaignId(), cspId: store.data.account.cspId, resellerId: c.reseller_id, status: "ACTIVE", createDate: now,
        autoRenewal: c.auto_renewal, billedDate: now, brandId: b.brandId, vertical: c.vertical ?? b.vertical, usecase: c.usecase,
        subUsecases: c.sub_usecases, description: c.description, embeddedLink: c.embedded_link, embeddedPhone: c.embedded_phone,
        termsAndConditions: true, numberPool: false, ageGated: c.age_gated, directLending: c.direct_lending, subscriberOptin: true,
        subscriberOptout: true, subscriberHelp: true, sample1: null, sample2: null, sample3: null, sample4: null, sample5: null,
        messageFlow: c.message_flow, helpMessage: null, referenceId: null, mock: false, nextRenewalOrExpirationDate: next.toISOString().slice(0, 10),
        expirationDate: null, optinKeywords: null, optoutKeywords: null, helpKeywords: null, optinMessage: null, optoutMessage: null,
        privacyPolicyLink: c.message_flow_details?.privacy_policy ?? null, termsAndConditionsLink: c.message_flow_details?.terms_and_conditions ?? null,
        embeddedLinkSample: null, monthlyFee: def.monthlyFee, tag: [], mnoIds: [], sim: { mnoMetadata: {}, operationStatus: {} },
      };
      store.data.campaigns[rec.campaignId] = rec;
      store.data.counters.campaigns++;
      c.tcr_campaign_id = rec.campaignId;
    }
    Object.assign(rec, {
      description: c.description, messageFlow: c.message_flow, sample1: c.sample_one, sample2: c.sample_two, sample3: c.sample_three,
      sample4: c.sample_four, sample5: c.sample_five, helpMessage: c.help_message, optinMessage: c.opt_in_message, optoutMessage: c.opt_out_message,
      optinKeywords: c.opt_in_keywords, optoutKeywords: c.opt_out_keywords, helpKeywords: c.help_keywords, autoRenewal: c.auto_renewal,
      embeddedLink: c.embedded_link, embeddedPhone: c.embedded_phone, ageGated: c.age_gated, directLending: c.direct_lending,
    });
    for (const [id, m] of Object.entries(qualified)) {
      rec.sim!.mnoMetadata[id] = m as unknown as Record<string, unknown>;
      rec.sim!.operationStatus[id] = m.mnoReview ? "REVIEW" : "REGISTERED";
      if (!rec.mnoIds.includes(Number(id))) rec.mnoIds.push(Number(id));
    }
    return rec;
  };

  clock.register("vonage.review", (p) => {
    const c = st().campaigns[String(p.campaignId)];
    if (!c || c.review_seq !== p.seq || c.status !== "PENDING_REVIEW") return;
    const b = store.data.brands[c.brand_id];
    if (!b || b.status !== "ACTIVE") return;
    if (c.description.toUpperCase().includes("UPDATES-REQUIRED")) return setStatus(c, "UPDATES_REQUIRED", "The description does not explain the campaign's purpose; update it and the campaign is reviewed again.");
    const q = vonageQualify(sim, b, c.usecase);
    if (Object.keys(q.qualified).length === 0) return setStatus(c, "UPDATES_REQUIRED", "The brand no longer qualifies for this use case.");
    syncTcr(c, b, q.qualified);
    setStatus(c, "CARRIERS_REVIEW", "Approved after internal review; registered with TCR and waiting for the carriers.");
    clock.schedule("vonage.carriers", { campaignId: c.campaign_id, seq: c.review_seq }, sim.delays.campaignReviewMs);
  });

  clock.register("vonage.carriers", (p) => {
    const c = st().campaigns[String(p.campaignId)];
    if (!c || c.review_seq !== p.seq || c.status !== "CARRIERS_REVIEW") return;
    const rec = tcrRecord(c);
    if (c.description.toUpperCase().includes("REJECT")) {
      c.traffic_enabled = false;
      if (rec) for (const id of Object.keys(rec.sim?.operationStatus ?? {})) rec.sim!.operationStatus[id] = "REJECTED";
      return setStatus(c, "REJECTED", "Rejected by the carriers.");
    }
    if (rec) for (const id of Object.keys(rec.sim?.operationStatus ?? {})) rec.sim!.operationStatus[id] = "REGISTERED";
    const now = clock.nowIso();
    const renew = new Date(clock.now());
    renew.setUTCMonth(renew.getUTCMonth() + 3);
    c.registration_date ??= isoSeconds(now);
    c.billed_date ??= isoSeconds(now);
    c.renewal_date ??= renew.toISOString().slice(0, 10);
    c.traffic_enabled = true;
    setStatus(c, c.auto_renewal ? "ACTIVE" : "PENDING_CANCELLATION", "Approved by every party.");
  });

  clock.register("vonage.numberLink", (p) => {
    const n = st().numbers[String(p.number)];
    if (!n || n.status !== "LINKING" || n.campaign_id !== p.campaignId) return;
    const c = st().campaigns[n.campaign_id];
    const rec = c ? tcrRecord(c) : undefined;
    if (!c || !rec || !c.traffic_enabled || ENDED.includes(c.status)) {
      n.status = "REJECTED";
      return;
    }
    n.status = "LINKED";
    store.data.phoneNumbers[`+${n.number}`] = { phoneNumber: `+${n.number}`, campaignId: rec.campaignId, current: true, provisionDate: clock.nowIso(), deprovisionDate: null };
  });

  clock.register("vonage.numberUnlink", (p) => {
    const n = st().numbers[String(p.number)];
    if (!n || n.status !== "UNLINKING") return;
    n.status = "UNLINKED";
    const pn = store.data.phoneNumbers[`+${n.number}`];
    if (pn) Object.assign(pn, { current: false, deprovisionDate: clock.nowIso() });
  });

  const render = (c: VonageCampaign): Record<string, unknown> => {
    const rec = tcrRecord(c);
    const b = store.data.brands[c.brand_id];
    let meta: Record<string, unknown>[] = [];
    if (rec?.sim) meta = Object.entries(rec.sim.mnoMetadata).map(([id, m]) => mnoMetadataOut(id, m as unknown as MnoMetadata, rec.sim!.operationStatus[id] ?? null));
    else if (b) {
      try {
        meta = vonageQualify(sim, b, c.usecase).mno_metadata;
      } catch {
        meta = [];
      }
    }
    const base = `${LINK_HOST}/v1/10dlc/brands/${c.brand_id}`;
    const { review_seq: _seq, message_flow_details, ...pub } = c;
    return {
      ...pub,
      ...(message_flow_details ? { message_flow_details } : {}),
      subscriber_opt_in: true, subscriber_opt_out: true, subscriber_help: true, partner: false,
      tcr_status: rec ? (rec.status === "ACTIVE" ? "ACTIVE" : "CANCELED") : "UNKNOWN", number_pool: true,
      opt_out_assist: st().account.opt_out_assist, mno_metadata: meta, carrier_brand_suspensions: [],
      _links: { self: { href: `${base}/campaigns/${c.campaign_id}` }, brand: { href: base }, numbers: { href: `${base}/campaigns/${c.campaign_id}/numbers` } },
    };
  };

  const resellerFor = (b: BrandRecord, raw: Draft, errs: VFieldErrors, current: string | null): string => {
    const resellers = Object.values(st().resellers).filter((x) => x.status === "PENDING" || x.status === "APPROVED");
    const brandReseller = metaOf(sim, b, "").reseller;
    if (brandReseller || raw.reseller === true) {
      if (!resellers.length) errs.add("reseller", "A PENDING or APPROVED reseller must be linked to the primary account");
      return resellers.find((x) => x.tcr_reseller_id)?.tcr_reseller_id ?? current ?? "";
    }
    const rid = typeof raw.reseller_id === "string" && raw.reseller_id !== "" ? raw.reseller_id : null;
    if (rid === null) return current ?? "R000000";
    if (rid !== "R000000" && !resellers.some((x) => x.tcr_reseller_id === rid) && !store.data.resellers[rid]) errs.add("reseller_id", "Unknown reseller_id");
    return rid;
  };

  r.get("/brands/:brand_id/usecases/:usecase", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const { qualified: _q, ...out } = vonageQualify(sim, b, ctx.params.usecase!);
    return { status: 200, json: out };
  });

  r.get("/brands/:brand_id/campaigns", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const statuses = ctx.query.getAll("status").flatMap((s) => s.split(",")).filter(Boolean);
    for (const s of statuses) if (!CAMPAIGN_STATUSES.includes(s as VonageCampaignStatus)) throw vInvalid("invalid-parameters", "status", `status must be one of ${CAMPAIGN_STATUSES.join(", ")}`);
    const rows = Object.values(st().campaigns)
      .filter((c) => c.brand_id === b.brandId && (statuses.length === 0 || statuses.includes(c.status)))
      .sort((x, y) => (x.created_date < y.created_date ? 1 : x.created_date > y.created_date ? -1 : x.campaign_id.localeCompare(y.campaign_id)));
    return { status: 200, json: halPage(ctx, "campaigns", rows, render, `/brands/${b.brandId}/campaigns`) };
  });

  r.post("/brands/:brand_id/campaigns", (ctx) => {
    const b = activeBrand(sim, ctx.params.brand_id!);
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    if (typeof raw.account_id !== "string" || raw.account_id === "") errs.add("account_id", "account_id is required");
    if (raw.tc_agreed !== true) errs.add("tc_agreed", "tc_agreed must be true to accept the 10DLC terms and conditions");
    const draft: Draft = { ...raw, opt_out_keywords: raw.opt_out_keywords ?? "STOP", help_keywords: raw.help_keywords ?? "HELP" };
    checkFields(draft, errs);
    let details: MessageFlowDetails | null = null;
    if (raw.message_flow !== undefined && raw.message_flow_details !== undefined) errs.add("message_flow", "Specify either message_flow or message_flow_details, not both");
    else if (raw.message_flow_details !== undefined) details = readMessageFlowDetails(raw.message_flow_details, errs, "message_flow_details", b.entityType === "SOLE_PROPRIETOR");
    else if (typeof raw.message_flow === "string") {
      if (raw.message_flow.length < 40 || raw.message_flow.length > 4096) errs.add("message_flow", "message_flow must be 40 to 4096 characters");
    } else errs.add("message_flow_details", "message_flow_details is required");
    const resellerId = resellerFor(b, raw, errs, null);
    const messageFlow = details ? renderMessageFlow(details, typeof raw.opt_in_keywords === "string" ? raw.opt_in_keywords : null) : String(raw.message_flow ?? "");
    if (details && (messageFlow.length < 40 || messageFlow.length > 4096)) errs.add("message_flow_details", `The generated message_flow is ${messageFlow.length} characters; it must be 40 to 4096`);
    errs.throwIfAny("invalid-campaign-data");
    const q = vonageQualify(sim, b, String(raw.usecase));
    if (Object.keys(q.qualified).length === 0) {
      throw vConflict("brand-not-qualified", `The brand does not qualify for the ${String(raw.usecase)} use case; check /brands/${b.brandId}/usecases/${String(raw.usecase)}`);
    }
    const def = vonageUsecaseDef(String(raw.usecase))!;
    const subs = Array.isArray(raw.sub_usecases) ? (raw.sub_usecases as string[]) : [];
    const need = Math.max(def.minMsgSamples, subs.length, ...Object.values(q.qualified).map((m) => m.minMsgSamples));
    if (sampleCount(draft) < need) throw vInvalid("invalid-campaign-data", "sample_one", `At least ${need} message samples are required`);
    const nowIso = isoSeconds(clock.nowIso())!;
    const str = (f: string) => (typeof raw[f] === "string" && raw[f] !== "" ? (raw[f] as string) : null);
    const c: VonageCampaign = {
      campaign_id: store.newId("VC", (id) => id in st().campaigns), brand_id: b.brandId, account_id: String(raw.account_id),
      primary_account_id: metaOf(sim, b, key(ctx)).primary_account_id, tcr_campaign_id: null, reseller_id: resellerId,
      reseller: raw.reseller === true || metaOf(sim, b, key(ctx)).reseller, label: str("label"), status: "PENDING_REVIEW", traffic_enabled: false,
      usecase: def.usecase, sub_usecases: subs, vertical: str("vertical") ?? b.vertical, description: String(raw.description),
      message_flow: messageFlow, message_flow_details: details, opt_in_keywords: str("opt_in_keywords"), opt_in_message: str("opt_in_message"),
      opt_out_keywords: String(draft.opt_out_keywords), opt_out_message: str("opt_out_message"), help_keywords: String(draft.help_keywords),
      help_message: str("help_message"), sample_one: str("sample_one"), sample_two: str("sample_two"), sample_three: str("sample_three"),
      sample_four: str("sample_four"), sample_five: str("sample_five"), age_gated: raw.age_gated === true, direct_lending: raw.direct_lending === true,
      embedded_link: raw.embedded_link === true, embedded_phone: raw.embedded_phone === true, hipaa: typeof raw.hipaa === "boolean" ? raw.hipaa : null,
      auto_renewal: true, registration_date: null, renewal_date: null, created_date: nowIso, last_updated: nowIso, billed_date: null,
      last_status_changes: [], review_seq: 0,
    };
    st().campaigns[c.campaign_id] = c;
    startReview(c, "Submitted for Vonage's internal review.");
    return { status: 200, json: render(c) };
  });

  r.post("/campaigns/message_flow", (ctx) => {
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    const d = readMessageFlowDetails(raw, errs, "", true);
    if (raw.opt_in_keywords !== undefined && typeof raw.opt_in_keywords !== "string") errs.add("opt_in_keywords", "opt_in_keywords must be a string");
    errs.throwIfAny("invalid-campaign-data");
    const text = renderMessageFlow(d!, typeof raw.opt_in_keywords === "string" ? raw.opt_in_keywords : null);
    if (text.length < 40 || text.length > 4096) throw vInvalid("invalid-campaign-data", "message_flow", `The generated message_flow is ${text.length} characters; it must be 40 to 4096`);
    return { status: 200, json: { message_flow: text } };
  });

  r.get("/campaigns/terms_and_conditions", () => ({
    status: 200,
    json: { sub_terms: ["I confirm that this campaign will not be used for Affiliate Marketing."] },
  }));

  r.get("/brands/:brand_id/campaigns/:campaign_id", (ctx) => ({ status: 200, json: render(getCampaign(ctx.params.brand_id!, ctx.params.campaign_id!)) }));

  const cancel = (c: VonageCampaign, why: string) => {
    c.traffic_enabled = false;
    c.review_seq++;
    setStatus(c, "CANCELED", why);
    const rec = tcrRecord(c);
    if (rec && rec.status === "ACTIVE") Object.assign(rec, { status: "EXPIRED", expirationDate: clock.nowIso(), autoRenewal: false });
    for (const n of Object.values(st().numbers)) {
      if (n.campaign_id === c.campaign_id && (n.status === "LINKED" || n.status === "LINKING")) {
        n.status = "UNLINKED";
        const pn = store.data.phoneNumbers[`+${n.number}`];
        if (pn) Object.assign(pn, { current: false, deprovisionDate: clock.nowIso() });
      }
    }
  };

  r.add("PATCH", "/brands/:brand_id/campaigns/:campaign_id", (ctx) => {
    const c = getCampaign(ctx.params.brand_id!, ctx.params.campaign_id!);
    const b = activeBrand(sim, c.brand_id);
    if (ENDED.includes(c.status)) throw vConflict("invalid-campaign-data", `A ${c.status} campaign cannot be updated`);
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    if (raw.status !== undefined && raw.status !== null && raw.status !== "CANCELED") errs.add("status", "status can only be set to CANCELED");
    if (raw.auto_renewal !== undefined && typeof raw.auto_renewal !== "boolean") errs.add("auto_renewal", "auto_renewal must be a boolean");
    // "read only after the initial approval of the campaign by Vonage compliance team": before it, a
    // PENDING_REVIEW / UPDATES_REQUIRED campaign may change every field; after it (tcr_campaign_id set), never.
    const editable = (c.status === "PENDING_REVIEW" || c.status === "UPDATES_REQUIRED") && c.tcr_campaign_id === null;
    if (!editable) {
      for (const f of LOCKED_AFTER_REVIEW) {
        if (f in raw && JSON.stringify(raw[f]) !== JSON.stringify(c[f])) errs.add(f, `${f} is read-only once the campaign has been reviewed`);
      }
    }
    const hipaaLocked = Object.values(st().numbers).some((n) => n.campaign_id === c.campaign_id);
    if ("hipaa" in raw && hipaaLocked && raw.hipaa !== c.hipaa) errs.add("hipaa", "hipaa cannot change after the first number link attempt");
    const { review_seq: _s, ...current } = c;
    const draft: Draft = { ...current };
    const writable = [
      "label", "description", "vertical", "usecase", "sub_usecases", ...SAMPLE_FIELDS, ...MESSAGE_FIELDS, ...KEYWORD_FIELDS,
      "age_gated", "direct_lending", "embedded_link", "embedded_phone", "hipaa", "reseller_id", "reseller",
    ];
    for (const f of writable) if (f in raw) draft[f] = raw[f];
    checkFields(draft, errs);
    let details: MessageFlowDetails | null | undefined = undefined;
    let flow: string | undefined = undefined;
    if (raw.message_flow !== undefined && raw.message_flow_details !== undefined) errs.add("message_flow", "Specify either message_flow or message_flow_details, not both");
    else if (raw.message_flow_details !== undefined) {
      details = readMessageFlowDetails(raw.message_flow_details, errs, "message_flow_details", b.entityType === "SOLE_PROPRIETOR");
      if (details) flow = renderMessageFlow(details, typeof draft.opt_in_keywords === "string" ? draft.opt_in_keywords : null);
    } else if (raw.message_flow !== undefined) {
      if (typeof raw.message_flow !== "string" || raw.message_flow.length < 40 || raw.message_flow.length > 4096) errs.add("message_flow", "message_flow must be 40 to 4096 characters");
      else {
        flow = raw.message_flow;
        details = null; // writing message_flow clears the stored details
      }
    }
    let resellerId = c.reseller_id;
    if ("reseller_id" in raw || "reseller" in raw) {
      const next = resellerFor(b, raw, errs, c.reseller_id);
      if (next !== c.reseller_id && c.tcr_campaign_id && c.reseller_id) errs.add("reseller_id", "reseller_id cannot change once tcr_campaign_id and reseller_id are set");
      else resellerId = next;
    }
    errs.throwIfAny("invalid-campaign-data");
    const before = JSON.stringify(render(c));
    for (const f of writable) if (f in raw && f !== "reseller_id") (c as unknown as Record<string, unknown>)[f] = raw[f] ?? null;
    c.reseller_id = resellerId;
    if (details !== undefined) c.message_flow_details = details;
    if (flow !== undefined) c.message_flow = flow;
    if (typeof raw.auto_renewal === "boolean") {
      c.auto_renewal = raw.auto_renewal;
      if (!raw.auto_renewal && c.status === "ACTIVE") setStatus(c, "PENDING_CANCELLATION", "Auto-renewal was turned off: the campaign is canceled at its next renewal date.");
      if (raw.auto_renewal && c.status === "PENDING_CANCELLATION") setStatus(c, "ACTIVE", "Auto-renewal was turned back on.");
    }
    c.last_updated = isoSeconds(clock.nowIso())!;
    if (raw.status === "CANCELED") cancel(c, "Canceled by the customer.");
    else {
      const contentChanged = Object.keys(raw).some((k) => k !== "auto_renewal") && JSON.stringify(render(c)) !== before;
      // Vonage (changelog 2024-10-28): every update triggers a new compliance review.
      if (contentChanged) startReview(c, "Updated: submitted for a new compliance review.");
    }
    return { status: 200, json: render(c) };
  });

  r.delete("/brands/:brand_id/campaigns/:campaign_id", (ctx) => {
    const c = getCampaign(ctx.params.brand_id!, ctx.params.campaign_id!);
    // Deprecated: cancels auto-renewal, which cannot be undone.
    c.auto_renewal = false;
    if (c.status === "ACTIVE") setStatus(c, "PENDING_CANCELLATION", "Auto-renewal canceled: the campaign ends at its next renewal date.");
    const rec = tcrRecord(c);
    if (rec) rec.autoRenewal = false;
    return { status: 204, empty: true };
  });

  r.put("/brands/:brand_id/campaigns/:campaign_id/resubmit", (ctx) => {
    const c = getCampaign(ctx.params.brand_id!, ctx.params.campaign_id!);
    const raw = readJsonBody(ctx);
    const known = MNOS.map((m) => String(m.networkId));
    if (!Array.isArray(raw.mno_ids) || raw.mno_ids.length === 0 || raw.mno_ids.some((m) => typeof m !== "string" || !known.includes(m))) {
      throw vInvalid("invalid-campaign-data", "mno_ids", `mno_ids must list MNO network ids (${known.join(", ")})`);
    }
    if (c.status !== "ACTIVE" || !c.tcr_campaign_id) throw vConflict("invalid-campaign-data", "Only an ACTIVE campaign can be resubmitted");
    const b = activeBrand(sim, c.brand_id);
    const q = vonageQualify(sim, b, c.usecase);
    const ok = Object.fromEntries(Object.entries(q.qualified).filter(([id]) => (raw.mno_ids as string[]).includes(id)));
    if (Object.keys(ok).length === 0) throw vConflict("brand-not-qualified", "The brand does not qualify on the requested MNOs");
    const rec = syncTcr(c, b, ok);
    store.data.counters.resubmissions++;
    const base = `${LINK_HOST}/v1/10dlc/brands/${c.brand_id}`;
    return {
      status: 200,
      json: {
        campaign_id: c.campaign_id, brand_id: c.brand_id,
        mno_metadata: Object.keys(ok).map((id) => mnoMetadataOut(id, ok[id]!, rec.sim!.operationStatus[id] ?? null)),
        _links: { self: { href: `${base}/campaigns/${c.campaign_id}` }, brand: { href: base } },
      },
    };
  });

  // ── Numbers ──
  const numberOut = (n: VonageNumber) => {
    const base = `${LINK_HOST}/v1/10dlc/brands/${n.brand_id}`;
    return {
      number: n.number, country: n.country, status: n.status, compliance: n.compliance,
      _links: { self: { href: `${base}/campaigns/${n.campaign_id}/numbers/${n.number}` }, campaign: { href: `${base}/campaigns/${n.campaign_id}/` }, brand: { href: base } },
    };
  };

  r.get("/brands/:brand_id/campaigns/:campaign_id/numbers", (ctx) => {
    const c = getCampaign(ctx.params.brand_id!, ctx.params.campaign_id!);
    const rows = Object.values(st().numbers).filter((n) => n.campaign_id === c.campaign_id && n.status !== "UNLINKED").sort((a, b) => a.number.localeCompare(b.number));
    return { status: 200, json: halPage(ctx, "numbers", rows, numberOut, `/brands/${c.brand_id}/campaigns/${c.campaign_id}/numbers`) };
  });

  r.post("/brands/:brand_id/campaigns/:campaign_id/numbers", (ctx) => {
    const c = getCampaign(ctx.params.brand_id!, ctx.params.campaign_id!);
    const raw = readJsonBody(ctx);
    const errs = new VFieldErrors();
    if (typeof raw.country !== "string" || !/^[A-Z]{2}$/.test(raw.country)) errs.add("country", "country must be an ISO 3166-1 alpha-2 code");
    if (typeof raw.number !== "string" || !/^\d{7,15}$/.test(raw.number)) errs.add("number", "number must be 7 to 15 digits, without the + prefix");
    errs.throwIfAny("invalid-number-data");
    if (ENDED.includes(c.status) || c.status === "REJECTED") throw vConflict("invalid-number-data", `Numbers cannot be linked to a ${c.status} campaign`);
    const number = String(raw.number);
    const existing = st().numbers[number];
    if (existing && existing.campaign_id !== c.campaign_id && (existing.status === "LINKING" || existing.status === "LINKED" || existing.status === "UNLINKING")) {
      throw vConflict("numbers-already-linked", "The number is already linked to another campaign");
    }
    if (existing && existing.campaign_id === c.campaign_id && (existing.status === "LINKING" || existing.status === "LINKED")) return { status: 202, json: numberOut(existing) };
    c.hipaa ??= false; // fixed at the first link attempt (reference, campaign hipaa)
    const n: VonageNumber = {
      number, country: String(raw.country), status: "LINKING", campaign_id: c.campaign_id, brand_id: c.brand_id,
      // The reference's example spells the flag "HIPPA".
      compliance: c.hipaa ? ["HIPPA"] : [],
    };
    st().numbers[number] = n;
    clock.schedule("vonage.numberLink", { number, campaignId: c.campaign_id }, NUMBER_LINK_MS);
    return { status: 202, json: numberOut(n) };
  });

  const getNumber = (ctx: RequestContext) => {
    const c = getCampaign(ctx.params.brand_id!, ctx.params.campaign_id!);
    const n = st().numbers[ctx.params.number!];
    if (!n || n.campaign_id !== c.campaign_id || n.status === "UNLINKED") throw vNotFound("Number");
    return n;
  };
  r.get("/brands/:brand_id/campaigns/:campaign_id/numbers/:number", (ctx) => ({ status: 200, json: numberOut(getNumber(ctx)) }));
  r.delete("/brands/:brand_id/campaigns/:campaign_id/numbers/:number", (ctx) => {
    const n = getNumber(ctx);
    if (n.status === "LINKING" || n.status === "REJECTED") n.status = "UNLINKED";
    else if (n.status === "LINKED") {
      n.status = "UNLINKING";
      clock.schedule("vonage.numberUnlink", { number: n.number }, NUMBER_LINK_MS);
    }
    return { status: 204, empty: true };
  });

  // ── Throughputs ──
  r.get("/throughputs", (ctx) => {
    const campaignId = ctx.query.get("campaign_id");
    const campaigns = Object.values(st().campaigns).filter((c) => !campaignId || c.campaign_id === campaignId);
    if (campaignId && campaigns.length === 0) throw vNotFound("Campaign");
    const rows: Record<string, unknown>[] = [];
    for (const c of campaigns) {
      const rec = tcrRecord(c);
      if (!rec?.sim || !c.traffic_enabled) continue;
      const uuid = (s: string) => {
        const h = createHash("sha256").update(s).digest("hex");
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
      };
      const att = rec.sim.mnoMetadata["10017"] as unknown as MnoMetadata | undefined;
      if (att?.tpm) {
        rows.push({ id: uuid(`${c.campaign_id}:att`), brand_id: c.brand_id, campaign_id: c.campaign_id, carriers: [MNO_NAME["10017"]], value: { shared: att.tpm }, period: "minute", scope: att.tpmScope === "NUMBER" ? "number" : "campaign" });
      }
      const tmo = rec.sim.mnoMetadata["10035"] as unknown as MnoMetadata | undefined;
      if (tmo?.brandDailyCap) {
        rows.push({ id: uuid(`${c.brand_id}:tmo`), brand_id: c.brand_id, campaign_id: c.campaign_id, carriers: [MNO_NAME["10035"]], value: { shared: tmo.brandDailyCap }, period: "day", scope: "brand" });
      }
    }
    return { status: 200, json: tokenPage(ctx, "throughputs", rows, (x) => x, campaignId ? `/throughputs?campaign_id=${campaignId}` : "/throughputs") };
  });

}
