// Every route handler under app/api (from the inventory, so a new one fails this file until it is covered), called
// directly with NextRequest objects built by fast-check: random methods, headers, query strings, bodies (JSON
// garbage, oversize, deep nesting, NUL bytes, truncated multipart with a bad boundary), hostile path parameters,
// signed in as an OWNER or not at all. No answer may be a 5xx, and a streamed body must finish without an error.
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { useDb } from "@/lib/db";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { deepNesting, describeInput, HUGE_STRINGS, nastyString, protoPolluted } from "@/test/security/fuzz-inputs";
import { routeHandlers } from "@/test/security/inventory";

const state = vi.hoisted(() => ({ ctx: null as OrgContext | null, req: null as Request | null, storageRoot: "" }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => state.ctx, currentUser: async () => (state.ctx ? { user: state.ctx.user, sid: state.ctx.sid } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/jobs/boss", async (orig) => ({
  ...(await orig<typeof import("@/lib/jobs/boss")>()),
  boss: async () => ({ send: async () => "job" }),
}));
// Uploads go to a temporary directory, not the worktree's .data/.
vi.mock("@/lib/evidence", async (orig) => {
  const { DiskStorage: Disk } = await import("@/lib/evidence/storage");
  let s: InstanceType<typeof Disk> | undefined;
  return { ...(await orig<typeof import("@/lib/evidence")>()), evidenceStorage: () => (s ??= new Disk(state.storageRoot)) };
});
// next-auth's App Router handler reads the request's headers and cookies through next/headers (a CommonJS
// require), which only works inside Next's request scope; here they come from the request under test.
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
nextHeaders.headers = async () => state.req!.headers;
nextHeaders.cookies = async () => (state.req as NextRequest).cookies;

const KEY = "fuzz-routes-key";
const SECRET = "fuzz-routes-secret";
const RUNS_PER_HANDLER = 60;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "get"];

let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  state.storageRoot = await fs.mkdtemp(path.join(os.tmpdir(), "cd-fuzz-routes-"));
  t = await createTestDb();
  useDb(t.db);
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "fuzz-routes" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
  await fs.rm(state.storageRoot, { recursive: true, force: true });
});

/** A URL carries no lone surrogate: the browser sends U+FFFD for one. */
const enc = (s: string) => encodeURIComponent(s.toWellFormed());

const paramValue = fc.oneof(
  nastyString,
  fc.constantFrom("..", "../../etc/passwd", "%00", "a\u0000b", "\u0000", "", " ", "csv", "brands", "campaigns", "session", "signin", "callback", "csrf", "providers", "signout", "x".repeat(10_000), "__proto__", "constructor"),
  fc.stringMatching(/^[a-z0-9]{1,30}$/),
);

const truncatedMultipart = fc.tuple(fc.constantFrom("", "--", "-----x", "\u0000", "a".repeat(200)), fc.integer({ min: 0, max: 80 })).map(([boundary, cut]) => ({
  type: `multipart/form-data; boundary=${boundary}`,
  body: `--not-the-boundary\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 truncated`.slice(0, cut),
}));

const bodyArb = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ type: "application/json", body: JSON.stringify(v) })),
  fc.constantFrom('{"a":', "[[[[", "\u0000\u0000", "null", '{"__proto__":{"isAdmin":true}}', "%PDF-1.4\n", "<svg onload=alert(1)>", "\xff\xfe").map((body) => ({ type: "application/json", body })),
  deepNesting.map((v) => ({ type: "application/json", body: JSON.stringify(v) })),
  protoPolluted.map((v) => ({ type: "application/x-www-form-urlencoded", body: `json=${encodeURIComponent(JSON.stringify(v))}&csrfToken=x&email=a%00b` })),
  fc.constantFrom(...HUGE_STRINGS.slice(0, 2)).map((body) => ({ type: "application/octet-stream", body })),
  fc.uint8Array({ maxLength: 2048 }).map((body) => ({ type: "application/octet-stream", body })),
  truncatedMultipart,
);

