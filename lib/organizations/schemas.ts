import { z } from "zod";

export const orgNameSchema = z.string().trim().min(2, "Use at least 2 characters.").max(100, "Use at most 100 characters.");
export const createOrgSchema = z.object({ name: orgNameSchema });
export const requireTwoFactorSchema = z.object({ requireTwoFactor: z.boolean({ error: "Choose on or off." }) });
export const switchOrgSchema = z.object({ orgId: z.string().min(1) });
