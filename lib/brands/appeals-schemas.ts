import { z } from "zod";
import { brandIdSchema } from "@/lib/brands/lifecycle-schemas";
import { APPEAL_LIMITS } from "@/lib/evidence/kinds";

// Client-safe. Appeal bodies: at least one category, explanation ≤ 1024 (tcr-api-part1 §3.10, §3.17, §4.5);
// evidence are files of the portal's library, sent to the registry just before the appeal.
export const EXPLANATION_MAX = 1024;

export const appealFields = {
  brandId: brandIdSchema,
  appealCategories: z.array(z.string().trim().min(1).max(100)).min(1, "Choose at least one category").max(20),
  explanation: z.string().trim().max(EXPLANATION_MAX, `At most ${EXPLANATION_MAX} characters`).optional(),
  fileIds: z.array(z.string().min(1).max(100)).max(APPEAL_LIMITS.files, `At most ${APPEAL_LIMITS.files} files`).default([]),
};

export const identityAppealSchema = z.object(appealFields);
export type IdentityAppealInput = z.input<typeof identityAppealSchema>;