const headerArb = fc.record({
  "content-length": fc.constantFrom("0", "-1", "1", "NaN", "99999999999", "1e9", "abc"),
  "x-file-name": fc.oneof(nastyString, fc.constantFrom("%E0%A4%A", "%00", "..%2F..%2Fetc%2Fpasswd", "a".repeat(5000))),
  "x-registry-signature": nastyString,
  cookie: fc.oneof(nastyString.map((s) => `next-auth.session-token=${enc(s)}`), fc.constantFrom("cd_org=other-org", "next-auth.csrf-token=%00")),
  accept: fc.constantFrom("*/*", "text/csv", "application/json", "\u0000"),
  host: fc.constantFrom("localhost:3000", "evil.example", ""),
  "x-forwarded-host": fc.constantFrom("evil.example", "localhost"),
}, { requiredKeys: [] });

const queryArb = fc.dictionary(
  fc.oneof(fc.constantFrom("kind", "format", "targetType", "targetId", "uuid", "bom", "q", "sort", "page", "status", "callbackUrl", "error", "__proto__", "constructor"), nastyString),
  fc.oneof(nastyString, fc.constantFrom("BRAND_SUPPORT", "CAMPAIGN_MMS", "BRAND", "text", "html", "1", "-1", "9".repeat(400), "%00", "x".repeat(20_000))),
  { maxKeys: 6 },
);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

describe("fuzzing every route handler", () => {
  it("never answers 5xx, whatever arrives", async () => {
    const entries = routeHandlers();
    const handlers: { url: string; params: string[]; method: string; fn: Handler; catchAll: boolean }[] = [];
    for (const e of entries) {
      const mod = (await import(path.resolve(e.file))) as Record<string, unknown>;
      for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) if (typeof mod[m] === "function") handlers.push({ url: e.url, params: e.params, method: m, fn: mod[m] as Handler, catchAll: e.url.includes("[...") });
    }
    // Every route file exports at least one method, and each one is fuzzed below.
    expect(new Set(handlers.map((h) => h.url))).toEqual(new Set(entries.map((e) => e.url)));

    const statuses: Record<string, number> = {};
    const failures: string[] = [];
    let runs = 0;
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    for (const h of handlers) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({ params: fc.array(paramValue, { minLength: h.params.length, maxLength: h.params.length }), method: fc.oneof(fc.constant(h.method), fc.constantFrom(...METHODS)), headers: headerArb, query: queryArb, body: bodyArb, signedIn: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }),
          async ({ params, method, headers, query, body, signedIn }) => {
            runs++;
            state.ctx = signedIn ? { ...org.ctx, sid: "fuzz-sid", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "OWNER" }] } : null;
            const segs = params.map(enc);
            let pathname = h.url;
            h.params.forEach((p, i) => (pathname = pathname.replace(new RegExp(`\\[(\\.\\.\\.)?${p}\\]`), segs[i]!)));
            const qs = new URLSearchParams();
            for (const [k, v] of Object.entries(query)) qs.append(k, v);
            const hasBody = body !== undefined && !["GET", "HEAD", "get"].includes(method);
            const hdrs = new Headers();
            const set = (k: string, v: string) => {
              try { hdrs.set(k, v); } catch { /* a header value fetch itself refuses never reaches a handler */ }
            };
            for (const [k, v] of Object.entries(headers)) set(k, v!);
            if (hasBody) set("content-type", body.type);
            let req: NextRequest;
            try {
              req = new NextRequest(`http://localhost:3000${pathname}?${qs}`, { method, headers: hdrs, body: hasBody ? body.body : undefined });
            } catch {
              return true; // e.g. TRACE: the Fetch API refuses to build it, so no server sees it either
            }
            state.req = req;
            // A catch-all matches one segment or more; an empty one is not a URL the router would send here.
            const routeParams = Object.fromEntries(h.params.map((p, i) => [p, h.catchAll ? params[i]!.split("/").filter(Boolean) : params[i]!]));
            if (Object.values(routeParams).some((v) => v === "" || (Array.isArray(v) && v.length === 0))) {
              statuses.unroutable = (statuses.unroutable ?? 0) + 1;
              return true;
            }
            let status: number;
            try {
              const res = await h.fn(req, { params: Promise.resolve(routeParams) });
              status = res.status;
              if (res.body) await res.arrayBuffer(); // a stream that fails mid-way is a server error too
            } catch (e) {
              status = e && typeof e === "object" && "digest" in e && /^NEXT_REDIRECT/.test(String(e.digest)) ? 307 : 500;
              if (status === 500) failures.push(`${h.method} ${h.url} threw ${(e as Error)?.message?.slice(0, 300)} params=${describeInput(params)} q=${describeInput(query)} body=${describeInput(body)}`);
            }
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 500 && failures.length < 50) failures.push(`${method} ${pathname.slice(0, 120)} → ${status} (handler ${h.method} ${h.url}) q=${describeInput(query)} body=${describeInput(body)}`);
            return true;
          },
        ),
        { numRuns: RUNS_PER_HANDLER, seed },
      );
    }
    console.log(`[fuzz-routes] handlers=${handlers.length} files=${entries.length} runs=${runs} statuses=${JSON.stringify(statuses)} seed=${seed}`);
    for (const f of failures.slice(0, 15)) console.log(`[fuzz-routes] ${f}`);
    expect(runs).toBe(handlers.length * RUNS_PER_HANDLER);
    expect(failures).toEqual([]);
    expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
  }, 180_000);
});

