"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionIdFromCookie } from "@/lib/auth/context";
import { authCookies } from "@/lib/auth/cookies";
import { revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

/**
 * Signs out as next-auth's own sign-out does (its signOut event in lib/auth/options.ts, then clearing the session
 * cookie), without shipping next-auth's client to every portal page: the session row is revoked, so the JWT is
 * refused even if a copy survives, and the session cookie (with any chunks next-auth split it into) is expired
 * with the flags it was set with (a __Secure- cookie is only replaced by a Secure one). Then to sign-in: a redirect
 * from the action itself, not the portal layout's (which a re-render after the cookie change would give, with its
 * "Your session has ended" message). Changing a cookie also empties the client router's cache, and signing in
 * again loads a new document, so nothing of this user's pages is shown to the next one.
 */
export async function signOutAction(): Promise<never> {
  const sid = await sessionIdFromCookie();
  if (sid) {
    await revokeSession(db(), sid);
    log().info({ event: "auth.sign_out" }, "signed out");
  }
  const jar = await cookies();
  const { name, options } = authCookies().sessionToken;
  for (const c of jar.getAll()) {
    if (c.name === name || c.name.startsWith(`${name}.`)) jar.set(c.name, "", { ...options, maxAge: 0, expires: new Date(0) });
  }
  redirect("/sign-in");
}
