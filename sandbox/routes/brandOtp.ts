import type { Sim } from "../core/context";
import { badState, FieldErrors, notFound, tcrError } from "../core/errors";
import { BodyReader, json, noContent, readJson } from "../core/http";
import type { Router } from "../core/router";
import type { OtpRecord } from "../core/store";
import { brandEventFields, getActiveBrand } from "../domain/brands";

/**
 * SMS OTP for SOLE_PROPRIETOR brands (tcr-api-part1 §3.4, §3.20). The 6-digit PIN is readable through
 * the control API (GET /_sandbox/otp); mock brands receive it in the BRAND_MOCK_OTP webhook instead of
 * an SMS. Delivery status moves on the clock: IN_TRANSIT → DELIVERED_GATEWAY → DELIVERED_HANDSET, or
 * FAILED_ROUTING when the mobile number ends in 0000 (documented scenario rule). PINs expire after 24 h.
 */
export function registerBrandOtpRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;

  clock.register("otp.delivery", (p) => {
    const otp = store.data.otps[String(p.referenceId)];
    if (!otp) return;
    otp.deliveryStatus = String(p.status);
    otp.deliveryStatusDate = clock.nowIso();
    otp.deliveryStatusDetails = p.details ? String(p.details) : null;
  });

  r.post("/brand/:brandId/smsOtp", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    if (b.entityType !== "SOLE_PROPRIETOR") throw badState("SMS OTP applies to SOLE_PROPRIETOR brands only");
    const errs = new FieldErrors();
    const body = new BodyReader(readJson(ctx), errs);
    const pinSms = body.str("pinSms", { required: true, max: 1024 });
    const successSms = body.str("successSms", { max: 1024 });
    if (pinSms && !pinSms.includes("@OTP_PIN@") && !pinSms.includes("@OTP_YES@")) {
      errs.add("pinSms", "pinSms must contain the macro @OTP_PIN@ or @OTP_YES@");
    }
    const mobile = b.mobilePhone;
    if (!mobile) errs.add("mobilePhone", "The brand has no mobilePhone");
    // Only US and Canadian numbers receive the SMS; mock brands get a webhook, so any number works.
    else if (!b.mock && !/^\+1\d{10}$/.test(mobile)) errs.add("mobilePhone", "OTP can only be sent to US or Canadian mobile numbers");
    errs.throwIfAny();
    for (const o of Object.values(store.data.otps)) if (o.brandId === b.brandId) o.superseded = true;
    const referenceId = "OTP" + store.rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 7);
    const pin = String(store.rng.int(1_000_000)).padStart(6, "0");
    const otp: OtpRecord = {
      referenceId, brandId: b.brandId, mobilePhone: mobile!, pin, pinSms: pinSms!, successSms,
      requestDate: clock.nowIso(), requestAt: clock.now(), verifyDate: null,
      deliveryStatus: null, deliveryStatusDate: null, deliveryStatusDetails: null, superseded: false,
    };
    store.data.otps[referenceId] = otp;
    if (b.mock) {
      sim.webhooks.emit("BRAND_MOCK_OTP", { ...brandEventFields(b), otpPin: pin, description: "Mock brand OTP PIN" });
    } else {
      const step = sim.delays.otpDeliveryStepMs;
      clock.schedule("otp.delivery", { referenceId, status: "IN_TRANSIT" }, step);
      if (mobile!.endsWith("0000")) {
        clock.schedule("otp.delivery", { referenceId, status: "FAILED_ROUTING", details: "Number not routable" }, 2 * step);
      } else {
        clock.schedule("otp.delivery", { referenceId, status: "DELIVERED_GATEWAY" }, 2 * step);
        clock.schedule("otp.delivery", { referenceId, status: "DELIVERED_HANDSET" }, 3 * step);
      }
    }
    return json({ brandId: b.brandId, referenceId });
  });

  r.put("/brand/:brandId/smsOtp", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    if (b.entityType !== "SOLE_PROPRIETOR") throw badState("SMS OTP applies to SOLE_PROPRIETOR brands only");
    const errs = new FieldErrors();
    const pin = new BodyReader(readJson(ctx), errs).str("otpPin", { required: true });
    if (pin && !/^\d{6}$/.test(pin)) errs.add("otpPin", "otpPin must be 6 digits");
    errs.throwIfAny();
    const otp = Object.values(store.data.otps).find((o) => o.brandId === b.brandId && !o.superseded);
    if (!otp) throw badState("No OTP was triggered for this brand");
    if (otp.verifyDate) throw badState("OTP already verified");
    if (clock.now() - otp.requestAt > sim.delays.otpPinTtlMs) throw tcrError(904, "OTP PIN expired; trigger a new OTP", "otpPin");
    if (otp.pin !== pin) throw tcrError(904, "OTP PIN invalid", "otpPin");
    markVerified(sim, otp);
    return noContent();
  });

  r.get("/brand/smsOtp/:referenceId", (ctx) => {
    const otp = store.data.otps[ctx.params.referenceId!];
    if (!otp) throw notFound("OTP record", "referenceId");
    return json({
      brandId: otp.brandId, referenceId: otp.referenceId, mobilePhone: otp.mobilePhone, requestDate: otp.requestDate,
      verifyDate: otp.verifyDate, deliveryStatus: otp.deliveryStatus, deliveryStatusDate: otp.deliveryStatusDate,
      deliveryStatusDetails: otp.deliveryStatusDetails,
    });
  });
}

/** PIN accepted (or YES reply via the control API): brand VERIFIED, BRAND_OTP_VERIFIED. */
export function markVerified(sim: Sim, otp: OtpRecord): void {
  const b = sim.store.data.brands[otp.brandId];
  const nowIso = sim.clock.nowIso();
  otp.verifyDate = nowIso;
  if (!b) return;
  b.mobilePhoneVerifiedDate = nowIso;
  b.identityStatus = "VERIFIED";
  sim.webhooks.emit("BRAND_OTP_VERIFIED", { ...brandEventFields(b), description: "Sole proprietor OTP verified" });
  sim.webhooks.emit("BRAND_IDENTITY_STATUS_UPDATE", { ...brandEventFields(b), description: "Brand identity status is VERIFIED" });
}
