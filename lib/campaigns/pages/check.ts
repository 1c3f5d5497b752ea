/**
 * What a carrier reviewer does with the campaign's published pages, done before submission: open each
 * (privacy policy, terms, opt-in evidence), read it, and look for the SMS wording carriers reject on.
 * Findings use the compliance check's shape (lib/campaigns/lint/types.ts) and its policy
 * (docs/compliance-rules.md): a page that does not load blocks, wording blocks only where it is
 * unambiguous (the policy says it shares mobile/SMS data or opt-in consent), everything else warns.
 * Pure: the fetch result comes in, findings go out.
 */
import type { CampaignField, Finding, Severity } from "@/lib/campaigns/lint/types";
import { am } from "@/lib/campaigns/lint/sources";
import type { PageFetchResult } from "./fetch";

export const PAGE_KINDS = ["PRIVACY", "TERMS", "OPT_IN"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const PAGE_KIND_LABELS: Record<PageKind, string> = {
  PRIVACY: "Privacy policy",
  TERMS: "Terms and conditions",
  OPT_IN: "Opt-in evidence",
};

const FIELDS: Record<PageKind, CampaignField[]> = {
  PRIVACY: ["privacyPolicyLink"],
  TERMS: ["termsAndConditionsLink"],
  OPT_IN: ["messageFlow"],
};

const LOAD_SOURCE: Record<PageKind, string> = {
  PRIVACY: am("L-01", "privacy policy URL must be present, public and resolving [809]"),
  TERMS: am("L-04", "terms & conditions must be public and cover SMS"),
  OPT_IN: am("C-04", "gated, verbal or paper flows need a publicly hosted screenshot or script [Twilio 30837]"),
};

/** The published-page rules, for docs/compliance-rules.md (the same for every use case). */
export interface PageRuleMeta { id: string; severity: Severity; pages: PageKind[]; title: string; source: string }

const L02 = am("L-02", "policy must say mobile/SMS opt-in data is not shared, sold or rented to third parties or affiliates, with no \"with consent\" escape [805]");
const L04 = am("L-04", "terms & conditions must be public and cover SMS: program, frequency, rates, HELP/STOP");
const L05 = am("L-05", "the website itself must not say it shares information with third parties or affiliates");

export const PAGE_RULES: readonly PageRuleMeta[] = [
  { id: "page.loads", severity: "block", pages: ["PRIVACY", "TERMS", "OPT_IN"], title: "The page loads publicly (2xx after at most 5 redirects, public address, within 5 s)", source: `${LOAD_SOURCE.PRIVACY}; ${LOAD_SOURCE.OPT_IN}` },
  { id: "page.privacy-shares-sms", severity: "block", pages: ["PRIVACY"], title: "The privacy policy does not say it shares or sells mobile numbers, SMS data or opt-in consent", source: L02 },
  { id: "page.privacy-sms", severity: "warn", pages: ["PRIVACY"], title: "The privacy policy mentions SMS, text messages or mobile information", source: L02 },
  { id: "page.privacy-no-sharing-clause", severity: "warn", pages: ["PRIVACY"], title: "The privacy policy says mobile information is not shared", source: L02 },
  { id: "page.privacy-consent-escape", severity: "warn", pages: ["PRIVACY"], title: "The no-sharing clause has no \"except with your consent\" exception", source: L02 },
  { id: "page.privacy-shares-data", severity: "warn", pages: ["PRIVACY"], title: "The privacy policy does not say it shares personal information with third parties or affiliates", source: L05 },
  { id: "page.terms-sms", severity: "warn", pages: ["TERMS"], title: "The terms cover the SMS program", source: L04 },
  { id: "page.terms-disclosures", severity: "warn", pages: ["TERMS"], title: "The SMS terms state STOP, HELP, rates and frequency", source: L04 },
  { id: "page.not-html", severity: "warn", pages: ["PRIVACY", "TERMS"], title: "The page is HTML or text, so its wording can be checked (an image is fine as opt-in evidence)", source: LOAD_SOURCE.PRIVACY },
  { id: "page.unreadable", severity: "warn", pages: ["PRIVACY", "TERMS", "OPT_IN"], title: "The page is within 2 MB, so its wording can be checked", source: LOAD_SOURCE.PRIVACY },
  { id: "page.empty", severity: "warn", pages: ["PRIVACY", "TERMS"], title: "The page has text without JavaScript", source: LOAD_SOURCE.PRIVACY },
];

/* ------------------------------------------------------------ text extraction */

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " ", copy: "©", reg: "®", trade: "™",
  mdash: "—", ndash: "–", hellip: "…", rsquo: "’", lsquo: "‘", ldquo: "“", rdquo: "”", bull: "•", middot: "·", shy: "",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\uFFFD";
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|main|nav|aside|blockquote|pre|hr|dd|dt|dl|form|label|option)\b[^>]*>/gi;

