import type { Sim } from "../core/context";
import { json, paginate, queryBool } from "../core/http";
import type { Router } from "../core/router";
import * as E from "../data/enums";

/** Enum Type group (tcr-api-part2 §5): all 27 lists, in the reference's shapes. */
export function registerEnumRoutes(r: Router, sim: Sim): void {
  const list = (name: string, value: () => unknown) => r.get(`/enum/${name}`, () => json(value()));
  const partnerFilter = <T extends { soleProprietorEnabled: boolean; cnpMigrationSupported: boolean }>(q: URLSearchParams, rows: T[]) => {
    const sp = queryBool(q, "soleProprietorEnabled");
    const mig = queryBool(q, "cnpMigrationSupported");
    return rows.filter((x) => (sp === undefined || x.soleProprietorEnabled === sp) && (mig === undefined || x.cnpMigrationSupported === mig));
  };

  list("altBusinessIdType", () => E.ALT_BUSINESS_ID_TYPES);
  r.get("/enum/approvedPublicCompany", (ctx) => {
    const q = ctx.query;
    const dn = q.get("displayName")?.toLowerCase();
    const symbol = q.get("symbol");
    const exchange = q.get("exchange");
    const country = q.get("country");
    const rows = E.PUBLIC_COMPANIES.filter(
      (c) => (!dn || c.displayName.toLowerCase().includes(dn)) && (!symbol || c.symbol === symbol) && (!exchange || c.exchange === exchange) && (!country || c.iso2 === country),
    );
    return json(paginate(q, rows, 500));
  });
  list("assetAppealCategory", () => E.ASSET_APPEAL_CATEGORIES);
  list("brandAppealCategory", () => E.BRAND_APPEAL_CATEGORIES);
  list("brandIdentityStatus", () => E.IDENTITY_STATUSES);
  list("brandRelationship", () => E.BRAND_RELATIONSHIPS);
  list("brandStatus", () => E.BRAND_STATUSES);
  list("campaignStatus", () => E.CAMPAIGN_STATUSES);
  // Partners added through the control API (control.addPartner) are listed beside the built-in ones.
  const added = (dca: boolean) => Object.values(sim.store.data.partners).filter((p) => p.isDca === dca);
  r.get("/enum/cnp", (ctx) => json(Object.fromEntries(partnerFilter(ctx.query, [...E.CNPS, ...added(false)]).map((c) => [c.id, c.displayName]))));
  list("country", () => E.COUNTRIES);
  r.get("/enum/dca", (ctx) => json(partnerFilter(ctx.query, [...E.DCAS, ...added(true)]).map((d) => ({ id: d.id, displayName: d.displayName }))));
  list("entityType", () => E.ENTITY_TYPES);
  r.get("/enum/extVettingAppealCategory", (ctx) => {
    const evpId = ctx.query.get("evpId");
    return json(E.EXT_VETTING_APPEAL_CATEGORIES.filter((c) => !evpId || c.evpIds.includes(evpId)).map(({ id, displayName, description }) => ({ id, displayName, description })));
  });
  list("extVettingProvider", () => E.EXT_VETTING_PROVIDERS);
  list("mno", () => E.MNOS);
  list("nudgeIntent", () => E.NUDGE_INTENTS);
  list("operationStatus", () => E.OPERATION_STATUSES);
  list("optionalAttributeNames", () => E.OPTIONAL_ATTRIBUTE_NAMES);
  list("sharingRejectionCategory", () => E.SHARING_REJECTION_CATEGORIES);
  list("stockExchange", () => E.STOCK_EXCHANGES);
  list("suspensionRuleCategory", () => E.SUSPENSION_RULE_CATEGORIES);
  r.get("/enum/usecase", (ctx) => {
    const valid = queryBool(ctx.query, "validSubUsecase");
    const all = E.USECASE_ENUM();
    return json(Object.fromEntries(Object.entries(all).filter(([, v]) => valid === undefined || v.validSubUsecase === valid)));
  });
  list("usState", () => E.US_STATES);
  list("vertical", () => E.VERTICALS);
  list("vettingClass", () => E.VETTING_CLASSES);
  list("vettingFeedbackCode", () => E.VETTING_FEEDBACK_CODES);
  list("vettingStatus", () => E.VETTING_STATUSES);
}
