"use server";
import { revalidatePath } from "next/cache";
import { createReseller, deleteReseller, updateReseller } from "@/lib/resellers/commands";
import { createResellerSchema, deleteResellerSchema, updateResellerSchema } from "@/lib/resellers/schemas";
import { RESELLERS_PATH } from "@/lib/resellers/search-params";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { registerVonageReseller } from "@/lib/resellers/vonage";
import { vonageResellerSchema } from "@/lib/resellers/vonage-schemas";

// settings.manage (admins): a reseller is an account-wide business relationship kept in Settings, and the
// one a campaign names is permanent there (it can only ever be removed). Operators pick from them in the builder.
const target = (i: { resellerId: string }) => ({ type: "reseller", id: i.resellerId });

export const createResellerAction = orgAction({ name: "reseller.create", permission: "settings.manage", schema: createResellerSchema }, async (input, ctx) => {
  const r = await createReseller(db(), ctx, input);
  revalidatePath(RESELLERS_PATH);
  return r;
});

export const updateResellerAction = orgAction({ name: "reseller.update", permission: "settings.manage", schema: updateResellerSchema, target }, async (input, ctx) => {
  const r = await updateReseller(db(), ctx, input);
  revalidatePath(RESELLERS_PATH);
  return r;
});

export const deleteResellerAction = orgAction({ name: "reseller.delete", permission: "settings.manage", schema: deleteResellerSchema, target }, async (input, ctx) => {
  const r = await deleteReseller(db(), ctx, input);
  revalidatePath(RESELLERS_PATH);
  return r;
});

/** Vonage: asks Vonage to register (and review) a reseller for the account. */
export const registerVonageResellerAction = orgAction({ name: "reseller.vonage.create", permission: "settings.manage", schema: vonageResellerSchema }, async (input, ctx) => {
  const r = await registerVonageReseller(db(), ctx, input);
  revalidatePath(RESELLERS_PATH);
  return { id: r.id, status: r.status };
});
