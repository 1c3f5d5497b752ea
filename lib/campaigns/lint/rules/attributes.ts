/**
 * Declared content attributes must agree with the samples (DCA2 601 "sample messages don't match the
 * campaign attributes"), and some content must be declared (lending, age-gated).
 */
import type { Hit, LintContext, Rule } from "../types";
import { SAMPLE_FIELDS } from "../types";
import { am, pv, TCR_BUILDER, TCR_MNO, TCR_SUSPENSION } from "../sources";
import { findPhones, findUrls, phoneKey, str } from "../text";

function samplesWithLinks(ctx: LintContext) {
  return ctx.samples.map((s) => ({ ...s, urls: findUrls(s.text) })).filter((s) => s.urls.length > 0);
}

/** Phone numbers in samples other than the HELP contact number (which embeddedPhone excludes). */
function samplesWithPhones(ctx: LintContext) {
  const help = new Set(findPhones(str(ctx.c.helpMessage)).map(phoneKey));
  return ctx.samples
    .map((s) => ({ ...s, phones: findPhones(s.text).filter((p) => !help.has(phoneKey(p))) }))
    .filter((s) => s.phones.length > 0);
}

/** Words that only mean lending (block), and words that often do (financing offers, APRs: warn). */
const LENDING = /\b(loans?|lending|lender|line of credit|credit line|pre-?approved for|cash advance|refinanc\w*|mortgage)\b/i;
const LENDING_WEAK = /\b(borrow(ing)?|apr|financing|installment (plan|loan)s?|pay over time)\b/i;
const AGE_GATED = /\b(alcohol\w*|beers?|wines?|liquor|vodka|whiske?y|tequila|bourbon|brewery|winery|distillery|cocktails?|happy hour|tobacco|cigars?|cigarettes?|vapes?|vaping|e-?cig\w*|nicotine|hookah|firearms?|handguns?|shotguns?|ammo|ammunition|rifles?|pistols?)\b/i;

function scan(ctx: LintContext, re: RegExp): Hit[] {
  const texts = [...ctx.samples, { field: "description" as const, text: str(ctx.c.description) }];
  const hits: Hit[] = [];
  for (const s of texts) {
    const m = s.text.match(re);
    if (m) hits.push({ fields: [s.field], detail: `${s.field}: "${m[0]}"` });
  }
  return hits;
}

