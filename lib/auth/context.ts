import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authCookies } from "@/lib/auth/cookies";
import { sessionPolicy } from "@/lib/auth/options";
import { validateSession } from "@/lib/auth/sessions";

export const ORG_COOKIE = "cd_org";

/**
 * mustChangePassword: an admin reset the password; nothing but choosing a new one is allowed until then.
 * totpEnabled: the user has two-factor sign-in on (an organization may require it: org.requireTwoFactor).
 */
export type SessionUser = { id: string; email: string; name: string; mustChangePassword?: boolean; totpEnabled?: boolean };
export type OrgContext = {
  user: SessionUser;
  sid: string;
  org: { id: string; name: string; key: string; requireTwoFactor?: boolean };
  role: Role;
  memberships: { orgId: string; orgName: string; role: Role }[];
};

/**
 * The session row id the request's session cookie names (a signed JWT), or null. Not a check that the session is
 * still open: currentUser() does that.
 */
export const sessionIdFromCookie = cache(async (): Promise<string | null> => {
  const c = await cookies();
  const token = await getToken({
    // Cookie only: the Authorization-header fallback of getToken is not a way into the portal.
    req: { headers: {}, cookies: Object.fromEntries(c.getAll().map((x) => [x.name, x.value])) } as never,
    secret: env().NEXTAUTH_SECRET,
    cookieName: authCookies().sessionToken.name,
  });
  return typeof token?.sid === "string" && token.sid ? token.sid : null;
});

/** The signed-in user for this request, or null. The session row is checked on every request. */
export const currentUser = cache(async (): Promise<{ user: SessionUser; sid: string } | null> => {
  const sid = await sessionIdFromCookie();
  if (!sid) return null;
  const user = await validateSession(db(), sid, sessionPolicy());
  return user ? { user, sid } : null;
});

/**
 * The organization this request acts for: the one named by the org cookie when the user is still a member
 * of it, else the user's first membership. Membership and role are read from the database every request, so
 * a removal or role change takes effect at once.
 */
export const currentContext = cache(async (): Promise<OrgContext | null> => {
  const session = await currentUser();
  if (!session) return null;
  const memberships = await db().membership.findMany({
    where: { userId: session.user.id },
    include: { org: true },
    orderBy: { createdAt: "asc" },
  });
  if (memberships.length === 0) return null;
  const wanted = (await cookies()).get(ORG_COOKIE)?.value;
  const active = memberships.find((m) => m.orgId === wanted) ?? memberships[0]!;
  return {
    user: session.user,
    sid: session.sid,
    org: { id: active.org.id, name: active.org.name, key: active.org.key, requireTwoFactor: active.org.requireTwoFactor },
    role: active.role,
    memberships: memberships.map((m) => ({ orgId: m.orgId, orgName: m.org.name, role: m.role })),
  };
});
