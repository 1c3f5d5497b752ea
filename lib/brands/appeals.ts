import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { identityAppealSchema } from "@/lib/brands/appeals-schemas";
import { requireBrand, type ClientFor, type Ctx } from "@/lib/brands/lifecycle";
import type { Db } from "@/lib/db";
import { ConflictError, ValidationFailedError } from "@/lib/errors";
import { evidenceStorage } from "@/lib/evidence";
import { attachEvidence } from "@/lib/evidence/attach";
import type { EvidenceStorage } from "@/lib/evidence/storage";
import { refreshBrandAppeals } from "@/lib/mirror/vetting";
import { registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";

export type AppealDeps = { clientFor?: ClientFor; storage?: () => EvidenceStorage };

/**
 * Sends the chosen library files to the registry as this brand's appeal evidence (each once: a file already
 * attached keeps its uuid) and returns the registry's uuids, in the order given.
 */
export async function evidenceUuids(db: Db, client: TcrClient, storage: EvidenceStorage, ctx: Ctx, brandId: string, fileIds: string[]): Promise<string[]> {
  const uuids: string[] = [];
  for (const fileId of [...new Set(fileIds)]) {
    const row = await attachEvidence({ db, storage, client }, ctx, { fileId, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId });
    if (!row.registryUuid) throw new ValidationFailedError({ fileIds: "The registry did not accept one of the files." }, "The registry did not accept one of the files.");
    uuids.push(row.registryUuid);
  }
  return uuids;
}

/**
 * Appeals the identity result (tcr-api-part1 §3.10): evidence first, then the appeal with their uuids.
 * Sole proprietors verify by OTP instead. The mirror of the brand's appeals is refreshed afterwards.
 */
export async function fileIdentityAppeal(db: Db, ctx: Ctx, input: z.infer<typeof identityAppealSchema>, deps: AppealDeps = {}) {
  const brand = await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  if (brand.entityType === "SOLE_PROPRIETOR") throw new ConflictError("A sole proprietor's identity is confirmed by the SMS one-time passcode; there is nothing to appeal.");
  const client = await (deps.clientFor ?? registryClientFor)(db, ctx.org.id);
  const attachmentUuids = await evidenceUuids(db, client, (deps.storage ?? evidenceStorage)(), ctx, input.brandId, input.fileIds);
  await client.brands.appeal(input.brandId, {
    appealCategories: input.appealCategories,
    ...(attachmentUuids.length ? { attachmentUuids } : {}),
    ...(input.explanation ? { explanation: input.explanation } : {}),
  });
  const mirror = await refreshBrandAppeals(db, client, ctx.org.id, input.brandId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "brand.appeal", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS",
    detail: { appealCategories: input.appealCategories, attachments: attachmentUuids.length, appeals: mirror.appeals },
  });
  return { brandId: input.brandId, attachmentUuids };
}

/** The mirrored appeals of a brand, newest first. */
export function listBrandAppeals(db: Db, orgId: string, brandId: string) {
  return db.brandAppeal.findMany({ where: { orgId, brandId }, orderBy: [{ appealedAt: { sort: "desc", nulls: "last" } }, { key: "desc" }] });
}
