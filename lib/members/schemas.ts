import { z } from "zod";
import { email, password, roleSchema } from "@/lib/auth/schemas";

export const addMemberSchema = z.object({
  email,
  name: z.string().trim().min(1, "Enter the person's name.").max(120),
  role: roleSchema,
  // Only used when the email has no account yet; an existing user keeps their own password.
  password: z.union([password, z.literal("")]).optional(),
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ membershipId: z.string().min(1), role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
export const resetPasswordSchema = z.object({ membershipId: z.string().min(1) });
