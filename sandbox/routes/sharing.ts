import type { Sim } from "../core/context";
import { badState, FieldErrors, invalid, notFound, tcrError } from "../core/errors";
import { BodyReader, json, noContent, paginate, queryArray, queryBool, readJson } from "../core/http";
import type { Router } from "../core/router";
import type { BrandRecord, CampaignRecord, PartnerCampaignRecord, ShareRecord } from "../core/store";
import { CAMPAIGN_STATUSES, NUDGE_INTENTS, SHARING_REJECTION_CATEGORIES } from "../data/enums";
import { USECASE_BY_NAME } from "../data/usecases";
import { brandEventFields } from "../domain/brands";
import { findPartner } from "../domain/partners";
import { qualify } from "../domain/qualification";
import { completeIncomingMigration, openIncomingMigration, openMigration } from "./migration";

/**
 * Campaign sharing and partner campaigns (tcr-api-part2 §2.7, 2.10, 2.12, 2.17, 2.18, §7, §9).
 * Our side of each hop is a ShareRecord (store.shares, keyed by campaignId). Upstream partners are the
 * simulated CNPs and DCAs of /enum/cnp and /enum/dca; they decide on the clock (delays.shareDecisionMs):
 *  - a campaign whose description contains "DECLINE" is DECLINED (category CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES,
 *    CAMPAIGN_SHARE_DELETE); a nudge APPEAL_REJECTION puts it back to review;
 *  - otherwise ACCEPTED (CAMPAIGN_SHARE_ACCEPT); a DCA elects every submitted MNO, except that SDCA002
 *    excludes US Cellular (10037); CAMPAIGN_DCA_COMPLETE once nothing is excluded (DELETE excludedMno).
 * cnpMigration=true views show the provisional hop of open migrations of our campaigns (routes/migration.ts)
 * and the inbound hop of partner campaigns a downstream CSP is migrating to us (domain/incoming.ts). Accepting
 * such a share (PUT …/sharing/{upstream}) shares it on; the transaction completes when that upstream accepts,
 * or at once on a CNP match (we were already in the chain with an ACCEPTED share to the same upstream).
 */
const DATE = /^20\d\d-[0-1][0-9]-[0-3][0-9]$/;

export function partnerView(pc: PartnerCampaignRecord): Record<string, unknown> {
  const f = [
    "campaignId", "status", "createDate", "brandId", "usecase", "subUsecases", "description", "subscriberOptin", "subscriberOptout",
    "subscriberHelp", "directLending", "numberPool", "embeddedLink", "embeddedPhone", "termsAndConditions", "ageGated", "sample1",
    "sample2", "sample3", "sample4", "sample5", "messageFlow", "helpMessage", "optinKeywords", "optoutKeywords", "helpKeywords",
    "optinMessage", "optoutMessage", "privacyPolicyLink", "termsAndConditionsLink", "embeddedLinkSample",
  ] as const;
  return Object.fromEntries(f.map((k) => [k, pc[k]]));
}

export function shareResponse(s: ShareRecord): Record<string, unknown> {
  return {
    downstreamCnpId: s.downstreamCnpId, upstreamCnpId: s.upstreamCnpId, sharingStatus: s.sharingStatus, rejectionCategory: s.rejectionCategory,
    explanation: s.explanation, sharedDate: s.sharedDate, statusDate: s.statusDate, cnpMigration: s.cnpMigration,
  };
}

