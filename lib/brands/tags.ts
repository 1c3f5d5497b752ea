import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { requireBrand, type ClientFor, type Ctx } from "@/lib/brands/lifecycle";
import { MAX_BRAND_TAGS, type tagSchema } from "@/lib/brands/tags-schemas";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { log } from "@/lib/log";
import { registryClientFor } from "@/lib/registry/client";
import { mirrorRecordTags, recordTags } from "@/lib/tags/records";
import type { TcrClient } from "@/lib/tcr/client";

/** The brand's tags as the registry holds them (stored lowercase), sorted. */
export async function brandTags(client: TcrClient, brandId: string): Promise<string[]> {
  return recordTags(client, "BRAND", brandId);
}

/**
 * Writes a brand's tags into its mirrored brand object (`data.tag`), which the Brands list's tag chips and
 * tag filter read. The registry keeps tags apart from the brand (Tag API; its brand object has no `tag`),
 * so this is done wherever the portal learns them: at registration, after a tag change, on a refresh and when
 * the brand page reads them. Leaves the row alone when nothing changes (no tags and none recorded). A
 * refresh of the brand object from the registry (webhook, reconciliation) replaces `data` and drops `tag`
 * until the next of these.
 */
export async function mirrorBrandTags(db: Db | Prisma.TransactionClient, orgId: string, brandId: string, tags: string[]): Promise<boolean> {
  return mirrorRecordTags(db, "BRAND", orgId, brandId, tags);
}

/** Reads the brand's tags from the registry and mirrors them; a failure is logged, never the user's problem. */
export async function syncBrandTags(db: Db, client: TcrClient, orgId: string, brandId: string): Promise<string[] | null> {
  try {
    const tags = await brandTags(client, brandId);
    await mirrorBrandTags(db, orgId, brandId, tags);
    return tags;
  } catch (err) {
    log().warn({ err, orgId, brandId }, "mirroring the brand's tags failed");
    return null;
  }
}

export async function assignBrandTag(db: Db, ctx: Ctx, input: z.infer<typeof tagSchema>, clientFor: ClientFor = registryClientFor) {
  await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  const client = await clientFor(db, ctx.org.id);
  const current = await brandTags(client, input.brandId);
  const name = input.name.toLowerCase();
  if (!current.includes(name) && current.length >= MAX_BRAND_TAGS) throw new ConflictError(`A brand has at most ${MAX_BRAND_TAGS} tags; remove one first.`);
  const tag = await client.tags.assign({ name: input.name, recordType: "BRAND", recordId: input.brandId });
  await syncBrandTags(db, client, ctx.org.id, input.brandId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.tag.assign", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { tag: tag.name } });
  return { name: tag.name };
}

export async function removeBrandTag(db: Db, ctx: Ctx, input: z.infer<typeof tagSchema>, clientFor: ClientFor = registryClientFor) {
  await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  const client = await clientFor(db, ctx.org.id);
  await client.tags.delete(input.name.toLowerCase(), "BRAND", input.brandId);
  await syncBrandTags(db, client, ctx.org.id, input.brandId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.tag.remove", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { tag: input.name.toLowerCase() } });
  return { name: input.name.toLowerCase() };
}
