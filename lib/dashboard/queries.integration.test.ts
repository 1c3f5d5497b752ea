import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBrands } from "@/lib/brands/queries";
import { parseBrandFilters } from "@/lib/brands/search-params";
import { listCampaigns } from "@/lib/campaigns/queries";
import { parseCampaignFilters } from "@/lib/campaigns/search-params";
import { dashboardSummary } from "@/lib/dashboard/queries";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

const NOW = new Date("2026-11-23T12:00:00Z");
const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString().slice(0, 10);

async function seed(orgId: string, tag: string) {
  const db = t.db;
  const brand = (brandId: string, identityStatus: string | null, over: Record<string, unknown> = {}) =>
    db.brand.create({ data: { orgId, brandId, identityStatus, displayName: `${tag} ${brandId}`, data: {}, confirmedAt: NOW, ...over } });
  await brand(`${tag}B1`, "VERIFIED");
  await brand(`${tag}B2`, "VERIFIED");
  await brand(`${tag}B3`, "UNVERIFIED", { confirmedAt: new Date(NOW.getTime() - 1000) });
  await brand(`${tag}B4`, "UNVERIFIED", { deletedAt: NOW }); // deleted: counted nowhere
  await brand(`${tag}B5`, null);
  await db.registryEvent.create({ data: { orgId, dedupeKey: `${tag}e1`, eventType: "BRAND_IDENTITY_STATUS_UPDATE", brandId: `${tag}B3`, payload: { description: "EIN does not match the company name" } } });

  const campaign = (campaignId: string, ops: Record<string, string>, over: Record<string, unknown> = {}) =>
    db.campaign.create({
      data: {
        orgId, campaignId, brandId: `${tag}B1`, usecase: "MARKETING", status: "ACTIVE", data: {}, confirmedAt: NOW, ...over,
        operations: { create: Object.entries(ops).map(([mnoId, status]) => ({ mnoId, status, confirmedAt: NOW })) },
      },
    });
  await campaign(`${tag}C1`, { "10017": "REGISTERED", "10035": "REGISTERED" }, { nextRenewalOrExpirationDate: inDays(5), autoRenewal: true });
  await campaign(`${tag}C2`, { "10017": "REJECTED", "10035": "REVIEW" }, { nextRenewalOrExpirationDate: inDays(20), autoRenewal: false });
  await campaign(`${tag}C3`, { "10017": "REJECTED" }, { nextRenewalOrExpirationDate: inDays(45), autoRenewal: true });
  await campaign(`${tag}C4`, { "10017": "REJECTED" }, { deletedAt: NOW, nextRenewalOrExpirationDate: inDays(3) });
  await db.registryEvent.create({
    data: { orgId, dedupeKey: `${tag}e2`, eventType: "MNO_CAMPAIGN_OPERATION_REJECTED", campaignId: `${tag}C2`, payload: { mnoId: 10017, description: "Opt-in flow not described" } },
  });
  await db.cnpMigration.create({ data: { orgId, campaignId: `${tag}C1`, direction: "OUTGOING", status: "ACTIVE", data: {}, confirmedAt: NOW } });
  await db.cnpMigration.create({ data: { orgId, campaignId: `${tag}C2`, direction: "OUTGOING", status: "COMPLETE", data: {}, confirmedAt: NOW } });
  await db.cnpMigration.create({ data: { orgId, campaignId: `${tag}X9`, direction: "INCOMING", status: "OPEN", data: {}, confirmedAt: NOW } });
  await db.partnerCampaign.create({ data: { orgId, campaignId: `${tag}P1`, sharingStatus: "PENDING", data: {}, confirmedAt: NOW } });
  await db.partnerCampaign.create({ data: { orgId, campaignId: `${tag}P2`, sharingStatus: "ACCEPTED", data: {}, confirmedAt: NOW } });
  await db.bulkJob.create({ data: { orgId, kind: "RESUBMIT", status: "RUNNING", params: {}, total: 10, succeeded: 3 } });
  await db.bulkJob.create({ data: { orgId, kind: "RESUBMIT", status: "COMPLETED", params: {} } });
}

describe("dashboardSummary", () => {
  it("explains an empty organization", async () => {
    const { org } = await makeOrg(t.db);
    const s = await dashboardSummary(t.db, org.id, NOW);
    expect(s).toMatchObject({ empty: true, connected: false, brands: { total: 0 }, campaigns: { total: 0 } });
  });

  it("counts what the linked lists show, and only this organization's rows", async () => {
    const a = await makeOrg(t.db);
    const b = await makeOrg(t.db);
    await seed(a.org.id, "A");
    await seed(b.org.id, "Z");
    const s = await dashboardSummary(t.db, a.org.id, NOW);

    expect(s.empty).toBe(false);
    expect(s.brands.total).toBe(4);
    const byIdentity = Object.fromEntries(s.brands.byIdentity.map((g) => [String(g.identityStatus), g.count]));
    expect(byIdentity).toEqual({ VERIFIED: 2, UNVERIFIED: 1, null: 1 });
    // Each identity figure equals the total of the list it links to.
    for (const status of ["VERIFIED", "UNVERIFIED"]) {
      expect((await listBrands(t.db, a.org.id, parseBrandFilters({ identityStatus: status }))).total).toBe(byIdentity[status]);
    }

    expect(s.campaigns.total).toBe(3);
    const carrier = Object.fromEntries(s.campaigns.byCarrier.map((g) => [`${g.mnoId}/${g.status}`, g.count]));
    expect(carrier).toEqual({ "10017/REGISTERED": 1, "10017/REJECTED": 2, "10035/REGISTERED": 1, "10035/REVIEW": 1 });
    expect((await listCampaigns(t.db, a.org.id, parseCampaignFilters({ carrier: "10017", carrierStatus: "REJECTED" }))).total).toBe(2);

    expect(s.renewals).toMatchObject({ total: 2, renewing: 1, expiring: 1 });
    expect(s.renewals.next.map((c) => c.campaignId)).toEqual(["AC1", "AC2"]);
    expect((await listCampaigns(t.db, a.org.id, parseCampaignFilters({ renewsWithin: "30" }), 25, NOW)).total).toBe(2);

    expect(s.migrations).toEqual({ inFlight: 2, outgoing: 1, incoming: 1 });
    expect(s.sharesWaiting).toBe(1);
    expect(s.jobs.running).toBe(1);
    expect(s.jobs.list[0]).toMatchObject({ kind: "RESUBMIT", total: 10, succeeded: 3 });

    expect(s.rejections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "campaign", campaignId: "AC2", mnoId: "10017", reason: "Opt-in flow not described" }),
        expect.objectContaining({ kind: "campaign", campaignId: "AC3", mnoId: "10017", reason: null }),
        expect.objectContaining({ kind: "brand", brandId: "AB3", reason: "EIN does not match the company name" }),
      ]),
    );
    expect(s.rejections).toHaveLength(3);
    expect(JSON.stringify(s)).not.toMatch(/"Z[BCPX]\d/);
  });
});
