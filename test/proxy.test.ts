import { encode } from "next-auth/jwt";
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authCookies } from "@/lib/auth/cookies";
import { API_CSP, HSTS, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";
import { proxy } from "@/proxy";

const event = {} as NextFetchEvent;
const SECRET = "test-secret-test-secret-test-secret-0000";

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "http://127.0.0.1:3100"), { headers });
}

async function sessionCookie(): Promise<string> {
  const token = await encode({ token: { uid: "u1", sid: "s1" }, secret: SECRET });
  return `${authCookies(false).sessionToken.name}=${token}`;
}

/** The request headers NextResponse.next hands on to the renderer. */
function forwarded(res: Response, name: string): string | null {
  return res.headers.get(`x-middleware-request-${name.toLowerCase()}`);
}

function expectStaticHeaders(res: Response) {
  for (const h of STATIC_SECURITY_HEADERS) expect(res.headers.get(h.key), h.key).toBe(h.value);
}

describe("proxy.ts", () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3100");
  afterEach(() => vi.unstubAllEnvs());

  it("gives the sign-in page a fresh nonce in the response CSP and in the request the renderer sees", async () => {
    const a = await proxy(request("/sign-in"), event);
    const b = await proxy(request("/sign-in"), event);
    expectStaticHeaders(a);
    const csp = a.headers.get("Content-Security-Policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(forwarded(a, "x-nonce")).toBe(nonce);
    expect(forwarded(a, "content-security-policy")).toBe(csp);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(b.headers.get("Content-Security-Policy")).not.toBe(csp);
    expect(a.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("tells the renderer the path it serves, whatever path header the client sent", async () => {
    const res = await proxy(request("/brands", { cookie: await sessionCookie(), "x-pathname": "/account" }), event);
    expect(res.status).toBe(200);
    expect(forwarded(res, "x-pathname")).toBe("/brands");
  });

  it("sends a page without a session to sign-in, and that redirect carries the headers too", async () => {
    const res = await proxy(request("/dashboard"), event);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toMatch(/:3100\/sign-in\?callbackUrl=%2Fdashboard$/);
    expectStaticHeaders(res);
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });

  it("lets a signed-in page through with its nonce", async () => {
    const res = await proxy(request("/brands", { cookie: await sessionCookie() }), event);
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(forwarded(res, "x-nonce")).toBeTruthy();
    expectStaticHeaders(res);
  });

  it("gives route handlers a policy under which nothing they return runs", async () => {
    for (const path of ["/api/health", "/api/files/f1", "/api/webhooks/tcr/k"]) {
      const res = await proxy(request(path, { cookie: await sessionCookie() }), event);
      expect(res.headers.get("Content-Security-Policy"), path).toBe(API_CSP);
      expectStaticHeaders(res);
    }
    // next-auth's own pages and endpoints keep the document policy.
    expect((await proxy(request("/api/auth/session"), event)).headers.get("Content-Security-Policy")).toContain("'nonce-");
  });

  it("adds HSTS and upgrade-insecure-requests only when the browser came over https", async () => {
    const res = await proxy(request("/sign-in", { "x-forwarded-proto": "https" }), event);
    expect(res.headers.get("Strict-Transport-Security")).toBe(HSTS);
    expect(res.headers.get("Content-Security-Policy")).toContain("upgrade-insecure-requests");
    vi.stubEnv("NEXTAUTH_URL", "https://portal.example.com");
    expect((await proxy(request("/sign-in"), event)).headers.get("Strict-Transport-Security")).toBe(HSTS);
  });
});

describe("authCookies", () => {
  it("keeps plain names on http and uses Secure prefixed names on https, HttpOnly and Lax always", () => {
    const http = authCookies(false);
    const https = authCookies(true);
    expect(http.sessionToken.name).toBe("next-auth.session-token");
    expect(https.sessionToken.name).toBe("__Secure-next-auth.session-token");
    expect(https.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    for (const c of [...Object.values(http), ...Object.values(https)]) expect(c.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(Object.values(http).every((c) => c.options.secure === false)).toBe(true);
    expect(Object.values(https).every((c) => c.options.secure === true)).toBe(true);
  });
});
