import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resend2faEmail } from "@/lib/brands/authplus";
import { loadBrandOverview } from "@/lib/brands/lifecycle-queries";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { otpAttempts, sendBrandOtp, verifyBrandOtp } from "@/lib/brands/otp";
import { sendOtpSchema } from "@/lib/brands/otp-schemas";
import { ConflictError } from "@/lib/errors";
import { TcrError } from "@/lib/tcr/errors";

let k: Kit;
beforeAll(async () => {
  k = await startKit();
}, 60_000);
afterAll(async () => k?.close());

const mirrored = (brandId: string) => k.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: k.org.org.id, brandId } } });

describe("SMS OTP (sole proprietor)", () => {
  it("sends, shows the status, refuses a wrong PIN, verifies with the right one and mirrors VERIFIED", async () => {
    const sp = await k.brand("SOLE_PROPRIETOR");
    expect(sp.identityStatus).toBe("SELF_DECLARED");
    const sent = await sendBrandOtp(k.db, k.ctx, sendOtpSchema.parse({ brandId: sp.brandId, pinSms: "Your code is @OTP_PIN@" }));
    expect(sent.referenceId).toMatch(/^OTP[A-Z0-9]{7}$/);
    expect((await otpAttempts(k.db, k.org.org.id, sp.brandId))[0]).toMatchObject({ referenceId: sent.referenceId, mode: "PIN" });

    await k.sandbox.control.advance(20_000);
    const overview = await loadBrandOverview(k.db, k.org.org.id, { ...sp, status: "ACTIVE", entityType: "SOLE_PROPRIETOR", identityStatus: "SELF_DECLARED", deletedAt: null });
    expect(overview.otp?.status).toMatchObject({ referenceId: sent.referenceId, deliveryStatus: "DELIVERED_HANDSET" });
    expect(overview.otp?.status?.verifyDate ?? null).toBeNull();

    const pin = k.sandbox.control.otps({ brandId: sp.brandId }).find((o) => o.referenceId === sent.referenceId)!.otpPin;
    const wrong = pin === "000000" ? "111111" : "000000";
    await expect(verifyBrandOtp(k.db, k.ctx, { brandId: sp.brandId, otpPin: wrong })).rejects.toBeInstanceOf(TcrError);
    await verifyBrandOtp(k.db, k.ctx, { brandId: sp.brandId, otpPin: pin });
    expect((await mirrored(sp.brandId)).identityStatus).toBe("VERIFIED");
    expect(await k.audits("brand.otp.verify", sp.brandId)).toHaveLength(1);
  });

  it("a resend supersedes the previous PIN", async () => {
    const sp = await k.brand("SOLE_PROPRIETOR");
    const first = await sendBrandOtp(k.db, k.ctx, sendOtpSchema.parse({ brandId: sp.brandId, pinSms: "Code @OTP_PIN@" }));
    const second = await sendBrandOtp(k.db, k.ctx, sendOtpSchema.parse({ brandId: sp.brandId, pinSms: "New code @OTP_PIN@" }));
    expect(second.referenceId).not.toBe(first.referenceId);
    const otps = k.sandbox.control.otps({ brandId: sp.brandId });
    const oldPin = otps.find((o) => o.referenceId === first.referenceId)!.otpPin;
    const newPin = otps.find((o) => o.referenceId === second.referenceId)!.otpPin;
    if (oldPin !== newPin) await expect(verifyBrandOtp(k.db, k.ctx, { brandId: sp.brandId, otpPin: oldPin })).rejects.toBeInstanceOf(TcrError);
    await verifyBrandOtp(k.db, k.ctx, { brandId: sp.brandId, otpPin: newPin });
  });

  it("checks the message template and the entity type before calling the registry", async () => {
    expect(sendOtpSchema.safeParse({ brandId: "B1", pinSms: "no macro here" }).success).toBe(false);
    expect(sendOtpSchema.safeParse({ brandId: "B1", pinSms: "Code @OTP_PIN@", successSms: "Thanks" }).success).toBe(false);
    expect(sendOtpSchema.safeParse({ brandId: "B1", pinSms: "Reply @OTP_YES@", successSms: "Thanks" }).success).toBe(true);
    const pp = await k.brand("PRIVATE_PROFIT");
    await expect(sendBrandOtp(k.db, k.ctx, { brandId: pp.brandId, pinSms: "Code @OTP_PIN@" })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("Authentication+ (public company)", () => {
  it("shows the pending AUTHPLUS vet, reports the registry's 2-hour throttle, then resends the 2FA email", async () => {
    // Sandbox rule: a business contact whose address starts with "ignore" never answers the 2FA email.
    const pub = await k.brand("PUBLIC_PROFIT", { businessContactEmail: "ignore.jane@abc.com" });
    const overview = await loadBrandOverview(k.db, k.org.org.id, { ...pub, status: "ACTIVE", entityType: "PUBLIC_PROFIT", identityStatus: "VERIFIED", deletedAt: null });
    expect(overview.authPlus).toMatchObject({ vettingStatus: "PENDING", lastResend: null });
    // The registry sent the first email when the flow started; another within 2 h is throttled.
    await expect(resend2faEmail(k.db, k.ctx, { brandId: pub.brandId, vettingClass: "AUTHPLUS" })).rejects.toBeInstanceOf(TcrError);
    await k.sandbox.control.advance(2 * 3_600_000 + 1_000);
    await resend2faEmail(k.db, k.ctx, { brandId: pub.brandId, vettingClass: "AUTHPLUS" });
    const after = await loadBrandOverview(k.db, k.org.org.id, { ...pub, status: "ACTIVE", entityType: "PUBLIC_PROFIT", identityStatus: "VERIFIED", deletedAt: null });
    expect(after.authPlus?.lastResend).toBeInstanceOf(Date);
    expect(await k.audits("brand.2fa.resend", pub.brandId)).toHaveLength(1);
  });
});
