/** Use case, sub-use cases, sample count and the description. */
import type { LintContext, Rule } from "../types";
import { SAMPLE_FIELDS } from "../types";
import { am, pv, TCR_MNO, TCR_SHARING_REJECTION, TCR_USECASE } from "../sources";
import { mentionsBrand, str } from "../text";

/**
 * Standard use cases that may be chosen as sub-use cases of MIXED / LOW_VOLUME. TCR serves the list
 * through /enum/usecase?validSubUsecase=true; SOCIAL is never valid (anchors-mission S-08, TCR 501).
 */
export const VALID_SUB_USECASES = [
  "2FA", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "FRAUD_ALERT", "HIGHER_EDUCATION",
  "MARKETING", "POLLING_VOTING", "PUBLIC_SERVICE_ANNOUNCEMENT", "SECURITY_ALERT",
] as const;

/**
 * Fallback bounds when the qualification response is not at hand. TCR's enum serves them; these are
 * the values the registry has long published for the two mixed use cases.
 */
const DEFAULT_LIMITS: Record<string, { min: number; max: number }> = {
  MIXED: { min: 2, max: 5 },
  LOW_VOLUME: { min: 1, max: 5 },
};

export function subUsecaseLimits(ctx: LintContext): { min: number; max: number } | undefined {
  const l = ctx.input.usecaseLimits;
  if (l && (l.minSubUsecases != null || l.maxSubUsecases != null)) {
    return { min: l.minSubUsecases ?? 0, max: l.maxSubUsecases ?? 0 };
  }
  return DEFAULT_LIMITS[ctx.usecase];
}

/** Required samples = max(highest minMsgSamples of the carriers, number of sub-use cases, 1) (C-3). */
export function requiredSamples(ctx: LintContext): { count: number; why: string } {
  let count = 1;
  let why = "at least one sample";
  for (const [id, m] of Object.entries(ctx.mno)) {
    if (m.mnoSupport === false) continue;
    if ((m.minMsgSamples ?? 0) > count) {
      count = m.minMsgSamples ?? 0;
      why = `${m.mno ?? `MNO ${id}`} requires ${count}`;
    }
  }
  if (ctx.subUsecases.length > count) {
    count = ctx.subUsecases.length;
    why = `one per sub-use case (${count})`;
  }
  return { count: Math.min(count, 5), why };
}

const GENERIC = /^(marketing|promotions?|notifications?|alerts?|updates?|messages?|texts?|sms|customer care|2fa|otp|reminders?|info(rmation)?|news)( (messages?|texts?|sms|campaign|to customers|for customers))?\.?$/i;

