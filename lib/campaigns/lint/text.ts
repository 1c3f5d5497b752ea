/** Text heuristics shared by the rules: URLs, phone numbers, brand names, keywords. Pure. */

/**
 * Common TLDs: a bare "word.word" only counts as a link with one of these (avoids "Mr.Smith"). Words a
 * sentence could run into without a space ("end.Help", "now.Call") are left out on purpose.
 */
const TLDS =
  "com|net|org|io|co|us|ly|gl|me|info|biz|app|edu|gov|link|site|shop|store|ai|gg|to|cc|tv|ws|ca|uk|xyz|online|page|club|health|care|bank|news|live|ink|is|im|in|de|fr|at|su|gd|li|sh|do|ht|vc|tk|ml|ga|cf|" +
  "dental|clinic|law|legal|church|salon|auto|cars|pizza|restaurant|travel|events|tech|dev|today|email|agency|studio|design|digital|media|solutions|services|pro|fitness|vet|pet|pets|school|academy|university|college|realty|homes|insurance|finance|energy|coffee|golf|tickets|games|cloud|systems|network|nyc|mx|fm|tv|ly";
const URL_RE = new RegExp(
  `(?:\\bhttps?:\\/\\/[^\\s<>"']+|\\bwww\\.[^\\s<>"']+|\\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})\\b(?:\\/[^\\s<>"']*)?)`,
  "gi",
);

/** Links in a text, without trailing punctuation. E-mail addresses are not links. */
export function findUrls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const before = text[(m.index ?? 0) - 1];
    if (before === "@") continue;
    out.push(m[0].replace(/[.,;:!?)\]]+$/, ""));
  }
  return out;
}

/** Host of a link, lower-case, without "www.". */
export function hostOf(url: string): string {
  const h = url.replace(/^https?:\/\//i, "").split(/[/?#:]/)[0] ?? "";
  return h.toLowerCase().replace(/^www\./, "");
}

/**
 * Public URL shorteners. The registry refuses them ("public URL shorteners (e.g., bitly, tinyurl) are
 * not accepted", validation table L2934, L2957); carriers filter their traffic.
 */
export const URL_SHORTENERS = [
  "bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "ow.ly", "t.co", "is.gd", "buff.ly", "rebrand.ly",
  "cutt.ly", "shorturl.at", "tiny.cc", "bl.ink", "t.ly", "rb.gy", "v.gd", "s.id", "shorte.st", "adf.ly",
  "soo.gd", "qr.ae", "lnkd.in", "db.tt", "tr.im", "x.co", "po.st", "bc.vc", "trib.al", "short.io",
  "tiny.one", "urlz.fr", "clck.ru", "tinylink.net",
];

export function isShortener(url: string): boolean {
  const h = hostOf(url);
  return URL_SHORTENERS.some((s) => h === s || h.endsWith(`.${s}`));
}

/**
 * US/NANP numbers as people write them: E.164 (+13125550142), (312) 555-0142, 312-555-0142,
 * 312.555.0142, 312 555 0142, 1-800-555-0199, each optionally with an extension (ext. 12, x204, #3).
 * Not inside a longer run of digits (order or tracking numbers).
 */
const PHONE_RE =
  /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[\s.-]?[2-9]\d{2}[\s.-]?\d{4}(?:\s*,?\s*(?:ext\.?|extension|x|#)\s*\d{1,6})?(?![\w])/gi;
/** Toll-free vanity numbers: 1-800-FLOWERS, 888-GET-ACME. */
const VANITY_RE = /(?<![\w+])(?:\+?1[\s.-]?)?8(?:00|33|44|55|66|77|88)[\s.-](?=[A-Z0-9-]*[A-Z])[A-Z0-9]{3}-?[A-Z0-9]{4}\b/g;
const SHORT_CODE_RE = /\b(?:call|text|txt|dial)\s+(?:us\s+)?(?:at\s+)?(\d{5,6})\b/gi;

export function findPhones(text: string): string[] {
  const out = [...text.matchAll(PHONE_RE), ...text.matchAll(VANITY_RE)].map((m) => m[0].trim());
  for (const m of text.matchAll(SHORT_CODE_RE)) out.push(m[1] ?? m[0]);
  return out;
}

const KEYPAD: Record<string, string> = Object.fromEntries(
  ["ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"].flatMap((l, i) => [...l].map((c) => [c, String(i + 2)])),
);

/** The 10-digit number without country code or extension: one number written two ways compares equal. */
export function phoneKey(p: string): string {
  const main = p.replace(/\s*,?\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/i, "");
  return main.toUpperCase().replace(/[A-Z]/g, (c) => KEYPAD[c] ?? "").replace(/\D/g, "").slice(-10);
}

const LEGAL_SUFFIXES = new Set([
  "inc", "incorporated", "llc", "l", "c", "corp", "corporation", "co", "company", "ltd", "limited", "lp",
  "llp", "pllc", "pc", "plc", "the", "dba", "group", "holdings",
]);

/** First words too common to stand for a brand on their own ("First National Bank" is not "first"). */
const GENERIC_FIRST_WORDS = new Set([
  "first", "best", "great", "good", "your", "home", "main", "city", "north", "south", "east", "west", "central",
  "american", "national", "united", "global", "local", "family", "total", "smart", "quick", "super", "premier",
  "elite", "prime", "royal", "golden", "green", "blue", "little", "happy", "healthy", "modern", "classic", "next",
]);

/** Lower-case, punctuation to spaces, padded so `includes(" x ")` is a whole-word test. */
export function norm(s: string): string {
  return ` ${s.toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ").trim()} `;
}

/** Names a subscriber would recognise: as registered and without legal suffixes. */
export function brandNameVariants(...names: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const full = norm(n ?? "").trim();
    if (full.length < 2) continue;
    out.add(full);
    const words = full.split(" ");
    while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? "")) words.pop();
    while (words.length > 1 && words[0] === "the") words.shift();
    const core = words.join(" ");
    if (core.length >= 2) out.add(core);
    if (words.length > 1) {
      // "acmecoffee" written as one word in a text
      out.add(words.join(""));
      // The short name people use: "Acme" for "Acme Dental Care", and the initials ("ADC").
      const first = words[0] ?? "";
      if (first.length >= 4 && !GENERIC_FIRST_WORDS.has(first)) out.add(first);
      if (words.length >= 3) {
        out.add(words.slice(0, 2).join(" "));
        out.add(words.map((w) => w[0]).join(""));
      }
    }
  }
  return [...out];
}