export function registerSharingRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const d = () => store.data;
  const ours = (id: string) => {
    const c = d().campaigns[id];
    if (!c) throw notFound("Campaign", "campaignId");
    return c;
  };
  const theirs = (id: string) => {
    const c = d().partnerCampaigns[id];
    if (!c) throw notFound("Partner campaign", "campaignId");
    return c;
  };
  const campaignOf = (id: string): CampaignRecord | PartnerCampaignRecord | undefined => d().campaigns[id] ?? d().partnerCampaigns[id];
  const eventFields = (c: CampaignRecord | PartnerCampaignRecord) => {
    const b: BrandRecord | undefined = d().brands[c.brandId];
    return { ...(b ? brandEventFields(b) : { brandId: c.brandId }), campaignId: c.campaignId, campaignReferenceId: c.referenceId ?? undefined, mock: c.mock };
  };

  clock.register("share.decide", (p) => {
    const s = d().shares[String(p.campaignId)];
    const c = campaignOf(String(p.campaignId));
    if (!s || !c || s.sharingStatus !== "PENDING") return;
    s.statusDate = clock.nowIso();
    if (c.description.toUpperCase().includes("DECLINE")) {
      Object.assign(s, { sharingStatus: "DECLINED", rejectionCategory: ["CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES"], explanation: "The description does not match the use case" });
      sim.webhooks.emit("CAMPAIGN_SHARE_DELETE", { ...eventFields(c), description: `Share declined by ${s.upstreamCnpId}` });
      return;
    }
    s.sharingStatus = "ACCEPTED";
    s.excludedMnoIds = s.upstreamCnpId === "SDCA002" ? c.mnoIds.filter((m) => m === 10037) : [];
    s.electedMnoIds = c.mnoIds.filter((m) => !s.excludedMnoIds.includes(m));
    sim.webhooks.emit("CAMPAIGN_SHARE_ACCEPT", { ...eventFields(c), ...(s.cnpMigration ? { cnpMigration: true } : {}), description: `Share accepted by ${s.upstreamCnpId}` });
    completeIfDone(s, c);
    const m = openIncomingMigration(sim, c.campaignId);
    if (m && m.hop.sharingStatus === "ACCEPTED") {
      s.cnpMigration = false;
      completeIncomingMigration(sim, m);
    }
  });

  const completeIfDone = (s: ShareRecord, c: CampaignRecord | PartnerCampaignRecord) => {
    if (s.sharingStatus === "ACCEPTED" && s.excludedMnoIds.length === 0 && !s.dcaComplete) {
      s.dcaComplete = true;
      sim.webhooks.emit("CAMPAIGN_DCA_COMPLETE", { ...eventFields(c), description: "All associated DCAs have accepted the campaign" });
    }
  };

  const shareUp = (c: CampaignRecord | PartnerCampaignRecord, upstreamCnpId: string, downstreamCnpId: string): ShareRecord => {
    const partner = findPartner(sim, upstreamCnpId);
    if (!partner || upstreamCnpId === d().account.cspId) throw invalid("upstreamCnpId", "Unknown connectivity partner");
    if (c.status !== "ACTIVE") throw tcrError(518, "Campaign expired");
    if (c.mock) throw badState("Mock campaigns cannot be shared");
    if (c.usecase === "SOLE_PROPRIETOR" && !partner.soleProprietorEnabled) throw badState(`${upstreamCnpId} does not accept Sole Proprietor campaigns`);
    const prev = d().shares[c.campaignId];
    if (prev && prev.sharingStatus !== "DECLINED") throw badState(`The campaign is already shared to ${prev.upstreamCnpId} (${prev.sharingStatus})`);
    const now = clock.nowIso();
    const s: ShareRecord = {
      campaignId: c.campaignId, downstreamCnpId, upstreamCnpId, sharingStatus: "PENDING", rejectionCategory: [], explanation: null,
      sharedDate: now, statusDate: now, cnpMigration: false, electedMnoIds: [], excludedMnoIds: [], dcaComplete: false,
    };
    d().shares[c.campaignId] = s;
    clock.schedule("share.decide", { campaignId: c.campaignId }, sim.delays.shareDecisionMs);
    return s;
  };

  const dateRange = (q: URLSearchParams, startName: string, endName: string) => {
    const start = q.get(startName) || null;
    const end = q.get(endName) || null;
    for (const [n, v] of [[startName, start], [endName, end]] as const) if (v && !DATE.test(v)) throw invalid(n, `${n} must be YYYY-MM-DD`);
    return (iso: string) => (!start || iso.slice(0, 10) >= start) && (!end || iso.slice(0, 10) <= end);
  };
  const statusFilters = (q: URLSearchParams) => {
    const status = q.get("status") || null;
    if (status && !(CAMPAIGN_STATUSES as readonly string[]).includes(status)) throw invalid("status", "status must be ACTIVE or EXPIRED");
    const sharing = queryArray(q, "sharingStatus");
    for (const s of sharing) if (!["PENDING", "ACCEPTED", "DECLINED"].includes(s)) throw invalid("sharingStatus", `Unknown sharingStatus ${s}`);
    return { status, sharing, migration: queryBool(q, "cnpMigration") === true };
  };

  // --- our campaigns -------------------------------------------------------------------------
  r.get("/campaign/:campaignId/sharing", (ctx) => {
    const c = ours(ctx.params.campaignId!);
    const s = queryBool(ctx.query, "cnpMigration") ? openMigration(sim, c.campaignId)?.hop : d().shares[c.campaignId];
    return json({ sharedWithMe: null, sharedByMe: s ? shareResponse(s) : null });
  });

  r.put("/campaign/:campaignId/sharing/:upstreamCnpId", (ctx) => {
    const c = ours(ctx.params.campaignId!);
    // Seed 002: sharing is not the way to migrate; an open migration freezes the chain.
    if (openMigration(sim, c.campaignId)) throw badState("A CNP migration is open for this campaign; use migrateCnp");
    return json(shareResponse(shareUp(c, ctx.params.upstreamCnpId!, d().account.cspId)));
  });

  r.get("/campaign/:campaignId/excludedMno", (ctx) => json(d().shares[ours(ctx.params.campaignId!).campaignId]?.excludedMnoIds ?? []));

  r.get("/campaign/:campaignId/mnoIds/electedDca", (ctx) => {
    const c = ours(ctx.params.campaignId!);
    return json(queryBool(ctx.query, "cnpMigration") ? [] : (d().shares[c.campaignId]?.electedMnoIds ?? []));
  });

  r.delete("/campaign/:campaignId/excludedMno/:mnoId", (ctx) => {
    const c = ours(ctx.params.campaignId!);
    const raw = ctx.body.length ? readJson(ctx) : {};
    // The body is required by the reference; some HTTP stacks drop DELETE bodies, so the query works too.
    const explanation = typeof raw.explanation === "string" ? raw.explanation : ctx.query.get("explanation");
    if (explanation === null || explanation === undefined) throw invalid("explanation", "explanation is required");
    const mnoId = Number(ctx.params.mnoId);
    const s = d().shares[c.campaignId];
    if (!s || !s.excludedMnoIds.includes(mnoId)) throw notFound("Excluded MNO", "mnoId");
    s.excludedMnoIds = s.excludedMnoIds.filter((m) => m !== mnoId);
    s.electedMnoIds.push(mnoId);
    completeIfDone(s, c);
    return noContent();
  });

  r.post("/campaign/:campaignId/nudge", (ctx) => {
    const c = ours(ctx.params.campaignId!);
    const errs = new FieldErrors();
    const body = new BodyReader(readJson(ctx), errs);
    const intent = body.str("nudgeIntent", { required: true });
    body.str("description", { max: 1024 });
    if (intent && !(NUDGE_INTENTS as readonly string[]).includes(intent)) errs.add("nudgeIntent", `nudgeIntent must be one of ${NUDGE_INTENTS.join(", ")}`);
    errs.throwIfAny();
    const s = d().shares[c.campaignId];
    if (intent === "REVIEW" && s?.sharingStatus !== "PENDING") throw badState("REVIEW nudges need a PENDING share upstream");
    if (intent === "APPEAL_REJECTION") {
      if (s?.sharingStatus !== "DECLINED") throw badState("APPEAL_REJECTION nudges need a declined share");
      Object.assign(s, { sharingStatus: "PENDING", statusDate: clock.nowIso(), rejectionCategory: [], explanation: null });
      clock.schedule("share.decide", { campaignId: c.campaignId }, sim.delays.shareDecisionMs);
    }
    return json({ message: "Nudge successful" });
  });

  // --- shared by me ----------------------------------------------------------------------------
  const sharedByMe = (q: URLSearchParams, max: number, cap: boolean) => {
    const f = statusFilters(q);
    const upstream = q.get("upstreamCnpId") || null;
    const brandId = q.get("brandId") || null;
    const inRange = dateRange(q, "startDate", "endDate");
    const hops = f.migration
      ? Object.values(d().migrations).filter((m) => m.status === "ACTIVE").map((m) => m.hop)
      : Object.values(d().shares);
    const rows = hops.flatMap((s) => {
          const c = campaignOf(s.campaignId);
          if (!c) return [];
          const ok = (!upstream || s.upstreamCnpId === upstream) && (!brandId || c.brandId === brandId) && (!f.status || c.status === f.status) &&
            (f.sharing.length === 0 || f.sharing.includes(s.sharingStatus)) && inRange(s.sharedDate);
          return ok ? [{ campaignId: c.campaignId, brandId: c.brandId, usecase: c.usecase, status: c.status, createDate: c.createDate, ...shareResponse(s), sharedDate: s.sharedDate }] : [];
    });
    rows.sort((a, b) => (a.sharedDate < b.sharedDate ? 1 : a.sharedDate > b.sharedDate ? -1 : a.campaignId.localeCompare(b.campaignId)));
    return json(paginate(q, cap ? rows.slice(0, 10_000) : rows, max));
  };
  r.get("/partnerCampaign/sharedByMe", (ctx) => sharedByMe(ctx.query, 500, false));
  r.get("/partnerCampaign/sharedByMe/search", (ctx) => sharedByMe(ctx.query, 50, true));

  // --- shared with me --------------------------------------------------------------------------
  const sharedWithMe = (q: URLSearchParams, max: number, cap: boolean, startName: string, endName: string) => {
    const f = statusFilters(q);
    const downstream = q.get("downstreamCnpId") || null;
    const brandId = q.get("brandId") || null;
    const inRange = dateRange(q, startName, endName);
    // cnpMigration=true: inbound hops of open migrations to us; false: ordinary (pre-migration) shares.
    const rows = Object.values(d().partnerCampaigns).filter(
      (c) => (f.migration ? Boolean(c.cnpMigration) && !!openIncomingMigration(sim, c.campaignId) : !c.cnpMigration) &&
        (!downstream || c.downstreamCnpId === downstream) && (!brandId || c.brandId === brandId) && (!f.status || c.status === f.status) &&
        (f.sharing.length === 0 || f.sharing.includes(c.sharingStatus)) && inRange(c.sharedDate),
    );
    rows.sort((a, b) => (a.sharedDate < b.sharedDate ? 1 : a.sharedDate > b.sharedDate ? -1 : a.campaignId.localeCompare(b.campaignId)));
    const page = paginate(q, cap ? rows.slice(0, 10_000) : rows, max);
    return json({
      ...page,
      records: page.records.map((c) => ({
        ...partnerView(c), downstreamCnpId: c.downstreamCnpId, sharingStatus: c.sharingStatus, sharedDate: c.sharedDate, statusDate: c.statusDate,
        cnpMigration: Boolean(c.cnpMigration),
      })),
    });
  };
  r.get("/partnerCampaign/sharedWithMe", (ctx) => sharedWithMe(ctx.query, 500, false, "startDate", "endDate"));
  r.get("/partnerCampaign/sharedWithMe/search", (ctx) => sharedWithMe(ctx.query, 50, true, "sharingStartDate", "sharingEndDate"));

  r.get("/partnerCampaign/:campaignId", (ctx) => json(partnerView(theirs(ctx.params.campaignId!))));

  r.get("/partnerCampaign/:campaignId/mnoMetadata", (ctx) => {
    const c = theirs(ctx.params.campaignId!);
    const def = USECASE_BY_NAME[c.usecase];
    // The downstream CSP's brand is not ours: its campaign exists, so it qualified; show the use case's terms.
    const pseudo = { brandId: c.brandId, status: "ACTIVE", entityType: "PRIVATE_PROFIT", identityStatus: "VERIFIED", optionalAttributes: {}, sim: { authPlusCompliant: true } } as unknown as BrandRecord;
    const meta = def ? qualify(sim, pseudo, def).mnoMetadata : {};
    return json(Object.fromEntries(c.mnoIds.map((m) => [String(m), meta[String(m)]])));
  });

  r.get("/partnerCampaign/:campaignId/operationStatus", (ctx) => {
    const c = theirs(ctx.params.campaignId!);
    // MNOs see the campaign once the chain above us reached a DCA.
    const done = d().shares[c.campaignId]?.dcaComplete === true;
    return json(done ? Object.fromEntries(c.mnoIds.map((m) => [String(m), "REGISTERED"])) : {});
  });

  r.get("/partnerCampaign/:campaignId/sharing", (ctx) => {
    const c = theirs(ctx.params.campaignId!);
    const s = d().shares[c.campaignId];
    if (queryBool(ctx.query, "cnpMigration")) {
      const m = openIncomingMigration(sim, c.campaignId);
      return json({ sharedWithMe: m ? shareResponse(m.hop) : null, sharedByMe: m && s?.cnpMigration ? shareResponse(s) : null });
    }
    return json({
      sharedWithMe: c.cnpMigration ? null : {
        downstreamCnpId: c.downstreamCnpId, upstreamCnpId: d().account.cspId, sharingStatus: c.sharingStatus, rejectionCategory: [],
        explanation: null, sharedDate: c.sharedDate, statusDate: c.statusDate, cnpMigration: false,
      },
      sharedByMe: s && !s.cnpMigration ? shareResponse(s) : null,
    });
  });

  r.delete("/partnerCampaign/:campaignId/sharing", (ctx) => {
    const c = theirs(ctx.params.campaignId!);
    const explanation = ctx.query.get("explanation");
    const categories = queryArray(ctx.query, "rejectionCategory");
    const errs = new FieldErrors();
    if (explanation === null) errs.add("explanation", "explanation is required");
    else if (explanation.length > 2048) errs.add("explanation", "explanation must be at most 2048 characters");
    if (categories.length === 0) errs.add("rejectionCategory", "rejectionCategory is required");
    for (const cat of categories) if (!SHARING_REJECTION_CATEGORIES.includes(cat)) errs.add("rejectionCategory", `Unknown rejection category ${cat}`);
    errs.throwIfAny();
    if (c.sharingStatus !== "PENDING") throw badState("Only a PENDING sharing request can be declined");
    // Declined requests are removed; the downstream partner may share again. A declined migration share leaves
    // the transaction open (cnp-migration.md §3.2, Q11) until its initiator cancels it or it expires.
    delete d().partnerCampaigns[c.campaignId];
    const now = clock.nowIso();
    const m = c.cnpMigration ? openIncomingMigration(sim, c.campaignId) : undefined;
    if (m) Object.assign(m.hop, { sharingStatus: "DECLINED", rejectionCategory: categories, explanation, statusDate: now });
    return json({
      downstreamCnpId: c.downstreamCnpId, upstreamCnpId: d().account.cspId, sharingStatus: "DECLINED", rejectionCategory: categories,
      explanation, sharedDate: c.sharedDate, statusDate: now, cnpMigration: Boolean(c.cnpMigration),
    });
  });

  r.put("/partnerCampaign/:campaignId/sharing/:upstreamCnpId", (ctx) => {
    const c = theirs(ctx.params.campaignId!);
    if (c.sharingStatus === "DECLINED") throw badState("The sharing request was declined");
    const m = c.cnpMigration ? openIncomingMigration(sim, c.campaignId) : undefined;
    if (c.cnpMigration && !m) throw badState("The CNP migration of this campaign is no longer open");
    if (m) {
      const live = d().shares[c.campaignId];
      const accept = () => {
        const now = clock.nowIso();
        Object.assign(c, { sharingStatus: "ACCEPTED", statusDate: now });
        Object.assign(m.hop, { sharingStatus: "ACCEPTED", statusDate: now });
      };
      // CNP match: we already hold an accepted share to this upstream, so the chain above us carries over.
      if (live && live.sharingStatus === "ACCEPTED" && live.upstreamCnpId === ctx.params.upstreamCnpId) {
        accept();
        completeIncomingMigration(sim, m);
        return json(shareResponse(live));
      }
      // The provisional upstream hop replaces our pre-migration one (restored if the new share is refused).
      delete d().shares[c.campaignId];
      let up: ShareRecord;
      try {
        up = shareUp(c, ctx.params.upstreamCnpId!, d().account.cspId);
      } catch (e) {
        if (live) d().shares[c.campaignId] = live;
        throw e;
      }
      up.cnpMigration = true;
      accept();
      return json(shareResponse(up));
    }
    const s = shareUp(c, ctx.params.upstreamCnpId!, d().account.cspId);
    // Sharing upward is how this partner accepts the inbound request.
    if (c.sharingStatus === "PENDING") Object.assign(c, { sharingStatus: "ACCEPTED", statusDate: clock.nowIso() });
    return json(shareResponse(s));
  });
}
