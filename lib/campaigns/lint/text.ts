/** Text heuristics shared by the rules: URLs, phone numbers, brand names, keywords. Pure. */

/** Common TLDs: a bare "word.word" only counts as a link with one of these (avoids "Mr.Smith"). */
const TLDS =
  "com|net|org|io|co|us|ly|gl|me|info|biz|app|edu|gov|link|site|shop|store|ai|gg|to|cc|tv|ws|ca|uk|xyz|online|page|club|health|care|bank|news|live|ink|is|im|in|de|fr|at|su|gd|li|sh|do|ht|vc|tk|ml|ga|cf";
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

/** US/NANP numbers (10 digits, optional +1) and 5–6 digit short codes introduced by call/text. */
const PHONE_RE = /(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}\b/g;
const SHORT_CODE_RE = /\b(?:call|text|txt|dial)\s+(?:us\s+)?(?:at\s+)?(\d{5,6})\b/gi;

export function findPhones(text: string): string[] {
  const out = [...text.matchAll(PHONE_RE)].map((m) => m[0].trim());
  for (const m of text.matchAll(SHORT_CODE_RE)) out.push(m[1] ?? m[0]);
  return out;
}

/** Last 10 digits: the same number written two ways compares equal. */
export function phoneKey(p: string): string {
  return p.replace(/\D/g, "").slice(-10);
}

const LEGAL_SUFFIXES = new Set([
  "inc", "incorporated", "llc", "l", "c", "corp", "corporation", "co", "company", "ltd", "limited", "lp",
  "llp", "pllc", "pc", "plc", "the", "dba", "group", "holdings",
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
    // "acmecoffee" written as one word in a text
    if (words.length > 1) out.add(words.join(""));
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
