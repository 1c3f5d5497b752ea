/**
 * Reseller writes (tcr-api-part2.md §12): create, full-replacement update and delete at the registry, each
 * audited. Resellers are free to create. The registry refuses to delete a reseller that campaigns name;
 * the portal says so first, from its mirror, with the campaigns to change.
 */
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { registryClientFor } from "@/lib/registry/client";
import { campaignsUsingReseller, type ClientFor } from "@/lib/resellers/queries";
import type { createResellerSchema, deleteResellerSchema, updateResellerSchema } from "@/lib/resellers/schemas";

type Ctx = Pick<OrgContext, "user" | "org">;

export async function createReseller(db: Db, ctx: Ctx, input: z.infer<typeof createResellerSchema>, clientFor: ClientFor = registryClientFor) {
  const client = await clientFor(db, ctx.org.id);
  const r = await client.resellers.create(input);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "reseller.create", targetType: "reseller", targetId: r.resellerId, outcome: "SUCCESS", detail: { companyName: input.companyName } });
  return { resellerId: r.resellerId, companyName: r.companyName ?? input.companyName };
}

/** PUT replaces all three fields; the audit records which ones changed. */
export async function updateReseller(db: Db, ctx: Ctx, input: z.infer<typeof updateResellerSchema>, clientFor: ClientFor = registryClientFor) {
  const { resellerId, ...fields } = input;
  const client = await clientFor(db, ctx.org.id);
  const before = await client.resellers.get(resellerId);
  const r = await client.resellers.update(resellerId, fields);
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => (before[k] ?? null) !== fields[k]);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "reseller.update", targetType: "reseller", targetId: resellerId, outcome: "SUCCESS", detail: { fields: changed } });
  return { resellerId: r.resellerId, companyName: r.companyName ?? fields.companyName };
}

export async function deleteReseller(db: Db, ctx: Ctx, input: z.infer<typeof deleteResellerSchema>, clientFor: ClientFor = registryClientFor) {
  const used = await campaignsUsingReseller(db, ctx.org.id, input.resellerId);
  if (used.total > 0) {
    const list = used.campaignIds.join(", ") + (used.total > used.campaignIds.length ? ` and ${used.total - used.campaignIds.length} more` : "");
    throw new ConflictError(
      `${input.resellerId} is named on ${used.total} campaign${used.total === 1 ? "" : "s"} (${list}). The registry does not delete a reseller that campaigns use; ` +
        "change each campaign's reseller to R000000 (no reseller) first, or keep the reseller.",
    );
  }
  const client = await clientFor(db, ctx.org.id);
  const before = await client.resellers.get(input.resellerId);
  await client.resellers.delete(input.resellerId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "reseller.delete", targetType: "reseller", targetId: input.resellerId, outcome: "SUCCESS", detail: { companyName: before.companyName ?? null } });
  return { resellerId: input.resellerId };
}
