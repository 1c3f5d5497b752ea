/**
 * Pure rules of the campaign builder, client-safe: which brands may register campaigns, the per-carrier
 * qualification matrix from the registry's MNO metadata (tcr-api-part2.md §3.2, §3.5), what vetting
 * would change (anchors-mission §5.9), the sample count the carriers ask for (providers.md C-3), and
 * the create request built from a draft.
 */
import type { CampaignDraftData } from "@/lib/campaigns/schemas";
import { ATT, TMOBILE, mnoName, sortMnoIds } from "@/lib/campaigns/carriers";
import type { MnoMetadata, MnoMetadataMap } from "@/lib/tcr/schemas/common";

export const NO_RESELLER = "R000000";

/* ---------------------------------------------------------------- brand eligibility */

export type BrandForBuilder = {
  brandId: string;
  displayName: string | null;
  entityType: string | null;
  identityStatus: string | null;
  status: string | null;
  deletedAt: Date | string | null;
  mock?: boolean;
  /** The registry's brand object as mirrored (verification dates live there). */
  data?: unknown;
};

export type BrandEligibility = { ok: true } | { ok: false; code: "DELETED" | "INACTIVE" | "UNVERIFIED" | "PENDING" | "OTP_PENDING" | "AUTHPLUS_PENDING"; reason: string };

const field = (data: unknown, k: string): unknown => (data && typeof data === "object" ? (data as Record<string, unknown>)[k] : undefined);

/**
 * Whether a brand can register campaigns now, and if not, why (tcr-api-part2 §5.5: UNVERIFIED brands
 * cannot create campaigns; part1 §3.3: PUBLIC_PROFIT needs Authentication+; §3.4: sole proprietors
 * confirm their mobile number by OTP). The registry has the last word: the matrix shows its answer.
 * `identityReported: false` for an upstream whose brands carry no identity status (lib/providers/capabilities.ts).
 */
export function brandEligibility(b: BrandForBuilder, opts: { identityReported?: boolean } = {}): BrandEligibility {
  if (b.deletedAt || b.status === "DELETED") return { ok: false, code: "DELETED", reason: "Deleted at the registry." };
  if (b.status && b.status !== "ACTIVE") return { ok: false, code: "INACTIVE", reason: `Brand status is ${b.status}.` };
  // An upstream that reports no identity status (Vonage) gates campaigns by its own use-case qualification, which
  // the builder shows: there is nothing here to wait for.
  if (opts.identityReported === false) return { ok: true };
  const verified = b.identityStatus === "VERIFIED" || b.identityStatus === "VETTED_VERIFIED";
  if (b.entityType === "SOLE_PROPRIETOR") {
    if (!field(b.data, "mobilePhoneVerifiedDate") && !verified) {
      return { ok: false, code: "OTP_PENDING", reason: "OTP pending: the sole proprietor has not confirmed the one-time passcode sent to their mobile." };
    }
    if (!verified) return { ok: false, code: "PENDING", reason: "Identity check not finished yet." };
    return { ok: true };
  }
  if (b.identityStatus === "UNVERIFIED") {
    return { ok: false, code: "UNVERIFIED", reason: "Unverified: fix the identity details and ask for a re-check, or order a vet, before registering campaigns." };
  }
  if (!verified) return { ok: false, code: "PENDING", reason: `Identity check not finished (${b.identityStatus ?? "no status yet"}).` };
  if (b.entityType === "PUBLIC_PROFIT" && !field(b.data, "businessContactEmailVerifiedDate")) {
    return { ok: false, code: "AUTHPLUS_PENDING", reason: "Authentication+ pending: the business contact has not completed the email verification yet." };
  }
  return { ok: true };
}

/* ---------------------------------------------------------------- qualification matrix */

export type CarrierRow = {
  mnoId: string;
  name: string;
  supported: boolean;
  qualifies: boolean;
  review: boolean;
  minSamples: number | null;
  optinRequired: boolean;
  optoutRequired: boolean;
  helpRequired: boolean;
  linksAllowed: boolean;
  phonesAllowed: boolean;
  /** AT&T message class, SMS and MMS throughput per minute, and the scope of that limit. */
  msgClass: string | null;
  tpm: number | null;
  mmsTpm: number | null;
  tpmScope: string | null;
  /** T-Mobile brand tier and daily cap (null cap = uncapped). */
  brandTier: string | null;
  brandDailyCap: number | null;
  /** One-line verdict for screen readers and the review step. */
  verdict: "ok" | "review" | "not-qualified" | "unsupported";
};

