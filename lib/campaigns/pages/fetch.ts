/**
 * The guarded fetcher of the published-page check: the portal fetches URLs a customer typed, so it must
 * never be a way into our own network (SSRF). http/https only; every address the host resolves to must be
 * public unless PAGE_CHECK_ALLOW names the host:port; the socket connects to the address that was checked
 * (no second DNS answer between check and connect); redirects are followed by hand and each hop is
 * checked again; 5 s for the whole chain, 2 MB of body, and only text/html or text/plain are kept.
 * Every refusal is a typed result with a one-sentence reason: nothing here throws to the caller.
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";

export const PAGE_FETCH_TIMEOUT_MS = 5_000;
export const PAGE_FETCH_MAX_BYTES = 2 * 1024 * 1024;
export const PAGE_FETCH_MAX_REDIRECTS = 5;

export type PageFetchRefusal =
  | "invalid-url" | "scheme" | "dns" | "private-address" | "too-many-redirects"
  | "timeout" | "too-large" | "content-type" | "network";

export interface PageFetchOk {
  ok: true;
  requestedUrl: string;
  finalUrl: string;
  /** HTTP status of the last response (not a redirect). */
  status: number;
  contentType: string;
  /** Decoded body; empty when the response was not text/html or text/plain (only for a non-2xx status). */
  body: string;
  /** Every URL fetched, in order, the last one being finalUrl. */
  hops: string[];
}

export interface PageFetchRefused {
  ok: false;
  requestedUrl: string;
  /** The hop that was refused or failed. */
  finalUrl: string;
  status?: number;
  reason: PageFetchRefusal;
  /** One sentence a user can read. */
  message: string;
  hops: string[];
}

export type PageFetchResult = PageFetchOk | PageFetchRefused;

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface PageFetchOptions {
  /** host:port entries that may resolve to private addresses (tests, the local sandbox). */
  allow?: readonly string[];
  /** DNS resolution (all addresses); node:dns lookup by default, replaced in tests. */
  resolve?: Resolver;
  timeoutMs?: number;
  maxBytes?: number;
}

