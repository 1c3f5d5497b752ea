import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { verifyPassword } from "@/lib/auth/password";
import { open, seal } from "@/lib/crypto";
import type { Db } from "@/lib/db";
import { ConflictError, ValidationFailedError } from "@/lib/errors";

const ISSUER = "CampaignDesk";
export const RECOVERY_CODE_COUNT = 10;
type Ctx = Pick<OrgContext, "user" | "org">;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function totpOf(secretBase32: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: 30 });
}

/**
 * The time step a 6-digit code belongs to (±1 step of now), or null. A step at or before the last accepted one is
 * refused, so an observed code cannot be replayed.
 */
export function acceptedStep(secretBase32: string, code: string, lastStep: number | null, now = new Date()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32, "x").validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = TOTP.counter({ period: 30, timestamp: now.getTime() }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const hashCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");
const RC_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
function recoveryCode(): string {
  const c = Array.from({ length: 10 }, () => RC_ALPHABET[randomInt(RC_ALPHABET.length)]!).join("");
  return `${c.slice(0, 5)}-${c.slice(5)}`;
}

/** Starts (or restarts) an enrolment: a new secret, sealed, not active until confirmed with a code. */
export async function startTotpEnrolment(db: Db, ctx: Ctx) {
  const user = await db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
  if (user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is already on. Turn it off first to set up a new authenticator.");
  const secret = new Secret({ size: 20 }).base32;
  await db.user.update({ where: { id: user.id }, data: { totpSecret: seal(secret), totpLastStep: null } });
  return { secret, uri: totpOf(secret, user.email).toString() };
}

/** Turns the enrolment on with a first valid code; returns the 10 recovery codes (only their hashes are stored). */
export async function confirmTotpEnrolment(db: Db, ctx: Ctx, input: { code: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    if (user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is already on.");
    if (!user.totpSecret) throw new ConflictError("Start the set-up first.");
    const step = acceptedStep(open(user.totpSecret), input.code.trim(), null, now);
    if (step === null) throw new ValidationFailedError({ code: "That code is not right. Enter the current 6-digit code from your app." });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashCode(c) })) });
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: now, totpLastStep: step } });
    await audit(tx, { orgId: ctx.org.id, actor: ctx.user, action: "account.totp.enable", targetType: "user", targetId: user.id, outcome: "SUCCESS" });
    return { recoveryCodes: codes };
  });
}

/**
 * Checks a second-factor code at sign-in: a 6-digit TOTP code (each step accepted once) or an unused recovery code
 * (then marked used). The conditional updates make two concurrent uses of one code accept only one.
 */
export async function verifySecondFactor(tx: Tx | Db, user: { id: string; totpSecret: string | null; totpLastStep: number | null }, code: string, now = new Date()): Promise<boolean> {
  const c = code.trim();
  if (!user.totpSecret || !c) return false;
  if (/^\d{6}$/.test(c)) {
    const step = acceptedStep(open(user.totpSecret), c, user.totpLastStep, now);
    if (step === null) return false;
    const r = await tx.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return r.count === 1;
  }
  const r = await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashCode(c), usedAt: null }, data: { usedAt: now } });
  return r.count === 1;
}

/** Turns the second factor off: needs the password and a current code (or a recovery code). */
export async function disableTotp(db: Db, ctx: Ctx, input: { password: string; code: string }, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
  if (!user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is not on.");
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new ValidationFailedError({ password: "This is not your current password." });
  return db.$transaction(async (tx) => {
    if (!(await verifySecondFactor(tx, user, input.code, now))) throw new ValidationFailedError({ code: "That code is not right, or was already used." });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await audit(tx, { orgId: ctx.org.id, actor: ctx.user, action: "account.totp.disable", targetType: "user", targetId: user.id, outcome: "SUCCESS" });
    return { disabled: true };
  });
}
