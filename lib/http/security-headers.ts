// The portal's browser security headers, as pure functions: proxy.ts sets them on every response it sees and
// next.config.ts sets the static ones on the assets the proxy skips. No imports, so next.config.ts can load it.

export type HeaderPair = { key: string; value: string };

/** Headers that are the same on every response (documents, route handlers, static assets). */
export const STATIC_SECURITY_HEADERS: readonly HeaderPair[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years, subdomains included; sent only on responses to https requests (browsers ignore it over http anyway). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce: 16 random bytes, base64. One per request, never reused. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/**
 * The Content-Security-Policy of a document. Scripts run only from this origin with this request's nonce
 * ('strict-dynamic' lets those scripts load Next's chunks); no 'unsafe-inline' for scripts. Styles keep
 * 'unsafe-inline' because Radix and sonner position elements with style attributes, which a nonce cannot
 * allow (and a nonce in style-src would make browsers ignore 'unsafe-inline'). 'unsafe-eval' only under next dev,
 * where React rebuilds server error stacks with eval.
 */
export function buildCsp(opts: { nonce: string; dev?: boolean; https?: boolean }): string {
  if (!NONCE.test(opts.nonce)) throw new Error("A CSP nonce must be base64 of at least 12 random bytes.");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${opts.nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  // Upgrading on plain http (localhost, the e2e server) would send every asset request to a port that has no TLS.
  if (opts.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * The policy of route handler answers under /api (JSON, files, CSV): nothing they return may run, load or be
 * framed, and a file a browser opens anyway is rendered in a sandbox (no scripts, opaque origin).
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Whether the browser reached us over https: the proxy in front says so (x-forwarded-proto, first hop), the
 * request URL is https, or the configured site URL is https.
 */
export function isHttpsRequest(req: { forwardedProto?: string | null; protocol?: string; siteUrl?: string | null }): boolean {
  const fwd = req.forwardedProto?.split(",")[0]?.trim().toLowerCase();
  if (fwd === "https") return true;
  if (req.protocol === "https:") return true;
  return (req.siteUrl ?? "").toLowerCase().startsWith("https://");
}

/** Sets every security header on a response: the static ones, this request's CSP and, over https, HSTS. */
export function setSecurityHeaders(headers: Headers, opts: { csp: string; https: boolean }): void {
  for (const h of STATIC_SECURITY_HEADERS) headers.set(h.key, h.value);
  headers.set("Content-Security-Policy", opts.csp);
  if (opts.https) headers.set("Strict-Transport-Security", HSTS);
}
