import type { Sim } from "../core/context";
import { FieldErrors, invalid, notFound, tcrError } from "../core/errors";
import { BodyReader, json, noContent, paginate, queryArray, queryBool, readJson } from "../core/http";
import type { Router } from "../core/router";
import type { BrandRecord, CampaignRecord } from "../core/store";
import { CAMPAIGN_STATUSES, MNOS } from "../data/enums";
import { USECASE_BY_NAME, type UsecaseDef } from "../data/usecases";
import { brandEventFields, getActiveBrand } from "../domain/brands";
import { qualify, type MnoMetadata } from "../domain/qualification";
import { cancelMigration, openMigration } from "./migration";
import { NO_RESELLER } from "./resellers";

/**
 * Campaigns (tcr-api-part2 §2.1–2.6, 2.11, 2.13, 2.16) and creation through POST /campaignBuilder (§3.1).
 * A campaign is created only for the MNOs whose requirements it meets (qualify, support, sample count,
 * opt-in/opt-out/help, embedded link/phone); none → 509. Standard use cases are REGISTERED at once;
 * MNOs with mnoReview=true start in REVIEW and decide after delays.campaignReviewMs: REJECTED when the
 * description contains "REJECT" (documented scenario rule), otherwise REGISTERED.
 * Simulator choices: campaign referenceIds are unique per CSP (503), auto-renewal billing is not simulated.
 */
const SHORTENERS = /(^|\/\/|\.)(bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly)(\/|$)/i;
const TAG = /^[\p{L}\p{N}]{1,50}$/u;
const MNO_NAME: Record<string, string> = Object.fromEntries(MNOS.map((m) => [String(m.networkId), m.displayName]));

const TEXT_FIELDS: Record<string, [number, number]> = {
  description: [40, 4096], messageFlow: [40, 4096], sample1: [20, 1024], sample2: [20, 1024], sample3: [20, 1024],
  sample4: [20, 1024], sample5: [20, 1024], helpMessage: [20, 1024], optinMessage: [20, 1024], optoutMessage: [20, 1024],
  optinKeywords: [0, 255], optoutKeywords: [0, 255], helpKeywords: [0, 255], privacyPolicyLink: [0, 2048],
  termsAndConditionsLink: [0, 2048], embeddedLinkSample: [0, 255],
};
const UPDATABLE_BOOLEANS = ["embeddedLink", "embeddedPhone", "numberPool", "ageGated", "directLending", "autoRenewal"] as const;
const FIXED_FIELDS = ["brandId", "usecase", "subUsecases", "termsAndConditions", "subscriberOptin", "subscriberOptout", "subscriberHelp", "mnoIds", "referenceId", "tag"] as const;

export function campaignResponse(c: CampaignRecord, withFee = true): Record<string, unknown> {
  const { sim: _sim, mnoIds: _mnoIds, tag: _tag, ...pub } = c;
  if (!withFee) delete (pub as Partial<CampaignRecord>).monthlyFee;
  return pub;
}

function sampleCount(c: Pick<CampaignRecord, "sample1" | "sample2" | "sample3" | "sample4" | "sample5">): number {
  return [c.sample1, c.sample2, c.sample3, c.sample4, c.sample5].filter(Boolean).length;
}

/** Why this campaign cannot go to this MNO (empty = eligible). */
function mnoProblems(m: MnoMetadata, c: CampaignRecord): string[] {
  const p: string[] = [];
  if (!m.mnoSupport) p.push("use case not supported");
  if (!m.qualify) p.push("brand does not qualify");
  if (sampleCount(c) < m.minMsgSamples) p.push(`at least ${m.minMsgSamples} sample messages required`);
  if (m.reqSubscriberOptin && !c.subscriberOptin) p.push("subscriber opt-in required");
  if (m.reqSubscriberOptout && !c.subscriberOptout) p.push("subscriber opt-out required");
  if (m.reqSubscriberHelp && !c.subscriberHelp) p.push("subscriber help required");
  if (m.noEmbeddedLink && c.embeddedLink) p.push("embedded links not allowed");
  if (m.noEmbeddedPhone && c.embeddedPhone) p.push("embedded phone numbers not allowed");
  return p;
}

