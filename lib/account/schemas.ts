import { z } from "zod";
import { password } from "@/lib/auth/schemas";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256, "Use at most 256 characters."),
    newPassword: password,
    confirmPassword: z.string().max(256, "Use at most 256 characters."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export const revokeSessionSchema = z.object({ sessionId: z.string().min(1, "Choose a session.").max(100) });

export const revokeAllSessionsSchema = z.object({});

export const startTotpSchema = z.object({});
export const confirmTotpSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your app.") });
export const disableTotpSchema = z.object({
  password: z.string().min(1, "Enter your password.").max(256, "Use at most 256 characters."),
  code: z.string().trim().min(1, "Enter a code from your app, or a recovery code.").max(32, "Use at most 32 characters."),
});