/** The text a reader sees: scripts, styles and markup removed, entities decoded, whitespace tidied. */
export function extractText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|template|svg|iframe|object)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<(script|style)\b[\s\S]*$/gi, " ")
    .replace(/<head\b[\s\S]*?<\/head\s*>/gi, (head) => (/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ?? "") + "\n")
    .replace(BLOCK_TAGS, "\n")
    .replace(/<[^>]*>/g, " ");
  return decodeEntities(text)
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .split("\n").map((l) => l.trim()).filter(Boolean).join("\n");
}

/** Text of a fetched body: HTML is extracted, plain text kept as it is. */
export function pageText(body: string, contentType: string): string {
  return /^text\/plain/i.test(contentType) ? body.replace(/\r\n?/g, "\n").trim() : extractText(body);
}

/* ------------------------------------------------------------ wording */

const SMS_WORDS = /\b(sms|mms|text messag\w*|text(ing)? (program|alerts?|notifications?)|mobile (phone )?(numbers?|information|data)|phone numbers?|cell(ular)? (phone )?numbers?|wireless (number|carrier)s?|short ?code|10dlc)\b/i;
/** Data whose sharing carriers reject outright (L-02 [805]). */
const SMS_DATA = /\b(mobile (phone )?(numbers?|information|data)|phone numbers?|cell(ular)? (phone )?numbers?|sms|text messag\w*|opt-?in (data|information|consent)|(sms|text(ing)?) consent|originator opt-?in|consent)\b/i;
const SHARE_VERB = /\b(share[ds]?|sharing|sell(s|ing)?|sold|rent(s|ed|ing)?|transfer(s|red|ring)?|disclose[ds]?|disclosing|trade[ds]?|lease[ds]?|exchange[ds]?|make[s]? (it |them )?available)\b/i;
const RECIPIENT = /\b(third[- ]part(y|ies)|affiliates?|(marketing |business |advertising )?partners?|sponsors?|advertisers?|marketers|data brokers?|other (companies|businesses|brands|organizations))\b/i;
const NEGATION = /\b(no|not|never|none|nor|neither)\b|n't\b/i;
const MARKETING_USE = /\b(marketing|promotion(s|al)?|advertis\w*|their own)\b/i;
/** Sharing that carriers accept: processors working for the brand, and the law. */
const ACCEPTED_RECIPIENT = /\b(service providers?|subcontractors?|vendors?|processors?|(required|permitted) by law|law enforcement|legal process|subpoena|court order|merger|acquisition)\b/i;
const ESCAPE = /\b(unless|except|other than)\b[^.;]{0,60}\b(consent|permission|agree|authori[sz])|\bwith(out)? your (prior |express )?(consent|permission)\b/i;