export const usecaseRules: Rule[] = [
  {
    id: "usecase.subusecase-count",
    severity: "block",
    fields: ["subUsecases"],
    title: "Sub-use cases within the use case's min/max",
    message: "Choose as many sub-use cases as the use case requires.",
    source: `${TCR_USECASE}: "the count submitted must lie in [minSubUsecase, maxSubUsecase]"; ${pv("C-1", "Vonage, R")}`,
    check: (ctx) => {
      if (!ctx.usecase) return [];
      const lim = subUsecaseLimits(ctx);
      const n = ctx.subUsecases.length;
      if (!lim) return [];
      if (lim.max === 0 && n > 0) return [{ detail: `${ctx.usecase} takes no sub-use cases (${n} chosen)`, message: "This use case takes no sub-use cases: remove them." }];
      if (n < lim.min) return [{ detail: `${n} chosen, ${ctx.usecase} needs at least ${lim.min}` }];
      if (n > lim.max) return [{ detail: `${n} chosen, ${ctx.usecase} allows at most ${lim.max}` }];
      return [];
    },
  },
  {
    id: "usecase.subusecase-valid",
    severity: "block",
    fields: ["subUsecases"],
    title: "Sub-use cases are valid, once each",
    message: "Pick sub-use cases from the standard use cases (SOCIAL is never one), each once.",
    source: `${TCR_USECASE}: "valid sub-use-case names"; ${am("S-08", "SOCIAL is never a valid sub-use-case [TCR 501]")}`,
    check: (ctx) => {
      const valid = new Set<string>(VALID_SUB_USECASES);
      const hits = ctx.subUsecases.filter((s) => !valid.has(s)).map((s) => ({ detail: `${s} is not a valid sub-use case` }));
      const dup = ctx.subUsecases.filter((s, i) => ctx.subUsecases.indexOf(s) !== i);
      if (dup.length) hits.push({ detail: `${[...new Set(dup)].join(", ")} chosen twice` });
      return hits;
    },
  },
  {
    id: "usecase.min-samples",
    severity: "block",
    fields: [...SAMPLE_FIELDS],
    title: "Enough samples for every carrier",
    message: "Add sample messages: the carriers' minimum for this use case, and one per sub-use case.",
    source: `${TCR_MNO}: minMsgSamples; ${am("S-03", "sample count ≥ max minMsgSamples across MNOs")}; ${pv("C-3", "Vonage L5743: max(min_msg_samples, number of sub-use cases)")}`,
    check: (ctx) => {
      const need = requiredSamples(ctx);
      // With no sample at all, sample.present already says so.
      if (ctx.samples.length === 0 || ctx.samples.length >= need.count) return [];
      const missing = SAMPLE_FIELDS.filter((f) => !str(ctx.c[f])).slice(0, need.count - ctx.samples.length);
      return [{ fields: missing, detail: `${ctx.samples.length} of ${need.count} (${need.why})` }];
    },
  },
  {
    id: "description.brand",
    severity: "warn",
    fields: ["description"],
    title: "Description names the sender",
    message: "Say in the description who sends the messages (the brand) and to whom.",
    source: `${am("M-08", "description must say who sends, to whom, and why [Twilio 30886]")}; ${TCR_SHARING_REJECTION}: CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES`,
    check: (ctx) => {
      const d = str(ctx.c.description);
      return d.length >= 40 && ctx.brandNames.length && !mentionsBrand(d, ctx.brandNames) ? [{}] : [];
    },
  },
  {
    id: "description.specific",
    severity: "warn",
    fields: ["description"],
    title: "Description is specific",
    message: "Describe the purpose concretely: which messages, sent to whom, triggered by what, e.g. \"Acme Dental sends appointment reminders to patients who booked online\".",
    source: `${am("M-08", "description must say who, to whom and why [Twilio 30886]")}; ${TCR_SHARING_REJECTION}: CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES`,
    check: (ctx) => {
      const d = str(ctx.c.description);
      if (!d) return [];
      const words = d.split(/\s+/).filter(Boolean);
      if (GENERIC.test(d)) return [{ detail: "generic description" }];
      if (words.length < 10) return [{ detail: `${words.length} words` }];
      const distinct = new Set(words.map((w) => w.toLowerCase())).size;
      return distinct < words.length / 3 ? [{ detail: "repetitive text" }] : [];
    },
  },
  {
    id: "description.isv",
    severity: "info",
    fields: ["description"],
    title: "Platforms say whose campaign it is",
    message: "If you are a software platform registering for a customer, name the customer brand as the sender; if it is your own offering, say so.",
    source: `${am("M-08", "an ISV registering a direct offering must say so [Twilio 30886]")}; ${am("B-08", "the brand registered must be the actual sender")}`,
    check: (ctx) => (/\b(our (customers|clients|users)('s)? (send|can send)|platform (that )?(allows|lets|enables)|on behalf of (our|their) (customers|clients))\b/i.test(str(ctx.c.description)) ? [{}] : []),
  },
  {
    id: "usecase.marketing-consent",
    severity: "warn",
    fields: ["messageFlow", "usecase", "subUsecases"],
    title: "Marketing needs express written consent",
    message: "Marketing messages need prior express written consent: describe a signed or checked opt-in that names marketing texts.",
    source: am("C-15", "marketing content needs prior express written consent [BW 2101/2102; Twilio 30831]"),
    check: (ctx) => {
      if (ctx.usecase !== "MARKETING" && !ctx.subUsecases.includes("MARKETING")) return [];
      const f = str(ctx.c.messageFlow);
      if (!f) return [];
      return /\b(market\w*|promo\w*|offers?|deals?|sales?|discounts?|coupons?)\b/i.test(f) ? [] : [{ detail: "the message flow does not mention marketing or promotional messages" }];
    },
  },
  {
    id: "usecase.special-review",
    severity: "info",
    fields: ["usecase"],
    title: "Special use cases need vetting or review",
    message: "This is a special use case: it may need a standard, enhanced or political vet and manual carrier review; expect a delay.",
    source: `${TCR_USECASE}: "SPECIAL use cases may require a standard, enhanced or political vet and/or MNO review"; ${am("Q-05", "special use cases need vetting or optional attributes")}`,
    check: (ctx) => (SPECIAL.has(ctx.usecase) ? [{ detail: ctx.usecase }] : []),
  },
];

/** Use cases TCR classifies SPECIAL (enum usecase classification). */
const SPECIAL = new Set(["AGENTS_FRANCHISES", "CARRIER_EXEMPT", "CHARITY", "EMERGENCY", "K12_EDUCATION", "M2M", "POLITICAL", "PROXY", "SOCIAL", "SWEEPSTAKE", "UCAAS_HIGH", "UCAAS_LOW", "TRIAL"]);
