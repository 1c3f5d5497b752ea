import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { refreshBrand } from "@/lib/mirror/refresh";
import { registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import type { refreshBrandSchema } from "@/lib/brands/schemas";
import { syncBrandTags } from "@/lib/brands/tags";

type Ctx = Pick<OrgContext, "user" | "org">;

/**
 * Asks the registry for one brand and writes its answer into the mirror. Only a brand this organization
 * already mirrors can be refreshed: the registry account is per organization, and the check keeps an id
 * typed by hand from reaching another organization's row.
 */
export async function refreshBrandFromRegistry(
  db: Db,
  ctx: Ctx,
  input: z.infer<typeof refreshBrandSchema>,
  clientFor: (db: Db, orgId: string) => Promise<TcrClient> = registryClientFor,
) {
  const row = await db.brand.findFirst({ where: { orgId: ctx.org.id, brandId: input.brandId }, select: { id: true } });
  if (!row) throw new NotFoundError("That brand");
  const client = await clientFor(db, ctx.org.id);
  const outcome = await refreshBrand(db, client, ctx.org.id, input.brandId);
  if (outcome !== "deleted") await syncBrandTags(db, client, ctx.org.id, input.brandId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "brand.refresh", targetType: "brand", targetId: input.brandId,
    outcome: "SUCCESS", detail: { result: outcome },
  });
  return { brandId: input.brandId, outcome };
}
