import type { Sim } from "../core/context";
import type { BrandRecord, VettingRecord } from "../core/store";
import { brandEventFields } from "./brands";

/**
 * Authentication+ (PUBLIC_PROFIT): once identity verifies, an AUTHPLUS vet starts and a 2FA email
 * goes to businessContactEmail. The simulated business contact completes it after
 * delays.authPlusCompletionMs, unless the address's local part starts with "ignore" (then it never
 * completes, and after the 30-day window the brand becomes UNVERIFIED). Tasks carry startedAt so a
 * flow replaced by an email change is ignored.
 */
export function startAuthPlus(sim: Sim, b: BrandRecord): void {
  const d = sim.store.data;
  const email = b.businessContactEmail;
  if (!email) return;
  const now = sim.clock.now();
  for (const v of Object.values(d.vettings)) {
    if (v.brandId === b.brandId && v.vettingClass === "AUTHPLUS" && v.vettingStatus !== "EXPIRED") v.vettingStatus = "EXPIRED";
  }
  const vet: VettingRecord = {
    brandId: b.brandId, evpId: "AEGIS", vettingId: sim.store.rng.uuid(), vettingToken: null, vettingScore: null,
    vettingClass: "AUTHPLUS", vettingStatus: "PENDING", reasons: [], vettingDetails: { businessContactEmail: email },
    vettedDate: null, createDate: sim.clock.nowIso(), validUntil: null, expirationDate: null, origin: "AUTHPLUS",
    completedAt: null, additionalRequestPayload: null,
  };
  d.vettings[vet.vettingId] = vet;
  d.twoFa[`${b.brandId}:AUTHPLUS`] = {
    brandId: b.brandId, vettingClass: "AUTHPLUS", email, startedAt: now, lastSentAt: now, sendCount: 1, completedAt: null, expiredAt: null,
  };
  b.sim.authPlusCompliant = false;
  b.businessContactEmailVerifiedDate = null;
  const payload = { brandId: b.brandId, startedAt: now, vettingId: vet.vettingId };
  if (!email.toLowerCase().startsWith("ignore")) sim.clock.schedule("authplus.complete", payload, sim.delays.authPlusCompletionMs);
  sim.clock.schedule("authplus.expire", payload, sim.delays.authPlusWindowMs);
}

/** After identity verification: start Auth+ for a PUBLIC_PROFIT brand that has not passed it and has no open flow. */
export function maybeStartAuthPlus(sim: Sim, b: BrandRecord): void {
  const verified = b.identityStatus === "VERIFIED" || b.identityStatus === "VETTED_VERIFIED";
  const open = Object.values(sim.store.data.twoFa).some((t) => t.brandId === b.brandId && !t.completedAt && !t.expiredAt);
  if (b.entityType === "PUBLIC_PROFIT" && verified && !b.sim.authPlusCompliant && !open) startAuthPlus(sim, b);
}

export function registerAuthPlusTasks(sim: Sim): void {
  const current = (p: Record<string, unknown>) => {
    const rec = sim.store.data.twoFa[`${String(p.brandId)}:AUTHPLUS`];
    const b = sim.store.data.brands[String(p.brandId)];
    if (!rec || !b || b.status !== "ACTIVE" || rec.startedAt !== p.startedAt || rec.completedAt || rec.expiredAt) return null;
    return { rec, b, vet: sim.store.data.vettings[String(p.vettingId)] };
  };
  sim.clock.register("authplus.complete", (p) => {
    const c = current(p);
    if (!c) return;
    const nowIso = sim.clock.nowIso();
    c.rec.completedAt = sim.clock.now();
    c.b.businessContactEmailVerifiedDate = nowIso;
    c.b.sim.authPlusCompliant = true;
    if (c.vet) {
      c.vet.vettingStatus = "ACTIVE";
      c.vet.vettedDate = nowIso;
      c.vet.completedAt = sim.clock.now();
    }
    sim.webhooks.emit("BRAND_AUTHPLUS_VERIFICATION_COMPLETE", {
      ...brandEventFields(c.b),
      description: "Authentication+ verification completed by the business contact",
    });
  });
  sim.clock.register("authplus.expire", (p) => {
    const c = current(p);
    if (!c) return;
    c.rec.expiredAt = sim.clock.now();
    if (c.vet) c.vet.vettingStatus = "EXPIRED";
    c.b.identityStatus = "UNVERIFIED";
    sim.webhooks.emit("BRAND_IDENTITY_STATUS_UPDATE", {
      ...brandEventFields(c.b),
      description: "Authentication+ 2FA was not completed within 30 days",
    });
  });
}
