/**
 * Disallowed and high-risk content. Carriers reject these outright and mark several "do not resubmit"
 * (Telnyx 701–709), so a fee paid for them is lost: they block. Keyword lists are short and specific
 * on purpose; a false positive can be reworded, a false negative costs a vetting fee.
 */
import type { Hit, LintContext, Rule } from "../types";
import { SAMPLE_FIELDS } from "../types";
import { am, TCR_SHARING_REJECTION, TCR_SUSPENSION } from "../sources";
import { str } from "../text";

type Scanned = "description" | "messageFlow" | (typeof SAMPLE_FIELDS)[number];

function scan(ctx: LintContext, re: RegExp, fields: Scanned[] = ["description", ...SAMPLE_FIELDS]): Hit[] {
  const hits: Hit[] = [];
  for (const f of fields) {
    const m = str(ctx.c[f]).match(re);
    if (m) hits.push({ fields: [f], detail: `${f}: "${m[0]}"` });
  }
  return hits;
}

/**
 * Like scan, sentence by sentence, skipping negated sentences: "never shared with third parties" is
 * the promise reviewers want, not a violation.
 */
function scanSentences(ctx: LintContext, re: RegExp, fields: Scanned[]): Hit[] {
  const hits: Hit[] = [];
  for (const f of fields) {
    for (const sentence of str(ctx.c[f]).split(/(?<=[.!?])\s+/)) {
      const m = sentence.match(re);
      if (m && !NEGATED.test(sentence)) {
        hits.push({ fields: [f], detail: `${f}: "${m[0]}"` });
        break;
      }
    }
  }
  return hits;
}

