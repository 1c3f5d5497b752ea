"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { evidenceStorage } from "@/lib/evidence";
import { attachEvidence } from "@/lib/evidence/attach";
import { attachSchema, registryFileSchema, targetSchema } from "@/lib/evidence/attach-targets";
import { attachmentsFor, libraryFor } from "@/lib/evidence/queries";
import { deleteFromRegistry, listAtRegistry, type RegistryFile } from "@/lib/evidence/registry";
import { describeRegistryError } from "@/lib/registry/errors";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import { orgAction } from "@/lib/safe-action";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const targetOf = (t: { targetType: string; targetId: string }) => ({ type: t.targetType, id: t.targetId });

export const attachEvidenceAction = orgAction({ name: "evidence.attach", permission: "registry.act", schema: attachSchema, target: targetOf }, async (input, ctx) => {
  try {
    const upstream = (await capabilitiesFor(db(), ctx.org.id)).kind;
    const row = await attachEvidence({ db: db(), storage: evidenceStorage(), client: await registryClientFor(db(), ctx.org.id), upstream }, ctx, input);
    return { registryUuid: row.registryUuid };
  } finally {
    // A failure is recorded on the file's row too, so the page shows it either way.
    revalidatePath("/evidence");
  }
});

export type AttachPanelData = {
  /** This portal's sends to the target: ATTACHED with the registry uuid, or FAILED with the reason. */
  attachments: Awaited<ReturnType<typeof attachmentsFor>>;
  /** Library files of the kinds the target takes. */
  library: Awaited<ReturnType<typeof libraryFor>>;
  /** What the registry lists for the target, or why it could not be asked. */
  registry: { ok: true; files: RegistryFile[] } | { ok: false; error: string };
  /** The organization's upstream kind, whose own file limits the browser checks before an upload. */
  upstream: string;
};

/** Everything the attach panel shows for one target. A registry failure is part of the answer, not an error. */
export const loadAttachPanelAction = orgAction({ name: "evidence.panel", permission: "org.read", schema: targetSchema }, async (t, ctx): Promise<AttachPanelData> => {
  const [attachments, library] = await Promise.all([attachmentsFor(db(), ctx.org.id, t), libraryFor(db(), ctx.org.id, t.targetType)]);
  let registry: AttachPanelData["registry"];
  try {
    registry = { ok: true, files: await listAtRegistry({ db: db(), client: await registryClientFor(db(), ctx.org.id) }, ctx.org.id, t) };
  } catch (e) {
    const described = describeRegistryError(e);
    if (!described && !(e instanceof AppError)) log().error({ err: e, orgId: ctx.org.id }, "registry list failed");
    registry = { ok: false, error: described?.message ?? (e instanceof AppError ? e.message : "The registry's list could not be read.") };
  }
  return { attachments, library, registry, upstream: (await capabilitiesFor(db(), ctx.org.id)).kind };
});

export const deleteRegistryFileAction = orgAction({ name: "evidence.registryDelete", permission: "registry.act", schema: registryFileSchema, target: targetOf }, async (input, ctx) => {
  try {
    return await deleteFromRegistry({ db: db(), client: await registryClientFor(db(), ctx.org.id) }, ctx, input, input.uuid);
  } finally {
    revalidatePath("/evidence");
  }
});
