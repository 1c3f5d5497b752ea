import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authCookies, siteIsHttps } from "@/lib/auth/cookies";
import { log } from "@/lib/log";
import { signInSchema } from "@/lib/auth/schemas";
import { revokeSession, signIn, SignInRefused } from "@/lib/auth/sessions";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  return first || "unknown";
}

export function sessionPolicy() {
  const e = env();
  return { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS };
}

// Built per call so nothing reads the environment while `next build` imports this module.
export function authOptions(): NextAuthOptions {
  const policy = sessionPolicy();
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: policy.maxHours * 3600 },
    // HttpOnly, SameSite=Lax, and Secure with __Secure-/__Host- names when the site is https (lib/auth/cookies.ts).
    useSecureCookies: siteIsHttps(),
    cookies: authCookies(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your email and password.");
          try {
            const r = await signIn(
              db(),
              { ...parsed.data, ip: clientIp(req.headers), userAgent: String(req.headers?.["user-agent"] ?? "") },
              policy,
            );
            log().info({ event: "auth.sign_in", userId: r.userId }, "signed in");
            return { id: r.userId, email: r.email, name: r.name, sid: r.sid };
          } catch (e) {
            if (e instanceof SignInRefused) {
              log().warn({ event: "auth.sign_in_refused", reason: e.message }, "sign-in refused");
              throw new Error(e.message);
            }
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sid = (user as { sid?: string }).sid;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) session.user.id = String(token.uid ?? "");
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(db(), token.sid);
      },
    },
  };
}
