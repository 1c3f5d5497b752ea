// The same journeys on an organization connected to TCR directly with HTTP Basic (key:secret), the sandbox's /v2:
// every other TCR test connects with Bearer, and the two share one client, so this proves the portal's commands
// and server actions end to end with the other credential scheme.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { revetBrand } from "@/lib/brands/lifecycle";
import { loadBrandOverview, loadBrandVetting } from "@/lib/brands/lifecycle-queries";
import { orderVetting } from "@/lib/brands/vetting";
import { orderVettingSchema } from "@/lib/brands/vetting-schemas";
import { kitCampaignDraft } from "@/lib/campaigns/campaign.testkit";
import { deactivateCampaign, saveCampaignDraft, updateCampaign } from "@/lib/campaigns/commands";
import { deactivateCampaignSchema, updateCampaignSchema } from "@/lib/campaigns/schemas";
import { useDb } from "@/lib/db";
import { refreshBrand } from "@/lib/mirror/refresh";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { journeyKit } from "./journey.testkit";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ ORG_COOKIE: "cd_org", currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
const brandActions = await import("@/lib/brands/actions");
const campaignActions = await import("@/lib/campaigns/actions");

const KEY = "tcr-basic-key";
const SECRET = "tcr-basic-secret";
const MIN = 60_000;
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "tcr-basic" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, provider: "TCR", authMode: "BASIC", apiKey: KEY, apiSecret: SECRET, webhookSecret: SECRET }));
  context.current = { ...org.ctx, sid: "sid-owner", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "OWNER" }] };
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

const { brandRow, audits, brandDraft, brand } = journeyKit(() => ({ db: t.db, org }));

describe("an organization on TCR with Basic credentials", () => {
  it("is TCR_BASIC, with TCR's capabilities", async () => {
    const caps = await capabilitiesFor(t.db, org.org.id);
    expect(caps.kind).toBe("TCR_BASIC");
    expect(caps.has("campaign.manage") && caps.has("brand.identityStatus") && !caps.has("campaign.numbers")).toBe(true);
  });

  it.each(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"] as const)("registers a %s brand through the wizard's command", async (entityType) => {
    const before = sandbox.control.counters().brands;
    const brandId = await brand(entityType, `Basic ${entityType}`);
    expect(sandbox.control.counters().brands).toBe(before + 1);
    expect(await brandRow(brandId)).toMatchObject({ entityType, displayName: `Basic ${entityType}` });
  });

  it("a double-clicked brand create through the server action registers one brand", async () => {
    const draftId = await brandDraft("PRIVATE_PROFIT", "Basic Double Click");
    const before = sandbox.control.counters().brands;
    const [a, b] = await Promise.all([brandActions.submitBrandDraftAction({ draftId }), brandActions.submitBrandDraftAction({ draftId })]);
    const ids = [a, b].flatMap((r) => (r.ok ? [r.data.brandId] : []));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(1);
    expect(sandbox.control.counters().brands).toBe(before + 1);
    expect(await audits("brand.create", ids[0]!)).toHaveLength(1);
  });

  it("shows the feedback of an unverified brand, revets once per confirmation, orders and lists a vet", async () => {
    // Sandbox rule: an EIN ending 0000 scores UNVERIFIED with feedback TAX_ID.
    const brandId = await brand("PRIVATE_PROFIT", "Basic Unverified", { ein: "123450000" });
    await sandbox.control.advance(2 * MIN);
    const client = await registryClientFor(t.db, org.org.id);
    await refreshBrand(t.db, client, org.org.id, brandId);
    const overview = await loadBrandOverview(t.db, org.org.id, await brandRow(brandId));
    expect(overview.feedback.map((f) => f.id)).toEqual(["TAX_ID"]);
    const revets = sandbox.control.counters().revets;
    await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}` });
    await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}` });
    expect(sandbox.control.counters().revets).toBe(revets + 1);
    expect(await audits("brand.revet", brandId)).toHaveLength(1);

    const vetted = await brand("PRIVATE_PROFIT", "Basic Vetted");
    await sandbox.control.advance(2 * MIN);
    const input = orderVettingSchema.parse({ brandId: vetted, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: `vet-${vetted}` });
    const orders = sandbox.control.counters().vettingOrders;
    await orderVetting(t.db, org.ctx, input);
    await orderVetting(t.db, org.ctx, input);
    expect(sandbox.control.counters().vettingOrders).toBe(orders + 1);
    await sandbox.control.advance(15 * MIN);
    const tab = await loadBrandVetting(t.db, org.org.id, await brandRow(vetted));
    expect(tab.errors).toEqual([]);
    expect(tab.vettings).toEqual([expect.objectContaining({ evpId: "AEGIS", vettingClass: "STANDARD", vettingStatus: "ACTIVE" })]);
  });

  it("a double-clicked campaign create through the server action registers one campaign, which is then updated and deactivated", async () => {
    const brandId = await brand("PRIVATE_PROFIT", "Kit Outdoors");
    await sandbox.control.advance(2 * MIN);
    await refreshBrand(t.db, await registryClientFor(t.db, org.org.id), org.org.id, brandId);
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: kitCampaignDraft(brandId) });
    const before = sandbox.control.counters().campaigns;
    const [a, b] = await Promise.all([campaignActions.submitCampaignDraftAction({ draftId }), campaignActions.submitCampaignDraftAction({ draftId })]);
    const ids = [a, b].flatMap((r) => (r.ok ? [r.data.campaignId] : []));
    expect(ids.length, JSON.stringify([a, b])).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(1);
    const campaignId = ids[0]!;
    expect(sandbox.control.counters().campaigns).toBe(before + 1);
    expect(await audits("campaign.create", campaignId)).toHaveLength(1);

    const sample1 = "Kit Outdoors: our spring sale starts Friday, 20% off all tents in store and online. Reply STOP to opt out.";
    await updateCampaign(t.db, org.ctx, updateCampaignSchema.parse({ campaignId, sample1 }));
    expect((await (await registryClientFor(t.db, org.org.id)).campaigns.get(campaignId)).sample1).toBe(sample1);
    await deactivateCampaign(t.db, org.ctx, deactivateCampaignSchema.parse({ campaignId, confirm: campaignId }));
    expect((await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId } } })).status).toBe("EXPIRED");
  });
});
