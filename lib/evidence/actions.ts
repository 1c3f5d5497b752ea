"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { evidenceStorage } from "@/lib/evidence";
import { attachEvidence } from "@/lib/evidence/attach";
import { attachSchema } from "@/lib/evidence/attach-targets";
import { registryClientFor } from "@/lib/registry/client";
import { orgAction } from "@/lib/safe-action";

export const attachEvidenceAction = orgAction({ name: "evidence.attach", permission: "registry.act", schema: attachSchema }, async (input, ctx) => {
  try {
    const row = await attachEvidence({ db: db(), storage: evidenceStorage(), client: await registryClientFor(db(), ctx.org.id) }, ctx, input);
    return { registryUuid: row.registryUuid };
  } finally {
    // A failure is recorded on the file's row too, so the page shows it either way.
    revalidatePath("/evidence");
  }
});