export function carrierRows(meta: MnoMetadataMap | null | undefined): CarrierRow[] {
  if (!meta) return [];
  return sortMnoIds(Object.keys(meta)).map((mnoId) => {
    const m: MnoMetadata = meta[mnoId] ?? {};
    const supported = m.mnoSupport !== false;
    const qualifies = supported && m.qualify !== false;
    const review = Boolean(m.mnoReview);
    return {
      mnoId,
      name: m.mno || mnoName(mnoId),
      supported,
      qualifies,
      review,
      minSamples: typeof m.minMsgSamples === "number" ? m.minMsgSamples : null,
      optinRequired: Boolean(m.reqSubscriberOptin),
      optoutRequired: Boolean(m.reqSubscriberOptout),
      helpRequired: Boolean(m.reqSubscriberHelp),
      linksAllowed: !m.noEmbeddedLink,
      phonesAllowed: !m.noEmbeddedPhone,
      msgClass: m.msgClass ?? null,
      tpm: m.tpm ?? null,
      mmsTpm: m.mmsTpm ?? null,
      tpmScope: m.tpmScope ?? null,
      brandTier: m.brandTier ?? null,
      brandDailyCap: m.brandDailyCap ?? null,
      verdict: !supported ? "unsupported" : !qualifies ? "not-qualified" : review ? "review" : "ok",
    };
  });
}

/** Carriers the campaign can be registered with (supported and qualifying). */
export const qualifyingCarriers = (rows: CarrierRow[]) => rows.filter((r) => r.qualifies);

/**
 * Samples to provide: the most any qualifying carrier asks for, at least one per sub-use case, and never
 * fewer than one (providers.md C-3; the registry takes at most five).
 */
export function requiredSamples(rows: CarrierRow[], subUsecaseCount = 0): number {
  const relevant = rows.some((r) => r.qualifies) ? rows.filter((r) => r.qualifies) : rows.filter((r) => r.supported);
  const carriers = Math.max(0, ...relevant.map((r) => r.minSamples ?? 0));
  return Math.min(5, Math.max(1, carriers, subUsecaseCount));
}

/** What the carriers, taken together, demand of the content step. */
export function contentRequirements(rows: CarrierRow[]) {
  const q = qualifyingCarriers(rows);
  return {
    optin: q.some((r) => r.optinRequired),
    optout: q.some((r) => r.optoutRequired),
    help: q.some((r) => r.helpRequired),
    /** Carriers that would refuse an embedded link / phone number. */
    noLinks: q.filter((r) => !r.linksAllowed).map((r) => r.name),
    noPhones: q.filter((r) => !r.phonesAllowed).map((r) => r.name),
  };
}

/* ---------------------------------------------------------------- what vetting would change */

const DEDICATED = ["A", "C", "E"];
const MIXED = ["B", "D", "F"];
/** AT&T class → score band and throughput (anchors-mission §5.9). */
const ATT_BANDS = [
  { band: "75–100", classes: ["A", "B"], tpm: 4500, mmsTpm: 2400 },
  { band: "50–74", classes: ["C", "D"], tpm: 2400, mmsTpm: 1200 },
  { band: "1–49", classes: ["E", "F"], tpm: 240, mmsTpm: 150 },
];
/** T-Mobile tier by vetting score; the published mapping, to be confirmed by the live brandDailyCap. */
const TMO_TIERS = [
  { band: "75–100", tier: "TOP", cap: 200_000 },
  { band: "50–74", tier: "UPPER_MID", cap: 40_000 },
  { band: "25–49", tier: "LOWER_MID", cap: 10_000 },
  { band: "1–24", tier: "LOW", cap: 2_000 },
];

/**
 * Sentences on what a better vetting score would change, from the carrier terms the registry returned.
 * Only where the data allows: classes outside A–F (e.g. T for low volume) do not depend on the score.
 */
export function vettingEffects(rows: CarrierRow[]): string[] {
  const out: string[] = [];
  const att = rows.find((r) => r.mnoId === ATT);
  if (att?.msgClass && [...DEDICATED, ...MIXED].includes(att.msgClass) && att.msgClass !== "A" && att.msgClass !== "B") {
    const mixed = MIXED.includes(att.msgClass);
    const better = ATT_BANDS.filter((b) => b.tpm > (att.tpm ?? 0));
    if (better.length) {
      out.push(
        `AT&T: ${better
          .map((b) => `a vetting score of ${b.band} gives class ${b.classes[mixed ? 1 : 0]} (${b.tpm.toLocaleString("en-US")} SMS / ${b.mmsTpm.toLocaleString("en-US")} MMS per minute)`)
          .join("; ")}. Now class ${att.msgClass}${att.tpm ? `, ${att.tpm.toLocaleString("en-US")} per minute` : ""}.`,
      );
    }
  }
  const tmo = rows.find((r) => r.mnoId === TMOBILE);
  if (tmo?.brandTier && tmo.brandTier !== "TOP" && tmo.brandTier !== "UNCAPPED" && tmo.brandDailyCap != null) {
    const better = TMO_TIERS.filter((t) => t.cap > (tmo.brandDailyCap ?? 0));
    if (better.length) {
      out.push(
        `T-Mobile: ${better.map((t) => `a score of ${t.band} gives tier ${t.tier} (${t.cap.toLocaleString("en-US")} messages a day)`).join("; ")}. Now ${tmo.brandTier}, ${tmo.brandDailyCap.toLocaleString("en-US")} a day.`,
      );
    }
  }
  const notQualified = rows.filter((r) => r.supported && !r.qualifies);
  if (notQualified.length) {
    out.push(
      `${notQualified.map((r) => r.name).join(", ")}: the brand does not qualify for this use case. The registry's advice is external vetting (a political vet for political campaigns).`,
    );
  }
  return out;
}

