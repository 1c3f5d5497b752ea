import { randomInt } from "node:crypto";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from "@/lib/errors";
import type { addMemberSchema, changeRoleSchema, removeMemberSchema, resetPasswordSchema } from "@/lib/members/schemas";

type Ctx = Pick<OrgContext, "user" | "org" | "role">;

function assertMayTouchOwner(ctx: Ctx, ...roles: Role[]) {
  if (roles.includes("OWNER") && !can(ctx.role, "owners.manage")) {
    throw new ForbiddenError("Only an owner can grant, change or remove the owner role.");
  }
}

export async function addMember(db: Db, ctx: Ctx, input: z.infer<typeof addMemberSchema>) {
  assertMayTouchOwner(ctx, input.role);
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: input.email } });
    if (!user) {
      if (!input.password) {
        throw new ValidationFailedError({ password: "This email has no account yet: set an initial password (at least 12 characters)." });
      }
      user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) } });
    }
    const existing = await tx.membership.findUnique({ where: { userId_orgId: { userId: user.id, orgId: ctx.org.id } } });
    if (existing) throw new ConflictError(`${input.email} is already a member of ${ctx.org.name}.`, { email: "Already a member." });
    const m = await tx.membership.create({ data: { userId: user.id, orgId: ctx.org.id, role: input.role } });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "members.add", targetType: "membership", targetId: m.id,
      outcome: "SUCCESS", detail: { email: input.email, role: input.role, newAccount: Boolean(input.password) },
    });
    return { membershipId: m.id };
  });
}

async function loadInOrg(tx: Pick<Db, "membership">, ctx: Ctx, membershipId: string) {
  // The org id in the where clause is what keeps one organization from touching another's members.
  const m = await tx.membership.findFirst({ where: { id: membershipId, orgId: ctx.org.id }, include: { user: true } });
  if (!m) throw new NotFoundError("That member");
  return m;
}

async function assertNotLastOwner(tx: Pick<Db, "membership">, orgId: string, role: Role) {
  if (role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { orgId, role: "OWNER" } });
  if (owners <= 1) throw new ConflictError("An organization needs at least one owner. Make someone else an owner first.");
}

export async function changeRole(db: Db, ctx: Ctx, input: z.infer<typeof changeRoleSchema>) {
  return db.$transaction(async (tx) => {
    const m = await loadInOrg(tx, ctx, input.membershipId);
    assertMayTouchOwner(ctx, m.role, input.role);
    if (m.role === input.role) return { membershipId: m.id };
    if (input.role !== "OWNER") await assertNotLastOwner(tx, ctx.org.id, m.role);
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role } });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "members.change_role", targetType: "membership", targetId: m.id,
      outcome: "SUCCESS", detail: { email: m.user.email, from: m.role, to: input.role },
    });
    return { membershipId: m.id };
  });
}

export async function removeMember(db: Db, ctx: Ctx, input: z.infer<typeof removeMemberSchema>) {
  return db.$transaction(async (tx) => {
    const m = await loadInOrg(tx, ctx, input.membershipId);
    assertMayTouchOwner(ctx, m.role);
    await assertNotLastOwner(tx, ctx.org.id, m.role);
    await tx.membership.delete({ where: { id: m.id } });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "members.remove", targetType: "membership", targetId: m.id,
      outcome: "SUCCESS", detail: { email: m.user.email, role: m.role },
    });
    return { membershipId: m.id };
  });
}

// No 0/O, 1/l/I: the admin reads the temporary password out or types it into a message.
const TEMP_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 20 random characters (about 115 bits), grouped in fives for reading aloud; well above the 12-character policy. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 20 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]!);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

/**
 * An admin's password reset for a member of their organization: a one-time temporary password (returned once, to
 * be shown to the admin only; only its hash is stored), every session of the member revoked, and the member made to
 * choose a new password at the next sign-in. Only an owner may reset an owner's password, and nobody their own
 * (Account → Change password is for that).
 */
export async function resetMemberPassword(db: Db, ctx: Ctx, input: z.infer<typeof resetPasswordSchema>, now = new Date()) {
  const temporary = temporaryPassword();
  const passwordHash = await hashPassword(temporary);
  return db.$transaction(async (tx) => {
    const m = await loadInOrg(tx, ctx, input.membershipId);
    if (m.role === "OWNER" && !can(ctx.role, "owners.manage")) throw new ForbiddenError("Only an owner can reset an owner's password.");
    if (m.userId === ctx.user.id) throw new ConflictError("To change your own password, use Account → Change password.");
    await tx.user.update({ where: { id: m.userId }, data: { passwordHash, mustChangePassword: true } });
    const revoked = await tx.authSession.updateMany({ where: { userId: m.userId, revokedAt: null }, data: { revokedAt: now } });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "members.reset_password", targetType: "membership", targetId: m.id,
      outcome: "SUCCESS", detail: { email: m.user.email, sessionsRevoked: revoked.count },
    });
    return { membershipId: m.id, email: m.user.email, temporaryPassword: temporary };
  });
}
