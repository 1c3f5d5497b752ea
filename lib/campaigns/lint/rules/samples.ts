/**
 * Sample messages: what reviewers read first. Brand name and opt-out language are the most frequent
 * rejection causes (Twilio 30893), so they block.
 */
import type { Hit, LintContext, Rule } from "../types";
import { SAMPLE_FIELDS } from "../types";
import { am, TCR_BUILDER, TCR_SHARING_REJECTION } from "../sources";
import { findUrls, hasOptoutLanguage, hostOf, isShortener, mentionsBrand, splitKeywords, str } from "../text";
import { each, NO_PUBLIC_CTA_USECASES, ONE_TIME_USECASES, PROMOTIONAL_USECASES } from "../policy";

export function optoutRequired(ctx: LintContext): boolean {
  if (ctx.c.subscriberOptout) return true;
  return Object.values(ctx.mno).some((m) => m.reqSubscriberOptout);
}

const PLACEHOLDER_BAD = [/\{\{\s*[\w.]+\s*\}\}/, /\$\{[\w.]+\}/, /%[A-Za-z_]+%/, /<[A-Za-z_ ]+>/, /\$[A-Z_]{3,}\b/, /@[A-Z_]{3,}@/];
const PLACEHOLDER_BRACKET = /\[[^\]]{1,40}\]/g;

const OTP = /\b(verification|security|login|one[- ]time|2fa|otp|passcode|pass code|auth(entication)?)\s*(code|pin|password)?\b|\byour code is\b/i;
const PROMO = /\b(\d+\s?% off|sale|discount|coupon|promo(tion)?|deal|offer|shop now|buy now|limited time|free shipping|bogo)\b/i;

/** Common words of English and of the languages reviewers most often see instead (DCA2 506). */
const EN = new Set("the and you your to for of is are with this our we on in at reply msg now will from be has have".split(" "));
const OTHER = new Set("el la los las de que y en su para con por usted gracias hola mensaje responda es un una le les des et vous votre pour avec merci não você obrigado seu sua".split(" "));

