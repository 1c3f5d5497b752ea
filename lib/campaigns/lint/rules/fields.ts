/**
 * Registry field limits and formats. The registry (or our own request schema) refuses these, so they
 * block: a refused create is at best wasted time, at worst a paid retry.
 */
import type { CampaignField, Hit, LintContext, Rule } from "../types";
import { SAMPLE_FIELDS } from "../types";
import { am, pv, TCR_BUILDER } from "../sources";
import { str } from "../text";

function lengthHits(ctx: LintContext, fields: readonly CampaignField[], min: number, max: number, required = false): Hit[] {
  const hits: Hit[] = [];
  for (const f of fields) {
    const v = str((ctx.c as Record<string, unknown>)[f] as string | null | undefined);
    if (!v) {
      if (required) hits.push({ fields: [f], detail: `${f} is empty` });
      continue;
    }
    if (v.length < min) hits.push({ fields: [f], detail: `${f}: ${v.length} characters, minimum ${min}` });
    else if (v.length > max) hits.push({ fields: [f], detail: `${f}: ${v.length} characters, maximum ${max}` });
  }
  return hits;
}

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i;

export const fieldRules: Rule[] = [
  {
    id: "field.usecase-required",
    severity: "block",
    fields: ["usecase"],
    title: "Use case chosen",
    message: "Choose the campaign's use case.",
    source: `${TCR_BUILDER}: usecase required`,
    check: (ctx) => (ctx.usecase ? [] : [{}]),
  },
  {
    id: "field.description-length",
    severity: "block",
    fields: ["description"],
    title: "Description 40–4096 characters",
    message: "Describe the campaign in 40 to 4096 characters: who sends, to whom, what and why.",
    source: `${TCR_BUILDER}: description min 40, max 4096, required; ${am("S-01", "description 40–4096")}`,
    check: (ctx) => lengthHits(ctx, ["description"], 40, 4096, true),
  },
  {
    id: "field.message-flow-length",
    severity: "block",
    fields: ["messageFlow"],
    title: "Message flow 40–4096 characters",
    message: "Describe how subscribers opt in (the call to action) in 40 to 4096 characters.",
    source: `${TCR_BUILDER}: messageFlow min 40, max 4096, required; ${am("S-02", "messageFlow 40–4096")}`,
    check: (ctx) => lengthHits(ctx, ["messageFlow"], 40, 4096, true),
  },
  {
    id: "field.sample-length",
    severity: "block",
    fields: [...SAMPLE_FIELDS],
    title: "Samples 20–1024 characters",
    message: "Each sample message must be 20 to 1024 characters.",
    source: `${TCR_BUILDER}: sample[1-5] min 20, max 1024; ${am("S-03", "samples 20–1024")}`,
    check: (ctx) => lengthHits(ctx, SAMPLE_FIELDS, 20, 1024),
  },
  {
    id: "field.reply-message-length",
    severity: "block",
    fields: ["helpMessage", "optoutMessage", "optinMessage"],
    title: "HELP / opt-out / opt-in replies 20–1024 characters",
    message: "HELP, opt-out and opt-in replies must be 20 to 1024 characters each.",
    source: `${TCR_BUILDER}: helpMessage, optinMessage, optoutMessage min 20, max 1024; ${am("S-04", "reply messages 20–1024")}`,
    check: (ctx) => lengthHits(ctx, ["helpMessage", "optoutMessage", "optinMessage"], 20, 1024),
  },
  {
    id: "field.keywords-length",
    severity: "block",
    fields: ["helpKeywords", "optoutKeywords", "optinKeywords"],
    title: "Keyword lists ≤255 characters",
    message: "Shorten the keyword list to at most 255 characters.",
    source: `${TCR_BUILDER}: optinKeywords/optoutKeywords/helpKeywords max 255; ${am("S-05", "keyword lists ≤255")}`,
    check: (ctx) => lengthHits(ctx, ["helpKeywords", "optoutKeywords", "optinKeywords"], 0, 255),
  },
  {
    id: "field.link-length",
    severity: "block",
    fields: ["privacyPolicyLink", "termsAndConditionsLink", "embeddedLinkSample"],
    title: "Link fields within limits",
    message: "Privacy policy and terms links are limited to 2048 characters, the embedded link sample to 255.",
    source: `${TCR_BUILDER}: privacyPolicyLink/termsAndConditionsLink max 2048, embeddedLinkSample max 255; ${am("S-06", "link limits")}`,
    check: (ctx) => [
      ...lengthHits(ctx, ["privacyPolicyLink", "termsAndConditionsLink"], 0, 2048),
      ...lengthHits(ctx, ["embeddedLinkSample"], 0, 255),
    ],
  },
  {
    id: "field.reseller-id",
    severity: "block",
    fields: ["resellerId"],
    title: "Reseller id set (R000000 = none)",
    message: "Pick the reseller, or R000000 for \"no reseller\" (at most 8 characters). It cannot be changed back later.",
    source: `${TCR_BUILDER}: resellerId required, max 8, R000000 = no reseller and final; ${pv("R-1/R-2", "Vonage L15–22")}`,
    check: (ctx) => {
      const v = str(ctx.c.resellerId);
      if (!v) return [{ detail: "resellerId is empty" }];
      if (v.length > 8) return [{ detail: `resellerId: ${v.length} characters, maximum 8` }];
      return [];
    },
  },
  {
    id: "field.reference-id-length",
    severity: "block",
    fields: ["referenceId"],
    title: "Reference id ≤50 characters",
    message: "Shorten the reference id to at most 50 characters.",
    source: `${TCR_BUILDER}: referenceId max 50`,
    check: (ctx) => lengthHits(ctx, ["referenceId"], 0, 50),
  },
  {
    id: "field.link-format",
    severity: "warn",
    fields: ["privacyPolicyLink", "termsAndConditionsLink", "embeddedLinkSample"],
    title: "Links are full https:// addresses",
    message: "Enter full, public https:// addresses; reviewers open them and reject links that do not resolve.",
    source: `${am("L-01", "privacy policy must be public and resolving [809]")}; ${am("M-06", "HTTPS only [Twilio 30857]")}`,
    check: (ctx) => {
      const hits: Hit[] = [];
      for (const f of ["privacyPolicyLink", "termsAndConditionsLink", "embeddedLinkSample"] as const) {
        const v = str(ctx.c[f]);
        if (!v) continue;
        if (!HTTP_URL.test(v)) hits.push({ fields: [f], detail: `${f}: not a web address` });
        else if (/^http:\/\//i.test(v)) hits.push({ fields: [f], detail: `${f}: uses http, not https` });
        else if (f !== "embeddedLinkSample" && /\.docx?(?:[?#]|$)/i.test(v)) hits.push({ fields: [f], detail: `${f}: a Word document is not accepted` });
      }
      return hits;
    },
  },
  {
    id: "field.privacy-link-present",
    severity: "warn",
    fields: ["privacyPolicyLink"],
    title: "Privacy policy link given",
    message: "Add the privacy policy link; reviewers reject campaigns whose privacy policy they cannot find.",
    source: `${am("L-01", "privacy policy URL present, public [809]")}; ${pv("C-19", "R offers privacyPolicyLink")}; TCR sharing rejection PRIVACY_POLICY`,
    check: (ctx) => (str(ctx.c.privacyPolicyLink) ? [] : [{}]),
  },
  {
    id: "field.terms-link-present",
    severity: "warn",
    fields: ["termsAndConditionsLink"],
    title: "Terms and conditions link given",
    message: "Add the SMS terms and conditions link (program, frequency, rates, HELP/STOP).",
    source: `${am("L-04", "terms must be public and cover SMS")}; ${pv("C-19", "R offers termsAndConditionsLink")}; TCR sharing rejection TERMS_AND_CONDITIONS`,
    check: (ctx) => (str(ctx.c.termsAndConditionsLink) ? [] : [{}]),
  },
  {
    id: "field.description-pii",
    severity: "warn",
    fields: ["description", "messageFlow"],
    title: "No personal data in registration text",
    message: "Remove personal e-mail addresses or data from the description and message flow; use the brand's public contact instead.",
    source: am("M-11", "no PII in registration fields"),
    check: (ctx) => {
      const hits: Hit[] = [];
      for (const f of ["description", "messageFlow"] as const) {
        const v = str(ctx.c[f]);
        const emails = v.match(/\b[\w.+-]+@(gmail|yahoo|hotmail|aol|outlook|icloud|msn)\.com\b/gi);
        if (emails) hits.push({ fields: [f], detail: `${f}: ${emails[0]}` });
        if (/\b\d{3}-\d{2}-\d{4}\b/.test(v)) hits.push({ fields: [f], detail: `${f}: looks like a social security number` });
      }
      return hits;
    },
  },
];

