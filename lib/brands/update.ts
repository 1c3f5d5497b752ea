import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { NotFoundError, ValidationFailedError } from "@/lib/errors";
import { log } from "@/lib/log";
import { refreshBrand } from "@/lib/mirror/refresh";
import { upsertBrand } from "@/lib/mirror/upsert";
import { registryClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";
import type { TcrClient } from "@/lib/tcr/client";
import { CORE_FIELDS, changedFields, toUpdateBody, updateWarnings, type FeedbackItem } from "@/lib/brands/update-rules";
import { toCreateInput, validateCreateInput, wizardValuesFrom, type WizardValues } from "@/lib/brands/wizard";

type Ctx = Pick<OrgContext, "user" | "org">;
type ClientFor = (db: Db, orgId: string) => Promise<TcrClient>;

const QUARTER_MS = 90 * 24 * 60 * 60 * 1000;

/** Why the core fields (companyName, ein, einIssuingCountry, entityType) cannot change now, or null (§3.6). */
async function coreLock(db: Db, client: TcrClient, orgId: string, brandId: string): Promise<string | null> {
  const [activeCampaigns, vets] = await Promise.all([
    db.campaign.count({ where: { orgId, brandId, deletedAt: null, status: "ACTIVE" } }),
    client.brands.listExternalVetting(brandId),
  ]);
  // Authentication+ is recorded as a vet too, but it is not an external vet.
  const external = vets.filter((v) => String(v.vettingClass ?? "").toUpperCase() !== "AUTHPLUS").length;
  if (!activeCampaigns && !external) return null;
  const parts = [external ? `${external} external vet${external === 1 ? "" : "s"}` : null, activeCampaigns ? `${activeCampaigns} active campaign${activeCampaigns === 1 ? "" : "s"}` : null].filter(Boolean);
  return `Locked: the brand has ${parts.join(" and ")}. The registry allows changing these only without external vets or active campaigns.`;
}

/** When brandRelationship last changed through this portal, if within the 3-month limit. */
async function relationshipChangedAt(db: Db, orgId: string, brandId: string): Promise<Date | null> {
  const rows = await db.auditLog.findMany({
    where: { orgId, action: "brand.update", targetType: "brand", targetId: brandId, outcome: "SUCCESS", createdAt: { gte: new Date(Date.now() - QUARTER_MS) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, detail: true },
  });
  const hit = rows.find((r) => Array.isArray((r.detail as { changed?: unknown } | null)?.changed) && ((r.detail as { changed: unknown[] }).changed).includes("brandRelationship"));
  return hit?.createdAt ?? null;
}

export type BrandEditContext = {
  values: WizardValues;
  identityStatus: string | null;
  feedback: FeedbackItem[] | null;
  coreLock: string | null;
  relationshipLockedUntil: string | null;
  registryProblem: string | null;
};

/** What the edit page needs: the brand's current values, its identity feedback and the update locks. */
export async function loadBrandEditContext(db: Db, orgId: string, brandId: string, clientFor: ClientFor = registryClientFor): Promise<BrandEditContext | null> {
  const mirrored = await db.brand.findFirst({ where: { orgId, brandId, deletedAt: null }, select: { id: true } });
  if (!mirrored) return null;
  const changedAt = await relationshipChangedAt(db, orgId, brandId);
  const relationshipLockedUntil = changedAt ? new Date(changedAt.getTime() + QUARTER_MS).toISOString() : null;
  let fromRegistry: Omit<BrandEditContext, "values" | "identityStatus" | "relationshipLockedUntil">;
  try {
    const client = await clientFor(db, orgId);
    // The form starts from the registry's current values, not a mirror that may lag behind its webhooks.
    await refreshBrand(db, client, orgId, brandId);
    const [feedback, lock] = await Promise.all([client.brands.getFeedback(brandId), coreLock(db, client, orgId, brandId)]);
    const categories = feedback.category.map((c) => ({ id: String(c.id ?? ""), description: c.description ?? null })).filter((c) => c.id);
    fromRegistry = { feedback: categories, coreLock: lock, registryProblem: null };
  } catch (e) {
    const described = describeRegistryError(e);
    if (!described && !(e instanceof ValidationFailedError)) log().error({ err: e, orgId, brandId }, "brand edit context failed");
    const problem = described?.message ?? (e instanceof ValidationFailedError ? e.message : "The registry could not be asked for this brand's feedback.");
    fromRegistry = { feedback: null, coreLock: null, registryProblem: problem };
  }
  const row = await db.brand.findFirst({ where: { orgId, brandId, deletedAt: null } });
  if (!row) return null;
  return { values: wizardValuesFrom(row.data), identityStatus: row.identityStatus, relationshipLockedUntil, ...fromRegistry };
}

/**
 * Sends the changed fields to the registry (PUT /brand/{brandId}) and mirrors its answer. Validates the whole
 * brand against the (possibly new) entity type's rules first; core-field changes are refused while locked.
 */
export async function updateBrandFromForm(db: Db, ctx: Ctx, input: { brandId: string; values: WizardValues }, clientFor: ClientFor = registryClientFor) {
  const orgId = ctx.org.id;
  const row = await db.brand.findFirst({ where: { orgId, brandId: input.brandId, deletedAt: null } });
  if (!row) throw new NotFoundError("That brand");
  const before = wizardValuesFrom(row.data);
  const after = wizardValuesFrom({ ...input.values, tag: "", mock: false });
  const errors = validateCreateInput(toCreateInput(after));
  if (Object.keys(errors).length) throw new ValidationFailedError(errors);
  const changed = changedFields(before, after);
  if (changed.length === 0) return { brandId: input.brandId, changed, warnings: [], identityStatus: row.identityStatus };

  const client = await clientFor(db, orgId);
  const core = changed.filter((f) => (CORE_FIELDS as readonly string[]).includes(f));
  if (core.length) {
    const lock = await coreLock(db, client, orgId, input.brandId);
    if (lock) throw new ValidationFailedError(Object.fromEntries(core.map((f) => [f, lock])), "Some changes are not allowed for this brand now.");
  }
  const warnings = updateWarnings(changed, after.entityType);
  const askedAt = new Date();
  const brand = await client.brands.update(input.brandId, toUpdateBody(before, after, changed));
  await db.$transaction(async (tx) => {
    await upsertBrand(tx, orgId, brand, askedAt);
    await audit(tx, {
      orgId, actor: ctx.user, action: "brand.update", targetType: "brand", targetId: input.brandId, outcome: "SUCCESS",
      detail: { changed, effects: warnings.map((w) => `${w.field}:${w.effect}`), identityStatus: brand.identityStatus ?? null },
    });
  });
  return { brandId: input.brandId, changed, warnings, identityStatus: (brand.identityStatus as string | null | undefined) ?? null };
}
