import { FEEDBACK_HELP } from "@/lib/brands/update-rules";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { deleteBrandSchema, revetSchema } from "@/lib/brands/lifecycle-schemas";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { refreshBrand } from "@/lib/mirror/refresh";
import { upsertBrand } from "@/lib/mirror/upsert";
import { registryClientFor, upstreamFeesFor } from "@/lib/registry/client";
import { PrismaIntentStore } from "@/lib/registry/intents";
import { billableCall } from "@/lib/tcr/billable";
import type { TcrClient } from "@/lib/tcr/client";
import { TcrAmbiguousBillableError } from "@/lib/tcr/errors";
import type { BrandFeedback } from "@/lib/tcr/schemas/brand";

export type Ctx = Pick<OrgContext, "user" | "org">;
export type ClientFor = (db: Db, orgId: string) => Promise<TcrClient>;

/**
 * The organization's mirrored brand, or NotFound. Every command starts here: the registry account is per
 * organization, and the check keeps a brand id typed by hand from reaching another organization's brand.
 */
export async function requireBrand(db: Db, orgId: string, brandId: string, opts: { active?: boolean } = {}) {
  const row = await db.brand.findFirst({ where: { orgId, brandId } });
  if (!row) throw new NotFoundError("That brand");
  if (opts.active && (row.deletedAt || row.status === "DELETED")) throw new ConflictError("This brand is deleted; it can no longer be changed.");
  return row;
}

/** Feedback categories in the shape the detail page shows, from the one table in update-rules. */
export const FEEDBACK_CATEGORIES: Record<string, { title: string; meaning: string; fields: string[]; next: string }> = Object.fromEntries(
  Object.entries(FEEDBACK_HELP).map(([id, h]) => [id, { title: h.title, meaning: h.explanation, fields: h.fields, next: h.fix }]),
);

export type FeedbackItem = { id: string; title: string; meaning: string; fields: string[]; next: string; description: string | null };

export function explainFeedback(feedback: BrandFeedback | null): FeedbackItem[] {
  return (feedback?.category ?? []).map((c) => {
    const id = String(c.id ?? "UNKNOWN");
    const known = FEEDBACK_CATEGORIES[id];
    const description = typeof c.description === "string" ? c.description : null;
    return known
      ? { id, ...known, description }
      : { id, title: id, meaning: description ?? "The registry gave no explanation for this category.", fields: [], next: "Check the brand's details against official records.", description };
  });
}

/** The registry's feedback on the identity check, explained. */
export async function brandFeedback(client: TcrClient, brandId: string): Promise<FeedbackItem[]> {
  return explainFeedback(await client.brands.getFeedback(brandId));
}

/** Revets are limited by vendors to one every 3 months after the first (tcr-api-part1 §3.19, external). */
export const REVET_SPACING_DAYS = 90;

export async function lastRevet(db: Db, orgId: string, brandId: string): Promise<Date | null> {
  const row = await db.auditLog.findFirst({
    where: { orgId, action: "brand.revet", targetType: "brand", targetId: brandId, outcome: "SUCCESS" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/**
 * Asks the registry to check the brand's identity again (billable). The click's key makes it idempotent:
 * a repeat with the same key returns the stored answer. A revet leaves nothing the registry can be asked
 * about afterwards, so after an ambiguous failure it is never resent automatically: the person is told and
 * decides, with a new confirmation, once the identity status has or has not changed.
 */
export async function revetBrand(db: Db, ctx: Ctx, input: z.infer<typeof revetSchema>, clientFor: ClientFor = registryClientFor) {
  const brand = await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  if (brand.entityType === "SOLE_PROPRIETOR") {
    throw new ConflictError("A sole proprietor's identity is confirmed by the SMS one-time passcode, not by a revet.");
  }
  const client = await clientFor(db, ctx.org.id);
  const askedAt = new Date();
  const key = `brand.revet:${input.brandId}:${input.idempotencyKey}`;
  let result;
  try {
    result = await billableCall(
      { store: new PrismaIntentStore(db, ctx.org.id) },
      {
        key,
        operationId: "brand.revet",
        send: () => client.brands.revet(input.brandId),
        lookup: async () => {
          throw new Error("a revet cannot be looked up at the registry");
        },
        objectId: (b) => b.brandId,
      },
    );
  } catch (e) {
    if (e instanceof TcrAmbiguousBillableError) {
      throw new ConflictError(
        "The registry did not confirm the revet. It may have been accepted (and billed): watch the identity status and the timeline before asking for another one.",
      );
    }
    throw e;
  }
  const feeUsd = (await upstreamFeesFor(db, ctx.org.id)).revet?.amountUsd ?? null;
  await db.$transaction(async (tx) => {
    await upsertBrand(tx, ctx.org.id, result, askedAt);
    // The same click again (a double submit, a reload) is answered from the stored intent: it was sent, and is
    // audited (with its fee), once.
    const audited = await tx.auditLog.count({
      where: { orgId: ctx.org.id, action: "brand.revet", targetId: input.brandId, detail: { path: ["idempotencyKey"], equals: input.idempotencyKey } },
    });
    if (audited > 0) return;
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "brand.revet", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS",
      detail: { feeUsd, identityStatus: result.identityStatus ?? null, idempotencyKey: input.idempotencyKey },
    });
  });
  return { brandId: input.brandId, identityStatus: (result.identityStatus as string | null | undefined) ?? null };
}

/** Campaigns the mirror holds as still running for this brand: the registry refuses to delete it while any exist. */
export async function activeCampaignsOf(db: Db, orgId: string, brandId: string) {
  return db.campaign.findMany({
    where: { orgId, brandId, deletedAt: null, OR: [{ status: null }, { status: "ACTIVE" }] },
    select: { campaignId: true },
    orderBy: { campaignId: "asc" },
    take: 20,
  });
}

/**
 * Deletes the brand at the registry: irreversible, allowed only without active campaigns (tcr-api-part1
 * §3.7). The registry keeps answering for it with status DELETED; the mirror records that.
 */
export async function deleteBrand(db: Db, ctx: Ctx, input: z.infer<typeof deleteBrandSchema>, clientFor: ClientFor = registryClientFor) {
  await requireBrand(db, ctx.org.id, input.brandId, { active: true });
  const active = await activeCampaignsOf(db, ctx.org.id, input.brandId);
  if (active.length > 0) {
    throw new ConflictError(
      `This brand still has active campaigns (${active.map((c) => c.campaignId).join(", ")}). Deactivate them first: the registry refuses to delete a brand with active campaigns.`,
    );
  }
  const client = await clientFor(db, ctx.org.id);
  await client.brands.delete(input.brandId);
  const outcome = await refreshBrand(db, client, ctx.org.id, input.brandId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.delete", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS", detail: { mirror: outcome } });
  return { brandId: input.brandId };
}
