import type { Sim } from "../core/context";
import { FieldErrors, tcrError } from "../core/errors";
import { BodyReader, json, readJson } from "../core/http";
import type { Router } from "../core/router";
import { brandResponse, getBrand } from "../domain/brands";

/**
 * Settings (tcr-api-part2 §14) and Platform Free Trial (§11). The profile PUT changes only the four
 * emails; the other flags belong to TCR support (here: PUT /_sandbox/account) and are refused with 902.
 * GET /pft/brand answers 502 until PFT is enabled through the control API, which creates the PFT brand.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PROFILE_EMAILS = ["escalateEmail", "email", "techEmail", "financeEmail"] as const;

export function registerSettingsRoutes(r: Router, sim: Sim): void {
  const acc = () => sim.store.data.account;
  const profile = () => {
    const a = acc();
    return {
      cspId: a.cspId, escalateEmail: a.escalateEmail, email: a.email, techEmail: a.techEmail, financeEmail: a.financeEmail,
      platformFreeTrialEnabled: a.platformFreeTrialEnabled, soleProprietorEnabled: a.soleProprietorEnabled,
      ucaasEnabled: a.ucaasEnabled, publicSafetyEnabled: a.publicSafetyEnabled, dpaSigned: a.dpaSigned,
    };
  };

  r.get("/csp/profile", () => json(profile()));

  r.put("/csp/profile", (ctx) => {
    const raw = readJson(ctx);
    const errs = new FieldErrors();
    const body = new BodyReader(raw, errs);
    const updates: Partial<Record<(typeof PROFILE_EMAILS)[number], string | null>> = {};
    for (const f of PROFILE_EMAILS) {
      if (!(f in raw)) continue;
      const v = body.str(f, { max: 100 });
      if (v && !EMAIL.test(v)) errs.add(f, `${f} is not a valid email address`);
      updates[f] = v;
    }
    for (const k of Object.keys(raw)) {
      if (!(PROFILE_EMAILS as readonly string[]).includes(k) && k !== "cspId") errs.add(k, `${k} can only be changed by TCR support`, 902);
    }
    errs.throwIfAny();
    Object.assign(acc(), updates);
    // The reference's response sample is the migration-settings object (a doc error); the profile is returned.
    return json(profile());
  });

  r.get("/settings/cnpMigration", () => json({ migrationSupported: acc().migrationSupported, migrationAutoComplete: acc().migrationAutoComplete }));

  r.put("/settings/cnpMigration", (ctx) => {
    const errs = new FieldErrors();
    const body = new BodyReader(readJson(ctx), errs);
    const migrationSupported = body.bool("migrationSupported");
    const migrationAutoComplete = body.bool("migrationAutoComplete");
    if (migrationSupported === null) errs.add("migrationSupported", "migrationSupported is required");
    if (migrationAutoComplete === null) errs.add("migrationAutoComplete", "migrationAutoComplete is required");
    errs.throwIfAny();
    Object.assign(acc(), { migrationSupported, migrationAutoComplete });
    return json({ migrationSupported, migrationAutoComplete });
  });

  r.get("/pft/brand", () => {
    const a = acc();
    if (!a.platformFreeTrialEnabled || !a.pftBrandId) throw tcrError(502, "Platform Free Trial brand not provisioned");
    return json(brandResponse(sim, getBrand(sim, a.pftBrandId)));
  });
}