export const sampleRules: Rule[] = [
  {
    id: "sample.present",
    severity: "block",
    fields: ["sample1"],
    title: "At least one sample",
    message: "Write at least one sample message representative of what the campaign sends.",
    source: `${TCR_BUILDER}: sample[1-5], "the number of samples may affect MNO eligibility"; ${am("S-03", "sample count ≥ minMsgSamples")}`,
    check: (ctx) => (ctx.samples.length ? [] : [{}]),
  },
  {
    id: "sample.brand-name",
    severity: "block",
    // Relayed person-to-person, machine and platform traffic does not carry one brand's name.
    policy: { byUsecase: each(NO_PUBLIC_CTA_USECASES, "warn") },
    fields: [...SAMPLE_FIELDS],
    title: "Samples name the brand",
    message: "Name the brand (as registered, or the program name) in your samples so subscribers know who is texting.",
    source: `${am("M-01", "at least one sample includes the brand name [Twilio 30893]")}; ${am("B-05", "brand consistent across samples [DCA2 603]")}`,
    check: (ctx) => {
      if (!ctx.samples.length || !ctx.brandNames.length) return [];
      if (ctx.samples.some((s) => mentionsBrand(s.text, ctx.brandNames))) return [];
      return [{ fields: ctx.samples.map((s) => s.field), detail: "no sample names the brand" }];
    },
  },
  {
    id: "sample.opt-out",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "A sample carries opt-out language",
    message: "Add opt-out language to at least one sample, e.g. \"Reply STOP to opt out.\"",
    source: `${am("M-02", "at least one sample includes opt-out language [Twilio 30893]")}; TCR MNO metadata reqSubscriberOptout (L2965–2981)`,
    // Certain for recurring promotional programs; one-time codes carry none (the registry's 2FA request sample).
    policy: { byUsecase: { ...each(PROMOTIONAL_USECASES, "block"), ...each(ONE_TIME_USECASES, "off") } },
    check: (ctx) => {
      if (!ctx.samples.length || !optoutRequired(ctx)) return [];
      const kws = splitKeywords(ctx.c.optoutKeywords);
      if (ctx.samples.some((s) => hasOptoutLanguage(s.text, kws))) return [];
      return [{ fields: ctx.samples.map((s) => s.field), detail: "no sample says how to opt out" }];
    },
  },
  {
    id: "sample.keyword-spacing",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "STOP/HELP written as separate words",
    message: "Write keywords as separate words (\"Reply STOP to end\"), not glued to other text (\"STOP2END\").",
    source: am("M-02", "keywords must be space-separated, e.g. \"STOP2END\" fails"),
    check: (ctx) =>
      ctx.samples.flatMap((s) => {
        const m = s.text.match(/\b(?:STOP|HELP)(?:2|4|TO|to)[A-Za-z]+\b|\b(?:Reply|Text|Txt)(?:STOP|HELP)\b/);
        return m ? [{ fields: [s.field], detail: `${s.field}: ${m[0]}` }] : [];
      }),
  },
  {
    id: "sample.template-syntax",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "Variable parts marked with [brackets]",
    message: "Mark variable parts with square brackets, e.g. [first name], not template code.",
    source: am("M-03", "templated fields in samples are marked with brackets [Twilio 30893]"),
    check: (ctx) =>
      ctx.samples.flatMap((s) => {
        for (const p of PLACEHOLDER_BAD) {
          const m = s.text.match(p);
          if (m) return [{ fields: [s.field], detail: `${s.field}: ${m[0]}` }];
        }
        return [];
      }),
  },
  {
    id: "sample.placeholder-only",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "Samples are real messages, not templates",
    message: "Write the sample as the subscriber will read it; keep [placeholders] to the parts that vary.",
    source: `${am("M-03", "templated fields marked with brackets [Twilio 30893]")}; ${TCR_SHARING_REJECTION}: SAMPLE_MESSAGE`,
    check: (ctx) =>
      ctx.samples.flatMap((s) => {
        const ph = s.text.match(PLACEHOLDER_BRACKET) ?? [];
        const rest = s.text.replace(PLACEHOLDER_BRACKET, "").replace(/[^A-Za-z]+/g, " ").trim().split(" ").filter(Boolean);
        return ph.length > 0 && (rest.length < 4 || ph.length > 4) ? [{ fields: [s.field], detail: `${s.field}: ${ph.slice(0, 3).join(" ")}` }] : [];
      }),
  },
  {
    id: "sample.test-content",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "No test or filler text",
    message: "Replace test or filler text with real sample messages.",
    source: am("P-06", "\"Testing\" placeholders are not accepted [Twilio 30534]"),
    check: (ctx) =>
      ctx.samples.flatMap((s) => {
        const m = s.text.match(/\b(lorem ipsum|test(ing)? (message|msg|sms)|this is a test|asdf\w*|sample (message|text)|placeholder|string(string)+)\b/i);
        return m ? [{ fields: [s.field], detail: `${s.field}: ${m[0]}` }] : [];
      }),
  },
  {
    id: "sample.duplicate",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "Samples differ",
    message: "Make each sample a different message the campaign really sends; identical samples count once for reviewers.",
    source: `${TCR_BUILDER}: samples "representative of messages sent as part of the campaign"; ${TCR_SHARING_REJECTION}: SAMPLE_MESSAGE`,
    check: (ctx) => {
      const seen = new Map<string, string>();
      const hits: Hit[] = [];
      for (const s of ctx.samples) {
        const k = s.text.toLowerCase().replace(/\s+/g, " ");
        const prev = seen.get(k);
        if (prev) hits.push({ fields: [s.field], detail: `${s.field} repeats ${prev}` });
        else seen.set(k, s.field);
      }
      return hits;
    },
  },
  {
    id: "sample.url-shortener",
    severity: "block",
    fields: [...SAMPLE_FIELDS, "embeddedLinkSample"],
    title: "No public URL shorteners",
    message: "Replace public URL shorteners (bit.ly, tinyurl, …) with a full link on the brand's own domain, or a branded short domain.",
    source: `${TCR_BUILDER}: embeddedLink/embeddedLinkSample "public URL shorteners (e.g., bitly, tinyurl) are not accepted"; ${am("M-06", "[Twilio 30857]")}; ${TCR_SHARING_REJECTION}: SAMPLE_MESSAGE`,
    check: (ctx) => {
      const texts = [...ctx.samples, { field: "embeddedLinkSample" as const, text: str(ctx.c.embeddedLinkSample) }];
      return texts.flatMap((s) => findUrls(s.text).filter(isShortener).map((u) => ({ fields: [s.field], detail: `${s.field}: ${u}` })));
    },
  },
  {
    id: "sample.https",
    severity: "warn",
    fields: [...SAMPLE_FIELDS, "embeddedLinkSample"],
    title: "Links use https",
    message: "Use https:// links in messages.",
    source: am("M-06", "HTTPS only [Twilio 30857]"),
    check: (ctx) => {
      const texts = [...ctx.samples, { field: "embeddedLinkSample" as const, text: str(ctx.c.embeddedLinkSample) }];
      return texts.flatMap((s) => findUrls(s.text).filter((u) => /^http:\/\//i.test(u)).map((u) => ({ fields: [s.field], detail: `${s.field}: ${u}` })));
    },
  },
  {
    id: "sample.link-domain",
    severity: "warn",
    fields: [...SAMPLE_FIELDS, "embeddedLinkSample"],
    title: "Links on the brand's domain",
    message: "Link to the brand's own website domain; a link to an unrelated domain looks like phishing to carrier filters.",
    source: am("M-06", "the link domain should match the sender [Twilio 30857]"),
    check: (ctx) => {
      const site = hostOf(str(ctx.brand.website));
      if (!site) return [];
      const root = site.split(".").slice(-2).join(".");
      const texts = [...ctx.samples, { field: "embeddedLinkSample" as const, text: str(ctx.c.embeddedLinkSample) }];
      return texts.flatMap((s) =>
        findUrls(s.text)
          .filter((u) => !isShortener(u))
          .filter((u) => { const h = hostOf(u); return h !== root && !h.endsWith(`.${root}`); })
          .map((u) => ({ fields: [s.field], detail: `${s.field}: ${hostOf(u)} is not ${root}` })),
      );
    },
  },
  {
    id: "sample.sensitive-data",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "Samples do not ask for sensitive data",
    message: "Never ask subscribers to text a social security number, card number, bank details or password.",
    source: `${am("M-12", "samples must not ask for sensitive data")}; TCR suspension category PHISHING_MESSAGES`,
    check: (ctx) =>
      ctx.samples.flatMap((s) => {
        const m = s.text.match(/\b(reply|text|send|provide|confirm|enter|verify)\b[^.?!]{0,40}\b(ssn|social security|card number|credit card|cvv|bank account|routing number|password|pin number)\b/i);
        return m ? [{ fields: [s.field], detail: `${s.field}: ${m[0]}` }] : [];
      }),
  },
  {
    id: "sample.usecase-match",
    severity: "warn",
    fields: [...SAMPLE_FIELDS, "usecase"],
    title: "Samples match the use case",
    message: "Samples must match the declared use case: one-time codes belong to 2FA, promotions to MARKETING (or a MIXED campaign declaring them).",
    source: `${am("M-07", "samples must match the use case [DCA2 602; Twilio 30893]")}; ${TCR_SHARING_REJECTION}: SAMPLE_MESSAGE`,
    check: (ctx) => {
      const declared = new Set([ctx.usecase, ...ctx.subUsecases]);
      if (!ctx.usecase) return [];
      const mixedOk = (x: string) => declared.has(x) || ctx.usecase === "LOW_VOLUME" && ctx.subUsecases.length === 0;
      const hits: Hit[] = [];
      for (const s of ctx.samples) {
        if (OTP.test(s.text) && /\b(code|pin|passcode)\b/i.test(s.text) && !mixedOk("2FA") && !declared.has("SECURITY_ALERT") && !declared.has("ACCOUNT_NOTIFICATION")) {
          hits.push({ fields: [s.field], detail: `${s.field}: one-time code under ${ctx.usecase}` });
        } else if (PROMO.test(s.text) && !mixedOk("MARKETING") && !["SWEEPSTAKE", "SOLE_PROPRIETOR", "AGENTS_FRANCHISES", "CHARITY", "POLITICAL", "K12_EDUCATION", "HIGHER_EDUCATION"].includes(ctx.usecase)) {
          hits.push({ fields: [s.field], detail: `${s.field}: promotional content under ${ctx.usecase}` });
        }
      }
      return hits;
    },
  },
  {
    id: "sample.english",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "Samples in English or translated",
    message: "Write samples in English, or add the English translation after the message.",
    source: am("C-18", "content must be in English, or a translation supplied [DCA2 506]"),
    check: (ctx) =>
      ctx.samples.flatMap((s) => {
        const words = s.text.toLowerCase().split(/[^a-záéíóúñüçãõàèêôâ]+/).filter(Boolean);
        const en = words.filter((w) => EN.has(w)).length;
        const other = words.filter((w) => OTHER.has(w)).length;
        return other >= 3 && other > en ? [{ fields: [s.field], detail: `${s.field} does not read as English` }] : [];
      }),
  },
];
