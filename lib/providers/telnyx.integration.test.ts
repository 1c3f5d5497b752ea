// The portal's own brand journey on an organization connected to Telnyx (the sandbox's /10dlc profile): the same
// domain commands and reconciliation as on TCR, through the provider port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveBrandDraft } from "@/lib/brands/drafts";
import { loadBrandOverview } from "@/lib/brands/lifecycle-queries";
import { submitBrandDraft } from "@/lib/brands/submit";
import { loadWizardOptions } from "@/lib/brands/wizard-options";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { testConnection } from "@/lib/registry/test-connection";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { UnsupportedByProviderError } from "./port";

const KEY = "telnyx-it-key";
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: "telnyx-it-secret", rateLimits: false, seed: "telnyx-it" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.telnyxUrl, provider: "TELNYX", authMode: "BEARER", apiKey: KEY }));
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

async function submit(entityType: Parameters<typeof wizardValuesFor>[0], displayName: string) {
  const { draftId } = await saveBrandDraft(t.db, org.ctx, { step: "review", values: wizardValuesFor(entityType, { displayName }) });
  return { draftId, ...(await submitBrandDraft(t.db, org.ctx, { draftId })) };
}

describe("an organization on Telnyx", () => {
  it("tests its connection with one page of brands", async () => {
    expect(await testConnection(t.db, org.ctx)).toMatchObject({ ok: true, summary: expect.stringMatching(/^Telnyx 10DLC answered with these credentials/) });
  });

  it("offers Telnyx's closed vertical list in the wizard, and countries as free text without a warning", async () => {
    const options = await loadWizardOptions(t.db, org.org.id);
    expect(options.verticals).toHaveLength(17);
    expect(options.verticals).toContainEqual({ value: "NGO", label: "NGO" });
    expect(options.verticals).toContainEqual({ value: "REAL_ESTATE", label: "Real Estate" });
    expect(options.countries).toBeNull();
    expect(options.problem).toBeUndefined();
  });

  it.each(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT"] as const)("registers a %s brand through the wizard's command, once however often it is sent", async (entityType) => {
    const before = sandbox.control.counters().brands;
    const r = await submit(entityType, `Telnyx ${entityType}`);
    // A double click or a second tab: the same draft again.
    const again = await submitBrandDraft(t.db, org.ctx, { draftId: r.draftId });
    expect(again.brandId).toBe(r.brandId);
    expect(sandbox.control.counters().brands).toBe(before + 1);
    const row = await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: r.brandId } } });
    expect(row).toMatchObject({ entityType, displayName: `Telnyx ${entityType}` });
  });

  it("reconciles without campaign or sharing endpoints, and follows the identity check", async () => {
    const { brandId } = await submit("PRIVATE_PROFIT", "Telnyx Reconciled");
    await sandbox.control.advance(5 * 60_000);
    const client = await registryClientFor(t.db, org.org.id);
    const report = await reconcileOrg(t.db, client, org.org.id, { deep: true });
    expect(report.campaigns).toMatchObject({ created: 0, deleted: 0 });
    expect(report.vettings?.failed).toBe(0);
    const row = await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId } } });
    expect(row.identityStatus).toMatch(/VERIFIED|UNVERIFIED/);
    expect(row.deletedAt).toBeNull();
  });

  it("offers brands and vetting only; the rest is refused with Telnyx's reason, and the brand page reports no errors for it", async () => {
    const caps = await capabilitiesFor(t.db, org.org.id);
    expect(caps.has("brand.register") && caps.has("brand.externalVetting")).toBe(true);
    expect(caps.why("campaign.manage")).toMatch(/Telnyx's own console/);
    const client = await registryClientFor(t.db, org.org.id);
    await expect(client.campaigns.get("CABC123")).rejects.toBeInstanceOf(UnsupportedByProviderError);
    const { brandId } = await submit("PUBLIC_PROFIT", "Telnyx Overview");
    const brand = await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId } } });
    const overview = await loadBrandOverview(t.db, org.org.id, brand);
    expect(overview.errors).toEqual([]);
  });
});
