"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { changePassword, revokeAllSessions, revokeOwnSession } from "@/lib/account/commands";
import { changePasswordSchema, revokeAllSessionsSchema, revokeSessionSchema } from "@/lib/account/schemas";

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
