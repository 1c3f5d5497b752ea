import type { Sim } from "../core/context";
import type { BrandRecord, VettingRecord } from "../core/store";
import { VETTING_CLASSES } from "../data/enums";
import { brandEventFields } from "./brands";
import { vettingScore } from "./qualification";

/**
 * External vetting outcomes (documented in the README, "Vetting rules"):
 *  - companyName contains "VETFAIL", or the EIN's last two digits are "00" → FAILED
 *  - otherwise the score is the EIN's last two digits (EIN ...75 → 75); brands without an EIN score 50
 *  - CV (political) imports carry no score.
 * An ACTIVE STANDARD/ENHANCED vet makes the brand VETTED_VERIFIED and sets evpVettingScore; an ACTIVE
 * POLITICAL vet sets politicalVettingId. Vets expire after the class's validityMonths.
 */
export function scoreFor(b: BrandRecord): { score: number | null; failed: boolean } {
  const ein = b.ein ?? "";
  if ((b.companyName ?? "").toUpperCase().includes("VETFAIL") || ein.endsWith("00")) return { score: null, failed: true };
  const tail = ein.slice(-2);
  return { score: /^\d\d$/.test(tail) ? Number(tail) : 50, failed: false };
}

export function validityMonths(vettingClass: string): number {
  return VETTING_CLASSES.find((c) => c.id === vettingClass)?.validityMonths ?? 12;
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** Recomputes brand fields that depend on the set of ACTIVE vets; emits the brand events. */
export function applyVetsToBrand(sim: Sim, b: BrandRecord): void {
  const before = { status: b.identityStatus, score: b.evpVettingScore };
  const score = vettingScore(sim, b);
  b.evpVettingScore = score;
  if (score !== null && (b.identityStatus === "VERIFIED" || b.identityStatus === "UNVERIFIED")) b.identityStatus = "VETTED_VERIFIED";
  if (score === null && b.identityStatus === "VETTED_VERIFIED") b.identityStatus = "VERIFIED";
  const political = Object.values(sim.store.data.vettings).find(
    (v) => v.brandId === b.brandId && v.vettingClass === "POLITICAL" && v.vettingStatus === "ACTIVE",
  );
  b.politicalVettingId = political?.vettingId ?? null;
  if (before.score !== b.evpVettingScore) {
    sim.webhooks.emit("BRAND_SCORE_UPDATE", { ...brandEventFields(b), description: `Brand vetting score is ${b.evpVettingScore ?? "none"}` });
  }
  if (before.status !== b.identityStatus) {
    sim.webhooks.emit("BRAND_IDENTITY_STATUS_UPDATE", { ...brandEventFields(b), description: `Brand identity status is ${b.identityStatus}` });
  }
}

export function vetEventFields(v: VettingRecord, b: BrandRecord | undefined): Record<string, unknown> {
  return {
    ...(b ? brandEventFields(b) : { brandId: v.brandId }),
    evpId: v.evpId,
    evpName: v.evpId,
    vettingId: v.vettingId,
    vettingClass: v.vettingClass,
  };
}

/** Marks a vet ACTIVE now with its score and schedules its expiry. */
export function activateVet(sim: Sim, v: VettingRecord, score: number | null): void {
  const now = sim.clock.now();
  const until = addMonths(now, validityMonths(v.vettingClass));
  v.vettingStatus = "ACTIVE";
  v.vettingScore = score;
  v.vettedDate = new Date(now).toISOString();
  v.validUntil = new Date(until).toISOString();
  v.expirationDate = v.validUntil;
  v.completedAt = now;
  sim.clock.schedule("vetting.expire", { vettingId: v.vettingId }, until - now);
}

export function registerVettingTasks(sim: Sim): void {
  const { store } = sim;
  sim.clock.register("vetting.unscore", (p) => {
    const v = store.data.vettings[String(p.vettingId)];
    if (!v || v.vettingStatus !== "PENDING") return;
    v.vettingStatus = "UNSCORE";
    sim.webhooks.emit("EVP_REPORT_UNSCORE", { ...vetEventFields(v, store.data.brands[v.brandId]), description: "Vetting under review" });
  });
  sim.clock.register("vetting.score", (p) => {
    const v = store.data.vettings[String(p.vettingId)];
    const b = v ? store.data.brands[v.brandId] : undefined;
    if (!v || !b || (v.vettingStatus !== "PENDING" && v.vettingStatus !== "UNSCORE")) return;
    const out = scoreFor(b);
    if (out.failed) {
      v.vettingStatus = "FAILED";
      v.reasons = ["TAX_ID_MISMATCH"];
      v.completedAt = sim.clock.now();
      sim.webhooks.emit("EVP_REPORT_FAIL", { ...vetEventFields(v, b), description: "Vetting failed" });
      return;
    }
    activateVet(sim, v, v.vettingClass === "POLITICAL" ? null : out.score);
    if (v.vettingClass === "POLITICAL" && v.additionalRequestPayload) {
      try {
        const locale = (JSON.parse(v.additionalRequestPayload) as { locale?: unknown }).locale;
        if (typeof locale === "string") b.optionalAttributes.politicalCommitteeLocale = locale.toLowerCase();
      } catch {
        /* validated at order time */
      }
    }
    if (v.vettingClass === "ENHANCED") {
      v.vettingDetails = { reportDate: v.vettedDate, summary: `Enhanced report for ${b.companyName ?? b.displayName}`, score: v.vettingScore };
    }
    sim.webhooks.emit("EVP_REPORT_SCORE", { ...vetEventFields(v, b), description: `Vetting scored ${v.vettingScore ?? "(no score)"}` });
    applyVetsToBrand(sim, b);
  });
  sim.clock.register("vetting.expire", (p) => {
    const v = store.data.vettings[String(p.vettingId)];
    if (!v || v.vettingStatus !== "ACTIVE") return;
    v.vettingStatus = "EXPIRED";
    const b = store.data.brands[v.brandId];
    sim.webhooks.emit("EVP_REPORT_EXPIRE", { ...vetEventFields(v, b), description: "Vetting expired" });
    if (b) applyVetsToBrand(sim, b);
  });
}
