import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_REQUIRED, signIn, WRONG_CODE } from "@/lib/auth/sessions";
import { THROTTLE } from "@/lib/auth/throttle";
import { confirmTotpEnrolment, disableTotp, RECOVERY_CODE_COUNT, startTotpEnrolment } from "@/lib/auth/totp";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

const policy = { idleMinutes: 30, maxHours: 12 };
const PASSWORD = "correct horse battery"; // makeUser's default
const codeAt = (secret: string, at: Date) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
const seconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

async function enrolled(t0: Date) {
  const { org, owner, ctx } = await makeOrg(t.db);
  const { secret, uri } = await startTotpEnrolment(t.db, ctx);
  const { recoveryCodes } = await confirmTotpEnrolment(t.db, ctx, { code: codeAt(secret, t0) }, t0);
  return { org, owner, ctx, secret, uri, recoveryCodes };
}

describe("TOTP second factor", () => {
  it("enrols with a sealed secret, stays off until a right code confirms it, and gives 10 recovery codes stored as hashes", async () => {
    const t0 = new Date();
    const { owner, ctx, org } = await makeOrg(t.db);
    const { secret, uri } = await startTotpEnrolment(t.db, ctx);
    expect(uri).toMatch(/^otpauth:\/\/totp\/CampaignDesk:.+\?.*secret=/);
    expect(uri).toContain(`secret=${secret}`);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    // Not active yet: sign-in needs no code.
    await expect(signIn(t.db, { email: owner.email, password: PASSWORD, ip: "10.3.0.1" }, policy)).resolves.toBeTruthy();

    await expect(confirmTotpEnrolment(t.db, ctx, { code: "000000" }, t0)).rejects.toMatchObject({ fieldErrors: { code: expect.stringMatching(/not right/) } });
    const { recoveryCodes } = await confirmTotpEnrolment(t.db, ctx, { code: codeAt(secret, t0) }, t0);
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    const stored = await t.db.recoveryCode.findMany({ where: { userId: owner.id } });
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    expect(stored.map((s) => s.codeHash)).not.toContain(recoveryCodes[0]);
    expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "account.totp.enable" } })).toBe(1);
    await expect(startTotpEnrolment(t.db, ctx)).rejects.toThrow(/already on/);
  });

  it("asks for a code at sign-in, accepts ±1 step, refuses a replay, and counts wrong or missing codes in the throttle", async () => {
    const t0 = new Date();
    const { owner, secret } = await enrolled(t0);
    const sign = (code: string | undefined, at: Date, ip = "10.3.1.1") => signIn(t.db, { email: owner.email, password: PASSWORD, code, ip }, policy, at);
    await expect(sign(undefined, seconds(t0, 60))).rejects.toThrow(CODE_REQUIRED);
    await expect(sign("123456", seconds(t0, 60))).rejects.toThrow(WRONG_CODE);
    // A wrong password with any code is still just "wrong credentials".
    await expect(signIn(t.db, { email: owner.email, password: "nope", code: codeAt(secret, seconds(t0, 60)), ip: "10.3.1.1" }, policy, seconds(t0, 60))).rejects.toThrow("Email or password is incorrect.");

    // The code of the previous step is still accepted (clock drift), once.
    const prev = codeAt(secret, seconds(t0, 60));
    await expect(sign(prev, seconds(t0, 90))).resolves.toMatchObject({ userId: owner.id });
    await expect(sign(prev, seconds(t0, 90))).rejects.toThrow(WRONG_CODE);
    // Two steps away is refused.
    await expect(sign(codeAt(secret, seconds(t0, 120)), seconds(t0, 200))).rejects.toThrow(WRONG_CODE);
    const failures = await t.db.loginAttempt.count({ where: { email: owner.email, success: false } });
    expect(failures).toBe(5);
    expect(failures).toBe(THROTTLE.perEmail);
    await expect(sign(codeAt(secret, seconds(t0, 300)), seconds(t0, 300))).rejects.toThrow(/Too many failed attempts/);
  });

  it("accepts each recovery code once, and turns off only with the password and a code", async () => {
    const t0 = new Date();
    const { owner, ctx, secret, recoveryCodes, org } = await enrolled(t0);
    const sign = (code: string) => signIn(t.db, { email: owner.email, password: PASSWORD, code, ip: "10.3.2.1" }, policy, seconds(t0, 60));
    await expect(sign(recoveryCodes[0]!.toUpperCase())).resolves.toMatchObject({ userId: owner.id });
    await expect(sign(recoveryCodes[0]!)).rejects.toThrow(WRONG_CODE);

    const later = seconds(t0, 120);
    await expect(disableTotp(t.db, ctx, { password: "nope", code: codeAt(secret, later) }, later)).rejects.toMatchObject({ fieldErrors: { password: expect.any(String) } });
    await expect(disableTotp(t.db, ctx, { password: PASSWORD, code: "000000" }, later)).rejects.toMatchObject({ fieldErrors: { code: expect.any(String) } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: owner.id } })).totpEnabledAt).not.toBeNull();
    await disableTotp(t.db, ctx, { password: PASSWORD, code: codeAt(secret, later) }, later);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await t.db.recoveryCode.count({ where: { userId: owner.id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { orgId: org.id, action: "account.totp.disable" } })).toBe(1);
    await expect(signIn(t.db, { email: owner.email, password: PASSWORD, ip: "10.3.2.2" }, policy)).resolves.toBeTruthy();
  });
});
