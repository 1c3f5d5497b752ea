import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword, listSessions, revokeAllSessions, revokeOwnSession, summariseUserAgent } from "@/lib/account/commands";
import { changePasswordSchema } from "@/lib/account/schemas";
import { hashPassword } from "@/lib/auth/password";
import { signIn, validateSession, WRONG_CREDENTIALS } from "@/lib/auth/sessions";
import { ValidationFailedError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

const policy = { idleMinutes: 30, maxHours: 12 };
const FIREFOX = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0";

async function signedIn(password: string, n: number) {
  const { org, owner } = await makeOrg(t.db);
  await t.db.user.update({ where: { id: owner.id }, data: { passwordHash: await hashPassword(password) } });
  const sessions = [];
  for (let i = 0; i < n; i++) sessions.push(await signIn(t.db, { email: owner.email, password, ip: `10.1.0.${i}`, userAgent: FIREFOX }, policy));
  const ctx = { user: { id: owner.id, email: owner.email, name: owner.name }, org, sid: sessions[0]!.sid };
  return { org, owner, sessions, ctx };
}

describe("change password", () => {
  it("needs the current password, then revokes every other session and keeps this one, with an audit row", async () => {
    const { owner, sessions, ctx, org } = await signedIn("old password 123", 3);
    await expect(changePassword(t.db, ctx, { currentPassword: "wrong one", newPassword: "new password 456", confirmPassword: "new password 456" }))
      .rejects.toMatchObject({ fieldErrors: { currentPassword: "This is not your current password." } });
    await expect(changePassword(t.db, ctx, { currentPassword: "wrong one", newPassword: "x", confirmPassword: "x" })).rejects.toBeInstanceOf(ValidationFailedError);
    // Nothing changed by the refusal.
    for (const s of sessions) expect(await validateSession(t.db, s.sid, policy)).not.toBeNull();

    const r = await changePassword(t.db, ctx, { currentPassword: "old password 123", newPassword: "new password 456", confirmPassword: "new password 456" });
    expect(r).toEqual({ otherSessionsRevoked: 2 });
    expect(await validateSession(t.db, sessions[0]!.sid, policy)).toMatchObject({ id: owner.id });
    expect(await validateSession(t.db, sessions[1]!.sid, policy)).toBeNull();
    expect(await validateSession(t.db, sessions[2]!.sid, policy)).toBeNull();
    await expect(signIn(t.db, { email: owner.email, password: "old password 123", ip: "10.1.1.1" }, policy)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signIn(t.db, { email: owner.email, password: "new password 456", ip: "10.1.1.1" }, policy)).resolves.toMatchObject({ userId: owner.id });
    const rows = await t.db.auditLog.findMany({ where: { orgId: org.id, action: "account.password.change" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "SUCCESS", actorId: owner.id, targetId: owner.id, detail: { otherSessionsRevoked: 2 } });
    expect(JSON.stringify(rows[0])).not.toContain("new password 456");
  });

  it("applies the same password policy as elsewhere and puts each error at its field", () => {
    const errs = (v: object) => {
      const r = changePasswordSchema.safeParse(v);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errs({ currentPassword: "", newPassword: "short", confirmPassword: "short" })).toEqual({ currentPassword: "Enter your current password.", newPassword: "Use at least 12 characters." });
    expect(errs({ currentPassword: "old password 123", newPassword: "new password 456", confirmPassword: "new password 457" })).toEqual({ confirmPassword: "The two new passwords differ." });
    expect(errs({ currentPassword: "same password 1", newPassword: "same password 1", confirmPassword: "same password 1" })).toEqual({ newPassword: "Choose a password different from the current one." });
  });
});

describe("active sessions", () => {
  it("lists the user's open sessions with the current one first and marked, and revokes only the user's own", async () => {
    const { sessions, ctx, org } = await signedIn("list password 1", 3);
    await revokeOwnSession(t.db, ctx, { sessionId: sessions[2]!.sid });
    const list = await listSessions(t.db, ctx);
    expect(list.map((s) => s.id)).toEqual([sessions[0]!.sid, sessions[1]!.sid].sort((a, b) => (a === ctx.sid ? -1 : b === ctx.sid ? 1 : 0)));
    expect(list[0]).toMatchObject({ current: true, device: "Firefox on macOS" });
    expect(list.filter((s) => s.current)).toHaveLength(1);

    // Someone else's session id is not found, and stays open.
    const other = await signedIn("other password 1", 1);
    await expect(revokeOwnSession(t.db, ctx, { sessionId: other.sessions[0]!.sid })).rejects.toThrow("That session was not found.");
    expect(await validateSession(t.db, other.sessions[0]!.sid, policy)).not.toBeNull();
    // An already revoked one too.
    await expect(revokeOwnSession(t.db, ctx, { sessionId: sessions[2]!.sid })).rejects.toThrow("That session was not found.");
    expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "account.session.revoke", targetId: sessions[2]!.sid } })).toBe(1);
  });

  it("signs out everywhere, the current session included", async () => {
    const { sessions, ctx, org } = await signedIn("all password 12", 2);
    expect(await revokeAllSessions(t.db, ctx)).toEqual({ revoked: 2 });
    for (const s of sessions) expect(await validateSession(t.db, s.sid, policy)).toBeNull();
    expect(await listSessions(t.db, ctx)).toEqual([]);
    expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "account.sessions.revoke_all" } })).toBe(1);
  });

  it("summarises user agents", () => {
    expect(summariseUserAgent(FIREFOX)).toBe("Firefox on macOS");
    expect(summariseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0")).toBe("Edge on Windows");
    expect(summariseUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(summariseUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")).toBe("Chrome on Linux");
    expect(summariseUserAgent(null)).toBe("Unknown device");
    expect(summariseUserAgent("something")).toBe("Unknown device");
  });
});
