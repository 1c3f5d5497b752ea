import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeSession, signIn, SignInRefused, validateSession, WRONG_CREDENTIALS } from "@/lib/auth/sessions";
import { THROTTLE } from "@/lib/auth/throttle";
import { createTestDb, type TestDb } from "@/test/db";
import { makeUser } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

const policy = { idleMinutes: 30, maxHours: 12 };
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe("sign-in and sessions", () => {
  it("opens a session for the right password and refuses a wrong one with one message for both cases", async () => {
    const u = await makeUser(t.db, { password: "right password 1" });
    const ok = await signIn(t.db, { email: u.email, password: "right password 1", ip: "10.0.0.1" }, policy);
    expect(ok.userId).toBe(u.id);
    await expect(signIn(t.db, { email: u.email, password: "wrong", ip: "10.0.0.1" }, policy)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signIn(t.db, { email: "nobody@example.com", password: "x", ip: "10.0.0.1" }, policy)).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("throttles repeated failures for an email, even when the password is then right", async () => {
    const u = await makeUser(t.db, { password: "right password 2" });
    for (let i = 0; i < THROTTLE.perEmail; i++) {
      await expect(signIn(t.db, { email: u.email, password: `bad ${i}`, ip: "10.0.0.2" }, policy)).rejects.toThrow(WRONG_CREDENTIALS);
    }
    const refused = signIn(t.db, { email: u.email, password: "right password 2", ip: "10.0.0.2" }, policy);
    await expect(refused).rejects.toBeInstanceOf(SignInRefused);
    await expect(refused).rejects.toThrow(/Too many failed attempts/);
    // Once the window has passed, the right password works again.
    const later = minutes(new Date(), THROTTLE.windowMinutes + 1);
    await expect(signIn(t.db, { email: u.email, password: "right password 2", ip: "10.0.0.2" }, policy, later)).resolves.toBeTruthy();
  });

  it("ends sessions that are revoked, idle too long, or past their absolute lifetime", async () => {
    const u = await makeUser(t.db, { password: "right password 3" });
    const t0 = new Date();
    const s = await signIn(t.db, { email: u.email, password: "right password 3", ip: "10.0.0.3" }, policy, t0);
    expect(await validateSession(t.db, s.sid, policy, minutes(t0, 5))).toMatchObject({ id: u.id });
    // Activity keeps it alive past the idle limit...
    expect(await validateSession(t.db, s.sid, policy, minutes(t0, 30))).not.toBeNull();
    expect(await validateSession(t.db, s.sid, policy, minutes(t0, 55))).not.toBeNull();
    // ...but not after 30 idle minutes.
    expect(await validateSession(t.db, s.sid, policy, minutes(t0, 90))).toBeNull();

    const s2 = await signIn(t.db, { email: u.email, password: "right password 3", ip: "10.0.0.3" }, policy, t0);
    for (let m = 20; m < 12 * 60; m += 20) expect(await validateSession(t.db, s2.sid, policy, minutes(t0, m))).not.toBeNull();
    expect(await validateSession(t.db, s2.sid, policy, minutes(t0, 12 * 60 + 1))).toBeNull();

    const s3 = await signIn(t.db, { email: u.email, password: "right password 3", ip: "10.0.0.3" }, policy);
    await revokeSession(t.db, s3.sid);
    expect(await validateSession(t.db, s3.sid, policy)).toBeNull();
  });
});
