import { z } from "zod";

// Client-safe: the inputs of the brand detail page's lifecycle actions (revet, delete).
// TCR brand ids are 7 characters; a CPaaS upstream may use its own (Telnyx: a UUID; Vonage: up to 50).
export const brandIdSchema = z.string().trim().min(1).max(64);

/** Each confirmation dialog mints one key; a retry of the same click reuses it, so nothing is billed twice. */
export const idempotencyKeySchema = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/);

export const revetSchema = z.object({ brandId: brandIdSchema, idempotencyKey: idempotencyKeySchema });

export const deleteBrandSchema = z.object({ brandId: brandIdSchema });
