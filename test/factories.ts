import type { Role } from "@/generated/prisma/enums";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createOrganization } from "@/lib/organizations/commands";

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeUser(db: PrismaClient, opts: { email?: string; password?: string; name?: string } = {}) {
  return db.user.create({
    data: {
      email: opts.email ?? `user-${unique()}@example.com`,
      name: opts.name ?? "Test User",
      passwordHash: await hashPassword(opts.password ?? "correct horse battery"),
    },
  });
}

/** An organization with an owner; returns a context shaped like the one server actions receive. */
export async function makeOrg(db: PrismaClient, name = `Org ${unique()}`) {
  const owner = await makeUser(db);
  const org = await createOrganization(db, owner, name);
  return { org, owner, ctx: ctxFor(org, owner, "OWNER") };
}

export async function addUserToOrg(db: PrismaClient, org: { id: string }, role: Role) {
  const user = await makeUser(db);
  const m = await db.membership.create({ data: { orgId: org.id, userId: user.id, role } });
  return { user, membership: m };
}

export function ctxFor(org: { id: string; name: string; key: string }, user: { id: string; email: string; name: string }, role: Role) {
  return { org: { id: org.id, name: org.name, key: org.key }, user: { id: user.id, email: user.email, name: user.name }, role };
}
