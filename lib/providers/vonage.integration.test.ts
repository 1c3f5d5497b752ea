// The portal's own brand and campaign journeys on an organization connected to Vonage (the sandbox's /v1/10dlc
// profile): the wizard's and the builder's commands, qualification and reconciliation, through the provider port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveBrandDraft } from "@/lib/brands/drafts";
import { submitBrandDraft } from "@/lib/brands/submit";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import { orderVetting } from "@/lib/brands/vetting";
import { orderVettingSchema } from "@/lib/brands/vetting-schemas";
import { kitCampaignDraft } from "@/lib/campaigns/campaign.testkit";
import { fetchBrandQualifications, fetchQualification, saveCampaignDraft, submitCampaignDraft } from "@/lib/campaigns/commands";
import type { CampaignDraftData } from "@/lib/campaigns/schemas";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { testConnection } from "@/lib/registry/test-connection";
import { ValidationFailedError } from "@/lib/errors";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "vonage-it-key";
const SECRET = "vonage-it-secret";
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let brandId: string;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "vonage-it" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.vonageUrl, provider: "VONAGE", authMode: "BASIC", apiKey: KEY, apiSecret: SECRET }));
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

async function submitBrand(entityType: Parameters<typeof wizardValuesFor>[0], displayName: string) {
  const { draftId } = await saveBrandDraft(t.db, org.ctx, { step: "review", values: wizardValuesFor(entityType, { displayName }) });
  return { draftId, ...(await submitBrandDraft(t.db, org.ctx, { draftId })) };
}

function campaignDraft(over: Partial<CampaignDraftData> = {}): CampaignDraftData {
  const d = kitCampaignDraft(brandId, over);
  const consent = d.consent as { mechanisms: Record<string, unknown>[] };
  // Vonage asks an evidence URL for every opt-in method but text-to-join.
  return { ...d, consent: { ...consent, mechanisms: consent.mechanisms.map((m) => ({ ...m, evidenceUrl: "https://www.kit-outdoors.com/sms-signup.png" })) }, ...over };
}

async function submitCampaign(data: CampaignDraftData) {
  const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data });
  return { draftId, ...(await submitCampaignDraft(t.db, org.ctx, { draftId })) };
}

describe("an organization on Vonage", () => {
  it("tests its connection with one page of brands", async () => {
    expect(await testConnection(t.db, org.ctx)).toMatchObject({ ok: true, summary: expect.stringMatching(/^Vonage 10DLC answered with these credentials/) });
  });

  it.each(["PRIVATE_PROFIT", "NON_PROFIT", "GOVERNMENT"] as const)("registers a %s brand through the wizard's command, once however often it is sent", async (entityType) => {
    const before = sandbox.control.counters().brands;
    // The kit's campaign speaks for "Kit Outdoors": the compliance check wants the brand named in its samples.
    const r = await submitBrand(entityType, entityType === "PRIVATE_PROFIT" ? "Kit Outdoors" : `Vonage ${entityType}`);
    expect((await submitBrandDraft(t.db, org.ctx, { draftId: r.draftId })).brandId).toBe(r.brandId);
    expect(sandbox.control.counters().brands).toBe(before + 1);
    expect(await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: r.brandId } } })).toMatchObject({ entityType });
    // Vonage states no brand price: the audit records none rather than TCR's.
    expect((await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.org.id, action: "brand.create", targetId: r.brandId } })).detail).toMatchObject({ feeUsd: null });
    if (entityType === "PRIVATE_PROFIT") brandId = r.brandId;
  });

  it("orders a vet through the portal's command, after which Vonage qualifies the brand per use case with fees, carriers and the enum's sub-use-case limits", async () => {
    await sandbox.control.advance(5 * 60_000);
    // Vonage qualifies unvetted brands for low-volume use cases only: MARKETING waits for a vet.
    const before = await fetchQualification(t.db, org.org.id, { brandId, usecase: "MARKETING" });
    expect(Object.values(before.mnoMetadata ?? {}).some((m) => m.qualify)).toBe(false);
    await orderVetting(t.db, org.ctx, orderVettingSchema.parse({ brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: `vet-${brandId}` }));
    await sandbox.control.advance(15 * 60_000);
    const one = await fetchQualification(t.db, org.org.id, { brandId, usecase: "MARKETING" });
    expect(Object.values(one.mnoMetadata ?? {}).some((m) => m.qualify)).toBe(true);
    expect(one).toMatchObject({ usecase: "MARKETING", minSubUsecases: expect.any(Number), maxSubUsecases: expect.any(Number) });
    expect(Object.keys(one.mnoMetadata ?? {}).length).toBeGreaterThan(0);
    const all = await fetchBrandQualifications(t.db, org.org.id, { brandId });
    expect(all.map((q) => q.usecase)).toEqual(expect.arrayContaining(["MARKETING", "2FA", "CUSTOMER_CARE"]));
  });

  it("registers a campaign with structured consent once, whatever the retries, and reconciliation mirrors it", async () => {
    const r = await submitCampaign(campaignDraft());
    expect(r.campaignId).toMatch(/^V/);
    expect((await submitCampaignDraft(t.db, org.ctx, { draftId: r.draftId })).campaignId).toBe(r.campaignId);
    const client = await registryClientFor(t.db, org.org.id);
    const listed = await client.campaigns.searchDeprecated({});
    expect(listed.records.filter((c) => c.campaignId === r.campaignId)).toHaveLength(1);
    const live = await client.campaigns.get(r.campaignId);
    expect(live).toMatchObject({ campaignId: r.campaignId, vonageStatus: "PENDING_REVIEW" });
    expect((live as { messageFlowDetails?: unknown }).messageFlowDetails).toBeTruthy();

    await sandbox.control.advance(3 * 60 * 60_000);
    const report = await reconcileOrg(t.db, client, org.org.id, { deep: true });
    expect(report.campaigns.created + report.campaigns.updated + report.campaigns.unchanged).toBeGreaterThanOrEqual(1);
    const row = await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId: r.campaignId } } });
    expect(row.deletedAt).toBeNull();
    expect((row.data as { vonageStatus?: string }).vonageStatus).not.toBe("PENDING_REVIEW");

    // The campaign page's "Refresh from registry" on Vonage: it re-reads the campaign and skips what Vonage does not
    // offer (sharing, migrations) instead of failing on it, which left the page on its old state.
    await sandbox.control.advance(2 * 24 * 3600_000);
    const { refreshCampaignFromRegistry } = await import("@/lib/campaigns/commands");
    await expect(refreshCampaignFromRegistry(t.db, org.ctx, { campaignId: r.campaignId })).resolves.toMatchObject({ campaignId: r.campaignId });
    const refreshed = await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId: r.campaignId } } });
    expect((refreshed.data as { vonageStatus?: string }).vonageStatus).toBe("ACTIVE");
  });

  it("stops consent Vonage would refuse at the consent field, before anything is sent or charged", async () => {
    // A web-form opt-in without the evidence URL Vonage's message_flow_details requires.
    const before = sandbox.control.counters().campaigns;
    const err = await submitCampaign(kitCampaignDraft(brandId, { description: "Kit Outdoors sends store event announcements and seasonal offers to customers who joined online." })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect(Object.keys((err as ValidationFailedError).fieldErrors ?? {})).toContain("consent.mechanisms.0.evidenceUrl");
    expect(sandbox.control.counters().campaigns).toBe(before);
  });
});
