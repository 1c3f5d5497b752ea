// Issue 15's journeys on a Vonage organization, through the portal's own commands and server actions against the
// sandbox's /v1/10dlc profile over HTTP: every entity type, identity feedback, revet, vetting order and list; the
// campaign from qualification through Vonage's review and the carriers', an update that sends it back to review,
// number linking and deactivation; and a double-clicked create that registers one brand and one campaign.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { revetBrand } from "@/lib/brands/lifecycle";
import { loadBrandOverview, loadBrandVetting } from "@/lib/brands/lifecycle-queries";
import { loadBrandEditContext } from "@/lib/brands/update";
import { importVetting, orderVetting } from "@/lib/brands/vetting";
import { importVettingSchema, orderVettingSchema, vettingAppealSchema } from "@/lib/brands/vetting-schemas";
import { kitCampaignDraft } from "@/lib/campaigns/campaign.testkit";
import { deactivateCampaign, fetchQualification, resubmitCampaign, saveCampaignDraft, submitCampaignDraft, updateCampaign } from "@/lib/campaigns/commands";
import { linkCampaignNumber, vonageCampaignLive } from "@/lib/campaigns/numbers";
import { linkNumberSchema } from "@/lib/campaigns/numbers-schemas";
import { deactivateCampaignSchema, resubmitCampaignSchema, updateCampaignSchema, type CampaignDraftData } from "@/lib/campaigns/schemas";
import { useDb } from "@/lib/db";
import { refreshBrand } from "@/lib/mirror/refresh";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { journeyKit } from "./journey.testkit";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ ORG_COOKIE: "cd_org", currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
const brandActions = { ...(await import("@/lib/brands/actions")), ...(await import("@/lib/brands/lifecycle-actions")) };
const campaignActions = await import("@/lib/campaigns/actions");

const KEY = "vonage-journey-key";
const SECRET = "vonage-journey-secret";
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let vetted: string;

beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "vonage-journey" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.vonageUrl, provider: "VONAGE", authMode: "BASIC", apiKey: KEY, apiSecret: SECRET }));
  context.current = { ...org.ctx, sid: "sid-owner", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "OWNER" }] };
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

const campaignRow = (campaignId: string) => t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId } } });

const { brandRow, audits, brandDraft, brand } = journeyKit(() => ({ db: t.db, org }));
function campaignDraft(brandId: string, over: Partial<CampaignDraftData> = {}): CampaignDraftData {
  const d = kitCampaignDraft(brandId, over);
  const consent = d.consent as { mechanisms: Record<string, unknown>[] };
  // Vonage asks an evidence URL for every opt-in method but text-to-join.
  return { ...d, consent: { ...consent, mechanisms: consent.mechanisms.map((m) => ({ ...m, evidenceUrl: "https://www.kit-outdoors.com/sms-signup.png" })) }, ...over };
}
const campaignData = (campaignId: string) => campaignRow(campaignId).then((r) => r.data as { vonageStatus?: string; tcrCampaignId?: string | null; sample1?: string });

