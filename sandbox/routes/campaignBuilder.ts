import type { Sim } from "../core/context";
import { invalid } from "../core/errors";
import { json } from "../core/http";
import type { Router } from "../core/router";
import { USECASE_BY_NAME } from "../data/usecases";
import { getActiveBrand } from "../domain/brands";
import { qualify, qualifyAll } from "../domain/qualification";

/**
 * Campaign builder qualification (tcr-api-part2 §3.3–3.5) and terms and conditions (§3.6, item shape
 * not documented: the sandbox returns strings). Campaign creation (POST /campaignBuilder) is in routes/campaigns.ts.
 */
export const SUB_TERMS = [
  "The CSP confirms the campaign information is accurate and the brand has consented to its registration.",
  "The CSP will not send messages outside the registered use case and will honour opt-out requests immediately.",
  "Campaign registration fees are charged on registration and on each renewal until the campaign is deactivated.",
];
export function registerCampaignBuilderRoutes(r: Router, sim: Sim): void {
  r.get("/campaignBuilder/termsAndConditions", () => json({ subTerms: SUB_TERMS }));

  r.get("/campaignBuilder/brand/:brandId", (ctx) => json(qualifyAll(sim, getActiveBrand(sim, ctx.params.brandId!))));

  r.get("/campaignBuilder/brand/:brandId/usecase/:usecase", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const def = USECASE_BY_NAME[ctx.params.usecase!];
    if (!def) throw invalid("usecase", "Unknown use case");
    return json(qualify(sim, b, def));
  });
}
