import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, changeRole, removeMember } from "@/lib/members/commands";
import { listMembers } from "@/lib/members/queries";
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg, makeUser } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe(`members (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("adds a new person with an initial password and audits it", async () => {
    const { org, ctx } = await makeOrg(t.db);
    const r = await addMember(t.db, ctx, { email: "new.person@example.com", name: "New Person", role: "OPERATOR", password: "a-long-password-1" });
    const members = await listMembers(t.db, org.id);
    expect(members.map((m) => [m.email, m.role])).toContainEqual(["new.person@example.com", "OPERATOR"]);
    const log = await t.db.auditLog.findFirst({ where: { orgId: org.id, action: "members.add" } });
    expect(log?.targetId).toBe(r.membershipId);
    expect(JSON.stringify(log?.detail)).not.toContain("a-long-password-1");
  });

  it("requires a password for an email without an account, and rejects a duplicate membership", async () => {
    const { ctx } = await makeOrg(t.db);
    await expect(addMember(t.db, ctx, { email: "nobody@example.com", name: "N", role: "VIEWER" })).rejects.toBeInstanceOf(ValidationFailedError);
    const other = await makeUser(t.db);
    await addMember(t.db, ctx, { email: other.email, name: "x", role: "VIEWER" });
    await expect(addMember(t.db, ctx, { email: other.email, name: "x", role: "VIEWER" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets only an owner grant the owner role, and protects the last owner", async () => {
    const { org, owner, ctx } = await makeOrg(t.db);
    const admin = await addUserToOrg(t.db, org, "ADMIN");
    const adminCtx = ctxFor(org, admin.user, "ADMIN");
    const viewer = await addUserToOrg(t.db, org, "VIEWER");
    await expect(changeRole(t.db, adminCtx, { membershipId: viewer.membership.id, role: "OWNER" })).rejects.toBeInstanceOf(ForbiddenError);
    await changeRole(t.db, adminCtx, { membershipId: viewer.membership.id, role: "OPERATOR" });
    const ownerM = await t.db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    await expect(changeRole(t.db, ctx, { membershipId: ownerM.id, role: "ADMIN" })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeMember(t.db, ctx, { membershipId: ownerM.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeMember(t.db, adminCtx, { membershipId: ownerM.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("never reaches another organization's members", async () => {
    const a = await makeOrg(t.db);
    const b = await makeOrg(t.db);
    const bMember = await addUserToOrg(t.db, b.org, "VIEWER");
    await expect(changeRole(t.db, a.ctx, { membershipId: bMember.membership.id, role: "ADMIN" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(t.db, a.ctx, { membershipId: bMember.membership.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMembers(t.db, a.org.id)).map((m) => m.userId)).not.toContain(bMember.user.id);
    expect(await t.db.membership.findUnique({ where: { id: bMember.membership.id } })).not.toBeNull();
  });
});