// Each of these answered 500 before fuzzing found it.
describe("inputs the fuzzer found answering 5xx", () => {
  const signedIn = () => (state.ctx = { ...org.ctx, sid: "fuzz-sid", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "OWNER" }] });
  const call = async (file: string, method: string, url: string, params: Record<string, unknown>, init: RequestInit = {}) => {
    const mod = (await import(path.resolve(file))) as Record<string, Handler>;
    const req = new NextRequest(`http://localhost:3000${url}`, { method, ...init } as never);
    state.req = req;
    return (await mod[method]!(req, { params: Promise.resolve(params as Record<string, string>) })).status;
  };

  it("a NUL in an id is not found (PostgreSQL refused the lookup)", async () => {
    signedIn();
    expect(await call("app/api/files/[id]/route.ts", "GET", "/api/files/a%00", { id: "a\u0000" })).toBe(404);
    expect(await call("app/api/jobs/[jobId]/route.ts", "GET", "/api/jobs/a%00", { jobId: "a\u0000" })).toBe(404);
    expect(await call("app/api/page-snapshots/[id]/route.ts", "GET", "/api/page-snapshots/a%00", { id: "a\u0000" })).toBe(404);
    expect(await call("app/api/webhooks/tcr/[orgKey]/route.ts", "POST", "/api/webhooks/tcr/a%00", { orgKey: "a\u0000" }, { body: "{}", headers: { "content-type": "application/json" } })).toBe(404);
  });

  it("sign-in endpoints refuse a callbackUrl that is not a URL, and a JSON body that is not JSON, as 400", async () => {
    state.ctx = null;
    const auth = "app/api/auth/[...nextauth]/route.ts";
    expect(await call(auth, "GET", "/api/auth/session?callbackUrl=html", { nextauth: ["session"] })).toBe(400);
    expect(await call(auth, "GET", "/api/auth/csrf", { nextauth: ["csrf"] }, { headers: { cookie: "next-auth.callback-url=%00nope" } })).toBe(400);
    expect(await call(auth, "POST", "/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] }, { body: "{not json", headers: { "content-type": "application/json" } })).toBe(400);
    // The ordinary calls still reach next-auth.
    expect(await call(auth, "GET", "/api/auth/csrf?callbackUrl=%2Fdashboard", { nextauth: ["csrf"] })).toBe(200);
  });
});