export const attributeRules: Rule[] = [
  {
    id: "attr.link-undeclared",
    severity: "block",
    fields: ["embeddedLink", ...SAMPLE_FIELDS],
    title: "Links in samples ⇒ embeddedLink",
    message: "A sample contains a link: declare embedded links (embeddedLink = true), or remove the link.",
    source: `${am("M-04", "a URL in a sample requires embeddedLink=true [DCA2 601]")}; ${TCR_BUILDER}: embeddedLink`,
    check: (ctx) =>
      ctx.c.embeddedLink ? [] : samplesWithLinks(ctx).map((s) => ({ fields: ["embeddedLink", s.field], detail: `${s.field}: ${s.urls[0]}` })),
  },
  {
    id: "attr.link-unused",
    // The reference defines the flag as "using" links; samples need not show every message: warn.
    severity: "warn",
    fields: ["embeddedLink", ...SAMPLE_FIELDS],
    title: "embeddedLink ⇒ a sample shows the link",
    message: "Embedded links are declared but no sample contains one: add the link to a sample, or turn embedded links off.",
    source: am("M-04", "embeddedLink flag must match the samples, and vice versa [DCA2 601]"),
    check: (ctx) => (ctx.c.embeddedLink && ctx.samples.length > 0 && samplesWithLinks(ctx).length === 0 ? [{ fields: ["embeddedLink"] }] : []),
  },
  {
    id: "attr.link-sample",
    severity: "warn",
    fields: ["embeddedLinkSample"],
    title: "Embedded link sample given",
    message: "Give a sample of the link the messages will carry (embeddedLinkSample).",
    source: `${TCR_BUILDER}: embeddedLinkSample "if using an embedded link, a sample of the link"; ${am("M-06", "TCR has an embeddedLinkSample field")}`,
    check: (ctx) => (ctx.c.embeddedLink && !str(ctx.c.embeddedLinkSample) ? [{}] : []),
  },
  {
    id: "attr.phone-undeclared",
    severity: "block",
    fields: ["embeddedPhone", ...SAMPLE_FIELDS],
    title: "Phone numbers in samples ⇒ embeddedPhone",
    message: "A sample contains a phone number (other than the HELP contact): declare embedded phone numbers (embeddedPhone = true), or remove it.",
    source: `${am("M-05", "embeddedPhone flag must match the samples [Twilio 30889; DCA2 601]")}; ${TCR_BUILDER}: embeddedPhone "other than the HELP information contact number"`,
    check: (ctx) =>
      ctx.c.embeddedPhone ? [] : samplesWithPhones(ctx).map((s) => ({ fields: ["embeddedPhone", s.field], detail: `${s.field}: ${s.phones[0]}` })),
  },
  {
    id: "attr.phone-unused",
    severity: "warn",
    fields: ["embeddedPhone", ...SAMPLE_FIELDS],
    title: "embeddedPhone ⇒ a sample shows the number",
    message: "Embedded phone numbers are declared but no sample contains one: add it to a sample, or turn embedded phone off.",
    source: am("M-05", "embeddedPhone flag must match the samples [Twilio 30889; DCA2 601]"),
    check: (ctx) => (ctx.c.embeddedPhone && ctx.samples.length > 0 && samplesWithPhones(ctx).length === 0 ? [{ fields: ["embeddedPhone"] }] : []),
  },
  {
    id: "attr.mno-no-embedded-link",
    severity: "block",
    fields: ["embeddedLink", "embeddedLinkSample", ...SAMPLE_FIELDS],
    title: "No links where a carrier forbids them",
    message: "A carrier does not accept links for this use case: turn embedded links off and remove links from the samples, or leave that carrier out.",
    source: `${TCR_MNO}: noEmbeddedLink; ${am("M-13", "noEmbeddedLink forbids links in samples on that carrier")}; ${pv("Q-5", "Vonage")}`,
    check: (ctx) => {
      const banned = Object.entries(ctx.mno).filter(([, m]) => m.noEmbeddedLink).map(([id, m]) => m.mno ?? id);
      if (!banned.length) return [];
      const uses = ctx.c.embeddedLink || samplesWithLinks(ctx).length > 0 || !!str(ctx.c.embeddedLinkSample);
      return uses ? [{ detail: `forbidden by ${banned.join(", ")}` }] : [];
    },
  },
  {
    id: "attr.mno-no-embedded-phone",
    severity: "block",
    fields: ["embeddedPhone", ...SAMPLE_FIELDS],
    title: "No phone numbers where a carrier forbids them",
    message: "A carrier does not accept phone numbers in messages for this use case: turn embedded phone off and remove numbers from the samples, or leave that carrier out.",
    source: `${TCR_MNO}: noEmbeddedPhone; ${am("M-13", "noEmbeddedPhone forbids phone numbers in samples on that carrier")}; ${pv("Q-5", "Vonage")}`,
    check: (ctx) => {
      const banned = Object.entries(ctx.mno).filter(([, m]) => m.noEmbeddedPhone).map(([id, m]) => m.mno ?? id);
      if (!banned.length) return [];
      return ctx.c.embeddedPhone || samplesWithPhones(ctx).length > 0 ? [{ detail: `forbidden by ${banned.join(", ")}` }] : [];
    },
  },
  {
    id: "attr.direct-lending",
    severity: "block",
    fields: ["directLending", "description", ...SAMPLE_FIELDS],
    title: "Lending content ⇒ directLending",
    message: "The messages talk about loans or credit: declare direct lending (directLending = true), or reword.",
    source: `${am("M-09", "lending or loan content requires directLending=true")}; ${pv("C-15", "Vonage")}; ${TCR_BUILDER}: directLending`,
    check: (ctx) => {
      if (ctx.c.directLending) return [];
      const strong = scan(ctx, LENDING);
      const weak = scan(ctx, LENDING_WEAK).filter((w) => !strong.some((s) => s.fields?.[0] === w.fields?.[0])).map((h) => ({ ...h, severity: "warn" as const }));
      return [...strong, ...weak].map((h) => ({ ...h, fields: ["directLending", ...(h.fields ?? [])] }));
    },
  },
  {
    id: "attr.age-gated",
    severity: "block",
    fields: ["ageGated", "description", ...SAMPLE_FIELDS],
    title: "Alcohol, tobacco, firearms ⇒ ageGated",
    message: "The messages concern alcohol, tobacco/vaping or firearms: declare age-gated content (ageGated = true) and verify age at opt-in.",
    source: `${am("M-10", "age-gated content requires ageGated=true [702/706/707; Twilio 30825]")}; ${pv("C-14", "S.H.A.F.T.")}; ${TCR_SUSPENSION}: LACK_OF_AGE_GATE`,
    check: (ctx) => (ctx.c.ageGated ? [] : scan(ctx, AGE_GATED).map((h) => ({ ...h, fields: ["ageGated", ...(h.fields ?? [])] }))),
  },
  {
    id: "attr.age-gate-at-optin",
    severity: "warn",
    fields: ["ageGated", "messageFlow"],
    title: "Age-gated ⇒ age checked at opt-in",
    message: "Age-gated campaigns must verify age (date of birth) at opt-in: describe the age check in the message flow.",
    source: `${am("M-10", "a real DOB age gate at opt-in")}; ${pv("C-14", "age_gated=true means age confirmation at opt-in")}; ${TCR_SUSPENSION}: LACK_OF_AGE_GATE`,
    check: (ctx) => {
      if (!ctx.c.ageGated) return [];
      if (ctx.input.consent?.minimumAge) return [];
      return /\b(age|date of birth|dob|birth ?date|18\+|21\+|over 18|over 21|18 or older|21 or older|years old)\b/i.test(str(ctx.c.messageFlow)) ? [] : [{}];
    },
  },
  {
    id: "attr.affiliate-marketing",
    severity: "block",
    fields: ["affiliateMarketing"],
    title: "No affiliate marketing",
    message: "Affiliate marketing (sending for, or sharing opt-ins with, other companies) is not allowed on 10DLC; register each brand's own campaign.",
    source: `${am("P-03", "lead generation, affiliate marketing, sharing or selling data [708]")}; ${TCR_SUSPENSION}: AFFILIATE_MARKETING; ${pv("C-16", "T&C sub-terms: no affiliate marketing")}`,
    check: (ctx) => (ctx.c.affiliateMarketing ? [{}] : []),
  },
  {
    id: "attr.number-pool",
    severity: "info",
    fields: ["numberPool"],
    title: "More than 50 numbers ⇒ numberPool",
    message: "If the campaign will use more than 50 phone numbers, declare number pooling (numberPool = true): carriers provision it differently.",
    source: `${TCR_BUILDER}: numberPool "more than 50 phone numbers"; ${am("S-11", "numberPool must be true above 50 numbers")}`,
    check: (ctx) => (!ctx.c.numberPool && /\b([5-9]\d|\d{3,})\s*(phone )?numbers\b/i.test(str(ctx.c.description)) ? [{ detail: "the description mentions many numbers" }] : []),
  },
];