/** The text with links and e-mail addresses blanked: words inside an address are not prose. */
export function withoutLinks(text: string): string {
  return text.replace(/\b[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ").replace(URL_RE, " ");
}

/**
 * Whether the text names the brand. Links and e-mail addresses do not count: "acmedental.com" in a
 * link is not the brand name a subscriber reads.
 */
export function mentionsBrand(text: string, variants: string[]): boolean {
  if (variants.length === 0) return false;
  const t = norm(withoutLinks(text));
  return variants.some((v) => t.includes(` ${v} `));
}

/** Split a registry keyword list ("STOP,END, QUIT") into trimmed, upper-case keywords. */
export function splitKeywords(list: string | null | undefined): string[] {
  return (list ?? "").split(",").map((k) => k.trim().toUpperCase()).filter(Boolean);
}

export function anyMatch(text: string, patterns: RegExp[]): string | undefined {
  for (const p of patterns) {
    const m = text.match(p);
    if (m) return m[0];
  }
  return undefined;
}

export const str = (v: string | null | undefined): string => (v ?? "").trim();

/* ---------- Disclosures and keywords as people write them ---------- */

/** Opt-out words carriers honour (CTIA's STOP family) and their spelled-out forms. */
const OPTOUT_WORDS = /\b(STOP|END|CANCEL|QUIT|UNSUBSCRIBE|STOPALL|STOP ALL|REVOKE|OPTOUT|OPT OUT)\b/;
const OPTOUT_PHRASES =
  /\b(reply|text|txt|send|respond(?: with)?|type)\s+["'“]?(stop|end|cancel|quit|unsubscribe|stopall)\b|\bopt[- ]?out\b|\bunsubscribe\b|\b(cancel|stop) (texts|messages|msgs|alerts|at any time|anytime)\b/i;

export function hasOptoutLanguage(text: string, optoutKeywords: readonly string[] = []): boolean {
  if (OPTOUT_WORDS.test(text) || OPTOUT_PHRASES.test(text)) return true;
  return optoutKeywords.some((k) => k.length > 1 && new RegExp(`\\b${k.replace(/[^A-Z0-9]/g, "")}\\b`).test(text));
}

const HELP_WORDS = /\b(HELP|INFO)\b/;
const HELP_PHRASES =
  /\b(reply|text|txt|send|respond(?: with)?|type)\s+["'“]?(help|info)\b|\bfor (help|assistance|support|more info(rmation)?)\b|\bhelp (line|desk)\b/i;

/** How to get HELP: the keyword (or INFO), or "for help/support contact …". */
export function hasHelpLanguage(text: string, helpKeywords: readonly string[] = []): boolean {
  if (HELP_WORDS.test(text) || HELP_PHRASES.test(text)) return true;
  return helpKeywords.some((k) => k.length > 1 && new RegExp(`\\b${k.replace(/[^A-Z0-9]/g, "")}\\b`).test(text));
}

const FREQUENCY =
  /\b(msg|message|messaging|text|txt|sms)?\s*freq(uency|\.)?\b|\bfrequency (varies|may vary|will vary|depends)|\b(varies|vary|varying)\b|\brecurring\b|\bone[- ]time\b|\bsingle (message|text|msg)\b|\bone (message|text|msg)s? (per|for each|each|a|every)\b|\b(up to|max(imum)?( of)?|no more than|at most)\s+\d+\b|\b(\d+|one|two|three|four|five)(\s*(-|to)\s*\d+)?\s*(x|times)?\s*(msgs?|messages|texts|txts|sms|alerts|reminders|surveys|polls)\s*(\/|per|a|an|each|every|for each)\s*[a-z]+|\b\d+(\s*(-|to)\s*\d+)?\s*(x|times)?\s*(\/|per|a|each|every)\s*(day|wk|week|mo|month|year|yr|order|visit|appointment|request|login|transaction|booking|delivery|session)\b|\b(sent|texts?|messages?|msgs?|alerts?|codes?)( are| is)?( (only )?sent)? only (when|for|if|after|during|on)\b|\b(go|goes|come|comes|arrive|arrives) out only\b|\bonly (when|whenever|if|upon) (a|an|the|you|they|there|we|suspicious|new)\b|\b(msgs?|messages|texts)\s*\/\s*(day|wk|week|mo|month)\b|\b(daily|weekly|bi-?weekly|monthly|quarterly|annually)\b|\bper (day|week|month|order|request|appointment|login)\b|\bonly when (you|requested|you request)\b/i;

/** A statement of how often messages come: "Msg frequency varies", "up to 4 msgs/mo", "one message per login". */
export function hasFrequency(text: string): boolean {
  return FREQUENCY.test(text);
}

const RATES =
  /\b(msg|message|messaging|text|txt|sms)s?\s*(&|and|\+|\/)\s*data\s*rates\b|\bdata rates\b|\b(standard|normal|carrier|usual)\s+(msg|message|messaging|text|txt|sms|data|carrier)?\s*(and data )?(rates|charges|fees)\b|\b(rates|charges) may apply\b/i;

/** "Msg & data rates may apply" and its variants ("Message and data rates may apply", "standard messaging rates apply"). */
export function hasRatesDisclosure(text: string): boolean {
  return RATES.test(text);
}

/** Ways a subscriber opts in, as the registry and providers list them (Vonage message_flow text, anchors C-01). */
export type OptinMethod =
  | "WEB_FORM" | "TEXT_TO_JOIN" | "VERBAL" | "IVR" | "PAPER_FORM" | "POINT_OF_SALE" | "MOBILE_APP" | "CONSUMER_INITIATED";

const OPTIN_PATTERNS: Record<OptinMethod, RegExp[]> = {
  WEB_FORM: [
    /\b(web ?form|website|web ?site|web ?page|online|internet|landing page|forms?|sign(s|ed|ing)?[- ]?up|regist(er|ers|ered|ering|ration)|enroll(s|ed|ing|ment)?|qr code|plac(e|es|ing) an? order|(provid|enter|giv|shar|add|submitt?|typ)(e|es|s|ing|ed)? (their|your|a) (mobile|cell|phone)( phone)?( number)?|dashboard|(account|security|notification|alert|privacy|communication) (settings|preferences)|settings page|member (area|account)|opt[- ]?in (page|form)|(booking|contact|registration|enrollment|order|lead|subscription|intake|checkout|sign[- ]?in|log[- ]?in|account) (page|form|screen)|check ?box(es)?|tick(s|ing)? (a|the) box|checkout|sign[- ]?in|log[- ]?in|creat(e|es|ing) an? account|account (creation|registration|settings|profile|preferences)|portal|e-?commerce)\b/i,
    /\b(tick|check|select|mark|click)(s|ed|ing)? (a|an|the|our|their|this)? ?([\w,-]+ ){0,3}(check ?)?box(es)?\b/i,
  ],
  TEXT_TO_JOIN: [
    /\b(keywords?|text[- ]to[- ]join|short ?code|(text|txt)(s|ing)? (in|us) (the )?(key)?word)\b/i,
    /\b[Tt](ext|xt)(s|ing)?\s+(the (word|keyword) )?["'“]?[A-Z][A-Z0-9]{1,19}["'”]?\s+to\b/,
  ],
  VERBAL: [
    /\b(verbal(ly)?|orally|spoken|over the phone|by phone|phone call|on (a|the) (phone|call)|call (center|centre)|live (agent|operator|representative|rep)|(agent|representative|rep|staff|employee|technician|associate|operator)s? (asks?|obtains?|records?|reads?|collects?|confirms?)|in[- ]person|face[- ]to[- ]face)\b/i,
  ],
  IVR: [/\b(ivr|interactive voice|phone (menu|tree)|press(es|ing)? \d|automated (call|phone|voice))\b/i],
  PAPER_FORM: [
    /\b(paper|printed|hard ?copy|handwritten|sign(s|ed)? (a|the|our) (form|waiver|card|agreement)|intake form|registration card|waiver|clipboard|comment card|enrollment form)\b/i,
  ],
  POINT_OF_SALE: [
    /\b(point[- ]of[- ]sale|in[- ]store|at (our|the|any) (store|shop|location|office|clinic|salon|restaurant|dealership|branch|showroom|gym|studio)s?|at (the|our) (register|counter|front desk|desk|cashier|till|reception)|front desk|cashier|at checkout|tablet|kiosk|terminal|keypad|pin ?pad|store (location|associate)s?)\b/i,
    /\bPOS\b/,
  ],
  MOBILE_APP: [/\b(mobile app(lication)?|in[- ]app|apps?|(ios|android)|notification (settings|preferences))\b/i],
  CONSUMER_INITIATED: [
    /\b(consumer|customer|user|subscriber|patient|client|member|guest|caller|student|parent|people|they)s? (first )?(initiat\w+|start\w*|begin\w*|open\w*) (the |a )?(conversation|exchange|contact|text|chat|thread|message)/i,
    /\b(consumer|customer|user|subscriber|client|patient)[- ]initiated\b/i,
    /\btext(s|ing)? (us|our|the) (first|support|help|service|business|store|office|main|customer|number|line)\b/i,
    /\b(texts?|messages?|contacts?|reach(es)?) (us )?first\b/i,
    /\binitiat\w+ (the |a )?(conversation|exchange|contact|text|chat|thread)/i,
    /\bby texting (us|our|the)\b/i,
    /\b(reply|replies|respond|responds) only (to|when)\b|\bonly (reply|replies|respond|responds) (to|when)\b/i,
    /\binbound (text|message|sms)/i,
    /\breach(es)? out (to us )?(by|via|over) (text|sms)\b/i,
    /\btext (us|our \w+) (at|on)\b/i,
  ],
};

/** Opt-in methods a free-text message flow describes. */
export function detectOptinMethods(text: string): OptinMethod[] {
  return (Object.keys(OPTIN_PATTERNS) as OptinMethod[]).filter((m) => OPTIN_PATTERNS[m].some((re) => re.test(text)));
}

/** A web or paper step that captures consent and shows a notice (not just "our website lists the number"). */
const CONSENT_CAPTURE = /\b(form|check ?box(es)?|tick(s|ing)? (a|the) box|sign[- ]?up|opt[- ]?in (page|screen)|enter(s|ing)? (their|your|a) (mobile|cell|phone)|toggle|keywords?)\b/i;

/**
 * Consent is consumer-initiated when the consumer texts first and the sender only answers (Vonage's
 * message_flow list: "initiating the text message exchange in which the Message Sender replies ... only
 * with responsive information"), with no form or keyword program beside it.
 */
export function isConsumerInitiated(text: string): boolean {
  const m = detectOptinMethods(text);
  return m.includes("CONSUMER_INITIATED") && !m.includes("TEXT_TO_JOIN") && !CONSENT_CAPTURE.test(text);
}

/** Methods a reviewer cannot see for themselves: they need a public screenshot, photo or script. */
export const OFFLINE_METHODS: readonly OptinMethod[] = ["VERBAL", "IVR", "PAPER_FORM", "POINT_OF_SALE"];