/* ---------------------------------------------------------------- create request */

const SAMPLE_KEYS = ["sample1", "sample2", "sample3", "sample4", "sample5"] as const;
const text = (v: string | undefined | null) => {
  const t = (v ?? "").trim();
  return t ? t : undefined;
};

/**
 * The body of POST /campaignBuilder from a draft, in the registry's names. Portal-only fields
 * (structured consent, affiliate marketing, chosen MMS files) stay out; empty texts are omitted so the
 * registry applies its defaults; samples are packed from sample1 with no gaps.
 */
export function createRequestFromDraft(d: CampaignDraftData) {
  const samples = SAMPLE_KEYS.map((k) => text(d[k])).filter((s): s is string => Boolean(s));
  const subscriberOptin = d.subscriberOptin ?? true;
  const subscriberOptout = d.subscriberOptout ?? true;
  const subscriberHelp = d.subscriberHelp ?? true;
  return {
    brandId: d.brandId ?? "",
    usecase: d.usecase ?? "",
    subUsecases: d.subUsecases ?? [],
    resellerId: text(d.resellerId) ?? NO_RESELLER,
    description: text(d.description) ?? "",
    messageFlow: text(d.messageFlow) ?? "",
    embeddedLink: Boolean(d.embeddedLink),
    embeddedPhone: Boolean(d.embeddedPhone),
    termsAndConditions: d.termsAndConditions ?? false,
    numberPool: Boolean(d.numberPool),
    ageGated: Boolean(d.ageGated),
    directLending: Boolean(d.directLending),
    subscriberOptin,
    subscriberOptout,
    subscriberHelp,
    ...Object.fromEntries(SAMPLE_KEYS.map((k, i) => [k, samples[i] ?? null])),
    optinKeywords: subscriberOptin ? text(d.optinKeywords) : undefined,
    optinMessage: subscriberOptin ? text(d.optinMessage) : undefined,
    optoutKeywords: subscriberOptout ? text(d.optoutKeywords) : undefined,
    optoutMessage: subscriberOptout ? text(d.optoutMessage) : undefined,
    helpKeywords: subscriberHelp ? text(d.helpKeywords) : undefined,
    helpMessage: subscriberHelp ? text(d.helpMessage) : undefined,
    privacyPolicyLink: text(d.privacyPolicyLink),
    termsAndConditionsLink: text(d.termsAndConditionsLink),
    embeddedLinkSample: d.embeddedLink ? text(d.embeddedLinkSample) : undefined,
    autoRenewal: d.autoRenewal ?? true,
    referenceId: text(d.referenceId),
  } as {
    brandId: string; usecase: string; subUsecases: string[]; resellerId: string; description: string; messageFlow: string;
    embeddedLink: boolean; embeddedPhone: boolean; termsAndConditions: boolean; numberPool: boolean; ageGated: boolean; directLending: boolean;
    subscriberOptin: boolean; subscriberOptout: boolean; subscriberHelp: boolean;
    sample1: string | null; sample2: string | null; sample3: string | null; sample4: string | null; sample5: string | null;
    optinKeywords?: string; optinMessage?: string; optoutKeywords?: string; optoutMessage?: string; helpKeywords?: string; helpMessage?: string;
    privacyPolicyLink?: string; termsAndConditionsLink?: string; embeddedLinkSample?: string; autoRenewal: boolean; referenceId?: string;
  };
}

/** Default keywords and replies the content step starts with (update table defaults: STOP, HELP). */
export function defaultKeywordMessages(brandName: string, website?: string | null) {
  const name = brandName.trim() || "Our brand";
  const contact = website?.trim() ? `visit ${website.trim()}` : "reply to this message";
  return {
    optinKeywords: "START,YES",
    optoutKeywords: "STOP,QUIT,END,CANCEL,UNSUBSCRIBE",
    helpKeywords: "HELP,INFO",
    optinMessage: `${name}: you are now subscribed to messages. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.`,
    optoutMessage: `${name}: you have been unsubscribed and will receive no further messages. Reply START to subscribe again.`,
    helpMessage: `${name}: for help, ${contact}. Msg & data rates may apply. Reply STOP to cancel.`,
  };
}
