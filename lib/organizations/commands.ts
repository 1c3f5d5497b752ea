import { randomBytes } from "node:crypto";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db";

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
