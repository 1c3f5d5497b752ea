import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { NotFoundError, ValidationFailedError } from "@/lib/errors";
import { ATTACH_TARGETS, type attachSchema } from "@/lib/evidence/attach-targets";
import { APPEAL_LIMITS, formatBytes, refuseByName, rulesFor } from "@/lib/evidence/kinds";
import { StorageNotFound, type EvidenceStorage } from "@/lib/evidence/storage";
import { describeRegistryError } from "@/lib/registry/errors";
import type { TcrClient } from "@/lib/tcr/client";

type Ctx = Pick<OrgContext, "org" | "user">;

/**
 * Sends a stored file to the registry for one use and records the registry's uuid. A failure is recorded on
 * the attachment row and leaves the file in the library, so the same call can simply be made again.
 */
export async function attachEvidence(deps: { db: Db; storage: EvidenceStorage; client: TcrClient; upstream?: string | null }, ctx: Ctx, input: z.infer<typeof attachSchema>) {
  const { db } = deps;
  const file = await db.evidenceFile.findFirst({ where: { id: input.fileId, orgId: ctx.org.id } });
  if (!file) throw new NotFoundError("That file");
  const target = ATTACH_TARGETS[input.targetType];
  if (!(target.kinds as readonly string[]).includes(file.kind)) {
    const msg = `This file was uploaded as ${file.kind.toLowerCase().replace(/_/g, " ")}, which cannot be used as ${target.label}.`;
    throw new ValidationFailedError({ fileId: msg }, msg);
  }
  // A library file stored under the registry's rules (or before the switch to Vonage) may be outside Vonage's list.
  if (input.targetType === "BRAND_APPEAL_EVIDENCE" && deps.upstream === "VONAGE") {
    const why = refuseByName(rulesFor("APPEAL_EVIDENCE", deps.upstream), { name: file.fileName, size: file.size });
    if (why) throw new ValidationFailedError({ fileId: why }, why);
  }
  const existing = await db.evidenceAttachment.findUnique({ where: { fileId_targetType_targetId: { fileId: file.id, targetType: input.targetType, targetId: input.targetId } } });
  if (existing?.state === "ATTACHED") return existing;
  if (input.targetType === "BRAND_APPEAL_EVIDENCE") {
    const attached = await db.evidenceAttachment.findMany({ where: { orgId: ctx.org.id, targetType: input.targetType, targetId: input.targetId, state: "ATTACHED" }, include: { file: { select: { size: true } } } });
    const total = attached.reduce((n, a) => n + a.file.size, 0) + file.size;
    if (attached.length + 1 > APPEAL_LIMITS.files || total > APPEAL_LIMITS.totalBytes) {
      const msg = `An appeal takes at most ${APPEAL_LIMITS.files} files and ${formatBytes(APPEAL_LIMITS.totalBytes)} in all.`;
      throw new ValidationFailedError({ fileId: msg }, msg);
    }
  }
  const key = { fileId_targetType_targetId: { fileId: file.id, targetType: input.targetType, targetId: input.targetId } };
  const base = { orgId: ctx.org.id, fileId: file.id, targetType: input.targetType, targetId: input.targetId };
  try {
    const sent = await deps.storage.withBlob(file.storageKey, file.mimeType, (data) => {
      const upload = { data, fileName: file.fileName, mimeType: file.mimeType };
      return input.targetType === "BRAND_APPEAL_EVIDENCE"
        ? deps.client.brands.uploadAppealEvidence(input.targetId, upload)
        : input.targetType === "CAMPAIGN_MMS"
          ? deps.client.campaigns.uploadMmsMedia(input.targetId, upload)
          : deps.client.campaigns.uploadSupportingDocument(input.targetId, upload);
    });
    const row = await db.evidenceAttachment.upsert({
      where: key,
      create: { ...base, state: "ATTACHED", registryUuid: sent.uuid, attempts: 1, attachedAt: new Date() },
      update: { state: "ATTACHED", registryUuid: sent.uuid, error: null, attempts: { increment: 1 }, attachedAt: new Date() },
    });
    await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "evidence.attach", targetType: input.targetType, targetId: input.targetId, outcome: "SUCCESS", detail: { fileId: file.id, registryUuid: sent.uuid } });
    return row;
  } catch (e) {
    const message =
      describeRegistryError(e)?.message ??
      (e instanceof StorageNotFound ? "The stored copy of this file is missing; upload it again." : "The upload to the registry failed.");
    await db.evidenceAttachment.upsert({ where: key, create: { ...base, state: "FAILED", error: message, attempts: 1 }, update: { state: "FAILED", error: message, attempts: { increment: 1 } } });
    await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "evidence.attach", targetType: input.targetType, targetId: input.targetId, outcome: "FAILURE", detail: { fileId: file.id, reason: message } });
    throw e;
  }
}
