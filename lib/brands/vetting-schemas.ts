import { z } from "zod";
import { appealFields } from "@/lib/brands/appeals-schemas";
import { brandIdSchema, idempotencyKeySchema } from "@/lib/brands/lifecycle-schemas";

// Client-safe. Providers and classes are open lists the registry serves (/enum/extVettingProvider,
// /enum/vettingClass); the form offers what it serves, the registry decides.
const evpId = z.string().trim().min(1, "Choose a provider").max(10);

export const orderVettingSchema = z
  .object({
    brandId: brandIdSchema,
    evpId,
    vettingClass: z.string().trim().min(1, "Choose a class").max(20),
    additionalRequestPayload: z.string().trim().max(65535).optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((v, ctx) => {
    if (v.vettingClass === "POLITICAL" && !v.additionalRequestPayload) {
      ctx.addIssue({ code: "custom", path: ["additionalRequestPayload"], message: "Political vets need the committee details (a JSON object)" });
    }
    if (v.additionalRequestPayload) {
      let ok = false;
      try {
        const parsed: unknown = JSON.parse(v.additionalRequestPayload);
        ok = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
      } catch {
        ok = false;
      }
      if (!ok) ctx.addIssue({ code: "custom", path: ["additionalRequestPayload"], message: "Must be a JSON object, e.g. {\"locale\": \"federal\"}" });
    }
  });

export const importVettingSchema = z.object({
  brandId: brandIdSchema,
  evpId,
  vettingId: z.string().trim().min(1, "The provider's vetting id is required").max(255),
  vettingToken: z.string().trim().max(65535).optional(),
});

export const vettingAppealSchema = z.object({ ...appealFields, evpId, vettingId: z.string().trim().min(1).max(255) });

export const refreshVettingSchema = z.object({ brandId: brandIdSchema });

/** What to type as vettingId per provider (tcr-api-part1 §3.14). */
export const IMPORT_HINTS: Record<string, string> = {
  AEGIS: "The Aegis vetting ID; the Verification Certificate goes in the token field (required).",
  CV: "The Campaign Verify authorization token (POLITICAL only; US non-profits without 501(c) status).",
  WMC: "The WMC Global transaction ID (STANDARD only; US private or public companies).",
};
