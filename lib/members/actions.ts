"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { addMember, changeRole, removeMember, resetMemberPassword } from "@/lib/members/commands";
import { addMemberSchema, changeRoleSchema, removeMemberSchema, resetPasswordSchema } from "@/lib/members/schemas";

export const addMemberAction = orgAction({ name: "members.add", permission: "members.manage", schema: addMemberSchema }, async (input, ctx) => {
  const r = await addMember(db(), ctx, input);
  revalidatePath("/settings/members");
  return r;
});

export const changeRoleAction = orgAction({ name: "members.change_role", permission: "members.manage", schema: changeRoleSchema }, async (input, ctx) => {
  const r = await changeRole(db(), ctx, input);
  revalidatePath("/settings/members");
  return r;
});

export const removeMemberAction = orgAction({ name: "members.remove", permission: "members.manage", schema: removeMemberSchema }, async (input, ctx) => {
  const r = await removeMember(db(), ctx, input);
  revalidatePath("/settings/members");
  return r;
});

export const resetMemberPasswordAction = orgAction(
  { name: "members.reset_password", permission: "members.manage", schema: resetPasswordSchema, target: (i) => ({ type: "membership", id: i.membershipId }) },
  async (input, ctx) => resetMemberPassword(db(), ctx, input),
);
