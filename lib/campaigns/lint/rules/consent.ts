/**
 * Call to action / message flow: how consent is collected and what the subscriber is told. With the
 * structured consent builder (lib/campaigns/consent.ts) the gaps are exact; for a free-text
 * messageFlow (typed, imported, or from the command line) the same rules fall back to text checks.
 */
import type { CampaignField, Hit, LintContext, Rule, Severity, SeverityPolicy } from "../types";
import { consentFindings, type ConsentGap, type ConsentDraft } from "../../consent";
import { am, pv, TCR_BUILDER, TCR_SHARING_REJECTION } from "../sources";
import { detectOptinMethods, findUrls, hostOf, hasFrequency, hasHelpLanguage, hasOptoutLanguage, hasRatesDisclosure, mentionsBrand, OFFLINE_METHODS, splitKeywords, str, withoutLinks } from "../text";
import { each, NO_PUBLIC_CTA_USECASES, ONE_TIME_USECASES } from "../policy";

const gapCache = new WeakMap<object, ConsentGap[]>();
function gaps(c: ConsentDraft): ConsentGap[] {
  let g = gapCache.get(c);
  if (!g) {
    g = consentFindings(c);
    gapCache.set(c, g);
  }
  return g;
}

/** The text links a page on the brand's own website domain. */
function linksBrandSite(f: string, ctx: LintContext): boolean {
  const site = hostOf(str(ctx.brand.website));
  if (!site) return false;
  const root = site.split(".").slice(-2).join(".");
  return findUrls(f).some((u) => { const h = hostOf(u); return h === root || h.endsWith(`.${root}`); });
}

const isWeb = (f: string) => detectOptinMethods(f).includes("WEB_FORM");
const isOffline = (f: string) => detectOptinMethods(f).some((m) => OFFLINE_METHODS.includes(m));

/**
 * The opt-in notice's frequency, rates, HELP and STOP lines (BW 2135–2138): certain for recurring
 * programs; for one-time codes (the registry's own 2FA request sample has none of them) and for
 * conversations the consumer starts (there is no notice to carry them) they warn.
 */
const DISCLOSURE_POLICY: SeverityPolicy = {
  byUsecase: { ...each(ONE_TIME_USECASES, "warn"), ...each(NO_PUBLIC_CTA_USECASES, "warn") },
  consumerInitiated: "warn",
};

interface ConsentRuleDef {
  id: string;
  severity: Severity;
  fields?: CampaignField[];
  title: string;
  message: string;
  source: string;
  /** Check of a free-text messageFlow (non-empty); omitted = the rule needs the structured consent. */
  text?: (flow: string, ctx: LintContext) => Hit[];
  policy?: SeverityPolicy;
}

const ok: Hit[] = [];
const miss = (cond: boolean, detail?: string): Hit[] => (cond ? [detail ? { detail } : {}] : ok);

function consentRule(d: ConsentRuleDef): Rule {
  return {
    id: d.id,
    severity: d.severity,
    fields: d.fields ?? ["messageFlow"],
    title: d.title,
    message: d.message,
    source: d.source,
    ...(d.policy ? { policy: d.policy } : {}),
    check: (ctx) => {
      const c = ctx.input.consent;
      if (c) return gaps(c).filter((g) => g.ruleId === d.id).map((g) => (g.detail ? { detail: g.detail } : {}));
      const flow = str(ctx.c.messageFlow);
      return flow && d.text ? d.text(flow, ctx) : ok;
    },
  };
}

const CTA = "TCR sharing rejection CALL_TO_ACTION (opt-in method, program name, frequency, charges, STOP, terms and privacy links)";

