/**
 * Keywords and the HELP / opt-out / opt-in replies. Required-when rules come from the registry's
 * validation table; content rules from the sharing rejection category MANDATORY_MESSAGE_TERMINOLOGY
 * and the Vonage message rules.
 */
import type { Hit, LintContext, Rule } from "../types";
import { am, pv, TCR_BUILDER, TCR_SHARING_REJECTION } from "../sources";
import { findPhones, findUrls, hasFrequency, mentionsBrand, splitKeywords, str } from "../text";
import { ONE_TIME_USECASES } from "../policy";

const KEYWORD_FIELDS = ["optinKeywords", "optoutKeywords", "helpKeywords"] as const;

function requiredWhen(ctx: LintContext, flag: boolean | null | undefined, fields: ("helpMessage" | "helpKeywords" | "optoutMessage" | "optoutKeywords" | "optinMessage")[]): Hit[] {
  if (!flag) return [];
  return fields.filter((f) => !str(ctx.c[f])).map((f) => ({ fields: [f], detail: `${f} is empty` }));
}

const OPTOUT_CONFIRM = /\b(unsubscribed|opted out|opt(?:ed)?-out|no (?:more|further) (?:messages|texts|msgs)|(?:will not|won't|will no longer) (?:receive|get|be sent)|removed from|stopped)\b/i;

export const keywordRules: Rule[] = [
  {
    id: "keywords.format",
    // Vonage refuses spaces in the lists; the registry's reference publishes no format, so it warns.
    severity: "warn",
    fields: [...KEYWORD_FIELDS],
    title: "Keyword lists comma-separated, no spaces",
    message: "Write keywords as a comma-separated list without spaces, e.g. STOP,END,QUIT (Vonage refuses spaces).",
    source: `${am("S-05", "comma-separated, no spaces inside a keyword")}; ${pv("C-11", "Vonage L5194, L5217")}`,
    check: (ctx) => {
      const hits: Hit[] = [];
      for (const f of KEYWORD_FIELDS) {
        const v = str(ctx.c[f]);
        if (!v) continue;
        if (/\s/.test(v)) hits.push({ fields: [f], detail: `${f}: "${v}" contains spaces` });
        else if (/(^,|,,|,$)/.test(v)) hits.push({ fields: [f], detail: `${f}: "${v}" has an empty keyword` });
        else if (/[;|/]/.test(v)) hits.push({ fields: [f], detail: `${f}: "${v}" separate keywords with commas` });
      }
      return hits;
    },
  },
  {
    id: "keywords.optout-has-stop",
    severity: "block",
    fields: ["optoutKeywords"],
    title: "Opt-out keywords include STOP",
    message: "Include STOP in the opt-out keywords (the registry's default is STOP).",
    source: `${TCR_BUILDER}: optoutKeywords default STOP; ${am("S-05", "opt-out keywords must include STOP")}; ${pv("C-11", "Vonage L5194")}`,
    check: (ctx) => {
      const v = str(ctx.c.optoutKeywords);
      return v && !splitKeywords(v).includes("STOP") ? [{ detail: `optoutKeywords: ${v}` }] : [];
    },
  },
  {
    id: "keywords.help-has-help",
    severity: "block",
    fields: ["helpKeywords"],
    title: "Help keywords include HELP",
    message: "Include HELP in the help keywords (the registry's default is HELP).",
    source: `${TCR_BUILDER}: helpKeywords default HELP; ${am("S-05", "help keywords must include HELP")}; ${pv("C-11", "Vonage L5217")}`,
    check: (ctx) => {
      const v = str(ctx.c.helpKeywords);
      return v && !splitKeywords(v).includes("HELP") ? [{ detail: `helpKeywords: ${v}` }] : [];
    },
  },
  {
    id: "keywords.overlap",
    severity: "warn",
    fields: ["optinKeywords", "optoutKeywords", "helpKeywords"],
    title: "A keyword has one meaning",
    message: "Use each keyword in one list only: a subscriber texting it must get one predictable answer.",
    source: `${TCR_BUILDER}: separate optin/optout/help keyword lists; ${TCR_SHARING_REJECTION}: MANDATORY_MESSAGE_TERMINOLOGY`,
    check: (ctx) => {
      const lists = KEYWORD_FIELDS.map((f) => [f, new Set(splitKeywords(ctx.c[f]))] as const);
      const hits: Hit[] = [];
      for (let i = 0; i < lists.length; i++) {
        for (let j = i + 1; j < lists.length; j++) {
          const [fa, a] = lists[i]!;
          const [fb, b] = lists[j]!;
          const both = [...a].filter((k) => b.has(k));
          if (both.length) hits.push({ fields: [fa, fb], detail: `${both.join(", ")} in ${fa} and ${fb}` });
        }
      }
      return hits;
    },
  },
  {
    id: "keywords.optout-required",
    severity: "block",
    fields: ["subscriberOptout", "optoutKeywords", "optoutMessage"],
    title: "Opt-out keywords and reply when opt-out is on",
    message: "With subscriber opt-out on, give the opt-out keywords and the opt-out confirmation message.",
    source: `${TCR_BUILDER}: optoutKeywords and optoutMessage required if subscriberOptout = true`,
    check: (ctx) => requiredWhen(ctx, ctx.c.subscriberOptout, ["optoutKeywords", "optoutMessage"]),
  },
  {
    id: "keywords.help-required",
    severity: "block",
    fields: ["subscriberHelp", "helpKeywords", "helpMessage"],
    title: "Help keywords and reply when help is on",
    message: "With subscriber help on, give the help keywords and the HELP reply.",
    source: `${TCR_BUILDER}: helpKeywords and helpMessage required if subscriberHelp = true`,
    check: (ctx) => requiredWhen(ctx, ctx.c.subscriberHelp, ["helpKeywords", "helpMessage"]),
  },
  {
    id: "keywords.optin-required",
    severity: "block",
    fields: ["subscriberOptin", "optinMessage", "optinKeywords"],
    title: "Opt-in reply when opt-in is on or keywords are set",
    message: "Give the opt-in confirmation message: it is required with subscriber opt-in on or opt-in keywords set.",
    source: `${TCR_BUILDER}: optinMessage required if subscriberOptin = true; ${pv("C-8", "Vonage: mandatory when opt-in keywords are set")}`,
    check: (ctx) => (str(ctx.c.optinMessage) || !(ctx.c.subscriberOptin || str(ctx.c.optinKeywords)) ? [] : [{ fields: ["optinMessage"], detail: "optinMessage is empty" }]),
  },
  {
    id: "message.help-brand",
    severity: "warn",
    fields: ["helpMessage"],
    title: "HELP reply names the brand",
    message: "Start the HELP reply with the brand or program name so the subscriber knows who is texting.",
    source: `${pv("C-10", "help message with brand name and support contact")}; ${TCR_SHARING_REJECTION}: MANDATORY_MESSAGE_TERMINOLOGY`,
    check: (ctx) => {
      const v = str(ctx.c.helpMessage);
      return v && ctx.brandNames.length && !mentionsBrand(v, ctx.brandNames) ? [{}] : [];
    },
  },
  {
    id: "message.help-contact",
    severity: "warn",
    fields: ["helpMessage"],
    title: "HELP reply gives a support contact",
    message: "Give a support contact in the HELP reply: a phone number, e-mail address or web address.",
    source: pv("C-10", "help message … support contact"),
    check: (ctx) => {
      const v = str(ctx.c.helpMessage);
      if (!v) return [];
      const contact = findPhones(v).length > 0 || findUrls(v).length > 0 || /\b[\w.+-]+@[\w-]+\.[\w.]+\b/.test(v);
      return contact ? [] : [{}];
    },
  },
  {
    id: "message.help-mentions-optout",
    severity: "warn",
    fields: ["helpMessage"],
    title: "HELP reply says how to opt out",
    message: "Tell the subscriber in the HELP reply how to stop messages, e.g. \"Reply STOP to cancel.\"",
    source: `${TCR_BUILDER}: request sample helpMessage ("…reply with STOP"); ${am("L-04", "program, frequency, rates, HELP/STOP")}`,
    check: (ctx) => {
      const v = str(ctx.c.helpMessage);
      if (!v) return [];
      const kws = splitKeywords(ctx.c.optoutKeywords);
      const ok = /\bSTOP\b/.test(v) || kws.some((k) => new RegExp(`\\b${k}\\b`).test(v)) || /\b(opt[- ]?out|unsubscribe)\b/i.test(v);
      return ok ? [] : [{}];
    },
  },
  {
    id: "message.optout-brand",
    severity: "warn",
    fields: ["optoutMessage"],
    title: "Opt-out reply names the brand",
    message: "Name the brand or program in the opt-out confirmation.",
    source: `${pv("C-9", "opt-out message acknowledges the request")}; ${TCR_SHARING_REJECTION}: MANDATORY_MESSAGE_TERMINOLOGY`,
    check: (ctx) => {
      const v = str(ctx.c.optoutMessage);
      return v && ctx.brandNames.length && !mentionsBrand(v, ctx.brandNames) ? [{}] : [];
    },
  },
  {
    id: "message.optout-confirms",
    severity: "warn",
    fields: ["optoutMessage"],
    title: "Opt-out reply confirms no more messages",
    message: "Confirm in the opt-out reply that the subscriber is unsubscribed and will receive no more messages.",
    source: pv("C-9", "should acknowledge the request and confirm no more messages will be sent"),
    check: (ctx) => {
      const v = str(ctx.c.optoutMessage);
      return v && !OPTOUT_CONFIRM.test(v) ? [{}] : [];
    },
  },
  {
    id: "message.optin-brand",
    severity: "warn",
    fields: ["optinMessage"],
    title: "Opt-in reply names the brand",
    message: "Name the brand or program in the opt-in confirmation.",
    source: `${pv("C-8", "opt-in message should include the brand name")}; ${am("C-17", "confirmation includes brand, program, rates, HELP, STOP [Twilio 30540]")}`,
    check: (ctx) => {
      const v = str(ctx.c.optinMessage);
      return v && ctx.brandNames.length && !mentionsBrand(v, ctx.brandNames) ? [{}] : [];
    },
  },
  {
    id: "message.optin-disclosures",
    severity: "warn",
    fields: ["optinMessage"],
    title: "Opt-in reply carries the disclosures",
    message: "Include message frequency, \"Msg & data rates may apply\", HELP and STOP instructions in the opt-in confirmation.",
    source: `${am("C-17", "confirmation must include brand, program, rates, HELP and STOP [Twilio 30540]")}; ${pv("C-8", "HELP/STOP instructions")}`,
    check: (ctx) => {
      const v = str(ctx.c.optinMessage);
      if (!v) return [];
      const missing: string[] = [];
      if (!/\bHELP\b/i.test(v)) missing.push("HELP");
      if (!/\bSTOP\b/i.test(v)) missing.push("STOP");
      if (!/\b(msg|message|data)\b[^.]*\brates?\b/i.test(v)) missing.push("Msg & data rates");
      // One-time codes come when asked for: no frequency line is expected.
      if (!hasFrequency(v) && !(ONE_TIME_USECASES as readonly string[]).includes(ctx.usecase)) missing.push("frequency");
      return missing.length ? [{ detail: `missing: ${missing.join(", ")}` }] : [];
    },
  },
  {
    id: "message.vonage-length",
    severity: "info",
    fields: ["helpMessage", "optoutMessage", "optinMessage"],
    title: "Replies ≤320 characters for Vonage",
    message: "Keep HELP, opt-out and opt-in replies within 320 characters if the campaign may go through Vonage (TCR allows 1024).",
    source: pv("C-8/C-9/C-10", "Vonage 20–320"),
    check: (ctx) =>
      (["helpMessage", "optoutMessage", "optinMessage"] as const)
        .filter((f) => str(ctx.c[f]).length > 320 && str(ctx.c[f]).length <= 1024)
        .map((f) => ({ fields: [f], detail: `${f}: ${str(ctx.c[f]).length} characters` })),
  },
];