const systemResolve: Resolver = async (hostname) => {
  const all = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** PAGE_CHECK_ALLOW as a list: "127.0.0.1:4010, localhost:4010" → ["127.0.0.1:4010", "localhost:4010"]. */
export function parseAllowList(raw: string | undefined | null): string[] {
  return (raw ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/* ------------------------------------------------------------ addresses */

function v4ToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

const V4_BLOCKED: [string, number, string][] = [
  ["0.0.0.0", 8, "an unspecified (\"this network\") address"],
  ["10.0.0.0", 8, "a private address"],
  ["100.64.0.0", 10, "a carrier-grade NAT (CGNAT) address"],
  ["127.0.0.0", 8, "a loopback address"],
  ["169.254.0.0", 16, "a link-local address"],
  ["172.16.0.0", 12, "a private address"],
  ["192.0.0.0", 24, "a reserved (IETF protocol) address"],
  ["192.0.2.0", 24, "a documentation address"],
  ["192.168.0.0", 16, "a private address"],
  ["198.18.0.0", 15, "a benchmarking address"],
  ["198.51.100.0", 24, "a documentation address"],
  ["203.0.113.0", 24, "a documentation address"],
  ["224.0.0.0", 4, "a multicast address"],
  ["240.0.0.0", 4, "a reserved address"],
];

function v4Problem(ip: string): string | null {
  const n = v4ToInt(ip);
  for (const [base, bits, what] of V4_BLOCKED) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0) return what;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (accepts "::" and a trailing dotted quad); null if malformed. */
export function expandIpv6(ip: string): number[] | null {
  let s = ip.toLowerCase();
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  const quad = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (quad?.[1]) {
    if (!net.isIPv4(quad[1])) return null;
    const n = v4ToInt(quad[1]);
    s = s.slice(0, -quad[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(":") : []);
  const head = parse(halves[0] ?? "");
  const tail = halves.length === 2 ? parse(halves[1] ?? "") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

const groupsToV4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

function v6Problem(ip: string): string | null {
  const groups = expandIpv6(ip);
  if (!groups) return "not a valid IPv6 address";
  const g = (i: number) => groups[i] ?? 0;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return "an unspecified address";
  if (zeros(0, 7) && g(7) === 1) return "a loopback address";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 inside.
  if (zeros(0, 5) && g(5) === 0xffff) return v4Problem(groupsToV4(g(6), g(7)));
  if (zeros(0, 6)) return "a deprecated IPv4-compatible address";
  if (g(0) === 0x64 && g(1) === 0xff9b && zeros(2, 6)) return v4Problem(groupsToV4(g(6), g(7)));
  // 6to4 (2002:a.b.c.d::/48) carries an IPv4 address too.
  if (g(0) === 0x2002) return v4Problem(groupsToV4(g(1), g(2)));
  if ((g(0) & 0xffc0) === 0xfe80) return "a link-local address";
  if ((g(0) & 0xffc0) === 0xfec0) return "a site-local address";
  if ((g(0) & 0xfe00) === 0xfc00) return "a private (unique local) address";
  if ((g(0) & 0xff00) === 0xff00) return "a multicast address";
  if (g(0) === 0x2001 && g(1) === 0x0db8) return "a documentation address";
  if (g(0) === 0x0100 && zeros(1, 4)) return "a discard-only address";
  return null;
}

/** Why this address must not be fetched (e.g. "a loopback address"), or null when it is public. */
export function addressProblem(ip: string): string | null {
  if (net.isIPv4(ip)) return v4Problem(ip);
  if (net.isIPv6(ip)) return v6Problem(ip);
  return "not an IP address";
}

/* ------------------------------------------------------------ fetching */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const KEPT_TYPES = /^(text\/html|text\/plain)\s*(;|$)/i;

type Hop =
  | { kind: "response"; status: number; contentType: string; location: string | null; body: string | null }
  | { kind: "refused"; reason: PageFetchRefusal; message: string; status?: number };

function hostKey(u: URL): string {
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  return `${u.hostname.toLowerCase()}:${port}`;
}

async function checkHost(u: URL, opts: Required<Pick<PageFetchOptions, "resolve">> & { allow: readonly string[] }): Promise<{ address: ResolvedAddress } | { refused: Hop & { kind: "refused" } }> {
  const host = u.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIPv6(host) ? 6 : 4 }];
  } else {
    try {
      addresses = await opts.resolve(host);
    } catch {
      return { refused: { kind: "refused", reason: "dns", message: `The host ${host} could not be found (DNS lookup failed).` } };
    }
    if (!addresses.length) return { refused: { kind: "refused", reason: "dns", message: `The host ${host} has no address.` } };
  }
  if (!opts.allow.includes(hostKey(u))) {
    // Every address is checked: a host with one public and one private answer is refused, since either may be used.
    for (const a of addresses) {
      const problem = addressProblem(a.address);
      if (problem) {
        return { refused: { kind: "refused", reason: "private-address", message: `Refused to fetch ${u.host}: it resolves to ${a.address}, ${problem}, which is not a public web server.` } };
      }
    }
  }
  const [first] = addresses;
  if (!first) return { refused: { kind: "refused", reason: "dns", message: `The host ${host} has no address.` } };
  return { address: first };
}

function requestOnce(u: URL, address: ResolvedAddress, signal: AbortSignal, maxBytes: number): Promise<Hop> {
  return new Promise<Hop>((resolve) => {
    // The socket goes to the address that was checked: no second DNS lookup can send it elsewhere.
    const pinned: LookupFunction = (_host, options, cb) => {
      if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: address.address, family: address.family }]);
      else cb(null, address.address, address.family);
    };
    const mod = u.protocol === "https:" ? https : http;
    const req = mod.request(u, {
      method: "GET",
      lookup: pinned,
      // No pooled keep-alive socket: every request connects to the address checked for it.
      agent: false,
      signal,
      headers: { "User-Agent": "CampaignDesk-PageCheck/1.0", Accept: "text/html, text/plain;q=0.9", "Accept-Encoding": "identity" },
    });
    let settled = false;
    const done = (h: Hop) => { if (!settled) { settled = true; resolve(h); } };
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (signal.aborted || err.name === "AbortError") done({ kind: "refused", reason: "timeout", message: "The page did not answer within 5 seconds." });
      else done({ kind: "refused", reason: "network", message: `The page could not be fetched (${err.code ?? err.message}).` });
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers["content-type"] ?? "");
      const location = typeof res.headers.location === "string" ? res.headers.location : null;
      if (REDIRECTS.has(status) && location) {
        res.resume();
        done({ kind: "response", status, contentType, location, body: null });
        req.destroy();
        return;
      }
      if (!KEPT_TYPES.test(contentType)) {
        res.resume();
        done({ kind: "response", status, contentType, location: null, body: null });
        req.destroy();
        return;
      }
      const declared = Number(res.headers["content-length"]);
      const tooLarge = () => ({ kind: "refused" as const, reason: "too-large" as const, status, message: `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; it was not read further.` });
      if (Number.isFinite(declared) && declared > maxBytes) {
        done(tooLarge());
        req.destroy();
        return;
      }
      // Servers may compress although we asked for identity: the limit counts the decompressed bytes.
      const encoding = String(res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
      const inflate = encoding === "gzip" || encoding === "x-gzip" ? zlib.createGunzip()
        : encoding === "deflate" ? zlib.createInflate() : encoding === "br" ? zlib.createBrotliDecompress() : null;
      if (!inflate && encoding !== "identity" && encoding !== "") {
        res.resume();
        done({ kind: "refused", reason: "network", status, message: `The page is sent with an unsupported encoding (${encoding}).` });
        req.destroy();
        return;
      }
      const body = inflate ? res.pipe(inflate) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      body.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          done(tooLarge());
          req.destroy();
          inflate?.destroy();
          return;
        }
        chunks.push(chunk);
      });
      body.on("end", () => done({ kind: "response", status, contentType, location: null, body: decode(Buffer.concat(chunks), contentType) }));
      const broken = () => done(signal.aborted
        ? { kind: "refused", reason: "timeout", status, message: "The page did not finish loading within 5 seconds." }
        : { kind: "refused", reason: "network", status, message: "The connection broke while the page was being read." });
      res.on("error", broken);
      inflate?.on("error", () => done({ kind: "refused", reason: "network", status, message: "The page's compressed body could not be read." }));
      res.on("close", () => { if (!res.complete) broken(); });
    });
    req.end();
  });
}

