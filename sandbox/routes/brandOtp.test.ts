import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, HOUR, startSandbox } from "../testing/helpers";

let sb: Sandbox;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sb = await startSandbox();
  api = apiClient(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control.reset();
});

describe("SMS OTP (SOLE_PROPRIETOR)", () => {
  it("trigger → delivery status on the clock → verify with the PIN read through the control API → VERIFIED", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR"))).body;
    expect(b.identityStatus).toBe("SELF_DECLARED");
    expect((await api("GET", `/campaignBuilder/brand/${b.brandId}/usecase/SOLE_PROPRIETOR`)).body.mnoMetadata["10035"].qualify).toBe(false);
    const bad = await api("POST", `/brand/${b.brandId}/smsOtp`, { pinSms: "Your code" });
    expect(bad.body[0]).toMatchObject({ code: 501, field: "pinSms" });
    const t = await api("POST", `/brand/${b.brandId}/smsOtp`, { pinSms: "Your verification code is @OTP_PIN@" });
    expect(t.body).toEqual({ brandId: b.brandId, referenceId: expect.stringMatching(/^OTP[A-Z0-9]{7}$/) });
    const ref = t.body.referenceId as string;
    expect((await api("GET", `/brand/smsOtp/${ref}`)).body).toMatchObject({ brandId: b.brandId, mobilePhone: "+12025550123", verifyDate: null, deliveryStatus: null });
    await sb.control.advance(20_000);
    expect((await api("GET", `/brand/smsOtp/${ref}`)).body.deliveryStatus).toBe("DELIVERED_HANDSET");
    const [otp] = sb.control.otps({ brandId: b.brandId });
    expect(otp!.otpPin).toMatch(/^\d{6}$/);
    const wrong = otp!.otpPin === "000000" ? "111111" : "000000";
    expect((await api("PUT", `/brand/${b.brandId}/smsOtp`, { otpPin: wrong })).body[0]).toMatchObject({ code: 904, field: "otpPin" });
    expect((await api("PUT", `/brand/${b.brandId}/smsOtp`, { otpPin: otp!.otpPin })).status).toBe(204);
    const after = (await api("GET", `/brand/${b.brandId}`)).body;
    expect(after.identityStatus).toBe("VERIFIED");
    expect(after.mobilePhoneVerifiedDate).not.toBeNull();
    expect((await api("GET", `/brand/smsOtp/${ref}`)).body.verifyDate).not.toBeNull();
    expect(sb.control.events({ eventType: "BRAND_OTP_VERIFIED", brandId: b.brandId })).toHaveLength(1);
    expect((await api("GET", `/campaignBuilder/brand/${b.brandId}/usecase/SOLE_PROPRIETOR`)).body.mnoMetadata["10035"]).toMatchObject({ qualify: true, brandTier: "LOW", brandDailyCap: 1000 });
    // Changing the mobile phone makes the brand UNVERIFIED again.
    expect((await api("PUT", `/brand/${b.brandId}`, { mobilePhone: "+12025550999" })).body.identityStatus).toBe("UNVERIFIED");
  });

  it("expires PINs after 24 h, supersedes old PINs on re-trigger, and fails routing for numbers ending 0000", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR", { mobilePhone: "+12025550000" }))).body;
    const first = (await api("POST", `/brand/${b.brandId}/smsOtp`, { pinSms: "Code @OTP_PIN@" })).body.referenceId;
    await sb.control.advance(60_000);
    expect((await api("GET", `/brand/smsOtp/${first}`)).body).toMatchObject({ deliveryStatus: "FAILED_ROUTING", deliveryStatusDetails: "Number not routable" });
    await sb.control.advance(25 * HOUR);
    const pin1 = sb.control.otps({ brandId: b.brandId })[0]!.otpPin;
    expect((await api("PUT", `/brand/${b.brandId}/smsOtp`, { otpPin: pin1 })).body[0].description).toMatch(/expired/);
    const second = (await api("POST", `/brand/${b.brandId}/smsOtp`, { pinSms: "Code @OTP_PIN@" })).body.referenceId;
    expect(second).not.toBe(first);
    const pins = sb.control.otps({ brandId: b.brandId });
    expect(pins.find((o) => o.referenceId === first)!.superseded).toBe(true);
    const pin2 = pins.find((o) => o.referenceId === second)!.otpPin;
    expect((await api("PUT", `/brand/${b.brandId}/smsOtp`, { otpPin: pin2 })).status).toBe(204);
  });

  it("mock brands get the PIN in the BRAND_MOCK_OTP event; non-SP brands and foreign numbers are refused", async () => {
    const mock = (await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR", { mock: true, mobilePhone: "+447700900123" }))).body;
    expect((await api("POST", `/brand/${mock.brandId}/smsOtp`, { pinSms: "Code @OTP_PIN@" })).status).toBe(200);
    const ev = sb.control.events({ eventType: "BRAND_MOCK_OTP" });
    expect(ev).toHaveLength(1);
    expect(ev[0]!.payload).toMatchObject({ brandId: mock.brandId, mock: true, otpPin: sb.control.otps({ brandId: mock.brandId })[0]!.otpPin });
    const real = (await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR", { mobilePhone: "+447700900123" }))).body;
    expect((await api("POST", `/brand/${real.brandId}/smsOtp`, { pinSms: "Code @OTP_PIN@" })).body[0]).toMatchObject({ field: "mobilePhone" });
    const pp = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
    expect((await api("POST", `/brand/${pp.brandId}/smsOtp`, { pinSms: "Code @OTP_PIN@" })).body[0].code).toBe(902);
  });

  it("@OTP_YES@ flow: a YES reply (control API) verifies the brand", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR"))).body;
    const ref = (await api("POST", `/brand/${b.brandId}/smsOtp`, { pinSms: "Reply @OTP_YES@ to confirm", successSms: "Thanks!" })).body.referenceId;
    const res = await fetch(`${sb.url}/_sandbox/otp/${ref}/reply`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "yes" }) });
    expect(res.status).toBe(204);
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("VERIFIED");
    const pins = await (await fetch(`${sb.url}/_sandbox/otp?brandId=${b.brandId}`)).json();
    expect(pins[0].verifyDate).not.toBeNull();
  });
});
