import type { z } from "zod";
import { audit } from "@/lib/audit";
import { evidenceUuids, type AppealDeps } from "@/lib/brands/appeals";
import { ASSET_EVIDENCE_KIND, assetRules, type assetAppealSchema, type assetRefSchema, type uploadAssetSchema } from "@/lib/brands/assets-schemas";
import { requireBrand, type ClientFor, type Ctx } from "@/lib/brands/lifecycle";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationFailedError } from "@/lib/errors";
import { evidenceStorage } from "@/lib/evidence";
import { registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import type { BrandAsset } from "@/lib/tcr/schemas/brandAsset";

async function requireAssetBrand(db: Db, orgId: string, brandId: string) {
  const brand = await requireBrand(db, orgId, brandId, { active: true });
  if (brand.entityType === "SOLE_PROPRIETOR") throw new ConflictError("Sole proprietor brands cannot have brand assets.");
  return brand;
}

async function findAsset(client: TcrClient, brandId: string, name: string): Promise<BrandAsset> {
  const [asset] = (await client.brandAssets.list(brandId, { name })).filter((a) => a.name === name);
  if (!asset) throw new NotFoundError("That asset");
  return asset;
}

/**
 * Sends an image from the library as a brand LOGO or BANNER. The library already checked type, size and
 * exact dimensions when the file was uploaded as BRAND_LOGO / BRAND_BANNER; the kind must match the type.
 */
export async function uploadBrandAsset(db: Db, ctx: Ctx, input: z.infer<typeof uploadAssetSchema>, deps: AppealDeps = {}) {
  await requireAssetBrand(db, ctx.org.id, input.brandId);
  const file = await db.evidenceFile.findFirst({ where: { id: input.fileId, orgId: ctx.org.id } });
  if (!file) throw new NotFoundError("That file");
  if (file.kind !== ASSET_EVIDENCE_KIND[input.type]) {
    const msg = `A ${input.type} must be uploaded as a ${input.type === "LOGO" ? "logo (224×224, ≤ 50 KB)" : "banner (1440×448, ≤ 200 KB)"}.`;
    throw new ValidationFailedError({ fileId: msg }, msg);
  }
  const client = await (deps.clientFor ?? registryClientFor)(db, ctx.org.id);
  const storage = (deps.storage ?? evidenceStorage)();
  await storage.withBlob(file.storageKey, file.mimeType, (blob) =>
    client.brandAssets.upload(input.brandId, { name: input.name, type: input.type }, { data: blob, fileName: file.fileName, mimeType: file.mimeType }),
  );
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.asset.upload", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { name: input.name, type: input.type, fileId: file.id } });
  return { name: input.name };
}

/** Submits an asset for verification: the brand must be VERIFIED or VETTED_VERIFIED (tcr-api-part1 §4.6). */
export async function verifyBrandAsset(db: Db, ctx: Ctx, input: z.infer<typeof assetRefSchema>, clientFor: ClientFor = registryClientFor) {
  const brand = await requireAssetBrand(db, ctx.org.id, input.brandId);
  const client = await clientFor(db, ctx.org.id);
  const asset = await findAsset(client, input.brandId, input.name);
  const rules = assetRules(asset, brand.identityStatus);
  if (!rules.canVerify) throw new ConflictError(rules.verifyBlocked ?? "This asset cannot be submitted now.");
  await client.brandAssets.verify(input.brandId, input.name);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.asset.verify", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { name: input.name } });
  return { name: input.name };
}

/** Appeals an UNVERIFIED asset within 45 days of its upload (tcr-api-part1 §4.5). */
export async function appealBrandAsset(db: Db, ctx: Ctx, input: z.infer<typeof assetAppealSchema>, deps: AppealDeps = {}) {
  const brand = await requireAssetBrand(db, ctx.org.id, input.brandId);
  const client = await (deps.clientFor ?? registryClientFor)(db, ctx.org.id);
  const asset = await findAsset(client, input.brandId, input.name);
  if (!assetRules(asset, brand.identityStatus).canAppeal) {
    throw new ConflictError("Only an asset whose verification was refused (UNVERIFIED) can be appealed.");
  }
  const attachmentUuids = await evidenceUuids(db, client, (deps.storage ?? evidenceStorage)(), ctx, input.brandId, input.fileIds);
  await client.brandAssets.appeal(input.brandId, input.name, {
    appealCategories: input.appealCategories,
    ...(attachmentUuids.length ? { attachmentUuids } : {}),
    ...(input.explanation ? { explanation: input.explanation } : {}),
  });
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.asset.appeal", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { name: input.name, appealCategories: input.appealCategories } });
  return { name: input.name };
}

/** Removes an asset; not while it is PENDING or VERIFIED (tcr-api-part1 §4.3). */
export async function deleteBrandAsset(db: Db, ctx: Ctx, input: z.infer<typeof assetRefSchema>, clientFor: ClientFor = registryClientFor) {
  const brand = await requireBrand(db, ctx.org.id, input.brandId);
  const client = await clientFor(db, ctx.org.id);
  const asset = await findAsset(client, input.brandId, input.name);
  const rules = assetRules(asset, brand.identityStatus);
  if (!rules.canDelete) throw new ConflictError(rules.deleteBlocked ?? "This asset cannot be removed now.");
  await client.brandAssets.delete(input.brandId, input.name);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.asset.delete", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { name: input.name } });
  return { name: input.name };
}
