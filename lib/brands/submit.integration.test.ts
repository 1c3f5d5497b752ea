import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discardBrandDraft, getBrandDraft, listBrandDrafts, saveBrandDraft } from "@/lib/brands/drafts";
import { submitBrandDraft } from "@/lib/brands/submit";
import { emptyWizardValues, type WizardValues } from "@/lib/brands/wizard";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationFailedError } from "@/lib/errors";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { TcrAmbiguousBillableError } from "@/lib/tcr/errors";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "wizard-key";
const SECRET = "wizard-secret";
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;

async function draftFor(values: WizardValues, ctx = org.ctx) {
  return (await saveBrandDraft(t.db, ctx, { step: "review", values })).draftId;
}

const clientWithTimeout = (timeoutMs: number) => (db: Db, orgId: string) => registryClientFor(db, orgId, { timeoutMs });
const brandsCreated = () => sandbox.control.counters().brands;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

describe("brand drafts", () => {
  it("saves as the user goes, resumes with every value, and stays inside its organization", async () => {
    const first = await saveBrandDraft(t.db, org.ctx, { step: "identity", values: { ...emptyWizardValues(), entityType: "NON_PROFIT" } });
    const values = wizardValuesFor("NON_PROFIT", { displayName: "Resumable Helpers" });
    await saveBrandDraft(t.db, org.ctx, { draftId: first.draftId, step: "contact", values });

    const resumed = await getBrandDraft(t.db, org.org.id, first.draftId);
    expect(resumed).toMatchObject({ step: "contact", values, brandId: null });
    expect(resumed?.suggestedReferenceId).toBe(first.suggestedReferenceId);
    expect((await listBrandDrafts(t.db, org.org.id)).map((d) => [d.id, d.displayName, d.entityType])).toContainEqual([first.draftId, "Resumable Helpers", "NON_PROFIT"]);

    expect(await getBrandDraft(t.db, other.org.id, first.draftId)).toBeNull();
    expect(await listBrandDrafts(t.db, other.org.id)).toEqual([]);
    await expect(saveBrandDraft(t.db, other.ctx, { draftId: first.draftId, step: "review", values })).rejects.toBeInstanceOf(NotFoundError);
    await expect(discardBrandDraft(t.db, other.ctx, { draftId: first.draftId })).rejects.toBeInstanceOf(NotFoundError);

    await discardBrandDraft(t.db, org.ctx, { draftId: first.draftId });
    expect(await getBrandDraft(t.db, org.org.id, first.draftId)).toBeNull();
    const audits = await t.db.auditLog.findMany({ where: { orgId: org.org.id, targetId: first.draftId }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["brand.draft.create", "brand.draft.discard"]);
  });
});

describe("submitBrandDraft", () => {
  it.each(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"] as const)(
    "registers a %s brand from its draft, mirrors and audits it",
    async (entityType) => {
      const values = wizardValuesFor(entityType, { tag: "Spring2026, retail", ipAddress: " 2001:db8::7 " });
      const draftId = await draftFor(values);
      const before = brandsCreated();
      const r = await submitBrandDraft(t.db, org.ctx, { draftId });
      expect(brandsCreated()).toBe(before + 1);

      const row = await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: r.brandId } } });
      expect(row).toMatchObject({ entityType, displayName: values.displayName, country: "US" });
      const data = row.data as Record<string, unknown>;
      expect(data.state).toBe("NY");
      expect(data.phone).toBe("+12024567890");
      expect(data.ipAddress).toBe("2001:db8::7");
      // The registry's brand object has no tags: the portal mirrors the ones it sent, for the Brands list.
      expect(data.tag).toEqual(["retail", "spring2026"]);
      const draft = await t.db.brandDraft.findUniqueOrThrow({ where: { id: draftId } });
      expect(draft.brandId).toBe(r.brandId);
      expect(draft.submittedAt).not.toBeNull();
      const audit = await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.org.id, action: "brand.create", targetId: r.brandId } });
      expect(audit.detail).toMatchObject({ draftId, entityType, feeUsd: 4 });
    },
  );

  it("creates exactly one brand when the first attempt times out, and a later click returns the same brand", async () => {
    const draftId = await draftFor(wizardValuesFor("PRIVATE_PROFIT"));
    const before = brandsCreated();
    // The registry answers the first create 1.5 s late; the portal gives up after 300 ms.
    sandbox.control.addFault({ kind: "latency", method: "POST", path: "/brand/nonBlocking", latencyMs: 1500, times: 1 });
    const r = await submitBrandDraft(t.db, org.ctx, { draftId }, clientWithTimeout(300));
    await sleep(1700); // long enough for the late request to have landed, had it been going to
    expect(brandsCreated()).toBe(before + 1);

    const again = await submitBrandDraft(t.db, org.ctx, { draftId }, clientWithTimeout(300));
    expect(again).toEqual({ brandId: r.brandId, alreadySubmitted: true });
    expect(brandsCreated()).toBe(before + 1);
    const intent = await t.db.billableIntent.findUniqueOrThrow({ where: { orgId_key: { orgId: org.org.id, key: `brand-draft:${draftId}` } } });
    expect(intent).toMatchObject({ status: "done", objectId: r.brandId });
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "brand.create", targetId: r.brandId } })).toBe(1);
  });

  it("after a submit that could not be confirmed, the next click asks the registry first and finds the brand", async () => {
    const values = wizardValuesFor("PRIVATE_PROFIT");
    const draftId = await draftFor(values);
    const before = brandsCreated();
    // Two 5xx answers: the registry may or may not have processed either send.
    sandbox.control.addFault({ kind: "status", status: 503, method: "POST", path: "/brand/nonBlocking", times: 2 });
    await expect(submitBrandDraft(t.db, org.ctx, { draftId })).rejects.toBeInstanceOf(TcrAmbiguousBillableError);
    expect((await t.db.brandDraft.findUniqueOrThrow({ where: { id: draftId } })).brandId).toBeNull();

    // The draft is frozen while the registry may hold its brand: no edits, no discard.
    await expect(saveBrandDraft(t.db, org.ctx, { draftId, step: "review", values: { ...values, displayName: "Changed" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(discardBrandDraft(t.db, org.ctx, { draftId })).rejects.toBeInstanceOf(ConflictError);

    // Say the registry did process a send: the brand exists under the draft's referenceId.
    const intent = await t.db.billableIntent.findUniqueOrThrow({ where: { orgId_key: { orgId: org.org.id, key: `brand-draft:${draftId}` } } });
    expect(intent.status).toBe("ambiguous");
    const landed = await (await registryClientFor(t.db, org.org.id)).brands.create(
      { entityType: "PRIVATE_PROFIT", displayName: values.displayName, companyName: values.companyName, ein: "111111111", phone: "+12024567890", street: values.street, city: values.city, state: "NY", postalCode: values.postalCode, country: "US", email: values.email, brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL", referenceId: intent.referenceId! },
      { idempotencyKey: `test-landed-${draftId}` },
    );
    expect(brandsCreated()).toBe(before + 1);

    const r = await submitBrandDraft(t.db, org.ctx, { draftId });
    expect(r).toEqual({ brandId: landed.brandId, alreadySubmitted: false });
    expect(brandsCreated()).toBe(before + 1);
    expect((await t.db.brandDraft.findUniqueOrThrow({ where: { id: draftId } })).brandId).toBe(landed.brandId);
  });

  it("a double click registers one brand", async () => {
    const draftId = await draftFor(wizardValuesFor("NON_PROFIT"));
    const before = brandsCreated();
    const results = await Promise.allSettled([submitBrandDraft(t.db, org.ctx, { draftId }), submitBrandDraft(t.db, org.ctx, { draftId })]);
    const ok = results.filter((x): x is PromiseFulfilledResult<{ brandId: string; alreadySubmitted: boolean }> => x.status === "fulfilled");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const x of results) if (x.status === "rejected") expect(x.reason).toBeInstanceOf(TcrAmbiguousBillableError);
    expect(brandsCreated()).toBe(before + 1);
    expect(new Set(ok.map((x) => x.value.brandId)).size).toBe(1);
    expect((await submitBrandDraft(t.db, org.ctx, { draftId })).brandId).toBe(ok[0]!.value.brandId);
    // One brand, one audit row: the submits that lost the race do not record it again.
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "brand.create", targetId: ok[0]!.value.brandId } })).toBe(1);
  });

  it("refuses an incomplete draft with errors at its fields and sends nothing", async () => {
    const draftId = await draftFor(wizardValuesFor("PUBLIC_PROFIT", { stockSymbol: "", businessContactEmail: "sales@abc-example.com", postalCode: "1234" }));
    const before = brandsCreated();
    const e = await submitBrandDraft(t.db, org.ctx, { draftId }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationFailedError);
    expect(Object.keys((e as ValidationFailedError).fieldErrors ?? {}).sort()).toEqual(["businessContactEmail", "postalCode", "stockSymbol"]);
    expect(brandsCreated()).toBe(before);
    expect(await t.db.billableIntent.count({ where: { orgId: org.org.id, key: `brand-draft:${draftId}` } })).toBe(0);
  });

  it("does not submit another organization's draft", async () => {
    const draftId = await draftFor(wizardValuesFor("PRIVATE_PROFIT"));
    await expect(submitBrandDraft(t.db, other.ctx, { draftId })).rejects.toBeInstanceOf(NotFoundError);
  });
});
