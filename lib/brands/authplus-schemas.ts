import { z } from "zod";
import { brandIdSchema } from "@/lib/brands/lifecycle-schemas";

// Client-safe. The 2FA email can be resent for Authentication+ or RCS (tcr-api-part1 §3.8).
export const TWO_FA_CLASSES = ["AUTHPLUS", "RCS"] as const;
/** Only within 30 days of the start of the verification, at most one email per 2 hours per address. */
export const TWO_FA_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
export const TWO_FA_THROTTLE_MS = 2 * 60 * 60 * 1000;

export const resend2faSchema = z.object({ brandId: brandIdSchema, vettingClass: z.enum(TWO_FA_CLASSES).default("AUTHPLUS") });