const CANNABIS = /\b(cannabis|marijuana|cbd|thc|hemp|dispensary|kratom|delta[- ]?8|edibles)\b/i;
// Only words with no innocent reading: "nude lipstick", "sexy summer dresses", "Order XXX" and "hit the
// jackpot" sales are not prohibited content, so they are not in these lists.
const SEXUAL = /\b(porn\w*|xxx[- ]?(rated|videos?|content|movies?)|nudes|nude (photos?|pics?|videos?)|escort (service|agency)s?|escorts|adult (content|entertainment|videos?|toys?)|onlyfans|erotic\w*|sex (toys?|chat|cams?))\b/i;
const GAMBLING = /\b(casinos?|gambl\w*|betting|sportsbooks?|bet now|place (a|your) bets?|poker|slot machines?|wager\w*|odds boost|parlays?)\b/i;
const HATE = /\b(fuck\w*|shit(s|ty)?|bullshit|bitch(es)?|cunts?|nigg(a|er)s?|fag(s|got\w*)?|kikes?|retard(s|ed)?)\b/i;
const HIGH_RISK_FIN = /\b(payday (loans?|lend\w*|advances?)|cash advances?|debt (relief|consolidation|settlement|collection|forgiveness)|credit repair|fix your credit|bad credit ok|crypto(currenc(y|ies))?|bitcoin|forex|binary options|get rich|student loan forgiveness)\b/i;
const LEAD_GEN = /\b(lead generation|lead gen|leads for|affiliates?|partner offers|third[- ]party offers|our partners|marketing partners|sell (your|their) (data|information))\b/i;
const SHARING = /\b(share[ds]?|sold|sell|rent(ed)?|transfer(red)?)\b[^.]{0,60}\b(third[- ]part(y|ies)|partners?|affiliates?|sponsors?|other (companies|businesses|brands|organizations))\b/i;
const NEGATED = /\b(not|never|no|won't|will not|do not|does not)\b/i;
const DECEPTIVE = /\b(you('ve| have)? won|winner|claim (your|a) (prize|reward)|act now|urgent(ly)?: your account|account (has been )?(suspended|locked)|guaranteed (income|approval)|risk[- ]free|100% free)\b/i;

export const contentRules: Rule[] = [
  {
    id: "content.cannabis",
    severity: "block",
    fields: ["description", ...SAMPLE_FIELDS],
    title: "No cannabis, CBD or hemp",
    message: "Cannabis, CBD and hemp content is not allowed on 10DLC, even when legal in the state; carriers reject it and do not accept a resubmission.",
    source: `${am("P-01", "cannabis/CBD/hemp → reject, do not resubmit [701]")}; ${TCR_SUSPENSION}: CONTROLLED_SUBSTANCE`,
    check: (ctx) => scan(ctx, CANNABIS),
  },
  {
    id: "content.sexual",
    severity: "block",
    fields: ["description", ...SAMPLE_FIELDS],
    title: "No sexual content",
    message: "Sexual or adult content is not allowed on 10DLC (the S of S.H.A.F.T.).",
    source: `${am("P-02", "explicit sexual content [703]")}; providers.md §4 C-14 (S.H.A.F.T.)`,
    check: (ctx) => scan(ctx, SEXUAL),
  },
  {
    id: "content.gambling",
    severity: "block",
    fields: ["description", ...SAMPLE_FIELDS],
    title: "No gambling",
    message: "Gambling and its promotion are not allowed on 10DLC (sweepstakes belong to the SWEEPSTAKE use case).",
    source: `${am("P-02", "gambling [704]")}; ${TCR_SUSPENSION}: PROMOTIONAL_GAMBLING; ${TCR_SHARING_REJECTION}: DISALLOWED_CONTENT`,
    check: (ctx) => scan(ctx, GAMBLING),
  },
  {
    id: "content.hate-profanity",
    severity: "block",
    fields: ["description", ...SAMPLE_FIELDS],
    title: "No hate speech or profanity",
    message: "Remove hateful or profane language (the H of S.H.A.F.T.).",
    source: `${am("P-02", "hate/profanity [705]")}; ${TCR_SHARING_REJECTION}: DISALLOWED_CONTENT`,
    check: (ctx) => scan(ctx, HATE),
  },
  {
    id: "content.high-risk-financial",
    severity: "block",
    fields: ["description", ...SAMPLE_FIELDS],
    title: "No high-risk financial services",
    message: "Payday loans, debt relief or consolidation, credit repair, third-party debt collection and crypto offers are not allowed on 10DLC.",
    source: `${am("P-04", "high-risk financial [709; Twilio 30863]")}; ${TCR_SHARING_REJECTION}: DISALLOWED_CONTENT`,
    check: (ctx) => scan(ctx, HIGH_RISK_FIN),
  },
  {
    id: "content.lead-generation",
    severity: "warn",
    fields: ["description", "messageFlow", ...SAMPLE_FIELDS],
    title: "No lead generation or affiliate offers",
    message: "Messages must come from the registered brand about its own products; lead generation and affiliate or partner offers are rejected.",
    source: `${am("P-03", "lead generation, affiliate marketing [708]")}; ${TCR_SUSPENSION}: AFFILIATE_MARKETING`,
    check: (ctx) => scanSentences(ctx, LEAD_GEN, ["description", "messageFlow", ...SAMPLE_FIELDS]),
  },
  {
    id: "content.optin-sharing",
    severity: "block",
    fields: ["messageFlow", "description"],
    title: "Opt-in data is never shared",
    message: "Opt-ins must be for this brand only: remove any statement that numbers or consent are shared with, sold or rented to third parties or affiliates.",
    source: `${am("C-16", "opt-in must be 1:1, not shared or transferable")}; ${am("L-02", "not shared, sold or rented [805]")}; ${TCR_SUSPENSION}: AFFILIATE_MARKETING`,
    check: (ctx) => scanSentences(ctx, SHARING, ["messageFlow", "description"]),
  },
  {
    id: "content.deceptive",
    severity: "warn",
    fields: [...SAMPLE_FIELDS],
    title: "No deceptive or spam-like wording",
    message: "Remove wording that reads as fraud or phishing (\"You've won\", \"account suspended\", \"guaranteed approval\").",
    source: `${am("P-05", "fraud or deceptive marketing [Twilio 30885]")}; ${TCR_SUSPENSION}: FRAUDULENT_MESSAGES, PHISHING_MESSAGES`,
    check: (ctx) => (ctx.usecase === "SWEEPSTAKE" ? [] : scan(ctx, DECEPTIVE, [...SAMPLE_FIELDS])),
  },
];
