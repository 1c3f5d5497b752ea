import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { resend2faSchema } from "@/lib/brands/authplus-schemas";
import { requireBrand, type ClientFor, type Ctx } from "@/lib/brands/lifecycle";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { registryClientFor } from "@/lib/registry/client";

/**
 * Resends the Authentication+ (or RCS) 2FA email to the business contact. The registry allows it only
 * within 30 days of the start of the verification and at most once per 2 hours (tcr-api-part1 §3.8).
 */
export async function resend2faEmail(db: Db, ctx: Ctx, input: z.infer<typeof resend2faSchema>, clientFor: ClientFor = registryClientFor) {
  const brand = await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  if (brand.entityType === "SOLE_PROPRIETOR") throw new ConflictError("Sole proprietors have no business contact 2FA email.");
  const client = await clientFor(db, ctx.org.id);
  await client.brands.resend2faEmail(input.brandId, { vettingClass: input.vettingClass });
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.2fa.resend", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { vettingClass: input.vettingClass } });
  return { sentAt: new Date().toISOString() };
}

/** When the 2FA email was last resent from the portal, for the 2-hour throttle hint. */
export async function last2faResend(db: Db, orgId: string, brandId: string): Promise<Date | null> {
  const row = await db.auditLog.findFirst({
    where: { orgId, action: "brand.2fa.resend", targetType: "brand", targetId: brandId, outcome: "SUCCESS" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}
