import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254));

export const password = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(256, "Use at most 256 characters.");

/** Sign-in refusals when two-factor is on (here, not in sessions.ts, so the client form can recognise them). */
export const CODE_REQUIRED = "Enter the 6-digit code from your authenticator app, or a recovery code.";
export const WRONG_CODE = "That code is not right, or was already used.";

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(256),
  // Only when two-factor sign-in is on: a 6-digit code or a recovery code.
  code: z.string().trim().max(32, "Use at most 32 characters.").optional(),
});

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });
