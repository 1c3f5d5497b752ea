import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { deriveReferenceId } from "@/lib/tcr/op";
import { wizardValuesFrom, type WizardStepId, type WizardValues } from "@/lib/brands/wizard";
import { canonicalJson } from "@/lib/webhooks/signature";

type Ctx = Pick<OrgContext, "user" | "org">;

/** The idempotency key of a draft's registration: one draft can only ever become one brand. */
export const brandDraftKey = (draftId: string) => `brand-draft:${draftId}`;

/** The referenceId the registry gets for this draft unless the user types their own. */
export const draftReferenceId = (draftId: string) => deriveReferenceId(brandDraftKey(draftId));

/** A submission that reached (or may have reached) the registry; the draft's values are then frozen. */
async function sentIntent(db: Db, orgId: string, draftId: string) {
  const intent = await db.billableIntent.findUnique({ where: { orgId_key: { orgId, key: brandDraftKey(draftId) } } });
  return intent && intent.status !== "failed" ? intent : null;
}

/**
 * Creates (no draftId) or updates a draft with the wizard's values and current step. A draft whose
 * registration was sent is frozen: changing it then could register a different brand under the same key.
 */
export async function saveBrandDraft(db: Db, ctx: Ctx, input: { draftId?: string; step: WizardStepId; values: WizardValues }) {
  const values = wizardValuesFrom(input.values);
  const columns = { entityType: values.entityType || null, displayName: values.displayName.trim() || null, step: input.step };
  if (!input.draftId) {
    const draft = await db.brandDraft.create({ data: { orgId: ctx.org.id, createdById: ctx.user.id, data: values, ...columns } });
    await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "brand.draft.create", targetType: "brandDraft", targetId: draft.id, outcome: "SUCCESS" });
    return { draftId: draft.id, suggestedReferenceId: draftReferenceId(draft.id), savedAt: draft.updatedAt };
  }
  const draft = await db.brandDraft.findFirst({ where: { id: input.draftId, orgId: ctx.org.id } });
  if (!draft) throw new NotFoundError("That draft");
  if (draft.submittedAt) throw new ConflictError("This draft has already been registered as a brand.");
  if (canonicalJson(wizardValuesFrom(draft.data)) !== canonicalJson(values) && (await sentIntent(db, ctx.org.id, draft.id))) {
    throw new ConflictError("This draft was already sent to the registry, so its values can no longer change. Submit it again to finish the registration.");
  }
  const saved = await db.brandDraft.update({ where: { id: draft.id }, data: { data: values, ...columns } });
  return { draftId: saved.id, suggestedReferenceId: draftReferenceId(saved.id), savedAt: saved.updatedAt };
}

export async function discardBrandDraft(db: Db, ctx: Ctx, input: { draftId: string }) {
  const draft = await db.brandDraft.findFirst({ where: { id: input.draftId, orgId: ctx.org.id, submittedAt: null } });
  if (!draft) throw new NotFoundError("That draft");
  if (await sentIntent(db, ctx.org.id, draft.id)) {
    throw new ConflictError("This draft was sent to the registry and may already be a brand. Open it and submit again to find out before discarding.");
  }
  await db.$transaction(async (tx) => {
    await tx.brandDraft.deleteMany({ where: { id: draft.id, orgId: ctx.org.id, submittedAt: null } });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "brand.draft.discard", targetType: "brandDraft", targetId: draft.id, outcome: "SUCCESS",
      detail: { displayName: draft.displayName, entityType: draft.entityType },
    });
  });
  return { draftId: draft.id };
}

/** The organization's unfinished drafts, newest first. */
export async function listBrandDrafts(db: Db, orgId: string, take = 20) {
  return db.brandDraft.findMany({
    where: { orgId, submittedAt: null },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, entityType: true, displayName: true, step: true, updatedAt: true, createdAt: true },
  });
}

export async function getBrandDraft(db: Db, orgId: string, draftId: string) {
  const draft = await db.brandDraft.findFirst({ where: { id: draftId, orgId } });
  if (!draft) return null;
  return { id: draft.id, step: draft.step, brandId: draft.brandId, submittedAt: draft.submittedAt, values: wizardValuesFrom(draft.data), suggestedReferenceId: draftReferenceId(draft.id), updatedAt: draft.updatedAt };
}
