"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";

export const saveConnectionAction = orgAction(
  { name: "registry.connection.save", permission: "settings.manage", schema: registryConnectionSchema },
  async (input, ctx) => {
    await saveConnection(db(), ctx, input);
    revalidatePath("/settings/registry");
    return null;
  },
);
