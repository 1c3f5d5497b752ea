/**
 * Structured consent (providers.md §8.3, modelled on Vonage `message_flow_details` §2.5.8): how, where
 * and with which disclosures a subscriber opts in. The registry only takes free text (`messageFlow`,
 * 40..4096 characters, tcr-api-part2.md §3.1), so `composeMessageFlow` renders that text from the
 * structure, and `consentFindings` feeds the compliance check with what is missing.
 * Pure and client-safe: the builder form uses the schema with zodResolver and previews live.
 */
import { z } from "zod";

/** The registry's bounds for messageFlow (POST /campaignBuilder validation table, L2944). */
export const MESSAGE_FLOW_MIN = 40;
export const MESSAGE_FLOW_MAX = 4096;

/**
 * How consent is collected. Vonage's five methods (ONLINE_FORM, LIVE_OPERATOR, POINT_OF_SALE,
 * TEXT_TO_JOIN, OTHER) split into the channels carriers ask about separately (anchors-mission C-01:
 * web form, keyword, POS, verbal/IVR, paper).
 */
export const CONSENT_METHODS = [
  "WEB_FORM",
  "TEXT_TO_JOIN",
  "PAPER_FORM",
  "VERBAL",
  "IVR",
  "POINT_OF_SALE",
  "MOBILE_APP",
  "CONSUMER_INITIATED",
  "OTHER",
] as const;
export const ConsentMethod = z.enum(CONSENT_METHODS);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  WEB_FORM: "Web form",
  TEXT_TO_JOIN: "Keyword text-in",
  PAPER_FORM: "Paper form",
  VERBAL: "Verbal (live operator)",
  IVR: "IVR (phone menu)",
  POINT_OF_SALE: "Point of sale",
  MOBILE_APP: "Mobile app",
  CONSUMER_INITIATED: "Consumer texts first",
  OTHER: "Other",
};

/** What "where" means for each method, for form labels and messages. */
export const CONSENT_LOCATION_LABELS: Record<ConsentMethod, string> = {
  WEB_FORM: "URL of the opt-in form (the form itself, not the home page)",
  TEXT_TO_JOIN: "Keyword(s) and where they are advertised",
  PAPER_FORM: "Where the form is filled in",
  VERBAL: "When and by whom consent is asked",
  IVR: "Number called and menu option",
  POINT_OF_SALE: "Store location or register",
  MOBILE_APP: "App name and screen",
  CONSUMER_INITIATED: "Number the consumer texts and where it is published",
  OTHER: "Where consent is collected",
};

/**
 * Methods that carriers cannot see for themselves need a publicly hosted screenshot or script
 * (anchors-mission C-04, Twilio 30837; Vonage requires an attachment for every method except
 * TEXT_TO_JOIN, providers.md §2.5.8).
 */
export function needsEvidence(method: ConsentMethod): boolean {
  return method !== "TEXT_TO_JOIN" && method !== "CONSUMER_INITIATED";
}

const url = z.string().trim().max(2048).regex(/^https?:\/\/\S+\.\S+/i, "Enter a full http(s):// address");

export const ConsentMechanismSchema = z.object({
  method: ConsentMethod,
  location: z.string().trim().min(1, "Say where consent is collected").max(500),
  details: z.string().trim().max(1000).default(""),
  /** Screenshot / script / photo URL showing the opt-in as the subscriber sees it. */
  evidenceUrl: z.union([z.literal(""), url]).optional(),
  /** TEXT_TO_JOIN: the keywords subscribers text, comma-separated. */
  keywords: z.string().trim().max(255).optional(),
  /** WEB_FORM / MOBILE_APP: the SMS checkbox starts unchecked (reference sample messageFlow). */
  checkboxUnchecked: z.boolean().optional(),
}).superRefine((m, ctx) => {
  if (needsEvidence(m.method) && !m.evidenceUrl) {
    ctx.addIssue({ code: "custom", path: ["evidenceUrl"], message: "Link a public screenshot or script of this opt-in" });
  }
  if (m.method === "TEXT_TO_JOIN" && !m.keywords?.trim()) {
    ctx.addIssue({ code: "custom", path: ["keywords"], message: "Name the keyword(s) subscribers text" });
  }
});
export type ConsentMechanism = z.input<typeof ConsentMechanismSchema>;

export const ConsentFrequency = z.enum(["ONE_TIME", "RECURRING", "VARIES"]);
export type ConsentFrequency = z.infer<typeof ConsentFrequency>;

