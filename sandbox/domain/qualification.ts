import type { Sim } from "../core/context";
import type { BrandRecord, VettingRecord } from "../core/store";
import { MNOS } from "../data/enums";
import { USECASES, type UsecaseDef } from "../data/usecases";

/**
 * Campaign-builder qualification: for one brand and one use case, the per-MNO metadata of
 * tcr-api-part2 §3.2, computed from the brand's identity status, entity type, optional attributes
 * and vetting score. Throughput tables follow anchors-mission §5.9:
 *  - AT&T class by use-case type (dedicated A/C/E, mixed/marketing B/D/F) and score band
 *    (75–100 → A/B 4500/2400 TPM, 50–74 → C/D 2400/1200, otherwise E/F 240/150); LOW_VOLUME and
 *    SOLE_PROPRIETOR → T 75/50. An unvetted brand counts as the lowest band.
 *  - T-Mobile tier by score: 75–100 TOP 200000/day, 50–74 UPPER_MID 40000, 25–49 LOWER_MID 10000,
 *    otherwise LOW 2000; russell3000 brands TOP; sole proprietors LOW 1000.
 */
export interface MnoMetadata {
  mno: string;
  mnoSupport: boolean;
  mnoReview: boolean;
  qualify: boolean;
  minMsgSamples: number;
  reqSubscriberOptin: boolean;
  reqSubscriberOptout: boolean;
  reqSubscriberHelp: boolean;
  noEmbeddedLink: boolean;
  noEmbeddedPhone: boolean;
  msgClass?: string;
  tpm?: number;
  mmsTpm?: number;
  tpmScope?: string;
  brandTier?: string;
  brandDailyCap?: number | null;
}

export interface UsecaseQualification {
  usecase: string;
  monthlyFee: number;
  quarterlyFee: number;
  annualFee: number;
  minSubUsecases: number;
  maxSubUsecases: number;
  greyoutFields: string[];
  mnoMetadata: Record<string, MnoMetadata>;
}

function activeVets(sim: Sim, brandId: string): VettingRecord[] {
  return Object.values(sim.store.data.vettings).filter((v) => v.brandId === brandId && v.vettingStatus === "ACTIVE");
}

/** Best ACTIVE STANDARD/ENHANCED score, or null when the brand was never vetted. */
export function vettingScore(sim: Sim, brand: BrandRecord): number | null {
  const scores = activeVets(sim, brand.brandId)
    .filter((v) => v.vettingClass === "STANDARD" || v.vettingClass === "ENHANCED")
    .map((v) => v.vettingScore ?? 0);
  return scores.length ? Math.max(...scores) : null;
}

function brandQualifies(sim: Sim, brand: BrandRecord, def: UsecaseDef): boolean {
  const verified = brand.identityStatus === "VERIFIED" || brand.identityStatus === "VETTED_VERIFIED";
  if (brand.status !== "ACTIVE" || !verified) return false;
  const sp = brand.entityType === "SOLE_PROPRIETOR";
  if (def.requires === "SOLE_PROPRIETOR") return sp && sim.store.data.account.soleProprietorEnabled;
  // TRIAL is for the Platform Free Trial brand only, and the PFT brand only for TRIAL.
  const pft = brand.brandId === sim.store.data.account.pftBrandId;
  if (def.requires === "PFT" || pft) return def.requires === "PFT" && pft && sim.store.data.account.platformFreeTrialEnabled;
  if (sp) return false;
  // Auth+ must be complete before a PUBLIC_PROFIT brand can register campaigns (tcr-api-part1 §3.3).
  if (brand.entityType === "PUBLIC_PROFIT" && !brand.sim.authPlusCompliant) return false;
  const vetted = vettingScore(sim, brand) !== null;
  const attrs = brand.optionalAttributes;
  switch (def.requires) {
    case "VERIFIED":
      return true;
    case "VETTED":
      return vetted;
    case "POLITICAL_VET":
      return activeVets(sim, brand.brandId).some((v) => v.vettingClass === "POLITICAL");
    case "TAX_EXEMPT":
      return brand.entityType === "NON_PROFIT" && Boolean(attrs.taxExemptStatus);
    case "GOVERNMENT":
      return (brand.entityType === "GOVERNMENT" && attrs.governmentEntity === true) || (brand.entityType === "NON_PROFIT" && vetted);
    case "UCAAS":
      return sim.store.data.account.ucaasEnabled && vetted;
  }
}

