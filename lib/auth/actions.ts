"use server";
import { cookies } from "next/headers";
import { sessionIdFromCookie } from "@/lib/auth/context";
import { authCookies } from "@/lib/auth/cookies";
import { revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

/**
 * Signs out as next-auth's own sign-out does (its signOut event in lib/auth/options.ts, then clearing the session
 * cookie), without shipping next-auth's client to every portal page: the session row is revoked, so the JWT is
 * refused even if a copy survives, and the session cookie (with any chunks next-auth split it into) is expired
 * with the flags it was set with (a __Secure- cookie is only replaced by a Secure one). Returns where to go next;
 * the caller loads it as a new document, so nothing the signed-out user saw stays in memory (the query cache).
 */
export async function signOutAction(): Promise<{ url: string }> {
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
  return { url: "/sign-in" };
}
