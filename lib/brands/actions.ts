"use server";
import { revalidatePath } from "next/cache";
import { refreshBrandFromRegistry } from "@/lib/brands/commands";
import { brandDraftIdSchema, refreshBrandSchema, saveBrandDraftSchema, updateBrandSchema } from "@/lib/brands/schemas";
import { discardBrandDraft, saveBrandDraft } from "@/lib/brands/drafts";
import { submitBrandDraft } from "@/lib/brands/submit";
import { updateBrandFromForm } from "@/lib/brands/update";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";

export const refreshBrandAction = orgAction({ name: "brand.refresh", permission: "registry.act", schema: refreshBrandSchema, target: (i) => ({ type: "brand", id: i.brandId }) }, async (input, ctx) => {
  const r = await refreshBrandFromRegistry(db(), ctx, input);
  revalidatePath(`/brands/${encodeURIComponent(input.brandId)}`);
  revalidatePath("/brands");
  return r;
});

export const saveBrandDraftAction = orgAction({ name: "brand.draft.save", permission: "registry.act", schema: saveBrandDraftSchema }, async (input, ctx) => {
  const r = await saveBrandDraft(db(), ctx, input);
  return { draftId: r.draftId, suggestedReferenceId: r.suggestedReferenceId, savedAt: r.savedAt.toISOString() };
});

export const discardBrandDraftAction = orgAction({ name: "brand.draft.discard", permission: "registry.act", schema: brandDraftIdSchema, target: (i) => ({ type: "brandDraft", id: i.draftId }) }, async (input, ctx) => {
  const r = await discardBrandDraft(db(), ctx, input);
  revalidatePath("/brands");
  return r;
});

export const submitBrandDraftAction = orgAction({ name: "brand.create", permission: "registry.act", schema: brandDraftIdSchema, target: (i) => ({ type: "brandDraft", id: i.draftId }) }, async (input, ctx) => {
  const r = await submitBrandDraft(db(), ctx, input);
  revalidatePath("/brands");
  return r;
});

export const updateBrandAction = orgAction({ name: "brand.update", permission: "registry.act", schema: updateBrandSchema, target: (i) => ({ type: "brand", id: i.brandId }) }, async (input, ctx) => {
  const r = await updateBrandFromForm(db(), ctx, input);
  revalidatePath(`/brands/${encodeURIComponent(input.brandId)}`);
  revalidatePath("/brands");
  return r;
});
