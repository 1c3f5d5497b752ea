"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { changePassword, revokeAllSessions, revokeOwnSession } from "@/lib/account/commands";
import { changePasswordSchema, confirmTotpSchema, disableTotpSchema, revokeAllSessionsSchema, revokeSessionSchema, startTotpSchema } from "@/lib/account/schemas";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "@/lib/auth/totp";

export const changePasswordAction = orgAction(
  { name: "account.password.change", permission: "account.self", schema: changePasswordSchema, allowedBeforePasswordChange: true },
  async (input, ctx) => {
    const r = await changePassword(db(), ctx, input);
    revalidatePath("/account");
    return r;
  },
);

export const revokeSessionAction = orgAction(
  { name: "account.session.revoke", permission: "account.self", schema: revokeSessionSchema, target: (i) => ({ type: "session", id: i.sessionId }) },
  async (input, ctx) => {
    const r = await revokeOwnSession(db(), ctx, input);
    revalidatePath("/account");
    return r;
  },
);

export const revokeAllSessionsAction = orgAction(
  { name: "account.sessions.revoke_all", permission: "account.self", schema: revokeAllSessionsSchema },
  async (_input, ctx) => revokeAllSessions(db(), ctx),
);

export const startTotpAction = orgAction(
  { name: "account.totp.start", permission: "account.self", schema: startTotpSchema },
  async (_input, ctx) => startTotpEnrolment(db(), ctx),
);

export const confirmTotpAction = orgAction(
  { name: "account.totp.enable", permission: "account.self", schema: confirmTotpSchema },
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
