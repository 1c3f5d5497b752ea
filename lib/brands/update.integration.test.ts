import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveBrandDraft } from "@/lib/brands/drafts";
import { revetBrand } from "@/lib/brands/lifecycle";
import { submitBrandDraft } from "@/lib/brands/submit";
import { loadBrandEditContext, updateBrandFromForm } from "@/lib/brands/update";
import { wizardValuesFrom, type WizardValues } from "@/lib/brands/wizard";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import { NotFoundError, ValidationFailedError } from "@/lib/errors";
import { refreshBrand } from "@/lib/mirror/refresh";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import type { EntityType } from "@/lib/tcr/schemas/enums";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "edit-key";
const SECRET = "edit-secret";
const MIN = 60_000;
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;

async function register(entityType: EntityType, over: Partial<WizardValues> = {}) {
  const { draftId } = await saveBrandDraft(t.db, org.ctx, { step: "review", values: wizardValuesFor(entityType, over) });
  return (await submitBrandDraft(t.db, org.ctx, { draftId })).brandId;
}
const client = () => registryClientFor(t.db, org.org.id);
const mirror = (brandId: string) => t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId } } });
/** The form as the edit page fills it: the mirrored brand's values. */
const formValues = async (brandId: string) => wizardValuesFrom((await mirror(brandId)).data);

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false });
  org = await makeOrg(t.db);
  other = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

describe("fix and resubmit", () => {
  it("an UNVERIFIED brand's TAX_ID feedback leads to a corrected EIN, and after the revet the brand is VERIFIED", async () => {
    // Sandbox rule: an EIN ending 0000 scores UNVERIFIED with feedback TAX_ID.
    const brandId = await register("PRIVATE_PROFIT", { ein: "123450000" });
    await sandbox.control.advance(2 * MIN);
    await refreshBrand(t.db, await client(), org.org.id, brandId);
    expect((await mirror(brandId)).identityStatus).toBe("UNVERIFIED");

    const edit = await loadBrandEditContext(t.db, org.org.id, brandId);
    expect(edit?.feedback?.map((c) => c.id)).toEqual(["TAX_ID"]);
    expect(edit?.coreLock).toBeNull();
    expect(edit?.values.ein).toBe("123450000");

    const r = await updateBrandFromForm(t.db, org.ctx, { brandId, values: { ...edit!.values, ein: "12-3456789" } });
    expect(r.changed).toEqual(["ein"]);
    expect(r.warnings.map((w) => [w.field, w.effect])).toEqual([["ein", "identityReset"]]);
    const row = await mirror(brandId);
    expect((row.data as Record<string, unknown>).ein).toBe("123456789");
    expect(row.identityStatus).toBe("UNVERIFIED");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.org.id, action: "brand.update", targetId: brandId } });
    expect(audit.detail).toMatchObject({ changed: ["ein"], effects: ["ein:identityReset"] });

    // Resubmission is the revet (the brand page's billable action); the corrected EIN now verifies.
    await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `fix-${brandId}` });
    expect(sandbox.control.counters().revets).toBe(1);
    await sandbox.control.advance(2 * MIN);
    await refreshBrand(t.db, await client(), org.org.id, brandId);
    expect((await mirror(brandId)).identityStatus).toBe("VERIFIED");
    expect((await loadBrandEditContext(t.db, org.org.id, brandId))?.feedback).toEqual([]);
  });

  it("changes the entity type when the feedback says the brand is not a non-profit, sending the new type's fields", async () => {
    const brandId = await register("NON_PROFIT");
    const before = await formValues(brandId);
    const r = await updateBrandFromForm(t.db, org.ctx, { brandId, values: { ...before, entityType: "PRIVATE_PROFIT", vertical: "RETAIL" } });
    expect(r.changed).toEqual(["entityType", "vertical"]);
    const row = await mirror(brandId);
    expect(row).toMatchObject({ entityType: "PRIVATE_PROFIT", vertical: "RETAIL", identityStatus: "UNVERIFIED" });
  });

  it("saves a field that needs no re-verification without touching identity", async () => {
    const brandId = await register("PRIVATE_PROFIT");
    await sandbox.control.advance(2 * MIN);
    await refreshBrand(t.db, await client(), org.org.id, brandId);
    const before = await formValues(brandId);
    const r = await updateBrandFromForm(t.db, org.ctx, { brandId, values: { ...before, displayName: `${before.displayName} Renamed`, city: "Brooklyn" } });
    expect(r).toMatchObject({ changed: ["displayName", "city"], warnings: [], identityStatus: "VERIFIED" });
    expect(await mirror(brandId)).toMatchObject({ displayName: `${before.displayName} Renamed`, identityStatus: "VERIFIED" });

    const audits = await t.db.auditLog.count({ where: { orgId: org.org.id, action: "brand.update", targetId: brandId } });
    expect((await updateBrandFromForm(t.db, org.ctx, { brandId, values: await formValues(brandId) })).changed).toEqual([]);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "brand.update", targetId: brandId } })).toBe(audits);
  });

  it("refuses a core-field change while the brand has an external vet, at the field, without calling update", async () => {
    const brandId = await register("PRIVATE_PROFIT");
    await sandbox.control.advance(2 * MIN);
    await (await client()).brands.orderExternalVetting(brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: `vet-${brandId}` });
    const edit = await loadBrandEditContext(t.db, org.org.id, brandId);
    expect(edit?.coreLock).toMatch(/1 external vet/);
    const e = await updateBrandFromForm(t.db, org.ctx, { brandId, values: { ...edit!.values, companyName: "Another Name LLC" } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationFailedError);
    expect((e as ValidationFailedError).fieldErrors?.companyName).toMatch(/external vet/);
    expect(((await (await client()).brands.get(brandId)).companyName)).not.toBe("Another Name LLC");
  });

  it("validates the whole brand for its entity type and refuses other organizations' brands", async () => {
    const brandId = await register("PRIVATE_PROFIT");
    const before = await formValues(brandId);
    const e = await updateBrandFromForm(t.db, org.ctx, { brandId, values: { ...before, entityType: "PUBLIC_PROFIT" } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationFailedError);
    expect(Object.keys((e as ValidationFailedError).fieldErrors ?? {}).sort()).toEqual(["businessContactEmail", "stockExchange", "stockSymbol", "website"]);
    await expect(updateBrandFromForm(t.db, other.ctx, { brandId, values: before })).rejects.toBeInstanceOf(NotFoundError);
    expect(await loadBrandEditContext(t.db, other.org.id, brandId)).toBeNull();
  });
});