function attClass(def: UsecaseDef, score: number | null): { msgClass: string; tpm: number; mmsTpm: number } {
  if (def.usecase === "LOW_VOLUME" || def.usecase === "SOLE_PROPRIETOR") return { msgClass: "T", tpm: 75, mmsTpm: 50 };
  const s = score ?? 0;
  const [ded, mix, tpm, mms] = s >= 75 ? ["A", "B", 4500, 2400] : s >= 50 ? ["C", "D", 2400, 1200] : ["E", "F", 240, 150];
  return { msgClass: String(def.attMixed ? mix : ded), tpm: Number(tpm), mmsTpm: Number(mms) };
}

function tmoTier(brand: BrandRecord, score: number | null): { brandTier: string; brandDailyCap: number | null } {
  if (brand.entityType === "SOLE_PROPRIETOR") return { brandTier: "LOW", brandDailyCap: 1000 };
  if (brand.optionalAttributes.russell3000 === true) return { brandTier: "TOP", brandDailyCap: 200_000 };
  const s = score ?? 0;
  if (s >= 75) return { brandTier: "TOP", brandDailyCap: 200_000 };
  if (s >= 50) return { brandTier: "UPPER_MID", brandDailyCap: 40_000 };
  if (s >= 25) return { brandTier: "LOWER_MID", brandDailyCap: 10_000 };
  return { brandTier: "LOW", brandDailyCap: 2000 };
}

export function qualify(sim: Sim, brand: BrandRecord, def: UsecaseDef): UsecaseQualification {
  const ok = brandQualifies(sim, brand, def);
  const score = vettingScore(sim, brand);
  const mnoMetadata: Record<string, MnoMetadata> = {};
  for (const mno of MNOS) {
    const support = !def.unsupportedMnos.includes(mno.networkId);
    const m: MnoMetadata = {
      mno: mno.displayName,
      mnoSupport: support,
      mnoReview: def.reviewMnos.includes(mno.networkId),
      qualify: support && ok,
      minMsgSamples: def.minMsgSamples,
      reqSubscriberOptin: true,
      reqSubscriberOptout: true,
      reqSubscriberHelp: true,
      noEmbeddedLink: def.noEmbeddedLink,
      noEmbeddedPhone: def.noEmbeddedPhone,
    };
    if (mno.networkId === 10017) Object.assign(m, attClass(def, score), { tpmScope: "CAMPAIGN" });
    if (mno.networkId === 10035) Object.assign(m, tmoTier(brand, score));
    mnoMetadata[String(mno.networkId)] = m;
  }
  const greyoutFields: string[] = [];
  if (def.maxSubUsecases === 0) greyoutFields.push("subUsecases");
  if (def.noEmbeddedLink) greyoutFields.push("embeddedLink", "embeddedLinkSample");
  if (def.noEmbeddedPhone) greyoutFields.push("embeddedPhone");
  if (def.usecase === "SOLE_PROPRIETOR") greyoutFields.push("numberPool");
  const fee = def.monthlyFee;
  return {
    usecase: def.usecase,
    monthlyFee: fee,
    quarterlyFee: Math.round(fee * 3 * 100) / 100,
    annualFee: Math.round(fee * 12 * 100) / 100,
    minSubUsecases: def.minSubUsecases,
    maxSubUsecases: def.maxSubUsecases,
    greyoutFields,
    mnoMetadata,
  };
}

export function qualifyAll(sim: Sim, brand: BrandRecord): UsecaseQualification[] {
  return USECASES.map((d) => qualify(sim, brand, d));
}