export const ConsentSchema = z.object({
  /** Brand or program name the subscriber sees (may be a subsidiary's, Vonage `brand_name`). */
  programName: z.string().trim().min(1, "Name the brand or program the subscriber sees").max(255),
  /** What the messages are about (BW 2134, Twilio 30544). */
  messagePurpose: z.string().trim().min(3, "Say what the messages are about").max(500),
  mechanisms: z.array(ConsentMechanismSchema).min(1, "Add at least one way consent is collected").max(8),
  frequency: ConsentFrequency,
  /** e.g. "up to 4 msgs/month"; the registry reviewers want a number where there is one. */
  frequencyDetail: z.string().trim().max(100).optional(),
  /** "Msg & data rates may apply" (BW 2136). Vonage requires it true. */
  ratesDisclosure: z.boolean(),
  /** "Reply HELP for help" (BW 2137). */
  helpDisclosure: z.boolean(),
  /** "Reply STOP to cancel" (BW 2138). */
  stopDisclosure: z.boolean(),
  /** "Carriers are not liable for delayed or undelivered messages" (Vonage carrier_disclaimer). */
  carrierDisclaimer: z.boolean().default(false),
  /** Consent is its own, optional step: not a condition of purchase (Twilio 30556/30841). */
  notConditionOfPurchase: z.boolean().default(false),
  /** Opt-in data is not shared with third parties (anchors-mission L-02, TCR code 805). */
  noThirdPartySharing: z.boolean().default(false),
  privacyPolicyUrl: url,
  termsUrl: url,
  /** Minimum subscriber age checked at opt-in (age-gated content needs 18+/21+). */
  minimumAge: z.number().int().min(13).max(25).optional(),
}).superRefine((c, ctx) => {
  const len = composeMessageFlow(c).length;
  if (len > MESSAGE_FLOW_MAX) {
    ctx.addIssue({
      code: "custom",
      path: ["mechanisms"],
      message: `The message flow would be ${len} characters; the registry accepts at most ${MESSAGE_FLOW_MAX}. Shorten the details.`,
    });
  }
});
export type Consent = z.input<typeof ConsentSchema>;

/** A consent being edited: every part optional (the live preview and lint run on drafts). */
export type ConsentDraft = Partial<Omit<Consent, "mechanisms">> & { mechanisms?: Partial<ConsentMechanism>[] };

const t = (s: string | undefined | null) => (s ?? "").trim();
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

function frequencyText(c: ConsentDraft): string {
  const detail = t(c.frequencyDetail);
  if (c.frequency === "ONE_TIME") return detail ? `One-time message (${detail})` : "One message per request";
  if (c.frequency === "RECURRING") return detail ? `Recurring messages, ${detail}` : "Recurring messages; message frequency varies";
  if (c.frequency === "VARIES") return detail ? `Message frequency varies (${detail})` : "Message frequency varies";
  return "";
}

function mechanismText(m: Partial<ConsentMechanism>, program: string): string {
  if (!m.method) return "";
  const where = t(m.location);
  const details = t(m.details);
  const parts: string[] = [];
  switch (m.method) {
    case "WEB_FORM":
      parts.push(`Web form: subscribers enter their mobile number on the opt-in form at ${where || "(URL)"}`);
      if (m.checkboxUnchecked) parts.push("and must explicitly check an SMS consent checkbox that is unchecked by default");
      break;
    case "TEXT_TO_JOIN":
      parts.push(`Keyword text-in: subscribers text ${t(m.keywords) || "(keyword)"} to the ${program || "program"} number${where ? `, advertised ${where}` : ""}`);
      break;
    case "PAPER_FORM":
      parts.push(`Paper form: subscribers write their mobile number and sign an SMS consent section${where ? ` at ${where}` : ""}`);
      break;
    case "VERBAL":
      parts.push(`Verbal: a live operator reads the SMS disclosure and records the subscriber's spoken consent${where ? ` (${where})` : ""}`);
      break;
    case "IVR":
      parts.push(`IVR: callers opt in by pressing a menu option after hearing the SMS disclosure${where ? ` (${where})` : ""}`);
      break;
    case "POINT_OF_SALE":
      parts.push(`Point of sale: customers give their mobile number and SMS consent at checkout${where ? ` at ${where}` : ""}`);
      break;
    case "MOBILE_APP":
      parts.push(`Mobile app: users opt in inside the app${where ? ` (${where})` : ""}`);
      if (m.checkboxUnchecked) parts.push("with an SMS consent toggle that is off by default");
      break;
    case "CONSUMER_INITIATED":
      parts.push(`Consumer-initiated: the consumer texts ${program || "the brand"} first${where ? ` (${where})` : ""} and receives only replies to that conversation`);
      break;
    case "OTHER":
      parts.push(`Other: ${where || "(where)"}`);
      break;
  }
  let s = sentence(parts.join(" "));
  if (details) s += ` ${sentence(details)}`;
  if (t(m.evidenceUrl)) s += ` Screenshot of the opt-in: ${t(m.evidenceUrl)}`;
  return s;
}

