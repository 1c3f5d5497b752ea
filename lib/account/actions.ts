"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { changePassword, revokeAllSessions, revokeOwnSession } from "@/lib/account/commands";
import { changePasswordSchema, confirmTotpSchema, disableTotpSchema, revokeAllSessionsSchema, revokeSessionSchema, startTotpSchema } from "@/lib/account/schemas";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "@/lib/auth/totp";

// In an organization that requires two-factor sign-in, a member who has not set it up may still set it up and look
// after their own password and sessions (allowedBeforeTwoFactor); everything else waits (lib/safe-action.ts).
export const changePasswordAction = orgAction(
  { name: "account.password.change", permission: "account.self", schema: changePasswordSchema, allowedBeforePasswordChange: true, allowedBeforeTwoFactor: true },
  async (input, ctx) => {
    const r = await changePassword(db(), ctx, input);
    revalidatePath("/account");
    return r;
  },
);

export const revokeSessionAction = orgAction(
  { name: "account.session.revoke", permission: "account.self", schema: revokeSessionSchema, allowedBeforeTwoFactor: true, target: (i) => ({ type: "session", id: i.sessionId }) },
  async (input, ctx) => {
    const r = await revokeOwnSession(db(), ctx, input);
    revalidatePath("/account");
    return r;
  },
);

export const revokeAllSessionsAction = orgAction(
  { name: "account.sessions.revoke_all", permission: "account.self", schema: revokeAllSessionsSchema, allowedBeforeTwoFactor: true },
  async (_input, ctx) => revokeAllSessions(db(), ctx),
);

export const startTotpAction = orgAction(
  { name: "account.totp.start", permission: "account.self", schema: startTotpSchema, allowedBeforeTwoFactor: true },
  async (_input, ctx) => startTotpEnrolment(db(), ctx),
);

export const confirmTotpAction = orgAction(
  { name: "account.totp.enable", permission: "account.self", schema: confirmTotpSchema, allowedBeforeTwoFactor: true },
  async (input, ctx) => {
    const r = await confirmTotpEnrolment(db(), ctx, input);
    revalidatePath("/account");
    return r;
  },
);

export const disableTotpAction = orgAction(
  { name: "account.totp.disable", permission: "account.self", schema: disableTotpSchema },
  async (input, ctx) => {
    const r = await disableTotp(db(), ctx, input);
    revalidatePath("/account");
    return r;
  },
);
