import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { NotFoundError, ValidationFailedError } from "@/lib/errors";
import { upsertBrand } from "@/lib/mirror/upsert";
import { registryClientFor, upstreamFeesFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import type { BrandCreateRequest } from "@/lib/tcr/schemas/brand";
import { brandDraftKey, draftReferenceId } from "@/lib/brands/drafts";
import { mirrorBrandTags } from "@/lib/brands/tags";
import { toCreateInput, validateCreateInput, wizardValuesFrom } from "@/lib/brands/wizard";

type Ctx = Pick<OrgContext, "user" | "org">;

/**
 * Registers the draft's brand with the registry (billable, $4). Idempotent per draft: the idempotency key
 * and the referenceId both derive from the draft id, so a double click, a retry after a timeout or a second
 * tab all end at the same brand (the billable path asks the registry before it ever sends again).
 */
export async function submitBrandDraft(
  db: Db,
  ctx: Ctx,
  input: { draftId: string },
  clientFor: (db: Db, orgId: string) => Promise<TcrClient> = registryClientFor,
) {
  const orgId = ctx.org.id;
  const draft = await db.brandDraft.findFirst({ where: { id: input.draftId, orgId } });
  if (!draft) throw new NotFoundError("That draft");
  if (draft.brandId) return { brandId: draft.brandId, alreadySubmitted: true };

  const key = brandDraftKey(draft.id);
  const body = toCreateInput(wizardValuesFrom(draft.data));
  if (body) {
    // A send that may have landed fixes the referenceId: the registry is asked for the brand by it.
    const intent = await db.billableIntent.findUnique({ where: { orgId_key: { orgId, key } } });
    if (intent && intent.status !== "failed" && intent.referenceId) body.referenceId = intent.referenceId;
    else body.referenceId ??= draftReferenceId(draft.id);
  }
  const errors = validateCreateInput(body);
  if (Object.keys(errors).length > 0) throw new ValidationFailedError(errors, "Some fields need attention before the brand can be registered.");

  const client = await clientFor(db, orgId);
  const fees = await upstreamFeesFor(db, orgId);
  const askedAt = new Date();
  const brand = await client.brands.create(body as BrandCreateRequest, { idempotencyKey: key });
  const recorded = await db.$transaction(async (tx) => {
    // Two submits of one draft (two tabs, or a retry beside a request still running) get the same brand from the
    // billable intent; only the first records it, so the audit log has one brand.create per brand.
    const claimed = await tx.brandDraft.updateMany({ where: { id: draft.id, orgId, brandId: null }, data: { brandId: brand.brandId, submittedAt: new Date() } });
    if (claimed.count === 0) return false;
    await upsertBrand(tx, orgId, brand, askedAt);
    // The registry keeps the tags sent with the brand but does not echo them in its brand object.
    if (Array.isArray(body?.tag) && body.tag.length) await mirrorBrandTags(tx, orgId, brand.brandId, body.tag as string[]);
    await audit(tx, {
      orgId, actor: ctx.user, action: "brand.create", targetType: "brand", targetId: brand.brandId, outcome: "SUCCESS",
      detail: {
        draftId: draft.id, entityType: brand.entityType ?? body?.entityType, referenceId: brand.referenceId ?? body?.referenceId,
        mock: Boolean(body?.mock), feeUsd: fees.brand?.amountUsd ?? null,
      },
    });
    return true;
  });
  return { brandId: brand.brandId, alreadySubmitted: !recorded };
}
