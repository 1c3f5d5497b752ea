import type { z } from "zod";
import { audit } from "@/lib/audit";
import { requireBrand, type ClientFor, type Ctx } from "@/lib/brands/lifecycle";
import type { sendOtpSchema, verifyOtpSchema } from "@/lib/brands/otp-schemas";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { refreshBrand } from "@/lib/mirror/refresh";
import { capabilitiesFor, registryClientFor, vonageClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import type { SmsOtpStatus } from "@/lib/tcr/schemas/brand";

async function requireSoleProprietor(db: Db, orgId: string, brandId: string) {
  const brand = await requireBrand(db, orgId, brandId, { active: true });
  if (brand.entityType !== "SOLE_PROPRIETOR") throw new ConflictError("The SMS one-time passcode applies to sole proprietor brands only.");
  return brand;
}

/**
 * Sends the one-time passcode to the brand's mobile phone (US/CA numbers; mock brands get it by webhook).
 * A new send supersedes the previous PIN. The registry's OTP referenceId is kept in the audit trail, which
 * is how the page finds the latest attempt's status.
 */
export async function sendBrandOtp(db: Db, ctx: Ctx, input: z.infer<typeof sendOtpSchema>, clientFor: ClientFor = registryClientFor) {
  await requireSoleProprietor(db, ctx.org.id, input.brandId);
  const client = await clientFor(db, ctx.org.id);
  const r = await client.brands.triggerSmsOtp(input.brandId, { pinSms: input.pinSms, ...(input.successSms ? { successSms: input.successSms } : {}) });
  const mode = input.pinSms.includes("@OTP_YES@") ? "REPLY_YES" : "PIN";
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.otp.send", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { referenceId: r.referenceId, mode } });
  return { referenceId: r.referenceId };
}

/** Checks the PIN the owner received; on success the brand becomes VERIFIED and the mirror is refreshed. */
export async function verifyBrandOtp(db: Db, ctx: Ctx, input: z.infer<typeof verifyOtpSchema>, clientFor: ClientFor = registryClientFor) {
  await requireSoleProprietor(db, ctx.org.id, input.brandId);
  const client = await clientFor(db, ctx.org.id);
  await client.brands.verifySmsOtp(input.brandId, { otpPin: input.otpPin });
  const mirror = await refreshBrand(db, client, ctx.org.id, input.brandId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.otp.verify", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { mirror } });
  return { brandId: input.brandId };
}

export type OtpAttempt = { referenceId: string; mode: string | null; sentAt: Date; by: string | null };

/** The OTP sends recorded for this brand, newest first. */
export async function otpAttempts(db: Db, orgId: string, brandId: string, take = 5): Promise<OtpAttempt[]> {
  const rows = await db.auditLog.findMany({
    where: { orgId, action: "brand.otp.send", targetType: "brand", targetId: brandId, outcome: "SUCCESS" },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true, detail: true, actorEmail: true },
  });
  return rows.flatMap((r) => {
    const d = (r.detail ?? {}) as { referenceId?: unknown; mode?: unknown };
    return typeof d.referenceId === "string" ? [{ referenceId: d.referenceId, mode: typeof d.mode === "string" ? d.mode : null, sentAt: r.createdAt, by: r.actorEmail }] : [];
  });
}

/** The latest attempt and its status at the registry (delivery is best effort; verifyDate means verified). */
export async function otpPanel(db: Db, client: TcrClient, orgId: string, brandId: string): Promise<{ attempts: OtpAttempt[]; status: SmsOtpStatus | null }> {
  const attempts = await otpAttempts(db, orgId, brandId);
  const ref = attempts[0]?.referenceId;
  if (!ref) return { attempts, status: null };
  // Vonage reads an OTP's status under its brand (GET /brands/:brand_id/verification/:reference_id).
  if ((await capabilitiesFor(db, orgId)).kind === "VONAGE") {
    const s = await (await vonageClientFor(db, orgId)).brands.getVerificationStatus(brandId, ref);
    return { attempts, status: { referenceId: s.referenceId, brandId: s.brandId, mobilePhone: s.mobilePhone ?? undefined, requestDate: s.requestDate ?? undefined, verifyDate: s.verifyDate, deliveryStatus: s.deliveryStatus, deliveryStatusDate: s.deliveryStatusDate, deliveryStatusDetails: s.deliveryStatusDetails } as SmsOtpStatus };
  }
  return { attempts, status: await client.brands.getSmsOtpStatus(ref) };
}