function decode(buf: Buffer, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(buf);
  } catch {
    return new TextDecoder("utf-8").decode(buf);
  }
}

/** Fetches a customer-supplied URL under every guard above; never throws. */
export async function fetchPage(requestedUrl: string, options: PageFetchOptions = {}): Promise<PageFetchResult> {
  const allow = (options.allow ?? []).map((a) => a.toLowerCase());
  const resolve = options.resolve ?? systemResolve;
  const maxBytes = options.maxBytes ?? PAGE_FETCH_MAX_BYTES;
  const hops: string[] = [];
  const refuse = (finalUrl: string, reason: PageFetchRefusal, message: string, status?: number): PageFetchRefused =>
    ({ ok: false, requestedUrl, finalUrl, reason, message, hops, ...(status !== undefined ? { status } : {}) });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? PAGE_FETCH_TIMEOUT_MS);
  const timedOut = new Promise<"timeout">((r) => controller.signal.addEventListener("abort", () => r("timeout"), { once: true }));
  try {
    let current: URL;
    try {
      current = new URL(requestedUrl.trim());
    } catch {
      return refuse(requestedUrl, "invalid-url", "This is not a valid web address.");
    }
    for (let redirects = 0; ; redirects++) {
      const href = current.href;
      if (current.protocol !== "http:" && current.protocol !== "https:") {
        return refuse(href, "scheme", `Only http and https addresses are fetched, not ${current.protocol.replace(/:$/, "")}.`);
      }
      if (current.username || current.password) return refuse(href, "invalid-url", "Addresses with a user name or password are not fetched.");
      hops.push(href);
      const checked = await Promise.race([checkHost(current, { allow, resolve }), timedOut]);
      if (checked === "timeout") return refuse(href, "timeout", "The page did not answer within 5 seconds.");
      if ("refused" in checked) return refuse(href, checked.refused.reason, checked.refused.message);
      const hop = await requestOnce(current, checked.address, controller.signal, maxBytes);
      if (hop.kind === "refused") return refuse(href, hop.reason, hop.message, hop.status);
      if (hop.location !== null) {
        if (redirects >= PAGE_FETCH_MAX_REDIRECTS) return refuse(href, "too-many-redirects", `The page redirects more than ${PAGE_FETCH_MAX_REDIRECTS} times.`, hop.status);
        try {
          current = new URL(hop.location, current);
        } catch {
          return refuse(href, "invalid-url", "The page redirects to an invalid address.", hop.status);
        }
        continue;
      }
      if (hop.body === null) {
        if (hop.status >= 200 && hop.status < 300) {
          return refuse(href, "content-type", `The page is ${hop.contentType.split(";")[0] || "of no stated type"}, not an HTML or text page.`, hop.status);
        }
        return { ok: true, requestedUrl, finalUrl: href, status: hop.status, contentType: hop.contentType, body: "", hops };
      }
      return { ok: true, requestedUrl, finalUrl: href, status: hop.status, contentType: hop.contentType, body: hop.body, hops };
    }
  } catch (e) {
    return refuse(requestedUrl, "network", `The page could not be fetched (${e instanceof Error ? e.message : "unknown error"}).`);
  } finally {
    clearTimeout(timer);
  }
}
