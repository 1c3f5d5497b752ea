import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brandInput, expectTcrError, HOUR, key, MIN, startHarness, DAY, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-otp");
});
afterAll(() => h.sb.close());

describe("SMS OTP (SOLE_PROPRIETOR) and Auth+ 2FA email: client ↔ sandbox", () => {
  it("brand.triggerSmsOtp → brand.getSmsOtpStatus → brand.verifySmsOtp verifies the brand", async () => {
    const b = await h.tcr.brands.create(brandInput("SOLE_PROPRIETOR"), { idempotencyKey: key("sp") });
    const t = await h.tcr.brands.triggerSmsOtp(b.brandId, { pinSms: "Your verification code is @OTP_PIN@" });
    expect(t).toMatchObject({ brandId: b.brandId, referenceId: expect.stringMatching(/^OTP/) });
    const s0 = await h.tcr.brands.getSmsOtpStatus(t.referenceId);
    expect(s0).toMatchObject({ brandId: b.brandId, mobilePhone: "+12025550123" });
    expect(s0.verifyDate ?? null).toBeNull();
    await h.sb.control.advance(20_000);
    expect((await h.tcr.brands.getSmsOtpStatus(t.referenceId)).deliveryStatus).toBe("DELIVERED_HANDSET");
    const otp = h.sb.control.otps({ brandId: b.brandId })[0]!;
    const wrong = otp.otpPin === "000000" ? "111111" : "000000";
    await expectTcrError(h.tcr.brands.verifySmsOtp(b.brandId, { otpPin: wrong }), 904, 400);
    await h.tcr.brands.verifySmsOtp(b.brandId, { otpPin: otp.otpPin });
    expect((await h.tcr.brands.getSmsOtpStatus(t.referenceId)).verifyDate).toBeTruthy();
    expect((await h.tcr.brands.get(b.brandId)).identityStatus).toBe("VERIFIED");
  });

  it("brand.triggerSmsOtp on a non-SP brand → 902; unknown OTP referenceId → 502", async () => {
    const pp = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: key("pp") });
    await expectTcrError(h.tcr.brands.triggerSmsOtp(pp.brandId, { pinSms: "Code @OTP_PIN@" }), 902, 400);
    await expectTcrError(h.tcr.brands.getSmsOtpStatus("OTPNOPE000"), 502, 404);
  });

  it("brand.resend2faEmail: throttled (905) within 2 h of the first email, then accepted", async () => {
    const b = await h.tcr.brands.create(brandInput("PUBLIC_PROFIT", { businessContactEmail: "ignore.me@abc.com" }), { idempotencyKey: key("pub") });
    await h.sb.control.advance(2 * MIN);
    await expectTcrError(h.tcr.brands.resend2faEmail(b.brandId, { vettingClass: "AUTHPLUS" }), 905, 400);
    await h.sb.control.advance(2 * HOUR);
    await expect(h.tcr.brands.resend2faEmail(b.brandId)).resolves.toBeUndefined();
    // After the 30-day Auth+ window the brand falls back to UNVERIFIED.
    await h.sb.control.advance(30 * DAY);
    expect((await h.tcr.brands.get(b.brandId)).identityStatus).toBe("UNVERIFIED");
  });
});