/** The disclosure the subscriber sees at opt-in, as one quoted paragraph. */
export function composeDisclosure(c: ConsentDraft): string {
  const program = t(c.programName);
  const purpose = t(c.messagePurpose);
  const parts: string[] = [];
  if (program || purpose) {
    parts.push(sentence(`By opting in you agree to receive ${purpose ? `${purpose} ` : ""}text messages${program ? ` from ${program}` : ""}`));
  }
  const freq = frequencyText(c);
  if (freq) parts.push(sentence(freq));
  if (c.ratesDisclosure) parts.push("Msg & data rates may apply.");
  if (c.helpDisclosure && c.stopDisclosure) parts.push("Reply HELP for help, STOP to cancel.");
  else if (c.helpDisclosure) parts.push("Reply HELP for help.");
  else if (c.stopDisclosure) parts.push("Reply STOP to cancel.");
  if (c.notConditionOfPurchase) parts.push("Consent is not a condition of purchase.");
  if (c.carrierDisclaimer) parts.push("Carriers are not liable for delayed or undelivered messages.");
  if (c.minimumAge) parts.push(`You must be ${c.minimumAge} or older.`);
  if (t(c.termsUrl)) parts.push(`Terms: ${t(c.termsUrl)}`);
  if (t(c.privacyPolicyUrl)) parts.push(`Privacy Policy: ${t(c.privacyPolicyUrl)}`);
  return parts.join(" ");
}

/**
 * The registry's free-text messageFlow. Deterministic (same consent → same text) so the preview,
 * the stored draft and the submitted campaign agree. Never truncated: cutting it could drop a
 * required disclosure; ConsentSchema rejects a result above MESSAGE_FLOW_MAX instead.
 */
export function composeMessageFlow(c: ConsentDraft): string {
  const program = t(c.programName);
  const mechs = (c.mechanisms ?? []).map((m) => mechanismText(m, program)).filter(Boolean);
  const out: string[] = [];
  if (mechs.length === 1) out.push(`${program ? `${program} collects` : "Subscribers give"} SMS opt-in consent as follows. ${mechs[0]}`);
  else if (mechs.length > 1) out.push(`${program ? `${program} collects` : "Subscribers give"} SMS opt-in consent in ${mechs.length} ways. ${mechs.map((m, i) => `(${i + 1}) ${m}`).join(" ")}`);
  if (c.minimumAge) out.push(`Subscribers confirm their date of birth and must be ${c.minimumAge}+ to opt in.`);
  const disclosure = composeDisclosure(c);
  if (disclosure) out.push(`Disclosure shown at opt-in: "${disclosure}"`);
  if (c.noThirdPartySharing) out.push("Mobile opt-in data and consent are not shared with or sold to third parties or affiliates.");
  return out.join(" ");
}

/** What the consent is missing, as lint rule ids (see lib/campaigns/lint/rules/consent.ts). */
export interface ConsentGap {
  ruleId: string;
  detail?: string;
}

/**
 * Gaps in a (possibly partial) structured consent. Each id is a rule of the compliance check, which
 * carries its severity, message and source; this function only decides presence.
 */
export function consentFindings(c: ConsentDraft): ConsentGap[] {
  const gaps: ConsentGap[] = [];
  const mechs = c.mechanisms ?? [];
  if (mechs.length === 0 || mechs.every((m) => !m.method)) gaps.push({ ruleId: "consent.method" });
  mechs.forEach((m, i) => {
    if (!m.method) return;
    const label = `${CONSENT_METHOD_LABELS[m.method]} (#${i + 1})`;
    if (!t(m.location)) gaps.push({ ruleId: "consent.location", detail: label });
    if (m.method === "WEB_FORM" && t(m.location) && !/^https?:\/\/\S+\.\S+/i.test(t(m.location))) {
      gaps.push({ ruleId: "consent.web-form-url", detail: `${label}: ${t(m.location)}` });
    }
    if (m.method === "WEB_FORM" && /^https?:\/\/[^/]+\/?$/i.test(t(m.location))) {
      gaps.push({ ruleId: "consent.web-form-homepage", detail: `${label}: ${t(m.location)}` });
    }
    if (needsEvidence(m.method) && !t(m.evidenceUrl)) gaps.push({ ruleId: "consent.evidence", detail: label });
    if (m.method === "TEXT_TO_JOIN" && !t(m.keywords)) gaps.push({ ruleId: "consent.keyword", detail: label });
    if ((m.method === "WEB_FORM" || m.method === "MOBILE_APP") && m.checkboxUnchecked !== true) {
      gaps.push({ ruleId: "consent.unchecked-box", detail: label });
    }
  });
  if (!t(c.programName)) gaps.push({ ruleId: "consent.program-name" });
  if (!t(c.messagePurpose)) gaps.push({ ruleId: "consent.purpose" });
  if (!c.frequency) gaps.push({ ruleId: "consent.frequency" });
  if (!c.ratesDisclosure) gaps.push({ ruleId: "consent.rates" });
  if (!c.helpDisclosure) gaps.push({ ruleId: "consent.help" });
  if (!c.stopDisclosure) gaps.push({ ruleId: "consent.stop" });
  if (!t(c.privacyPolicyUrl)) gaps.push({ ruleId: "consent.privacy-link" });
  if (!t(c.termsUrl)) gaps.push({ ruleId: "consent.terms-link" });
  if (!c.notConditionOfPurchase) gaps.push({ ruleId: "consent.not-required" });
  if (!c.noThirdPartySharing) gaps.push({ ruleId: "consent.no-sharing" });
  const len = composeMessageFlow(c).length;
  if (len > MESSAGE_FLOW_MAX) gaps.push({ ruleId: "consent.flow-length", detail: `${len} characters` });
  return gaps;
}
