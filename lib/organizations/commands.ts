import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import type { requireTwoFactorSchema } from "@/lib/organizations/schemas";

export function newOrgKey(): string {
  return randomBytes(12).toString("base64url");
}

/** Creates an organization with the given user as its owner, audited in the same transaction. */
export async function createOrganization(db: Db, owner: { id: string; email: string }, name: string) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name, key: newOrgKey() } });
    await tx.membership.create({ data: { orgId: org.id, userId: owner.id, role: "OWNER" } });
    await audit(tx, { orgId: org.id, actor: owner, action: "org.create", targetType: "organization", targetId: org.id, outcome: "SUCCESS", detail: { name } });
    return org;
  });
}

export const OWNER_TWO_FACTOR_FIRST =
  "Turn on two-factor sign-in for your own account first (Account → Two-factor sign-in), so that requiring it cannot lock you out.";

/** The organization's two-factor rule, and how many members have not set it up (they are held at enrolment while it is on). */
export async function twoFactorPolicy(db: Db, orgId: string) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { requireTwoFactor: true, requireTwoFactorSince: true } });
  const membersWithout = await db.membership.count({ where: { orgId, user: { totpEnabledAt: null } } });
  return { requireTwoFactor: org.requireTwoFactor, since: org.requireTwoFactorSince, membersWithout };
}

/**
 * Turns the organization's "every member needs two-factor sign-in" rule on or off, audited. Turning it on is refused
 * while the owner doing it has no second factor, which would hold the owner at enrolment too. Setting the state it
 * already has changes and records nothing.
 */
export async function setRequireTwoFactor(db: Db, ctx: Pick<OrgContext, "user" | "org">, input: z.infer<typeof requireTwoFactorSchema>, now = new Date()) {
  return db.$transaction(async (tx) => {
    if (input.requireTwoFactor) {
      const me = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { totpEnabledAt: true } });
      if (!me.totpEnabledAt) throw new ConflictError(OWNER_TWO_FACTOR_FIRST, { requireTwoFactor: OWNER_TWO_FACTOR_FIRST });
    }
    const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { requireTwoFactor: true } });
    if (org.requireTwoFactor === input.requireTwoFactor) return { requireTwoFactor: org.requireTwoFactor, changed: false };
    await tx.organization.update({
      where: { id: ctx.org.id },
      data: { requireTwoFactor: input.requireTwoFactor, requireTwoFactorSince: input.requireTwoFactor ? now : null },
    });
    const membersWithout = await tx.membership.count({ where: { orgId: ctx.org.id, user: { totpEnabledAt: null } } });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "settings.require_two_factor", targetType: "organization", targetId: ctx.org.id,
      outcome: "SUCCESS", detail: { requireTwoFactor: input.requireTwoFactor, membersWithoutTwoFactor: membersWithout },
    });
    return { requireTwoFactor: input.requireTwoFactor, changed: true };
  });
}
