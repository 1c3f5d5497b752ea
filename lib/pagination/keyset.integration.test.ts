// Keyset pages of the Campaigns and Brands lists on PGlite, and on PostgreSQL with TEST_DATABASE_URL: every sort
// both ways, walked to the end and back, with heavy ties and null keys, equal the whole ordered set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBrands } from "@/lib/brands/queries";
import { BRAND_SORTS, parseBrandFilters } from "@/lib/brands/search-params";
import { listCampaigns } from "@/lib/campaigns/queries";
import { CAMPAIGN_SORTS, parseCampaignFilters } from "@/lib/campaigns/search-params";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let org: string;
let other: string;
const NOW = new Date("2026-12-01T00:00:00Z");
const N = 37;

beforeAll(async () => {
  t = await createTestDb();
  org = (await makeOrg(t.db)).org.id;
  other = (await makeOrg(t.db)).org.id;
  for (let i = 0; i < N; i++) {
    // Three creation instants, two use cases, two statuses: most rows tie on the key; every seventh has none.
    const none = i % 7 === 3;
    await t.db.campaign.create({
      data: {
        orgId: org, campaignId: `C${String((i * 11) % N).padStart(3, "0")}`, brandId: `B${i % 4}`, data: {}, confirmedAt: NOW,
        usecase: none ? null : i % 2 ? "MARKETING" : "2FA",
        status: none ? null : i % 3 ? "ACTIVE" : "EXPIRED",
        registryCreatedAt: none ? null : new Date(Date.UTC(2026, 0, 1 + (i % 3))),
        nextRenewalOrExpirationDate: none ? null : `2027-0${1 + (i % 2)}-01`,
        deletedAt: i % 10 === 9 ? NOW : null,
        operations: { create: i % 2 ? [{ mnoId: "10017", status: "REJECTED", confirmedAt: NOW }] : [] },
      },
    });
    if (i < 4) await t.db.campaign.create({ data: { orgId: other, campaignId: `C${String(i).padStart(3, "0")}`, usecase: "MARKETING", data: {}, confirmedAt: NOW } });
  }
  for (let i = 0; i < 23; i++) {
    const none = i % 6 === 2;
    await t.db.brand.create({
      data: {
        orgId: org, brandId: `B${String((i * 7) % 23).padStart(3, "0")}`, data: {}, confirmedAt: NOW, status: "ACTIVE", entityType: "PRIVATE_PROFIT",
        displayName: none ? null : ["Acme", "Bolt", "acme"][i % 3], identityStatus: none ? null : i % 2 ? "VERIFIED" : "UNVERIFIED",
        registryCreatedAt: none ? null : new Date(Date.UTC(2026, 1, 1 + (i % 2))),
      },
    });
  }
});
afterAll(async () => { await t.close(); });

/** Every page forward from the first, then every page back from the last; each page's ids. */
async function walk<R>(list: (cursor?: string) => Promise<{ rows: R[]; cursors: { previous?: string; next?: string }; hasPrevious: boolean }>, id: (r: R) => string) {
  const forward: string[][] = [];
  let p = await list();
  expect(p.hasPrevious).toBe(false);
  expect(p.cursors.previous).toBeUndefined();
  for (;;) {
    forward.push(p.rows.map(id));
    if (!p.cursors.next) break;
    p = await list(p.cursors.next);
    expect(p.cursors.previous).toBeDefined();
  }
  const back: string[][] = [p.rows.map(id)];
  while (p.cursors.previous) {
    p = await list(p.cursors.previous);
    back.unshift(p.rows.map(id));
  }
  return { forward, back };
}

