import { describe, expect, it } from "vitest";
import { API_CSP, buildCsp, HSTS, isHttpsRequest, newNonce, setSecurityHeaders, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("newNonce", () => {
  it("is 16 random bytes in base64, different every time", () => {
    const all = new Set(Array.from({ length: 200 }, newNonce));
    expect(all.size).toBe(200);
    for (const n of all) expect(atob(n)).toHaveLength(16);
  });
});

describe("buildCsp", () => {
  const nonce = newNonce();
  it("allows scripts only with this request's nonce, never inline or eval in production", () => {
    const d = directives(buildCsp({ nonce }));
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });
  it("adds 'unsafe-eval' only for next dev, and upgrades requests only over https", () => {
    expect(directives(buildCsp({ nonce, dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(buildCsp({ nonce, dev: false })).get("script-src")).not.toContain("'unsafe-eval'");
    expect(directives(buildCsp({ nonce, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
  it("refuses a nonce that could break out of the header or is too short to be secret", () => {
    for (const bad of ["", "abc", "abc'; script-src *", `${nonce} 'unsafe-inline'`, "a\r\nb".repeat(8)]) expect(() => buildCsp({ nonce: bad })).toThrow(/nonce/);
  });
});

describe("isHttpsRequest", () => {
  it("trusts the first forwarded proto, the request URL or an https site URL", () => {
    expect(isHttpsRequest({ forwardedProto: "https", protocol: "http:" })).toBe(true);
    expect(isHttpsRequest({ forwardedProto: "HTTPS, http" })).toBe(true);
    expect(isHttpsRequest({ forwardedProto: "http, https" })).toBe(false);
    expect(isHttpsRequest({ protocol: "https:" })).toBe(true);
    expect(isHttpsRequest({ protocol: "http:", siteUrl: "https://portal.example.com" })).toBe(true);
    expect(isHttpsRequest({ protocol: "http:", siteUrl: "http://127.0.0.1:3100" })).toBe(false);
    expect(isHttpsRequest({})).toBe(false);
  });
});

describe("setSecurityHeaders", () => {
  it("sets the static headers and the CSP everywhere, HSTS only over https", () => {
    const http = new Headers();
    setSecurityHeaders(http, { csp: API_CSP, https: false });
    for (const h of STATIC_SECURITY_HEADERS) expect(http.get(h.key)).toBe(h.value);
    expect(http.get("Content-Security-Policy")).toBe(API_CSP);
    expect(http.get("Strict-Transport-Security")).toBeNull();
    const https = new Headers({ "X-Frame-Options": "SAMEORIGIN" });
    setSecurityHeaders(https, { csp: API_CSP, https: true });
    expect(https.get("X-Frame-Options")).toBe("DENY");
    expect(https.get("Strict-Transport-Security")).toBe(HSTS);
  });
  it("names the headers the issue asks for", () => {
    expect(Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]))).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });
});
