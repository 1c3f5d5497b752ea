import type { z } from "zod";
import { audit } from "@/lib/audit";
import { requireBrand, type ClientFor, type Ctx } from "@/lib/brands/lifecycle";
import { MAX_BRAND_TAGS, type tagSchema } from "@/lib/brands/tags-schemas";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";

/** The brand's tags as the registry holds them (stored lowercase), sorted. */
export async function brandTags(client: TcrClient, brandId: string): Promise<string[]> {
  const page = await client.tags.search({ recordType: "BRAND", recordId: brandId, recordsPerPage: 500 });
  return [...new Set(page.records.filter((t) => t.recordId === brandId).map((t) => t.name))].sort();
}

export async function assignBrandTag(db: Db, ctx: Ctx, input: z.infer<typeof tagSchema>, clientFor: ClientFor = registryClientFor) {
  await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  const client = await clientFor(db, ctx.org.id);
  const current = await brandTags(client, input.brandId);
  const name = input.name.toLowerCase();
  if (!current.includes(name) && current.length >= MAX_BRAND_TAGS) throw new ConflictError(`A brand has at most ${MAX_BRAND_TAGS} tags; remove one first.`);
  const tag = await client.tags.assign({ name: input.name, recordType: "BRAND", recordId: input.brandId });
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.tag.assign", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { tag: tag.name } });
  return { name: tag.name };
}

export async function removeBrandTag(db: Db, ctx: Ctx, input: z.infer<typeof tagSchema>, clientFor: ClientFor = registryClientFor) {
  await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  const client = await clientFor(db, ctx.org.id);
  await client.tags.delete(input.name.toLowerCase(), "BRAND", input.brandId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.tag.remove", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { tag: input.name.toLowerCase() } });
  return { name: input.name.toLowerCase() };
}
