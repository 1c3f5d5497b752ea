import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authCookies } from "@/lib/auth/cookies";
import { API_CSP, buildCsp, isHttpsRequest, newNonce, setSecurityHeaders } from "@/lib/http/security-headers";

// Paths a request may reach without a session cookie (sign-in, next-auth itself, health, registry webhooks).
/** Read by app/(portal)/layout.tsx. */
const PATHNAME_HEADER = "x-pathname";

const PUBLIC = /^\/(?:api\/auth|api\/health|api\/webhooks|sign-in|_next\/static|_next\/image|favicon\.ico|fonts\/)/;

/**
 * Every request but static assets passes here. Two jobs:
 * 1. The security headers of every response, with a fresh CSP nonce per request. The nonce travels to the
 *    renderer in the request's Content-Security-Policy (Next reads the 'nonce-…' from it and puts it on its own
 *    scripts) and in x-nonce; the same policy goes back on the response. Answers under /api (JSON, files, CSV)
 *    get a policy under which nothing they hold can run.
 * 2. The first gate: a request without a valid session cookie goes to sign-in. The portal layout and every
 *    server action then check the session row, membership and role against the database.
 */
export async function proxy(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  const { pathname, protocol } = req.nextUrl;
  const https = isHttpsRequest({ forwardedProto: req.headers.get("x-forwarded-proto"), protocol, siteUrl: process.env.NEXTAUTH_URL });
  const nonce = newNonce();
  const api = pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/");
  const csp = api ? API_CSP : buildCsp({ nonce, dev: process.env.NODE_ENV === "development", https });

  const pass = () => {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    // The path, for the portal layout (layouts are not told which page they wrap): a member held at two-factor
    // enrolment is sent to /account from every other page. Always overwritten, so a client cannot choose it.
    headers.set(PATHNAME_HEADER, pathname);
    return NextResponse.next({ request: { headers } });
  };
  const gated = PUBLIC.test(pathname)
    ? undefined
    : await withAuth(pass, { pages: { signIn: "/sign-in" }, cookies: { sessionToken: { name: authCookies().sessionToken.name } } })(req as never, event);
  // withAuth answers a missing session with a redirect to sign-in (which gets the headers too), and nothing for
  // the paths it treats as public itself.
  const res = gated ?? pass();
  setSecurityHeaders(res.headers, { csp, https });
  return res;
}

export const config = {
  // Static assets get the static headers from next.config.ts; everything else, sign-in and /api included, runs here.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/).*)"],
};
