"use server";
import { revalidatePath } from "next/cache";
import { refreshBrandFromRegistry } from "@/lib/brands/commands";
import { refreshBrandSchema } from "@/lib/brands/schemas";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";

export const refreshBrandAction = orgAction({ name: "brand.refresh", permission: "registry.act", schema: refreshBrandSchema, target: (i) => ({ type: "brand", id: i.brandId }) }, async (input, ctx) => {
  const r = await refreshBrandFromRegistry(db(), ctx, input);
  revalidatePath(`/brands/${encodeURIComponent(input.brandId)}`);
  revalidatePath("/brands");
  return r;
});
