import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { RegistryFile, TargetRef } from "@/lib/evidence/attach-targets";

export type { RegistryFile };
import type { TcrClient } from "@/lib/tcr/client";

type Ctx = Pick<OrgContext, "org" | "user">;


async function registryList(client: TcrClient, t: TargetRef) {
  const rows =
    t.targetType === "BRAND_APPEAL_EVIDENCE"
      ? await client.brands.listAppealEvidence(t.targetId)
      : t.targetType === "CAMPAIGN_MMS"
        ? await client.campaigns.listMmsMedia(t.targetId)
        : await client.campaigns.listSupportingDocuments(t.targetId);
  return rows.filter((r): r is typeof r & { uuid: string } => typeof r.uuid === "string" && r.uuid.length > 0);
}

/** What the registry holds for a brand's appeal evidence or a campaign's MMS samples / supporting documents. */
export async function listAtRegistry(deps: { db: Db; client: TcrClient }, orgId: string, t: TargetRef): Promise<RegistryFile[]> {
  const rows = await registryList(deps.client, t);
  const ours = await deps.db.evidenceAttachment.findMany({
    where: { orgId, targetType: t.targetType, targetId: t.targetId, registryUuid: { in: rows.map((r) => r.uuid) } },
    select: { registryUuid: true, fileId: true },
  });
  const fileOf = new Map(ours.map((a) => [a.registryUuid, a.fileId]));
  return rows.map((r) => ({ uuid: r.uuid, fileName: r.fileName ?? null, mimeType: r.mimeType ?? null, fileId: fileOf.get(r.uuid) ?? null }));
}

/**
 * Attachment ids are global at the registry: a uuid is only served or deleted here when the registry lists
 * it for the target named, so a page for one campaign cannot reach another's files (or a brand asset's).
 */
async function requireListed(client: TcrClient, t: TargetRef, uuid: string) {
  const found = (await registryList(client, t)).find((r) => r.uuid === uuid);
  if (!found) throw new NotFoundError("That file at the registry");
  return found;
}

export async function downloadFromRegistry(client: TcrClient, t: TargetRef, uuid: string) {
  const listed = await requireListed(client, t, uuid);
  const got = await client.attachments.download(uuid);
  return { data: got.data, fileName: got.fileName ?? listed.fileName ?? "file", contentType: got.contentType ?? listed.mimeType ?? null };
}

/** Deletes the registry's copy; the library file stays, and its use for this target is forgotten. */
export async function deleteFromRegistry(deps: { db: Db; client: TcrClient }, ctx: Ctx, t: TargetRef, uuid: string) {
  const listed = await requireListed(deps.client, t, uuid);
  await deps.client.attachments.delete(uuid);
  const where = { orgId: ctx.org.id, targetType: t.targetType, targetId: t.targetId, registryUuid: uuid };
  const uses = await deps.db.evidenceAttachment.findMany({ where, select: { fileId: true } });
  await deps.db.evidenceAttachment.deleteMany({ where });
  await audit(deps.db, {
    orgId: ctx.org.id, actor: ctx.user, action: "evidence.registryDelete", targetType: t.targetType, targetId: t.targetId, outcome: "SUCCESS",
    detail: { registryUuid: uuid, fileName: listed.fileName ?? null, fileIds: uses.map((u) => u.fileId) },
  });
  return { uuid };
}