export const consentRules: Rule[] = [
  consentRule({
    id: "consent.method",
    severity: "block",
    policy: { byUsecase: each(NO_PUBLIC_CTA_USECASES, "warn") },
    title: "Message flow names the opt-in method",
    message: "Say how subscribers opt in: web form or checkbox, keyword text-in, paper form, verbal/IVR, point of sale, app, or the consumer texting first.",
    source: `${am("C-01", "message flow must name an opt-in method [BW 2100; Twilio 30842]")}; ${CTA}; Vonage message_flow: the opt-in methods carriers accept`,
    text: (f) => miss(detectOptinMethods(f).length === 0),
  }),
  consentRule({
    id: "consent.location",
    severity: "block",
    title: "Each opt-in method says where",
    message: "For each opt-in method say where it happens: the form's URL, the keyword and where it is advertised, the store, the phone line.",
    source: `${am("C-02", "the direct URL of the form [806, 2104]")}; ${am("C-04", "gated, verbal or paper flows need a hosted screenshot or script [Twilio 30837]")}`,
  }),
  consentRule({
    id: "consent.web-form-url",
    severity: "warn",
    title: "Web opt-in gives the form's URL",
    message: "Give the full URL of the web page where subscribers opt in.",
    source: am("C-02", "web-form opt-in must give the direct URL of the form [806, 2104]"),
    text: (f) => miss(isWeb(f) && findUrls(f).length === 0),
  }),
  consentRule({
    id: "consent.web-form-homepage",
    severity: "warn",
    title: "The opt-in URL is the form, not the home page",
    message: "Link the page that holds the opt-in form, not the site's home page.",
    source: am("C-02", "the homepage is not enough [806, 2104]"),
    text: (f, ctx) => {
      const urls = findUrls(f);
      // A bare link to the brand's home page; a form on its own host (apply.school.edu) is not the home page.
      const site = hostOf(str(ctx.brand.website));
      const home = (u: string) => /^(https?:\/\/)?[^/]+\/?$/i.test(u) && (!site || hostOf(u) === site);
      return miss(isWeb(f) && urls.length > 0 && urls.every(home), urls[0]);
    },
  }),
  consentRule({
    id: "consent.evidence",
    severity: "warn",
    title: "Offline or gated opt-in has a public screenshot or script",
    message: "For verbal, IVR, paper, point-of-sale, app or login-gated opt-ins, link a public screenshot, photo or script of what the subscriber sees or hears.",
    source: `${am("C-04", "need a publicly hosted screenshot or script URL [Twilio 30837]")}; ${pv("C-6", "attachment URL for every method except TEXT_TO_JOIN")}`,
    text: (f) => miss(isOffline(f) && findUrls(f).length === 0),
  }),
  consentRule({
    id: "consent.keyword",
    severity: "block",
    title: "Text-in opt-in names the keyword",
    message: "Name the keyword(s) subscribers text to join.",
    source: `${pv("C-6", "TEXT_TO_JOIN line shows the opt-in keywords")}; ${am("C-01", "[BW 2100]")}`,
  }),
  consentRule({
    id: "consent.unchecked-box",
    severity: "warn",
    title: "SMS consent box unchecked by default",
    message: "SMS consent needs its own checkbox, unchecked by default, separate from accepting terms or other channels; say so in the message flow.",
    source: `${am("C-14", "its own unchecked box, not bundled [Twilio 30556, 30841]")}; ${TCR_BUILDER}: request sample messageFlow "(default unchecked)"`,
    text: (f) => miss(/\bcheck ?box\b/i.test(f) && !/\b(un-?checked|not (be )?pre-?(checked|selected|ticked)|not checked|optional)\b/i.test(f)),
  }),
  consentRule({
    id: "consent.program-name",
    // The brand often shows only in the form's URL or page the reviewer opens: the text check warns.
    severity: "warn",
    title: "Disclosure names the brand",
    message: "Name the brand (or program) in the opt-in disclosure.",
    source: `${am("C-05", "opt-in disclosure must contain the brand name [BW 2133]")}; ${CTA}`,
    // An opt-in on the brand's own site names it there: a link to that site counts.
    text: (f, ctx) => miss(ctx.brandNames.length > 0 && !mentionsBrand(f, ctx.brandNames) && !linksBrandSite(f, ctx)),
  }),
  consentRule({
    id: "consent.purpose",
    severity: "warn",
    title: "Disclosure says what the messages are about",
    message: "Say what kind of messages subscribers agree to (e.g. order updates, appointment reminders, promotions).",
    source: am("C-06", "disclosure must state the message types/purpose [BW 2134; Twilio 30544]"),
    text: (f) => miss(!/\b(notifications?|notices?|reminders?|alerts?|updates?|offers?|promotions?|promotional|marketing|specials?|deals?|coupons?|codes?|confirmations?|orders?|appointments?|account|delivery|deliveries|news|events?|announcements?|support|customer care|questions?|chat|conversations?|requests?|verification|passcodes?|receipts?|shipping|surveys?|polls?|schedules?|contests?|sweepstakes|payments?|bills?|status|tips|information)\b/i.test(f)),
  }),
  consentRule({
    id: "consent.frequency",
    severity: "block",
    title: "Disclosure states message frequency",
    message: "State the message frequency in the disclosure, e.g. \"Message frequency varies\" or \"up to 4 msgs/month\".",
    source: `${am("C-07", "disclosure must state message frequency [BW 2135; 2115]")}; ${CTA}`,
    policy: DISCLOSURE_POLICY,
    text: (f) => miss(!hasFrequency(f)),
  }),
  consentRule({
    id: "consent.rates",
    severity: "block",
    title: "Disclosure says \"Msg & data rates may apply\"",
    message: "Add \"Msg & data rates may apply\" to the disclosure.",
    source: `${am("C-08", "\"Msg & data rates may apply\" [BW 2136; 2116]")}; ${pv("C-6", "pricing_disclosure must be true")}; ${CTA}`,
    policy: DISCLOSURE_POLICY,
    text: (f) => miss(!hasRatesDisclosure(f)),
  }),
  consentRule({
    id: "consent.help",
    severity: "block",
    title: "Disclosure says how to get HELP",
    message: "Tell subscribers how to get help, e.g. \"Reply HELP for help\".",
    source: `${am("C-09", "disclosure must say how to get HELP [BW 2137; 2117]")}; ${TCR_SHARING_REJECTION}: MANDATORY_MESSAGE_TERMINOLOGY`,
    policy: DISCLOSURE_POLICY,
    text: (f, ctx) => miss(!hasHelpLanguage(f, splitKeywords(ctx.c.helpKeywords))),
  }),
  consentRule({
    id: "consent.stop",
    severity: "block",
    title: "Disclosure says how to opt out",
    message: "Tell subscribers how to opt out, e.g. \"Reply STOP to cancel\".",
    source: `${am("C-10", "disclosure must say how to opt out (STOP) [BW 2138]")}; ${CTA}`,
    policy: DISCLOSURE_POLICY,
    text: (f, ctx) => miss(!hasOptoutLanguage(f, splitKeywords(ctx.c.optoutKeywords))),
  }),
  consentRule({
    id: "consent.privacy-link",
    severity: "warn",
    fields: ["messageFlow", "privacyPolicyLink"],
    title: "Disclosure links the privacy policy",
    message: "Link the privacy policy next to the opt-in (checkbox or button) and mention it in the message flow.",
    source: `${am("C-12", "form must link to the privacy policy near the checkbox [2121]")}; ${CTA}`,
    // The registry's privacyPolicyLink field carries the link when the text does not.
    text: (f, ctx) => miss(!/\bprivacy\b/i.test(f) && !str(ctx.c.privacyPolicyLink)),
  }),
  consentRule({
    id: "consent.terms-link",
    severity: "warn",
    fields: ["messageFlow", "termsAndConditionsLink"],
    title: "Disclosure links the terms",
    message: "Link the SMS terms and conditions at the opt-in and mention them in the message flow.",
    source: `${am("L-04", "terms must be public and cover SMS")}; ${CTA}`,
    text: (f, ctx) => miss(!/\bterms\b/i.test(f) && !str(ctx.c.termsAndConditionsLink)),
  }),
  consentRule({
    id: "consent.not-required",
    severity: "warn",
    // One-time codes are part of the service the user asked for; a consumer who texts first bought nothing.
    policy: { byUsecase: each(ONE_TIME_USECASES, "off"), consumerInitiated: "off" },
    title: "SMS consent is optional",
    message: "Say that SMS consent is not a condition of purchase or service: required or bundled consent is rejected.",
    source: am("C-14", "SMS consent must not be required for purchase or booking [Twilio 30556, 30841]"),
    text: (f) => miss(!/\b(not|never|n't) (be )?(a )?(condition|required|mandatory|necessary|needed)\b|\boptional\b/i.test(f)),
  }),
  consentRule({
    id: "consent.no-sharing",
    // The promise belongs in the privacy policy (L-02, checked there); in the flow it is a good practice.
    severity: "info",
    title: "Consent is not shared with third parties",
    message: "State that mobile numbers and SMS consent are not shared with or sold to third parties or affiliates.",
    source: `${am("L-02", "opt-in data not shared, sold or rented to third parties [805]")}; ${am("C-16", "opt-in is 1:1, not transferable")}`,
    text: (f) => miss(!/\b(not|never|no)\b[^.]{0,40}\b(shared?|sold|sell|rented?|transferred)\b/i.test(f)),
  }),
  consentRule({
    id: "consent.flow-length",
    severity: "block",
    title: "Composed message flow fits 4096 characters",
    message: "The message flow composed from the consent details is longer than the registry's 4096 characters: shorten the details.",
    source: `${TCR_BUILDER}: messageFlow max 4096; ${pv("C-5", "message_flow 40–4096")}`,
  }),
  {
    id: "consent.sms-explicit",
    severity: "warn",
    fields: ["messageFlow"],
    title: "Consent names SMS / text messages",
    message: "Say explicitly that subscribers consent to SMS or text messages; \"communications\" alone is rejected.",
    source: am("C-13", "consent must explicitly name SMS/text [Twilio 30551]"),
    check: (ctx) => {
      const f = withoutLinks(str(ctx.c.messageFlow));
      return f.trim() && !/\b(sms|texts?|texting|text messag\w*|txts?|msgs?|mms)\b/i.test(f) ? [{}] : [];
    },
  },
];