describe("brands on Vonage", () => {
  it.each(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"] as const)("registers a %s brand through the wizard's command and mirrors it", async (entityType) => {
    const before = sandbox.control.counters().brands;
    const brandId = await brand(entityType, `Vonage Journey ${entityType}`);
    expect(brandId).toMatch(/^B/);
    expect(sandbox.control.counters().brands).toBe(before + 1);
    expect(await brandRow(brandId)).toMatchObject({ entityType, displayName: `Vonage Journey ${entityType}`, deletedAt: null });
    // Straight after registration Vonage's identity check is PENDING and its feedback answers 422: no feedback yet, no error.
    expect(await loadBrandOverview(t.db, org.org.id, await brandRow(brandId))).toMatchObject({ feedback: [], errors: [] });
    const live = await (await registryClientFor(t.db, org.org.id)).brands.get(brandId);
    expect(live).toMatchObject({ brandId, entityType });
  });

  it("a double-clicked create (two concurrent submissions of one draft through the server action) registers one brand", async () => {
    const draftId = await brandDraft("PRIVATE_PROFIT", "Vonage Double Click");
    const before = sandbox.control.counters().brands;
    const [a, b] = await Promise.all([brandActions.submitBrandDraftAction({ draftId }), brandActions.submitBrandDraftAction({ draftId })]);
    const ids = [a, b].flatMap((r) => (r.ok ? [r.data.brandId] : []));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(1);
    expect(sandbox.control.counters().brands).toBe(before + 1);
    const listed = await (await registryClientFor(t.db, org.org.id)).brands.search({ displayName: "Vonage Double Click" });
    expect(listed.records.filter((r) => r.displayName === "Vonage Double Click")).toHaveLength(1);
    expect(await t.db.brand.count({ where: { orgId: org.org.id, displayName: "Vonage Double Click" } })).toBe(1);
    expect(await audits("brand.create", ids[0]!)).toHaveLength(1);
  });

  it("shows Vonage's identity feedback for an unverified brand on the brand page and the edit form, with the fields it affects", async () => {
    // The sandbox's Vonage profile fails the identity check of EIN 111110000 on the tax id.
    const brandId = await brand("PRIVATE_PROFIT", "Vonage Unverified", { ein: "111110000" });
    await sandbox.control.advance(2 * MIN);
    await refreshBrand(t.db, await registryClientFor(t.db, org.org.id), org.org.id, brandId);
    const overview = await loadBrandOverview(t.db, org.org.id, await brandRow(brandId));
    expect(overview.errors).toEqual([]);
    expect(overview.feedback.map((f) => f.id)).toContain("TAX_ID");
    expect(overview.feedback.find((f) => f.id === "TAX_ID")!.fields).toEqual(expect.arrayContaining(["ein", "companyName"]));
    const edit = await loadBrandEditContext(t.db, org.org.id, brandId);
    expect(edit?.feedback?.map((f) => f.id)).toContain("TAX_ID");
  });

  it("revets through the portal's command once per confirmation, records it, and reports Vonage's refusal of a second", async () => {
    const brandId = await brand("PRIVATE_PROFIT", "Vonage Revet");
    await sandbox.control.advance(2 * MIN);
    const before = sandbox.control.counters().revets;
    const r = await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}-1` });
    expect(r.brandId).toBe(brandId);
    await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}-1` });
    expect(sandbox.control.counters().revets).toBe(before + 1);
    expect(await audits("brand.revet", brandId)).toHaveLength(1);
    expect((await loadBrandOverview(t.db, org.org.id, await brandRow(brandId))).lastRevet).toBeInstanceOf(Date);
    // Vonage allows one revet: a new confirmation is refused with its answer, not counted as done.
    await expect(revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}-2` })).rejects.toThrow();
    expect(sandbox.control.counters().revets).toBe(before + 1);
    expect(await audits("brand.revet", brandId)).toHaveLength(1);
  });

  it("orders an external vet once per click and lists it on the vetting tab with Vonage's outcome", async () => {
    vetted = await brand("PRIVATE_PROFIT", "Kit Outdoors");
    await sandbox.control.advance(5 * MIN);
    const before = sandbox.control.counters().vettingOrders;
    const input = orderVettingSchema.parse({ brandId: vetted, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: `vet-${vetted}` });
    await orderVetting(t.db, org.ctx, input);
    await orderVetting(t.db, org.ctx, input);
    expect(sandbox.control.counters().vettingOrders).toBe(before + 1);
    await sandbox.control.advance(15 * MIN);
    const tab = await loadBrandVetting(t.db, org.org.id, await brandRow(vetted));
    expect(tab.errors).toEqual([]);
    // Vonage spells its vetting providers Aegis, CV, WMC and matches them without regard to case.
    expect(tab.providers.map((p) => p.evpId)).toEqual(expect.arrayContaining(["Aegis", "CV", "WMC"]));
    expect(tab.vettings).toHaveLength(1);
    expect(tab.vettings[0]).toMatchObject({ evpId: expect.stringMatching(/^aegis$/i), vettingClass: "STANDARD", vettingStatus: "ACTIVE" });
    expect(await audits("brand.vetting.order", vetted)).toHaveLength(1);

    // The vetting tab's appeal without evidence: Vonage requires 1–10 files (TCR does not), so the form's file field
    // says so and nothing is sent (it was an unexplained ZodError before). The appeal with files: vonage/client.test.ts.
    const vet = tab.vettings[0]!;
    const appeal = vettingAppealSchema.parse({ brandId: vetted, evpId: vet.evpId, vettingId: vet.vettingId, appealCategories: ["LOW_SCORE"] });
    const r = await brandActions.appealVettingAction(appeal);
    expect(r).toMatchObject({ ok: false, fieldErrors: { fileIds: expect.stringMatching(/1 to 10 evidence files/), explanation: expect.stringMatching(/explanation/) } });
    expect(await audits("brand.vetting.appeal", vetted)).toHaveLength(0);
  });

  it("imports a vet done elsewhere through the portal's command and lists it", async () => {
    const brandId = await brand("PRIVATE_PROFIT", "Vonage Imported Vet");
    await sandbox.control.advance(2 * MIN);
    const before = sandbox.control.counters().vettingImports;
    await importVetting(t.db, org.ctx, importVettingSchema.parse({ brandId, evpId: "WMC", vettingId: "WMC-IMPORT-1" }));
    expect(sandbox.control.counters().vettingImports).toBe(before + 1);
    expect(await audits("brand.vetting.import", brandId)).toHaveLength(1);
    const tab = await loadBrandVetting(t.db, org.org.id, await brandRow(brandId));
    expect(tab.errors).toEqual([]);
    expect(tab.vettings.map((v) => v.vettingId)).toEqual(["WMC-IMPORT-1"]);
  });
});

describe("a campaign on Vonage", () => {
  let campaignId: string;
  let tcrCampaignsBefore: number;

  it("qualifies the vetted brand, and a double-clicked create (two concurrent submissions through the server action) registers one campaign with structured consent", async () => {
    const q = await fetchQualification(t.db, org.org.id, { brandId: vetted, usecase: "MARKETING" });
    expect(Object.values(q.mnoMetadata ?? {}).some((m) => m.qualify)).toBe(true);
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: campaignDraft(vetted) });
    tcrCampaignsBefore = sandbox.control.counters().campaigns;
    const [a, b] = await Promise.all([campaignActions.submitCampaignDraftAction({ draftId }), campaignActions.submitCampaignDraftAction({ draftId })]);
    const ids = [a, b].flatMap((r) => (r.ok ? [r.data.campaignId] : []));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(1);
    campaignId = ids[0]!;
    const client = await registryClientFor(t.db, org.org.id);
    expect((await client.campaigns.search({ brandId: vetted })).records.map((c) => c.campaignId)).toEqual([campaignId]);
    expect(await audits("campaign.create", campaignId)).toHaveLength(1);
    const live = await client.campaigns.get(campaignId);
    expect(live).toMatchObject({ vonageStatus: "PENDING_REVIEW" });
    expect((live as { messageFlowDetails?: unknown }).messageFlowDetails).toMatchObject({ brand_name: expect.any(String) });
    // The second submit of the same draft answers from the draft, not with a second campaign.
    expect((await submitCampaignDraft(t.db, org.ctx, { draftId })).campaignId).toBe(campaignId);
  });

  it("follows Vonage's review, then the carriers', to ACTIVE with the TCR campaign id, in the mirror", async () => {
    const { refreshCampaignFromRegistry } = await import("@/lib/campaigns/commands");
    await sandbox.control.advance(HOUR);
    await refreshCampaignFromRegistry(t.db, org.ctx, { campaignId });
    expect(await campaignData(campaignId)).toMatchObject({ vonageStatus: "CARRIERS_REVIEW", tcrCampaignId: expect.stringMatching(/^C/) });
    // Vonage registers it with TCR once it has reviewed it: one TCR campaign for the double click.
    expect(sandbox.control.counters().campaigns).toBe(tcrCampaignsBefore + 1);
    await sandbox.control.advance(DAY);
    await refreshCampaignFromRegistry(t.db, org.ctx, { campaignId });
    expect(await campaignData(campaignId)).toMatchObject({ vonageStatus: "ACTIVE" });
    expect((await campaignRow(campaignId)).status).toBe("ACTIVE");
  });

  it("links a number to the active campaign", async () => {
    await linkCampaignNumber(t.db, org.ctx, linkNumberSchema.parse({ campaignId, phoneNumber: "+1 415 555 0142" }));
    await sandbox.control.advance(MIN);
    const r = await vonageCampaignLive(t.db, org.org.id, campaignId);
    expect(r.numbers.ok && r.numbers.value.map((n) => [n.phoneNumber, n.status])).toEqual([["+14155550142", "LINKED"]]);
  });

  it("an update goes back to Vonage's review, the mirror shows it, and it comes back ACTIVE", async () => {
    const sample1 = "Kit Outdoors: our spring sale starts Friday, 20% off all tents in store and online. Reply STOP to opt out.";
    const r = await updateCampaign(t.db, org.ctx, updateCampaignSchema.parse({ campaignId, sample1 }));
    expect(r.fields).toEqual(["sample1"]);
    expect(await campaignData(campaignId)).toMatchObject({ vonageStatus: "PENDING_REVIEW", sample1 });
    expect(await audits("campaign.update", campaignId)).toHaveLength(1);
    const { refreshCampaignFromRegistry } = await import("@/lib/campaigns/commands");
    await sandbox.control.advance(HOUR + DAY);
    await refreshCampaignFromRegistry(t.db, org.ctx, { campaignId });
    expect(await campaignData(campaignId)).toMatchObject({ vonageStatus: "ACTIVE", sample1 });
  });

  it("resubmits the active campaign to chosen carriers once per request key", async () => {
    const before = sandbox.control.counters().resubmissions;
    const input = resubmitCampaignSchema.parse({ campaignId, mnoIds: [10017], requestKey: `resubmit-${campaignId}` });
    const r = await resubmitCampaign(t.db, org.ctx, input);
    expect(r.accepted).toEqual(["10017"]);
    await resubmitCampaign(t.db, org.ctx, input);
    expect(sandbox.control.counters().resubmissions).toBe(before + 1);
    expect(await audits("campaign.resubmit", campaignId)).toHaveLength(1);
  });

  it("deactivates: the confirmation must name the campaign; Vonage cancels it and the mirror shows it EXPIRED", async () => {
    expect(deactivateCampaignSchema.safeParse({ campaignId, confirm: "nope" }).error?.issues[0]?.path).toEqual(["confirm"]);
    await deactivateCampaign(t.db, org.ctx, deactivateCampaignSchema.parse({ campaignId, confirm: campaignId.toLowerCase() }));
    expect(await (await registryClientFor(t.db, org.org.id)).campaigns.get(campaignId)).toMatchObject({ vonageStatus: "CANCELED", status: "EXPIRED" });
    expect((await campaignRow(campaignId)).status).toBe("EXPIRED");
    expect(await campaignData(campaignId)).toMatchObject({ vonageStatus: "CANCELED" });
    expect(await audits("campaign.deactivate", campaignId)).toHaveLength(1);
    await expect(updateCampaign(t.db, org.ctx, updateCampaignSchema.parse({ campaignId, sample1: "Kit Outdoors: too late. Reply STOP to opt out." }))).rejects.toThrow();
  });
});
