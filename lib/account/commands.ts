import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { NotFoundError, ValidationFailedError } from "@/lib/errors";
import type { changePasswordSchema, revokeSessionSchema } from "@/lib/account/schemas";

/** Who acts: the signed-in user, the session of this request, and the organization the audit row belongs to. */
type Ctx = Pick<OrgContext, "user" | "org" | "sid">;

/**
 * Changes the signed-in user's password after checking the current one, and revokes every OTHER open session of the
 * user (a stolen session dies with the old password); the session making the change stays open.
 */
export async function changePassword(db: Db, ctx: Ctx, input: z.infer<typeof changePasswordSchema>, now = new Date()) {
  const user = await db.user.findUnique({ where: { id: ctx.user.id } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationFailedError({ currentPassword: "This is not your current password." });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    const revoked = await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: ctx.sid } },
      data: { revokedAt: now },
    });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "account.password.change", targetType: "user", targetId: user.id,
      outcome: "SUCCESS", detail: { otherSessionsRevoked: revoked.count, afterReset: user.mustChangePassword },
    });
    return { otherSessionsRevoked: revoked.count };
  });
}

export type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  device: string;
  current: boolean;
};

/** The signed-in user's open sessions (not revoked, not past their lifetime), the current one first. */
export async function listSessions(db: Db, ctx: Pick<Ctx, "user" | "sid">, now = new Date()): Promise<SessionRow[]> {
  const rows = await db.authSession.findMany({
    where: { userId: ctx.user.id, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows
    .map((s) => ({ id: s.id, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, device: summariseUserAgent(s.userAgent), current: s.id === ctx.sid }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Revokes one of the signed-in user's own sessions; another user's session id is "not found". */
export async function revokeOwnSession(db: Db, ctx: Ctx, input: z.infer<typeof revokeSessionSchema>, now = new Date()) {
  return db.$transaction(async (tx) => {
    // The user id in the where clause is what keeps a user from ending someone else's session.
    const r = await tx.authSession.updateMany({ where: { id: input.sessionId, userId: ctx.user.id, revokedAt: null }, data: { revokedAt: now } });
    if (r.count === 0) throw new NotFoundError("That session");
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "account.session.revoke", targetType: "session", targetId: input.sessionId,
      outcome: "SUCCESS", detail: { current: input.sessionId === ctx.sid },
    });
    return { sessionId: input.sessionId, current: input.sessionId === ctx.sid };
  });
}

/** "Sign out everywhere": revokes every open session of the user, the current one included. */
export async function revokeAllSessions(db: Db, ctx: Ctx, now = new Date()) {
  return db.$transaction(async (tx) => {
    const r = await tx.authSession.updateMany({ where: { userId: ctx.user.id, revokedAt: null }, data: { revokedAt: now } });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "account.sessions.revoke_all", targetType: "user", targetId: ctx.user.id,
      outcome: "SUCCESS", detail: { revoked: r.count },
    });
    return { revoked: r.count };
  });
}

/** "Firefox on macOS" from a user-agent header; "Unknown device" when there is none or nothing is recognised. */
export function summariseUserAgent(ua: string | null | undefined): string {
  if (!ua) return "Unknown device";
  const browser =
    /Edg\//.test(ua) ? "Edge" :
    /OPR\/|Opera/.test(ua) ? "Opera" :
    /Firefox\//.test(ua) ? "Firefox" :
    /Chrome\/|CriOS\//.test(ua) ? "Chrome" :
    /Safari\//.test(ua) ? "Safari" :
    /curl\//i.test(ua) ? "curl" : null;
  const os =
    /iPhone|iPad|iPod/.test(ua) ? "iOS" :
    /Android/.test(ua) ? "Android" :
    /Windows/.test(ua) ? "Windows" :
    /Mac OS X|Macintosh/.test(ua) ? "macOS" :
    /CrOS/.test(ua) ? "ChromeOS" :
    /Linux/.test(ua) ? "Linux" : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? "Unknown device";
}