/** Sentences, then clauses: "We do not sell data, but we share numbers with partners" is two claims. */
function clauses(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .flatMap((s) => s.split(/,?\s+\b(?:but|however|although|whereas)\b\s+|,?\s+and\s+(?=(?:we|our|they|it|this)\b)/i))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The clause says something is shared with a recipient, and no negation governs one of its sharing verbs. */
function affirmsSharing(clause: string): boolean {
  if (!RECIPIENT.test(clause)) return false;
  // "No mobile information will be shared", "will not be sold", "we never rent or share": a negation shortly before the verb.
  for (const verb of clause.matchAll(new RegExp(SHARE_VERB.source, "gi"))) {
    // "…do not share X, except that we may share Y": the negation does not reach past "except" or "but".
    const before = clause.slice(Math.max(0, verb.index - 60), verb.index).split(/\b(?:except|but|however|although)\b/i).pop() ?? "";
    if (!NEGATION.test(before)) return true;
  }
  return false;
}

export interface PrivacyWording {
  mentionsSms: boolean;
  /** Sentences that affirm sharing mobile/SMS data or consent with third parties. */
  sharesSmsData: string[];
  /** Sentences that affirm sharing other personal data with third parties for their own use. */
  sharesOtherData: string[];
  /** Negated sharing clauses about mobile/SMS data (the carrier clause). */
  noSharingClauses: string[];
  /** Negated clauses that carve out an exception ("except with your consent"). */
  clausesWithEscape: string[];
}

export function analysePrivacy(text: string): PrivacyWording {
  const out: PrivacyWording = { mentionsSms: SMS_WORDS.test(text), sharesSmsData: [], sharesOtherData: [], noSharingClauses: [], clausesWithEscape: [] };
  for (const c of clauses(text)) {
    if (!SHARE_VERB.test(c) || !RECIPIENT.test(c)) continue;
    const smsData = SMS_DATA.test(c);
    if (affirmsSharing(c)) {
      // Vendors that deliver the messages for the brand are accepted, unless the data is for their own marketing.
      const accepted = ACCEPTED_RECIPIENT.test(c) && !MARKETING_USE.test(c);
      if (accepted) continue;
      if (smsData) out.sharesSmsData.push(c);
      else out.sharesOtherData.push(c);
    } else if (smsData) {
      out.noSharingClauses.push(c);
      if (ESCAPE.test(c)) out.clausesWithEscape.push(c);
    }
  }
  return out;
}

/* ------------------------------------------------------------ findings */

function finding(ruleId: string, severity: Severity, kind: PageKind, message: string, source: string, detail?: string): Finding {
  // The documented level is the level: a rule missing from PAGE_RULES, or with another severity, is a bug.
  const meta = PAGE_RULES.find((r) => r.id === ruleId);
  if (!meta || meta.severity !== severity || !meta.pages.includes(kind)) throw new Error(`page rule ${ruleId} (${severity}, ${kind}) does not match PAGE_RULES`);
  return { ruleId, severity, fields: FIELDS[kind], message, source, ...(detail ? { detail } : {}) };
}

const quote = (s: string) => `"${s.length > 200 ? `${s.slice(0, 197)}…` : s}"`;

export interface PageCheckResult {
  kind: PageKind;
  /** Loaded: a 2xx response after redirects. */
  loaded: boolean;
  text: string;
  findings: Finding[];
}

/** Judges one fetched page. */
export function checkPage(kind: PageKind, fetched: PageFetchResult): PageCheckResult {
  const label = PAGE_KIND_LABELS[kind];
  if (!fetched.ok) {
    // Loaded but not readable: an image of the opt-in is what evidence often is; a PDF policy is allowed where there is no site.
    const answered = fetched.status !== undefined && fetched.status >= 200 && fetched.status < 300;
    if (answered && fetched.reason === "content-type") {
      return kind === "OPT_IN"
        ? { kind, loaded: true, text: "", findings: [] }
        : { kind, loaded: true, text: "", findings: [finding("page.not-html", "warn", kind, `The ${label.toLowerCase()} is not a web page, so its wording could not be checked; carriers expect an HTML page (a PDF only where there is no website).`, LOAD_SOURCE[kind], fetched.message)] };
    }
    if (answered && fetched.reason === "too-large") {
      return { kind, loaded: true, text: "", findings: [finding("page.unreadable", "warn", kind, `The ${label.toLowerCase()} loads but is too large to check here; make sure it reads correctly.`, LOAD_SOURCE[kind], fetched.message)] };
    }
    return { kind, loaded: false, text: "", findings: [finding("page.loads", "block", kind, `The ${label.toLowerCase()} must load publicly for the carrier's reviewer: fix the address or publish the page.`, LOAD_SOURCE[kind], fetched.message)] };
  }
  if (fetched.status < 200 || fetched.status >= 300) {
    return { kind, loaded: false, text: pageText(fetched.body, fetched.contentType), findings: [finding("page.loads", "block", kind, `The ${label.toLowerCase()} must load publicly for the carrier's reviewer: fix the address or publish the page.`, LOAD_SOURCE[kind], `HTTP ${fetched.status} at ${fetched.finalUrl}`)] };
  }
  const text = pageText(fetched.body, fetched.contentType);
  const findings: Finding[] = [];
  if (text.replace(/\s+/g, "").length < 100 && kind !== "OPT_IN") {
    findings.push(finding("page.empty", "warn", kind, `The ${label.toLowerCase()} has almost no text without JavaScript; a reviewer's tools may see an empty page.`, LOAD_SOURCE[kind], `${text.length} characters of text`));
    return { kind, loaded: true, text, findings };
  }
  if (kind === "PRIVACY") findings.push(...privacyFindings(text));
  if (kind === "TERMS") findings.push(...termsFindings(text));
  return { kind, loaded: true, text, findings };
}

export function privacyFindings(text: string): Finding[] {
  const w = analysePrivacy(text);
  const out: Finding[] = [];
  for (const s of w.sharesSmsData.slice(0, 3)) {
    out.push(finding("page.privacy-shares-sms", "block", "PRIVACY", "The privacy policy says mobile numbers, SMS data or opt-in consent are shared with or sold to third parties; carriers reject this: remove it and state that mobile information is never shared.", L02, quote(s)));
  }
  if (!w.mentionsSms) {
    out.push(finding("page.privacy-sms", "warn", "PRIVACY", "The privacy policy does not mention SMS, text messages or mobile information; add the clause \"No mobile information will be shared with third parties/affiliates for marketing/promotional purposes.\"", L02));
  } else if (!w.noSharingClauses.length && !w.sharesSmsData.length) {
    out.push(finding("page.privacy-no-sharing-clause", "warn", "PRIVACY", "The privacy policy mentions SMS but does not say mobile information is not shared; add \"No mobile information will be shared with third parties/affiliates for marketing/promotional purposes.\"", L02));
  }
  for (const s of w.clausesWithEscape.slice(0, 2)) {
    out.push(finding("page.privacy-consent-escape", "warn", "PRIVACY", "The no-sharing clause has an exception (e.g. \"except with your consent\"); carriers expect mobile opt-in data never to be shared.", L02, quote(s)));
  }
  for (const s of w.sharesOtherData.slice(0, 2)) {
    out.push(finding("page.privacy-shares-data", "warn", "PRIVACY", "The privacy policy says personal information is shared with third parties or affiliates; reviewers may read it as covering mobile data. Exclude mobile and SMS opt-in data explicitly.", L05, quote(s)));
  }
  return out;
}

export function termsFindings(text: string): Finding[] {
  const out: Finding[] = [];
  if (!SMS_WORDS.test(text)) {
    out.push(finding("page.terms-sms", "warn", "TERMS", "The terms do not mention the SMS program; describe it (program name, message frequency, \"Msg & data rates may apply\", HELP and STOP).", L04));
    return out;
  }
  const missing = [
    /\bstop\b/i.test(text) ? null : "STOP",
    /\bhelp\b/i.test(text) ? null : "HELP",
    /\b(msg|message) (&|and) data rates\b|\bdata rates\b|\bcharges\b/i.test(text) ? null : "message and data rates",
    /\bfrequency\b|\bmsgs?\/|\bmessages? per\b|\b(recurring|one-time)\b/i.test(text) ? null : "message frequency",
  ].filter((x): x is string => x !== null);
  if (missing.length) out.push(finding("page.terms-disclosures", "warn", "TERMS", `The SMS terms should state ${missing.join(", ")}.`, L04, `missing: ${missing.join(", ")}`));
  return out;
}
