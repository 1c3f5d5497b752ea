import type { PrismaClient } from "@/generated/prisma/client";
import { saveBrandDraft } from "@/lib/brands/drafts";
import { submitBrandDraft } from "@/lib/brands/submit";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import type { EntityType } from "@/lib/tcr/schemas/enums";
import type { makeOrg } from "@/test/factories";

type Org = Awaited<ReturnType<typeof makeOrg>>;

/**
 * What the provider journey tests (TCR Basic, Vonage, Telnyx) read and register the same way: one organization's
 * mirrored brand rows and SUCCESS audit rows, and a brand registered through the wizard's draft and submit.
 * `get` is called on use, since the database and organization are made in beforeAll.
 */
export function journeyKit(get: () => { db: PrismaClient; org: Org }) {
  const brandRow = (brandId: string) => {
    const { db, org } = get();
    return db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId } } });
  };
  const audits = (action: string, targetId: string) => {
    const { db, org } = get();
    return db.auditLog.findMany({ where: { orgId: org.org.id, action, targetId, outcome: "SUCCESS" } });
  };
  async function brandDraft(entityType: EntityType, displayName: string, over: Parameters<typeof wizardValuesFor>[1] = {}) {
    const { db, org } = get();
    return (await saveBrandDraft(db, org.ctx, { step: "review", values: wizardValuesFor(entityType, { displayName, ...over }) })).draftId;
  }
  async function brand(entityType: EntityType, displayName: string, over: Parameters<typeof wizardValuesFor>[1] = {}) {
    const { db, org } = get();
    return (await submitBrandDraft(db, org.ctx, { draftId: await brandDraft(entityType, displayName, over) })).brandId;
  }
  return { brandRow, audits, brandDraft, brand };
}
