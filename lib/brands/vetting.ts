import type { z } from "zod";
import { audit } from "@/lib/audit";
import { evidenceUuids, type AppealDeps } from "@/lib/brands/appeals";
import { requireBrand, type ClientFor, type Ctx } from "@/lib/brands/lifecycle";
import type { importVettingSchema, orderVettingSchema, refreshVettingSchema, vettingAppealSchema } from "@/lib/brands/vetting-schemas";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { evidenceStorage } from "@/lib/evidence";
import { refreshBrand } from "@/lib/mirror/refresh";
import { refreshBrandAppeals, refreshBrandVettings, upsertVetting } from "@/lib/mirror/vetting";
import { registryClientFor, upstreamFeesFor } from "@/lib/registry/client";

async function requireVettable(db: Db, orgId: string, brandId: string) {
  const brand = await requireBrand(db, orgId, brandId, { active: true });
  if (brand.entityType === "SOLE_PROPRIETOR") throw new ConflictError("Sole proprietor brands cannot be externally vetted.");
  return brand;
}

/**
 * Orders an external vet (billable). The click's key goes to the client's idempotent billable path: a
 * retry, even after a timeout, first asks the registry whether the vet exists and never orders twice.
 */
export async function orderVetting(db: Db, ctx: Ctx, input: z.infer<typeof orderVettingSchema>, clientFor: ClientFor = registryClientFor) {
  await requireVettable(db, ctx.org.id, input.brandId);
  if (input.vettingClass === "AUTHPLUS") throw new ConflictError("Authentication+ vets are started by the registry for public companies; they cannot be ordered.");
  const client = await clientFor(db, ctx.org.id);
  const askedAt = new Date();
  const vet = await client.brands.orderExternalVetting(
    input.brandId,
    { evpId: input.evpId, vettingClass: input.vettingClass, ...(input.additionalRequestPayload ? { additionalRequestPayload: input.additionalRequestPayload } : {}) },
    { idempotencyKey: `brand.vetting:${input.brandId}:${input.idempotencyKey}` },
  );
  const feeUsd = (await upstreamFeesFor(db, ctx.org.id)).vetting?.amountUsd ?? null;
  // The mirror row and its audit row commit together: a process killed between the two would otherwise leave a
  // paid vet with no audit entry (the chaos run found exactly that).
  await db.$transaction(async (tx) => {
    await upsertVetting(tx, ctx.org.id, input.brandId, vet, askedAt);
    // A retry with the same key (a double click, a restart) gets the same vet back: it was ordered, and audited, once.
    const audited = vet.vettingId
      ? await tx.auditLog.count({ where: { orgId: ctx.org.id, action: "brand.vetting.order", targetId: input.brandId, detail: { path: ["vettingId"], equals: vet.vettingId } } })
      : 0;
    if (audited > 0) return;
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "brand.vetting.order", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS",
      detail: { evpId: input.evpId, vettingClass: input.vettingClass, vettingId: vet.vettingId ?? null, feeUsd },
    });
  });
  return { vettingId: vet.vettingId ?? null, vettingStatus: (vet.vettingStatus as string | null | undefined) ?? null };
}

/** Attaches a vet already done by a provider (tcr-api-part1 §3.14); the registry checks it with the provider. */
export async function importVetting(db: Db, ctx: Ctx, input: z.infer<typeof importVettingSchema>, clientFor: ClientFor = registryClientFor) {
  await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  const client = await clientFor(db, ctx.org.id);
  const askedAt = new Date();
  const vet = await client.brands.importExternalVetting(input.brandId, {
    evpId: input.evpId, vettingId: input.vettingId, ...(input.vettingToken ? { vettingToken: input.vettingToken } : {}),
  });
  await upsertVetting(db, ctx.org.id, input.brandId, vet, askedAt);
  // An imported vet can change the brand (VETTED_VERIFIED, score): read it back.
  await refreshBrand(db, client, ctx.org.id, input.brandId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "brand.vetting.import", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS",
    detail: { evpId: input.evpId, vettingClass: vet.vettingClass ?? null, vettingStatus: vet.vettingStatus ?? null },
  });
  return { vettingClass: vet.vettingClass ?? null, vettingStatus: (vet.vettingStatus as string | null | undefined) ?? null };
}

/** Appeals a completed vet's outcome (tcr-api-part1 §3.17), with evidence from the library. */
export async function appealVetting(db: Db, ctx: Ctx, input: z.infer<typeof vettingAppealSchema>, deps: AppealDeps = {}) {
  await requireVettable(db, ctx.org.id, input.brandId);
  const client = await (deps.clientFor ?? registryClientFor)(db, ctx.org.id);
  const attachmentUuids = await evidenceUuids(db, client, (deps.storage ?? evidenceStorage)(), ctx, input.brandId, input.fileIds);
  await client.brands.appealExternalVetting(input.brandId, {
    evpId: input.evpId, vettingId: input.vettingId, appealCategories: input.appealCategories,
    ...(attachmentUuids.length ? { attachmentUuids } : {}),
    ...(input.explanation ? { explanation: input.explanation } : {}),
  });
  await refreshBrandAppeals(db, client, ctx.org.id, input.brandId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "brand.vetting.appeal", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS",
    detail: { evpId: input.evpId, vettingId: input.vettingId, appealCategories: input.appealCategories, attachments: attachmentUuids.length },
  });
  return { brandId: input.brandId };
}

/** "Refresh" on the vetting tab: the brand, its vets and its appeals, as the registry has them now. */
export async function refreshVettingFromRegistry(db: Db, ctx: Ctx, input: z.infer<typeof refreshVettingSchema>, clientFor: ClientFor = registryClientFor) {
  await requireBrand(db, ctx.org.id, input.brandId);
  const client = await clientFor(db, ctx.org.id);
  const vettings = await refreshBrandVettings(db, client, ctx.org.id, input.brandId);
  const appeals = await refreshBrandAppeals(db, client, ctx.org.id, input.brandId);
  await refreshBrand(db, client, ctx.org.id, input.brandId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.vetting.refresh", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { ...vettings, appeals: appeals.appeals } });
  return { vettings: vettings.vettings, appeals: appeals.appeals };
}

/** The mirrored vets of a brand, newest first. */
export function listBrandVettings(db: Db, orgId: string, brandId: string) {
  return db.brandVetting.findMany({ where: { orgId, brandId }, orderBy: [{ updatedAt: "desc" }, { evpId: "asc" }] });
}
