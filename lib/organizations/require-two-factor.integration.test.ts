// An owner's "every member needs two-factor sign-in" rule, through the real request context: the session row (sign-in
// as the user), lib/auth/context.ts reading the organization's rule and the user's second factor, and the orgAction
// gate. Only the cookie jar and the JWT decoding are stood in for.
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { CODE_REQUIRED, signIn } from "@/lib/auth/sessions";
import { useDb } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { resetMemberPassword } from "@/lib/members/commands";
import { OWNER_TWO_FACTOR_FIRST } from "@/lib/organizations/commands";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg } from "@/test/factories";

const request = vi.hoisted(() => ({ sid: null as string | null, cookies: new Map<string, string>() }));
vi.mock("next-auth/jwt", () => ({ getToken: async () => (request.sid ? { sid: request.sid } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (n: string) => (request.cookies.has(n) ? { name: n, value: request.cookies.get(n)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (n: string, v: string) => void request.cookies.set(n, v),
    delete: (n: string) => void request.cookies.delete(n),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { mustEnrolTwoFactor, orgAction, PASSWORD_CHANGE_REQUIRED, TWO_FACTOR_REQUIRED } = await import("@/lib/safe-action");
const { setRequireTwoFactorAction, switchOrganizationAction } = await import("@/lib/organizations/actions");
const { changeRoleAction } = await import("@/lib/members/actions");
const { changePasswordAction, confirmTotpAction, disableTotpAction, revokeAllSessionsAction, startTotpAction } = await import("@/lib/account/actions");

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); useDb(t.db); });
afterAll(async () => { await t.close(); });
beforeEach(() => { request.sid = null; request.cookies.clear(); });

const PASSWORD = "correct horse battery"; // test/factories.ts makeUser's default
const policy = { idleMinutes: 30, maxHours: 12 };
const FORBIDDEN = new ForbiddenError().message;
const later = (s: number) => new Date(Date.now() + s * 1000);
/** A route handler that takes the organization's data out (a CSV export): held like the actions. */
async function exportBrands() {
  const { GET } = await import("@/app/api/exports/[report]/route");
  const res = await GET(new Request("http://localhost/api/exports/brands"), { params: Promise.resolve({ report: "brands" }) });
  return { status: res.status, body: res.status === 200 ? null : await res.json() };
}
/** An action that only reads: allowed for every role, so any refusal is the two-factor rule's. */
const readOrg = orgAction({ name: "test.read", permission: "org.read", schema: z.object({}) }, async (_i, ctx) => ctx.org.id);

let ip = 0;
/** Signs the user in with the real sign-in (a session row) and makes the next calls run as that session. */
async function as(user: { email: string }, code?: string, at?: Date) {
  const s = await signIn(t.db, { email: user.email, password: PASSWORD, code, ip: `10.9.0.${ip++ % 250}` }, policy, at);
  request.sid = s.sid;
  return s;
}

/** Sets up two-factor sign-in through the actions, as the current session; returns the secret. */
async function enrolNow() {
  const started = await startTotpAction({});
  if (!started.ok) throw new Error(started.error);
  const confirmed = await confirmTotpAction({ code: TOTP.generate({ secret: Secret.fromBase32(started.data.secret) }) });
  if (!confirmed.ok) throw new Error(confirmed.error);
  return { secret: started.data.secret, recoveryCodes: confirmed.data.recoveryCodes };
}

async function setup() {
  const { org, owner } = await makeOrg(t.db);
  const admin = await addUserToOrg(t.db, org, "ADMIN");
  const member = await addUserToOrg(t.db, org, "OPERATOR");
  return { org, owner, admin, member };
}

describe("requiring two-factor sign-in", () => {
  it("is refused to an owner without a second factor (no lock-out) and to every non-owner, each refusal audited", async () => {
    const { org, owner, admin, member } = await setup();
    await as(owner);
    const r = await setRequireTwoFactorAction({ requireTwoFactor: true });
    expect(r).toEqual({ ok: false, error: OWNER_TWO_FACTOR_FIRST, fieldErrors: { requireTwoFactor: OWNER_TWO_FACTOR_FIRST } });
    expect(await t.db.auditLog.findFirst({ where: { orgId: org.id, action: "settings.require_two_factor" } })).toMatchObject({ outcome: "FAILURE", actorId: owner.id });

    for (const u of [admin.user, member.user]) {
      await as(u);
      await enrolNow();
      expect(await setRequireTwoFactorAction({ requireTwoFactor: true })).toEqual({ ok: false, error: FORBIDDEN });
      expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "settings.require_two_factor", outcome: "DENIED", actorId: u.id } })).toBe(1);
    }
    expect(await setRequireTwoFactorAction({ requireTwoFactor: "yes" as never })).toEqual({ ok: false, error: FORBIDDEN });
    await as(owner);
    expect(await setRequireTwoFactorAction({ requireTwoFactor: "yes" as never })).toMatchObject({ ok: false, fieldErrors: { requireTwoFactor: "Choose on or off." } });
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: org.id } })).requireTwoFactor).toBe(false);
  });

  it("an enrolled owner turns it on (audited); a member without a second factor may then only enrol, and acts once enrolled", async () => {
    const { org, owner, admin, member } = await setup();
    await as(owner);
    await enrolNow();
    const on = await setRequireTwoFactorAction({ requireTwoFactor: true });
    expect(on).toEqual({ ok: true, data: { requireTwoFactor: true, changed: true } });
    const row = await t.db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.requireTwoFactor).toBe(true);
    expect(row.requireTwoFactorSince).toBeInstanceOf(Date);
    const audits = await t.db.auditLog.findMany({ where: { orgId: org.id, action: "settings.require_two_factor" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ outcome: "SUCCESS", actorId: owner.id, targetType: "organization", targetId: org.id, detail: { requireTwoFactor: true, membersWithoutTwoFactor: 2 } });
    // Asking again changes and records nothing.
    expect(await setRequireTwoFactorAction({ requireTwoFactor: true })).toEqual({ ok: true, data: { requireTwoFactor: true, changed: false } });
    expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "settings.require_two_factor" } })).toBe(1);
    // Members shows who has set it up.
    const { listMembers } = await import("@/lib/members/queries");
    expect((await listMembers(t.db, org.id)).map((m) => [m.userId, m.twoFactor])).toEqual([[owner.id, true], [admin.user.id, false], [member.user.id, false]]);
    // The enrolled owner is not held.
    expect(await readOrg({})).toEqual({ ok: true, data: org.id });

    // The admin has no second factor: every organization action is refused with the reason, and audited.
    await as(admin.user);
    expect(await readOrg({})).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });
    expect(await exportBrands()).toEqual({ status: 403, body: { error: TWO_FACTOR_REQUIRED } });
    const change = () => changeRoleAction({ membershipId: member.membership.id, role: "VIEWER" });
    expect(await change()).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });
    expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "members.change_role", outcome: "DENIED", actorId: admin.user.id } })).toBe(1);
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: member.membership.id } })).role).toBe("OPERATOR");
    // Turning off a second factor one does not have is refused like any other action.
    expect(await disableTotpAction({ password: PASSWORD, code: "123456" })).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });

    // Enrolling is allowed, and lifts the hold at once (the context is read per request).
    const { secret } = await enrolNow();
    expect(await readOrg({})).toEqual({ ok: true, data: org.id });
    expect((await exportBrands()).status).toBe(200);
    expect(await change()).toMatchObject({ ok: true });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: member.membership.id } })).role).toBe("VIEWER");

    // Sign-in with the new second factor works as before: the code is asked for, then accepted.
    await expect(signIn(t.db, { email: admin.user.email, password: PASSWORD, ip: "10.9.1.1" }, policy)).rejects.toThrow(CODE_REQUIRED);
    const at = later(60);
    await as(admin.user, TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() }), at);
    expect(await readOrg({})).toEqual({ ok: true, data: org.id });

    // Signing out (every session) is allowed to a held member.
    await as(member.user);
    expect(await readOrg({})).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });
    expect(await revokeAllSessionsAction({})).toMatchObject({ ok: true, data: { revoked: 1 } });
  });

  it("puts a password change an admin forced before enrolling", async () => {
    const { org, owner, member } = await setup();
    await as(owner);
    await enrolNow();
    expect(await setRequireTwoFactorAction({ requireTwoFactor: true })).toMatchObject({ ok: true });
    const { temporaryPassword } = await resetMemberPassword(t.db, ctxFor(org, owner, "OWNER"), { membershipId: member.membership.id });
    const s = await signIn(t.db, { email: member.user.email, password: temporaryPassword, ip: "10.9.2.1" }, policy);
    request.sid = s.sid;
    expect(await readOrg({})).toEqual({ ok: false, error: PASSWORD_CHANGE_REQUIRED });
    expect(await startTotpAction({})).toEqual({ ok: false, error: PASSWORD_CHANGE_REQUIRED });
    expect(await exportBrands()).toEqual({ status: 403, body: { error: PASSWORD_CHANGE_REQUIRED } });
    expect(await changePasswordAction({ currentPassword: temporaryPassword, newPassword: "member own password 9", confirmPassword: "member own password 9" })).toMatchObject({ ok: true });
    expect(await readOrg({})).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });
    expect(await startTotpAction({})).toMatchObject({ ok: true });
  });

  it("holds a member only in the organization that requires it", async () => {
    const { org, owner, member } = await setup();
    const other = await makeOrg(t.db);
    await t.db.membership.create({ data: { orgId: other.org.id, userId: member.user.id, role: "OPERATOR" } });
    await as(owner);
    await enrolNow();
    await setRequireTwoFactorAction({ requireTwoFactor: true });

    await as(member.user);
    expect(await readOrg({})).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });
    // Switching organization stays open, and in the other one nothing is held.
    expect(await switchOrganizationAction({ orgId: other.org.id })).toEqual({ ok: true, data: null });
    expect(await readOrg({})).toEqual({ ok: true, data: other.org.id });
    request.cookies.set("cd_org", org.id);
    expect(await readOrg({})).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });
  });

  it("turning it off is audited and lets members without a second factor act again", async () => {
    const { org, owner, member } = await setup();
    await as(owner);
    await enrolNow();
    const ownerSid = request.sid;
    await setRequireTwoFactorAction({ requireTwoFactor: true });
    await as(member.user);
    expect(await readOrg({})).toEqual({ ok: false, error: TWO_FACTOR_REQUIRED });

    request.sid = ownerSid;
    expect(await setRequireTwoFactorAction({ requireTwoFactor: false })).toEqual({ ok: true, data: { requireTwoFactor: false, changed: true } });
    const row = await t.db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row).toMatchObject({ requireTwoFactor: false, requireTwoFactorSince: null });
    expect(await t.db.auditLog.findFirst({ where: { orgId: org.id, action: "settings.require_two_factor" }, orderBy: { createdAt: "desc" } }))
      .toMatchObject({ outcome: "SUCCESS", actorId: owner.id, detail: { requireTwoFactor: false, membersWithoutTwoFactor: 2 } });
    await as(member.user);
    expect(await readOrg({})).toEqual({ ok: true, data: org.id });
  });

  it("counts a user whose second factor is unknown as not enrolled", () => {
    const org = { id: "o", name: "O", key: "k" };
    const user = { id: "u", email: "u@example.com", name: "U" };
    expect(mustEnrolTwoFactor({ org: { ...org, requireTwoFactor: true }, user })).toBe(true);
    expect(mustEnrolTwoFactor({ org: { ...org, requireTwoFactor: true }, user: { ...user, totpEnabled: true } })).toBe(false);
    expect(mustEnrolTwoFactor({ org, user })).toBe(false);
  });
});
