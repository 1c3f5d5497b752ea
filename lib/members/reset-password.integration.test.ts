// Admin-issued password reset: a temporary password shown once, the member's sessions revoked, and until the member
// chooses a new password every action but that one is refused server-side (lib/safe-action.ts), whatever the page.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { signIn, validateSession, WRONG_CREDENTIALS } from "@/lib/auth/sessions";
import { useDb } from "@/lib/db";
import { resetMemberPassword, temporaryPassword } from "@/lib/members/commands";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { PASSWORD_CHANGE_REQUIRED } = await import("@/lib/safe-action");
const { changeRoleAction, resetMemberPasswordAction } = await import("@/lib/members/actions");
const { changePasswordAction } = await import("@/lib/account/actions");

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); useDb(t.db); });
afterAll(async () => { await t.close(); });

const policy = { idleMinutes: 30, maxHours: 12 };
const PASSWORD = "correct horse battery"; // test/factories.ts makeUser's default

describe("admin password reset", () => {
  it("gives a one-time temporary password, revokes the member's sessions, and forces a change before anything else", async () => {
    const { org } = await makeOrg(t.db);
    const admin = await addUserToOrg(t.db, org, "ADMIN");
    const member = await addUserToOrg(t.db, org, "OPERATOR");
    const before = await signIn(t.db, { email: member.user.email, password: PASSWORD, ip: "10.2.0.1" }, policy);

    const adminCtx = { ...ctxFor(org, admin.user, "ADMIN"), sid: "admin-sid", memberships: [] };
    context.current = adminCtx;
    const r = await resetMemberPasswordAction({ membershipId: member.membership.id });
    if (!r.ok) throw new Error(r.error);
    const temp = r.data.temporaryPassword;
    expect(temp).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(await validateSession(t.db, before.sid, policy)).toBeNull();
    await expect(signIn(t.db, { email: member.user.email, password: PASSWORD, ip: "10.2.0.1" }, policy)).rejects.toThrow(WRONG_CREDENTIALS);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.id, action: "members.reset_password" } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: admin.user.id, targetId: member.membership.id, detail: { email: member.user.email, sessionsRevoked: 1 } });
    expect(JSON.stringify(audit)).not.toContain(temp);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: member.user.id } })).passwordHash).not.toContain(temp);

    // Signing in with the temporary password works, and the session says a change is required.
    const s = await signIn(t.db, { email: member.user.email, password: temp, ip: "10.2.0.2" }, policy);
    const user = (await validateSession(t.db, s.sid, policy))!;
    expect(user.mustChangePassword).toBe(true);
    context.current = { ...ctxFor(org, user, "OPERATOR"), user, sid: s.sid, memberships: [] };
    const blocked = await changeRoleAction({ membershipId: member.membership.id, role: "VIEWER" });
    expect(blocked).toEqual({ ok: false, error: PASSWORD_CHANGE_REQUIRED });
    expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "members.change_role", outcome: "DENIED", actorId: member.user.id } })).toBe(1);

    // Choosing the new password (with the temporary one as the current) lifts the block and keeps this session.
    const changed = await changePasswordAction({ currentPassword: temp, newPassword: "my own password 1", confirmPassword: "my own password 1" });
    expect(changed).toMatchObject({ ok: true });
    const after = (await validateSession(t.db, s.sid, policy))!;
    expect(after.mustChangePassword).toBe(false);
    await expect(signIn(t.db, { email: member.user.email, password: temp, ip: "10.2.0.3" }, policy)).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("refuses an admin resetting an owner, anyone resetting themselves, and a member of another organization", async () => {
    const { org, owner, ctx: ownerCtx } = await makeOrg(t.db);
    const admin = await addUserToOrg(t.db, org, "ADMIN");
    const adminCtx = ctxFor(org, admin.user, "ADMIN");
    const ownerMembership = await t.db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    await expect(resetMemberPassword(t.db, adminCtx, { membershipId: ownerMembership.id })).rejects.toThrow("Only an owner can reset an owner's password.");
    await expect(resetMemberPassword(t.db, ownerCtx, { membershipId: ownerMembership.id })).rejects.toThrow(/your own password/);
    const other = await makeOrg(t.db);
    const foreign = await t.db.membership.findFirstOrThrow({ where: { orgId: other.org.id } });
    await expect(resetMemberPassword(t.db, ownerCtx, { membershipId: foreign.id })).rejects.toThrow("That member was not found.");
    expect(await t.db.user.count({ where: { mustChangePassword: true, id: { in: [owner.id, other.owner.id] } } })).toBe(0);

    // An owner may reset another owner's password.
    const owner2 = await addUserToOrg(t.db, org, "OWNER");
    const r = await resetMemberPassword(t.db, ownerCtx, { membershipId: owner2.membership.id });
    expect(r.temporaryPassword).toHaveLength(23);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: owner2.user.id } })).mustChangePassword).toBe(true);
  });

  it("makes a different temporary password each time", () => {
    const seen = new Set(Array.from({ length: 50 }, temporaryPassword));
    expect(seen.size).toBe(50);
  });
});
