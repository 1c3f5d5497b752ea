import type { CookiesOptions } from "next-auth";

// The session cookies, spelled out rather than left to next-auth's defaults, so the proxy, the server's
// session lookup and next-auth itself agree on one name and one set of flags. No imports of the app: proxy.ts
// and the auth options both read it.

/** Whether the portal is served over https: its configured site URL (NEXTAUTH_URL) says so. */
export function siteIsHttps(siteUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  return (siteUrl ?? "").toLowerCase().startsWith("https://");
}

/**
 * Every next-auth cookie: HttpOnly, SameSite=Lax, path /. Over https they are Secure and carry the __Secure-
 * prefix (the CSRF token __Host-, so no subdomain can set it); over http (localhost, the e2e server) they keep
 * the plain names, because browsers drop Secure cookies on http origins.
 */
export function authCookies(secure: boolean = siteIsHttps()): CookiesOptions {
  const prefix = secure ? "__Secure-" : "";
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
  const short = { ...options, maxAge: 15 * 60 };
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}next-auth.pkce.code_verifier`, options: short },
    state: { name: `${prefix}next-auth.state`, options: short },
    nonce: { name: `${prefix}next-auth.nonce`, options },
  };
}

/** The portal's own cookies (the active organization): the same flags as the session cookie. */
export function appCookieOptions(secure: boolean = siteIsHttps()) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}
