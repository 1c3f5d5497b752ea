import type { Db } from "@/lib/db";
import { dummyHash, verifyPassword } from "@/lib/auth/password";
import { recordAttempt, throttleRemainingMinutes } from "@/lib/auth/throttle";
import { CODE_REQUIRED, WRONG_CODE } from "@/lib/auth/schemas";
import { verifySecondFactor } from "@/lib/auth/totp";

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export class SignInRefused extends Error {}

export const WRONG_CREDENTIALS = "Email or password is incorrect.";
export { CODE_REQUIRED, WRONG_CODE } from "@/lib/auth/schemas";

/** Checks a sign-in and opens a session row. Throws SignInRefused with a message fit for the sign-in form. */
export async function signIn(
  db: Db,
  input: { email: string; password: string; code?: string; ip: string; userAgent?: string },
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ userId: string; email: string; name: string; sid: string }> {
  const wait = await throttleRemainingMinutes(db, input.email, input.ip, now);
  if (wait > 0) {
    throw new SignInRefused(`Too many failed attempts. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`);
  }
  const user = await db.user.findUnique({ where: { email: input.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    await recordAttempt(db, input.email, input.ip, false);
    throw new SignInRefused(WRONG_CREDENTIALS);
  }
  // With two-factor on, a missing or wrong code is a failed attempt like a wrong password (counted by the throttle).
  if (user.totpEnabledAt) {
    const code = input.code?.trim() ?? "";
    if (!code || !(await verifySecondFactor(db, user, code, now))) {
      await recordAttempt(db, input.email, input.ip, false);
      throw new SignInRefused(code ? WRONG_CODE : CODE_REQUIRED);
    }
  }
  await recordAttempt(db, input.email, input.ip, true);
  const session = await db.authSession.create({
    data: {
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
      userAgent: input.userAgent?.slice(0, 300),
    },
  });
  return { userId: user.id, email: user.email, name: user.name, sid: session.id };
}

/**
 * Returns the session's user when the session is open, not idle past the limit and within its absolute
 * lifetime; otherwise null. Touches lastSeenAt at most once a minute to keep writes cheap.
 */
export async function validateSession(db: Db, sid: string, policy: SessionPolicy, now = new Date()) {
  const s = await db.authSession.findUnique({ where: { id: sid }, include: { user: true } });
  if (!s || s.revokedAt) return null;
  if (s.expiresAt <= now) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: now } });
  }
  return { id: s.user.id, email: s.user.email, name: s.user.name, mustChangePassword: s.user.mustChangePassword, totpEnabled: s.user.totpEnabledAt !== null };
}

export async function revokeSession(db: Db, sid: string, now = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: now } });
}