export function registerCampaignRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;

  const getCampaign = (id: string) => {
    const c = store.data.campaigns[id];
    if (!c) throw notFound("Campaign", "campaignId");
    return c;
  };
  /** Scenario campaigns carry no per-MNO state: derive it (all submitted MNOs REGISTERED). */
  const mnoState = (c: CampaignRecord) => {
    if (!c.sim) {
      const b = store.data.brands[c.brandId];
      const def = USECASE_BY_NAME[c.usecase];
      const meta = b && def ? qualify(sim, b, def).mnoMetadata : {};
      c.sim = {
        mnoMetadata: Object.fromEntries(c.mnoIds.map((id) => [String(id), (meta[String(id)] ?? {}) as unknown as Record<string, unknown>])),
        operationStatus: Object.fromEntries(c.mnoIds.map((id) => [String(id), "REGISTERED"])),
      };
    }
    return c.sim;
  };

  clock.register("campaign.review", (p) => {
    const c = store.data.campaigns[String(p.campaignId)];
    const mno = String(p.mnoId);
    if (!c || c.status !== "ACTIVE" || mnoState(c).operationStatus[mno] !== "REVIEW") return;
    const rejected = c.description.toUpperCase().includes("REJECT");
    mnoState(c).operationStatus[mno] = rejected ? "REJECTED" : "REGISTERED";
    const b = store.data.brands[c.brandId];
    sim.webhooks.emit(rejected ? "MNO_CAMPAIGN_OPERATION_REJECTED" : "MNO_CAMPAIGN_OPERATION_APPROVED", {
      ...(b ? brandEventFields(b) : {}), campaignId: c.campaignId, campaignReferenceId: c.referenceId ?? undefined,
      mnoId: Number(mno), mnoName: MNO_NAME[mno], description: rejected ? "Campaign rejected by the MNO" : "Campaign approved by the MNO",
    });
  });

  /** Submits the campaign to the MNOs it qualifies for; returns the metadata of those MNOs. */
  const submit = (c: CampaignRecord, b: BrandRecord, def: UsecaseDef, mnoIds: number[]) => {
    const q = qualify(sim, b, def);
    const ok: Record<string, MnoMetadata> = {};
    const problems: string[] = [];
    for (const id of mnoIds) {
      const m = q.mnoMetadata[String(id)]!;
      const p = mnoProblems(m, c);
      if (p.length === 0) ok[String(id)] = m;
      else problems.push(`${m.mno}: ${p.join(", ")}`);
    }
    if (Object.keys(ok).length === 0) throw tcrError(509, `Brand does not qualify for the ${def.usecase} use case: ${problems.join("; ")}`, "usecase");
    return ok;
  };

  const applyMno = (c: CampaignRecord, ok: Record<string, MnoMetadata>) => {
    const state = mnoState(c);
    for (const [id, m] of Object.entries(ok)) {
      state.mnoMetadata[id] = m as unknown as Record<string, unknown>;
      if (state.operationStatus[id] === "REGISTERED") continue;
      state.operationStatus[id] = m.mnoReview ? "REVIEW" : "REGISTERED";
      if (m.mnoReview) clock.schedule("campaign.review", { campaignId: c.campaignId, mnoId: Number(id) }, sim.delays.campaignReviewMs);
      if (!c.mnoIds.includes(Number(id))) c.mnoIds.push(Number(id));
    }
  };

  const readMnoIds = (value: unknown, errs: FieldErrors): number[] | null => {
    if (value === undefined || value === null) return null;
    const known = MNOS.map((m) => m.networkId);
    if (!Array.isArray(value) || value.some((v) => typeof v !== "number" || !known.includes(v))) {
      errs.add("mnoIds", `mnoIds must be MNO network ids (${known.join(", ")})`);
      return null;
    }
    return [...new Set(value as number[])];
  };

  const readTexts = (body: BodyReader, c: Partial<CampaignRecord>, only?: string[]) => {
    for (const [f, [min, max]] of Object.entries(TEXT_FIELDS)) {
      if (only && !(f in body.body)) continue;
      const v = body.str(f, { max });
      if (v !== null && v.length < min) body.errs.add(f, `${f} must be at least ${min} characters`);
      if (v && (f === "embeddedLinkSample" || f === "privacyPolicyLink" || f === "termsAndConditionsLink") && SHORTENERS.test(v)) {
        body.errs.add(f, "Public URL shorteners are not accepted");
      }
      (c as Record<string, unknown>)[f] = v;
    }
  };

  r.post("/campaignBuilder", (ctx) => {
    const raw = readJson(ctx);
    const errs = new FieldErrors();
    const body = new BodyReader(raw, errs);
    const brandId = body.str("brandId", { required: true });
    const usecase = body.str("usecase", { required: true });
    const resellerId = body.str("resellerId", { required: true, max: 8 });
    const referenceId = body.str("referenceId", { max: 50 });
    const subUsecases = body.strArray("subUsecases") ?? [];
    const tags = (body.strArray("tag") ?? []).map((t) => t.toLowerCase());
    for (const t of tags) if (!TAG.test(t)) errs.add("tag", `Invalid tag '${t}'`);
    const mnoIds = readMnoIds(raw.mnoIds, errs);
    const flag = (n: string, def: boolean) => body.bool(n) ?? def;
    const c: Partial<CampaignRecord> = {
      embeddedLink: flag("embeddedLink", false), embeddedPhone: flag("embeddedPhone", false), termsAndConditions: flag("termsAndConditions", true),
      numberPool: flag("numberPool", false), ageGated: flag("ageGated", false), directLending: flag("directLending", false),
      subscriberOptin: flag("subscriberOptin", false), subscriberOptout: flag("subscriberOptout", false), subscriberHelp: flag("subscriberHelp", false),
      autoRenewal: flag("autoRenewal", true),
    };
    readTexts(body, c);
    c.optoutKeywords ??= "STOP";
    c.helpKeywords ??= "HELP";
    if (!c.description) errs.add("description", "description is required");
    if (!c.messageFlow) errs.add("messageFlow", "messageFlow is required");
    if (c.subscriberHelp && !c.helpMessage) errs.add("helpMessage", "helpMessage is required when subscriberHelp is true");
    if (c.subscriberOptin && !c.optinMessage) errs.add("optinMessage", "optinMessage is required when subscriberOptin is true");
    if (c.subscriberOptout && !c.optoutMessage) errs.add("optoutMessage", "optoutMessage is required when subscriberOptout is true");
    if (c.termsAndConditions === false) errs.add("termsAndConditions", "The campaign builder terms and conditions must be accepted");
    const def = usecase ? USECASE_BY_NAME[usecase] : undefined;
    if (usecase && !def) errs.add("usecase", "Unknown use case");
    if (def) {
      for (const s of subUsecases) if (!USECASE_BY_NAME[s]?.validSubUsecase) errs.add("subUsecases", `${s} is not a valid sub use case`);
      if (subUsecases.length < def.minSubUsecases || subUsecases.length > def.maxSubUsecases) {
        errs.add("subUsecases", `${def.usecase} takes ${def.minSubUsecases} to ${def.maxSubUsecases} sub use cases`);
      }
    }
    if (resellerId && resellerId !== NO_RESELLER && !store.data.resellers[resellerId]) errs.add("resellerId", "Unknown reseller");
    errs.throwIfAny();
    const b = getActiveBrand(sim, brandId!);
    if (b.entityType === "SOLE_PROPRIETOR" && !referenceId) throw invalid("referenceId", "Sole Proprietor campaigns require a referenceId");
    if (referenceId && Object.values(store.data.campaigns).some((x) => x.referenceId?.toLowerCase() === referenceId.toLowerCase())) {
      throw tcrError(503, "referenceId already in use", "referenceId");
    }
    const now = new Date(clock.now());
    const next = new Date(clock.now());
    next.setUTCMonth(next.getUTCMonth() + 3);
    const campaign = {
      ...c,
      campaignId: "", cspId: store.data.account.cspId, resellerId: resellerId!, status: "ACTIVE", createDate: now.toISOString(),
      billedDate: now.toISOString(), brandId: b.brandId, vertical: b.vertical, usecase: def!.usecase, subUsecases, referenceId,
      mock: b.mock, nextRenewalOrExpirationDate: next.toISOString().slice(0, 10), expirationDate: null, monthlyFee: def!.monthlyFee,
      tag: [...new Set(tags)], mnoIds: [], sim: { mnoMetadata: {}, operationStatus: {} },
    } as CampaignRecord;
    for (const f of ["sample1", "sample2", "sample3", "sample4", "sample5", "helpMessage", "optinKeywords", "optinMessage", "optoutMessage", "privacyPolicyLink", "termsAndConditionsLink", "embeddedLinkSample"] as const) {
      campaign[f] ??= null;
    }
    const ok = submit(campaign, b, def!, mnoIds ?? MNOS.map((m) => m.networkId));
    campaign.campaignId = store.newCampaignId();
    store.data.campaigns[campaign.campaignId] = campaign;
    store.data.counters.campaigns++;
    applyMno(campaign, ok);
    sim.webhooks.emit("CAMPAIGN_ADD", {
      ...brandEventFields(b), campaignId: campaign.campaignId, campaignReferenceId: referenceId ?? undefined, description: "Campaign created",
    });
    return json({ campaignId: campaign.campaignId, mnoMetadata: ok });
  });

  const search = (ctx: { query: URLSearchParams }, mode: "all" | "real" | "mock", max: number) => {
    const q = ctx.query;
    const eq = (name: string) => q.get(name) || null;
    const status = eq("status");
    if (status && !(CAMPAIGN_STATUSES as readonly string[]).includes(status)) throw invalid("status", "status must be ACTIVE or EXPIRED");
    const autoRenewal = queryBool(q, "autoRenewal");
    const mock = mode === "all" ? queryBool(q, "mock") : mode === "mock";
    const tags = queryArray(q, "tag").map((t) => t.toLowerCase());
    const upstream = mode === "mock" ? null : eq("upstreamCnpId");
    const f = { referenceId: eq("referenceId"), brandId: eq("brandId"), usecase: eq("usecase"), vertical: eq("vertical"), resellerId: eq("resellerId") };
    const rows = Object.values(store.data.campaigns).filter(
      (c) =>
        (mock === undefined || c.mock === mock) && (!status || c.status === status) && (autoRenewal === undefined || c.autoRenewal === autoRenewal) &&
        (!f.referenceId || c.referenceId === f.referenceId) && (!f.brandId || c.brandId === f.brandId) && (!f.usecase || c.usecase === f.usecase) &&
        (!f.vertical || c.vertical === f.vertical) && (!f.resellerId || c.resellerId === f.resellerId) &&
        (tags.length === 0 || tags.some((t) => c.tag.includes(t))) &&
        // Sharing is not simulated yet: no campaign has an upstream CNP.
        !upstream,
    );
    rows.sort((a, b) => (a.createDate < b.createDate ? 1 : a.createDate > b.createDate ? -1 : a.campaignId.localeCompare(b.campaignId)));
    const page = paginate(q, mode === "all" ? rows : rows.slice(0, 10_000), max);
    if (mode !== "all" && (page.page - 1) * max >= 10_000) throw invalid("page", "Results are capped at 10,000 records");
    return json({ ...page, records: page.records.map((c) => campaignResponse(c)) });
  };
  r.get("/campaign", (ctx) => search(ctx, "all", 500));
  r.get("/campaign/search", (ctx) => search(ctx, "real", 50));
  r.get("/campaign/mock", (ctx) => search(ctx, "mock", 50));

  r.get("/campaign/:campaignId", (ctx) => json(campaignResponse(getCampaign(ctx.params.campaignId!))));

  r.put("/campaign/:campaignId", (ctx) => {
    const c = getCampaign(ctx.params.campaignId!);
    if (c.status === "EXPIRED") throw tcrError(518, "Campaign expired");
    const raw = readJson(ctx);
    const errs = new FieldErrors();
    const body = new BodyReader(raw, errs);
    for (const f of FIXED_FIELDS) {
      if (f in raw && JSON.stringify(raw[f]) !== JSON.stringify(c[f])) errs.add(f, `${f} cannot be updated`);
    }
    const upd: Partial<CampaignRecord> = {};
    readTexts(body, upd, Object.keys(TEXT_FIELDS));
    for (const f of UPDATABLE_BOOLEANS) if (f in raw) upd[f] = body.bool(f) ?? c[f];
    if ("description" in raw && !upd.description) errs.add("description", "description cannot be empty");
    if ("messageFlow" in raw && !upd.messageFlow) errs.add("messageFlow", "messageFlow cannot be empty");
    if ("resellerId" in raw) {
      const rid = body.str("resellerId", { max: 8 });
      if (rid !== c.resellerId) {
        if (c.resellerId === NO_RESELLER) errs.add("resellerId", "R000000 (no reseller) cannot be changed");
        else if (rid !== NO_RESELLER) errs.add("resellerId", "A reseller can only be changed to R000000");
        else upd.resellerId = rid;
      }
    }
    errs.throwIfAny();
    for (const [k, v] of Object.entries(upd)) if (v !== undefined) (c as unknown as Record<string, unknown>)[k] = v;
    return json(campaignResponse(c, false));
  });

  r.delete("/campaign/:campaignId", (ctx) => {
    const c = getCampaign(ctx.params.campaignId!);
    if (c.status === "ACTIVE") {
      c.status = "EXPIRED";
      c.expirationDate = clock.nowIso();
      c.autoRenewal = false;
      // Deactivation removes the campaign from nnSR: its numbers become "previous".
      for (const n of Object.values(store.data.phoneNumbers)) {
        if (n.campaignId === c.campaignId && n.current) Object.assign(n, { current: false, deprovisionDate: clock.nowIso() });
      }
      const open = openMigration(sim, c.campaignId);
      if (open) cancelMigration(sim, open, "campaign deactivated");
      const b = store.data.brands[c.brandId];
      sim.webhooks.emit("CAMPAIGN_EXPIRED", {
        ...(b ? brandEventFields(b) : {}), campaignId: c.campaignId, campaignReferenceId: c.referenceId ?? undefined, description: "Campaign deactivated",
      });
    }
    return noContent();
  });

  r.get("/campaign/:campaignId/mnoMetadata", (ctx) => json(mnoState(getCampaign(ctx.params.campaignId!)).mnoMetadata));
  r.get("/campaign/:campaignId/operationStatus", (ctx) => json(mnoState(getCampaign(ctx.params.campaignId!)).operationStatus));

  r.put("/campaign/:campaignId/resubmit", (ctx) => {
    const c = getCampaign(ctx.params.campaignId!);
    if (c.status === "EXPIRED") throw tcrError(518, "Campaign expired");
    const errs = new FieldErrors();
    const raw = readJson(ctx);
    const mnoIds = readMnoIds(raw.mnoIds, errs);
    if (!mnoIds || mnoIds.length === 0) errs.add("mnoIds", "mnoIds is required");
    errs.throwIfAny();
    const b = getActiveBrand(sim, c.brandId);
    const ok = submit(c, b, USECASE_BY_NAME[c.usecase]!, mnoIds!);
    mnoState(c);
    applyMno(c, ok);
    store.data.counters.resubmissions++;
    sim.webhooks.emit("CAMPAIGN_RESUBMISSION", {
      ...brandEventFields(b), campaignId: c.campaignId, campaignReferenceId: c.referenceId ?? undefined, description: `Resubmitted to ${Object.keys(ok).join(", ")}`,
    });
    return json({ campaignId: c.campaignId, mnoMetadata: ok });
  });
}