describe("campaign keyset pages", () => {
  const cases = CAMPAIGN_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => ({ sort, dir })));
  it.each(cases)("sort $sort $dir: no duplicate, no gap, nulls last, and back again", async ({ sort, dir }) => {
    const f = parseCampaignFilters({ sort, dir });
    const all = (await listCampaigns(t.db, org, f, 1000, NOW)).rows.map((r) => r.campaignId);
    expect(all).toHaveLength(N - 3); // 3 deleted
    const { forward, back } = await walk((cursor) => listCampaigns(t.db, org, { ...f, cursor }, 5, NOW), (r) => r.campaignId);
    expect(forward.flat()).toEqual(all);
    expect(new Set(forward.flat()).size).toBe(all.length);
    expect(forward.slice(0, -1).every((p) => p.length === 5)).toBe(true);
    expect(back).toEqual(forward);
    // The whole list is the order the SQL gives with the id breaking ties and rows without the key last.
    const key = { created: "registryCreatedAt", campaignId: null, usecase: "usecase", status: "status", renewal: "nextRenewalOrExpirationDate" }[sort];
    const ordered = await t.db.campaign.findMany({
      where: { orgId: org, deletedAt: null },
      orderBy: [...(key ? [{ [key]: { sort: dir, nulls: "last" as const } }] : []), { campaignId: dir }],
      select: { campaignId: true },
    });
    expect(all).toEqual(ordered.map((r) => r.campaignId));
  });

  it("keeps the filter on every page and the total", async () => {
    const f = parseCampaignFilters({ carrier: "10017", carrierStatus: "REJECTED", sort: "usecase", dir: "desc" });
    const all = await listCampaigns(t.db, org, f, 1000, NOW);
    const { forward } = await walk((cursor) => listCampaigns(t.db, org, { ...f, cursor }, 4, NOW), (r) => r.campaignId);
    expect(forward.flat()).toEqual(all.rows.map((r) => r.campaignId));
    expect(all.rows.every((r) => r.operations["10017"] === "REJECTED")).toBe(true);
    expect(all.total).toBe(all.rows.length);
  });

  it("a cursor from another organization's rows only positions the page: this organization's rows still", async () => {
    const mine = await listCampaigns(t.db, org, parseCampaignFilters({ sort: "campaignId" }), 3, NOW);
    const theirs = await listCampaigns(t.db, other, parseCampaignFilters({ sort: "campaignId" }), 3, NOW);
    const p = await listCampaigns(t.db, org, parseCampaignFilters({ sort: "campaignId", cursor: theirs.cursors.next }), 3, NOW);
    expect(p.rows.map((r) => r.campaignId)).toEqual(["C003", "C004", "C005"]);
    expect(mine.rows.map((r) => r.campaignId)).toEqual(["C000", "C001", "C002"]);
  });

  it("a malformed or stale cursor gives the first page", async () => {
    const first = (await listCampaigns(t.db, org, parseCampaignFilters({}), 5, NOW)).rows.map((r) => r.campaignId);
    for (const cursor of ["%%%", "bm9wZQ", "W10", Buffer.from(JSON.stringify(["created", "desc", "2026-01-01", "C1", 0])).toString("base64url")]) {
      expect((await listCampaigns(t.db, org, parseCampaignFilters({ cursor }), 5, NOW)).rows.map((r) => r.campaignId)).toEqual(first);
    }
    const byStatus = await listCampaigns(t.db, org, parseCampaignFilters({ sort: "status" }), 5, NOW);
    expect((await listCampaigns(t.db, org, parseCampaignFilters({ cursor: byStatus.cursors.next }), 5, NOW)).rows.map((r) => r.campaignId)).toEqual(first);
  });
});

describe("brand keyset pages", () => {
  const cases = BRAND_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => ({ sort, dir })));
  it.each(cases)("sort $sort $dir: no duplicate, no gap, and back again", async ({ sort, dir }) => {
    const f = parseBrandFilters({ sort, dir });
    const all = (await listBrands(t.db, org, f, 1000)).rows.map((r) => r.brandId);
    expect(all).toHaveLength(23);
    const { forward, back } = await walk((cursor) => listBrands(t.db, org, { ...f, cursor }, 4), (r) => r.brandId);
    expect(forward.flat()).toEqual(all);
    expect(back).toEqual(forward);
    const key = { created: "registryCreatedAt", displayName: "displayName", identityStatus: "identityStatus" }[sort];
    const ordered = await t.db.brand.findMany({ where: { orgId: org }, orderBy: [{ [key]: { sort: dir, nulls: "last" as const } }, { brandId: dir }], select: { brandId: true } });
    expect(all).toEqual(ordered.map((r) => r.brandId));
  });

  it("keeps the filter on every page", async () => {
    const f = parseBrandFilters({ identityStatus: "VERIFIED", sort: "displayName" });
    const { forward } = await walk((cursor) => listBrands(t.db, org, { ...f, cursor }, 3), (r) => r.brandId);
    const all = await listBrands(t.db, org, f, 1000);
    expect(forward.flat()).toEqual(all.rows.map((r) => r.brandId));
    expect(all.rows.every((r) => r.identityStatus === "VERIFIED")).toBe(true);
    expect(all.total).toBe(all.rows.length);
  });
});
