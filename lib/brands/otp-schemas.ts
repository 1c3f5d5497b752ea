import { z } from "zod";
import { brandIdSchema } from "@/lib/brands/lifecycle-schemas";

// Client-safe. The registry replaces @OTP_PIN@ with the 6-digit PIN; @OTP_YES@ asks the owner to reply YES
// instead (tcr-api-part1 §3.20). One of the two must be in the message.
export const OTP_PIN_MACRO = "@OTP_PIN@";
export const OTP_YES_MACRO = "@OTP_YES@";
export const DEFAULT_PIN_SMS = `Your brand verification code is ${OTP_PIN_MACRO}. It expires in 24 hours.`;
export const DEFAULT_YES_SMS = `Reply ${OTP_YES_MACRO} to confirm you registered this brand for business texting.`;
export const DEFAULT_SUCCESS_SMS = "Thank you, your brand is now verified.";
export const OTP_SMS_MAX = 1024;
/** PINs expire 24 h after they are sent (tcr-api-part1 §3.20). */
export const OTP_PIN_TTL_MS = 24 * 60 * 60 * 1000;

export const sendOtpSchema = z
  .object({
    brandId: brandIdSchema,
    pinSms: z.string().trim().min(1, "Write the message the owner receives").max(OTP_SMS_MAX),
    successSms: z.string().trim().max(OTP_SMS_MAX).optional(),
  })
  .superRefine((v, ctx) => {
    const pin = v.pinSms.includes(OTP_PIN_MACRO);
    const yes = v.pinSms.includes(OTP_YES_MACRO);
    if (!pin && !yes) ctx.addIssue({ code: "custom", path: ["pinSms"], message: `The message must contain ${OTP_PIN_MACRO} (a code to type in) or ${OTP_YES_MACRO} (reply YES)` });
    if (v.successSms && !yes) ctx.addIssue({ code: "custom", path: ["successSms"], message: `A confirmation message is only sent in the reply-YES flow (${OTP_YES_MACRO})` });
  });

export const verifyOtpSchema = z.object({
  brandId: brandIdSchema,
  otpPin: z.string().trim().regex(/^\d{6}$/, "The PIN is 6 digits"),
});
