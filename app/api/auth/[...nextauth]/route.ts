import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 treats a callback URL it cannot parse as a server misconfiguration (500), and throws on a body
// declared JSON that is not; both are the caller's mistake, so they are refused here as 400s.
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The check next-auth applies (isValidHttpUrl): an http(s) URL, or a path on this origin. */
function isValidCallback(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

async function badRequest(req: NextRequest): Promise<string | null> {
  const url = new URL(req.url);
  const callbacks = [url.searchParams.get("callbackUrl"), ...CALLBACK_COOKIES.map((n) => req.cookies.get(n)?.value)];
  if (callbacks.some((c) => c && !isValidCallback(c, url.origin))) return "The callback URL is not a URL.";
  if (req.method === "POST" && req.body && /application\/json/i.test(req.headers.get("content-type") ?? "")) {
    try {
      JSON.parse(await req.clone().text());
    } catch {
      return "The body is not JSON.";
    }
  }
  return null;
}

async function handler(req: NextRequest, ctx: Ctx) {
  const refused = await badRequest(req);
  if (refused) return Response.json({ error: refused }, { status: 400 });
  return NextAuth(authOptions())(req, ctx);
}
export { handler as GET, handler as POST };
