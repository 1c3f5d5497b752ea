import { z } from "zod";
import { brandIdSchema } from "@/lib/brands/lifecycle-schemas";
import { TagName } from "@/lib/tcr/schemas/tag";

// Client-safe. Tags: ≤ 10 per brand, 1–50 characters, no spaces or punctuation, stored lowercase (part 2 §13).
export const MAX_BRAND_TAGS = 10;
export const tagSchema = z.object({ brandId: brandIdSchema, name: z.string().trim().pipe(TagName) });
