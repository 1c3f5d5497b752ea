import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brandKeysetOrder, brandListSelect, brandListWhere, brandTagOptions, getBrand, listBrandFacets, listBrands } from "@/lib/brands/queries";
import { brandCursor, brandCursorScope, parseBrandFilters } from "@/lib/brands/search-params";
import { keysetPage, pageCursors } from "@/lib/pagination/keyset";
import { tagsOf } from "@/lib/tags/values";
import { brandsReport } from "@/lib/reports/brands";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let orgA: string;
let orgB: string;

type Seed = { brandId: string; displayName: string; companyName?: string; entityType?: string; identityStatus?: string | null; status?: string; vertical?: string; referenceId?: string; created: string; deleted?: boolean; tag?: unknown };

async function seed(orgId: string, s: Seed) {
  await t.db.brand.create({
    data: {
      orgId, brandId: s.brandId, displayName: s.displayName, companyName: s.companyName ?? `${s.displayName} Inc.`,
      entityType: s.entityType ?? "PRIVATE_PROFIT", identityStatus: s.identityStatus === undefined ? "VERIFIED" : s.identityStatus,
      status: s.status ?? "ACTIVE", vertical: s.vertical ?? "RETAIL", referenceId: s.referenceId ?? null, country: "US",
      registryCreatedAt: new Date(s.created), data: { brandId: s.brandId, displayName: s.displayName, ...(s.tag !== undefined ? { tag: s.tag } : {}) }, confirmedAt: new Date(),
      deletedAt: s.deleted ? new Date() : null,
    },
  });
}

const list = (orgId: string, params: Record<string, string> = {}, pageSize?: number) => listBrands(t.db, orgId, parseBrandFilters(params), pageSize);
const ids = (r: { rows: { brandId: string }[] }) => r.rows.map((x) => x.brandId);

beforeAll(async () => {
  t = await createTestDb();
  orgA = (await makeOrg(t.db)).org.id;
  orgB = (await makeOrg(t.db)).org.id;
  await seed(orgA, { brandId: "BALPHA1", displayName: "Alpha Mobile", created: "2026-01-01T00:00:00Z", referenceId: "ref-alpha", tag: ["retail", "spring2026"] });
  await seed(orgA, { brandId: "BBRAVO2", displayName: "Bravo Health", vertical: "HEALTHCARE", entityType: "NON_PROFIT", identityStatus: "UNVERIFIED", created: "2026-02-01T00:00:00Z", tag: ["spring2026"] });
  await seed(orgA, { brandId: "BCHARL3", displayName: "Charlie Gov", entityType: "GOVERNMENT", identityStatus: "SELF_DECLARED", created: "2026-03-01T00:00:00Z", tag: null });
  await seed(orgA, { brandId: "BDELTA4", displayName: "Delta Pending", identityStatus: null, created: "2026-04-01T00:00:00Z" });
  await seed(orgA, { brandId: "BGONE05", displayName: "Gone Brand", created: "2026-05-01T00:00:00Z", deleted: true, status: "DELETED", tag: ["spring2026", "gone"] });
  // Deleted at the registry, which still answers for it: hidden like a gone brand unless asked for.
  await seed(orgA, { brandId: "BREGDEL", displayName: "Registry Deleted", created: "2025-12-01T00:00:00Z", status: "DELETED" });
  // Another organization's brand, with a name that matches searches for org A's brands.
  await seed(orgB, { brandId: "BOTHER6", displayName: "Alpha Other Org", created: "2026-06-01T00:00:00Z", tag: ["retail", "secret"] });
  // The same brand id in both organizations: each sees only its own row.
  await seed(orgB, { brandId: "BALPHA1", displayName: "B's copy", created: "2026-06-02T00:00:00Z" });
  for (const [i, brandId] of ["BALPHA1", "BALPHA1", "BBRAVO2"].entries()) {
    await t.db.campaign.create({ data: { orgId: orgA, campaignId: `CA${i}`, brandId, data: {}, confirmedAt: new Date() } });
  }
  await t.db.campaign.create({ data: { orgId: orgA, campaignId: "CGONE", brandId: "BALPHA1", data: {}, confirmedAt: new Date(), deletedAt: new Date() } });
  await t.db.campaign.create({ data: { orgId: orgB, campaignId: "CB1", brandId: "BALPHA1", data: {}, confirmedAt: new Date() } });
});
afterAll(async () => t?.close());

describe("listBrands", () => {
  it("lists the organization's live brands newest first, with totals and campaign counts", async () => {
    const r = await list(orgA);
    expect(ids(r)).toEqual(["BDELTA4", "BCHARL3", "BBRAVO2", "BALPHA1"]);
    expect(r.total).toBe(4);
    expect(Object.fromEntries(r.rows.map((x) => [x.brandId, x.campaigns]))).toEqual({ BDELTA4: 0, BCHARL3: 0, BBRAVO2: 1, BALPHA1: 2 });
    expect((await listBrandFacets(t.db, orgA, {})).verticals).toEqual(["HEALTHCARE", "RETAIL"]);
  });

  it("never shows another organization's brands", async () => {
    expect(ids(await list(orgA, { q: "alpha" }))).toEqual(["BALPHA1"]);
    expect((await list(orgA, { q: "alpha" })).rows[0]!.displayName).toBe("Alpha Mobile");
    expect(ids(await list(orgA, { q: "BOTHER6" }))).toEqual([]);
    expect(ids(await list(orgB))).toEqual(["BALPHA1", "BOTHER6"]);
    expect((await list(orgB)).rows.find((x) => x.brandId === "BALPHA1")!.campaigns).toBe(1);
  });

  it("searches display name, company name, brand id and reference id, case-insensitively", async () => {
    expect(ids(await list(orgA, { q: "BRAVO" }))).toEqual(["BBRAVO2"]);
    expect(ids(await list(orgA, { q: "charlie gov inc" }))).toEqual(["BCHARL3"]);
    expect(ids(await list(orgA, { q: "bdelta" }))).toEqual(["BDELTA4"]);
    expect(ids(await list(orgA, { q: "REF-ALPHA" }))).toEqual(["BALPHA1"]);
  });

  it("filters by entity type, identity status, status and vertical", async () => {
    expect(ids(await list(orgA, { entityType: "NON_PROFIT" }))).toEqual(["BBRAVO2"]);
    expect(ids(await list(orgA, { identityStatus: "SELF_DECLARED" }))).toEqual(["BCHARL3"]);
    expect(ids(await list(orgA, { vertical: "HEALTHCARE" }))).toEqual(["BBRAVO2"]);
    expect(ids(await list(orgA, { status: "DELETED" }))).toEqual(["BREGDEL"]);
    expect(ids(await list(orgA, { status: "DELETED", deleted: "1" }))).toEqual(["BGONE05", "BREGDEL"]);
    // A value the registry never uses is ignored rather than failing the page.
    expect((await list(orgA, { entityType: "BOGUS", identityStatus: "nope" })).total).toBe(4);
  });

  it("shows deleted brands only when asked", async () => {
    expect(ids(await list(orgA))).not.toContain("BGONE05");
    expect(ids(await list(orgA))).not.toContain("BREGDEL");
    const r = await list(orgA, { deleted: "1" });
    expect(ids(r)[0]).toBe("BGONE05");
    expect(ids(r).at(-1)).toBe("BREGDEL");
    expect(r.total).toBe(6);
  });

  it("sorts by display name and identity status both ways, empty values last", async () => {
    expect(ids(await list(orgA, { sort: "displayName" }))).toEqual(["BALPHA1", "BBRAVO2", "BCHARL3", "BDELTA4"]);
    expect(ids(await list(orgA, { sort: "displayName", dir: "desc" }))).toEqual(["BDELTA4", "BCHARL3", "BBRAVO2", "BALPHA1"]);
    expect(ids(await list(orgA, { sort: "identityStatus" }))).toEqual(["BCHARL3", "BBRAVO2", "BALPHA1", "BDELTA4"]);
    expect(ids(await list(orgA, { sort: "identityStatus", dir: "desc" }))).toEqual(["BALPHA1", "BBRAVO2", "BCHARL3", "BDELTA4"]);
    expect(ids(await list(orgA, { sort: "created", dir: "asc" }))).toEqual(["BALPHA1", "BBRAVO2", "BCHARL3", "BDELTA4"]);
  });

  it("pages with a stable order and keeps the total", async () => {
    const p1 = await list(orgA, { sort: "displayName" }, 3);
    const p2 = await list(orgA, { sort: "displayName", cursor: p1.cursors.next! }, 3);
    expect(ids(p1)).toEqual(["BALPHA1", "BBRAVO2", "BCHARL3"]);
    expect(ids(p2)).toEqual(["BDELTA4"]);
    expect([p1.total, p2.total]).toEqual([4, 4]);
    expect(p2.cursors.next).toBeUndefined();
    expect(ids(await list(orgA, { sort: "displayName", cursor: p2.cursors.previous! }, 3))).toEqual(ids(p1));
    // A malformed cursor, or one made under another sort, is the first page.
    expect(ids(await list(orgA, { sort: "displayName", cursor: "bm90LWpzb24" }, 3))).toEqual(ids(p1));
    expect(ids(await list(orgA, { sort: "created", cursor: p1.cursors.next! }, 3))).toEqual(ids(await list(orgA, {}, 3)));
  });
});

describe("tags", () => {
  it("filters by a tag of the mirrored brand object, alone and with the other filters", async () => {
    expect(ids(await list(orgA, { tag: "spring2026" }))).toEqual(["BBRAVO2", "BALPHA1"]);
    expect(ids(await list(orgA, { tag: "SPRING2026", entityType: "NON_PROFIT" }))).toEqual(["BBRAVO2"]);
    expect(ids(await list(orgA, { tag: "retail" }))).toEqual(["BALPHA1"]);
    expect(ids(await list(orgA, { tag: "spring2026", deleted: "1" }))).toEqual(["BGONE05", "BBRAVO2", "BALPHA1"]);
    // Another organization's brand with the same tag is never listed; an unknown tag matches nothing.
    expect(ids(await list(orgB, { tag: "retail" }))).toEqual(["BOTHER6"]);
    expect((await list(orgA, { tag: "secret" })).total).toBe(0);
    expect((await list(orgA, { tag: "spring2026" })).total).toBe(2);
  });

  it("shows each row's tags and offers the organization's tags as options", async () => {
    const r = await list(orgA);
    expect(Object.fromEntries(r.rows.map((x) => [x.brandId, x.tags]))).toEqual({ BDELTA4: [], BCHARL3: [], BBRAVO2: ["spring2026"], BALPHA1: ["retail", "spring2026"] });
    expect((await listBrandFacets(t.db, orgA, {})).tags).toEqual(["retail", "spring2026"]);
    expect(await brandTagOptions(t.db, orgB)).toEqual(["retail", "secret"]);
    // A tag in the URL that no live brand carries stays selectable.
    expect((await listBrandFacets(t.db, orgA, parseBrandFilters({ tag: "gone" }))).tags).toEqual(["gone", "retail", "spring2026"]);
  });

  it("exports the same rows as the list for a tag (the CSV report parses the same URL)", async () => {
    const cases: Record<string, string>[] = [{ tag: "spring2026" }, { tag: "spring2026", deleted: "1", sort: "displayName" }, { tag: "nope" }];
    for (const raw of cases) {
      const exported: string[] = [];
      for await (const batch of brandsReport.batches(t.db, orgA, brandsReport.parseFilter(raw), 1)) exported.push(...batch.map((x) => x.brandId));
      expect(exported, JSON.stringify(raw)).toEqual(ids(await list(orgA, raw)));
    }
  });
});

/**
 * The list as it was read through Prisma before listBrands took one raw query per segment (lib/brands/queries.ts):
 * brandListWhere, the keyset segments, then a campaign-count groupBy over the page's brands.
 */
async function listViaPrisma(orgId: string, params: Record<string, string>, pageSize: number) {
  const f = parseBrandFilters(params);
  const w = brandListWhere(orgId, f);
  const order = brandKeysetOrder(f);
  type Row = Awaited<ReturnType<typeof t.db.brand.findMany<{ select: typeof brandListSelect }>>>[number];
  const keyOf = (r: Row) => ({ key: r[order.key as "displayName" | "identityStatus" | "registryCreatedAt"], id: r.brandId });
  const page = await keysetPage(order, brandCursor(f), pageSize, (q) =>
    t.db.brand.findMany({ where: { AND: [w, q.where] }, orderBy: q.orderBy, take: q.take, select: brandListSelect }), keyOf);
  const counts = await t.db.campaign.groupBy({ by: ["brandId"], where: { orgId, deletedAt: null, brandId: { in: page.rows.map((r) => r.brandId) } }, _count: { _all: true } });
  const byBrand = new Map(counts.map((c) => [c.brandId, c._count._all]));
  return {
    rows: page.rows.map(({ data, ...r }) => ({ ...r, tags: tagsOf(data), campaigns: byBrand.get(r.brandId) ?? 0 })),
    total: await t.db.brand.count({ where: w }),
    pageSize,
    hasPrevious: page.hasPrevious,
    cursors: pageCursors(brandCursorScope(f), page, keyOf),
  };
}

describe("listBrands against its Prisma form", () => {
  let orgC: string;
  beforeAll(async () => {
    orgC = (await makeOrg(t.db)).org.id;
    const names = ["Zed", "alpha", "Alpha", "ålpha", "100% _done_", "back\\slash", "it's", "", "Café", "beta"];
    for (let i = 0; i < 37; i++) {
      await t.db.brand.create({
        data: {
          orgId: orgC, brandId: `BC${String(i).padStart(3, "0")}`, confirmedAt: new Date(),
          // Ties on every sort key, and rows without one, so pages break inside runs of equal values and at the nulls.
          displayName: i % 7 === 3 ? null : names[i % names.length]!,
          companyName: i % 4 === 0 ? null : `Co ${i % 5}`,
          identityStatus: i % 6 === 5 ? null : ["VERIFIED", "UNVERIFIED", "SELF_DECLARED"][i % 3]!,
          registryCreatedAt: i % 9 === 8 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 11), 0, 0, 0, i % 4)),
          entityType: ["PRIVATE_PROFIT", "NON_PROFIT"][i % 2]!, status: i % 10 === 9 ? "DELETED" : "ACTIVE", vertical: ["RETAIL", "HEALTHCARE"][i % 2]!,
          referenceId: i % 3 === 0 ? `ref-${i}` : null, vettingScore: i % 5 === 0 ? null : i * 3, country: "US", mock: i % 8 === 0,
          data: i % 3 === 0 ? { tag: ["alpha", "beta"] } : i % 3 === 1 ? { tag: ["beta"], nested: { n: i } } : { tag: "alpha" },
          deletedAt: i % 12 === 11 ? new Date(Date.UTC(2026, 5, 1)) : null,
        },
      });
      for (let k = 0; k < i % 4; k++) {
        await t.db.campaign.create({ data: { orgId: orgC, campaignId: `CC${i}-${k}`, brandId: `BC${String(i).padStart(3, "0")}`, data: {}, confirmedAt: new Date(), deletedAt: k === 2 ? new Date() : null } });
      }
    }
  });

  const cases: Record<string, string>[] = [
    {}, { sort: "created", dir: "asc" }, { sort: "displayName" }, { sort: "displayName", dir: "desc" }, { sort: "identityStatus" },
    { sort: "identityStatus", dir: "desc" }, { deleted: "1" }, { status: "DELETED" }, { q: "alpha" }, { q: "%" }, { q: "_" }, { q: "\\" },
    { q: "ref" }, { tag: "alpha" }, { tag: "beta", sort: "displayName" }, { identityStatus: "UNVERIFIED", entityType: "NON_PROFIT" }, { vertical: "RETAIL", deleted: "1" },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("reads every page forward and back the same way for %s", async (_, params) => {
    let raw = await listBrands(t.db, orgC, parseBrandFilters(params), 4);
    expect(raw).toEqual(await listViaPrisma(orgC, params, 4));
    const seen: string[] = raw.rows.map((r) => r.brandId);
    let pages = 1;
    while (raw.cursors.next) {
      const next = { ...params, cursor: raw.cursors.next };
      raw = await listBrands(t.db, orgC, parseBrandFilters(next), 4);
      expect(raw).toEqual(await listViaPrisma(orgC, next, 4));
      seen.push(...raw.rows.map((r) => r.brandId));
      pages++;
      if (raw.cursors.previous) {
        const back = { ...params, cursor: raw.cursors.previous };
        expect(await listBrands(t.db, orgC, parseBrandFilters(back), 4)).toEqual(await listViaPrisma(orgC, back, 4));
      }
    }
    expect(seen).toHaveLength(raw.total);
    if (!Object.keys(params).some((k) => ["q", "tag", "identityStatus", "vertical", "status"].includes(k))) expect(pages).toBeGreaterThan(3);
  });
});

describe("getBrand", () => {
  it("returns the organization's own brand with its campaign count", async () => {
    const b = await getBrand(t.db, orgA, "BALPHA1");
    expect(b).toMatchObject({ brandId: "BALPHA1", displayName: "Alpha Mobile", campaigns: 2 });
    expect((await getBrand(t.db, orgB, "BALPHA1"))!.displayName).toBe("B's copy");
  });

  it("returns null for another organization's brand and for unknown ids", async () => {
    expect(await getBrand(t.db, orgA, "BOTHER6")).toBeNull();
    expect(await getBrand(t.db, orgA, "BNOPE00")).toBeNull();
  });

  it("still returns a deleted brand, flagged", async () => {
    expect((await getBrand(t.db, orgA, "BGONE05"))!.deletedAt).not.toBeNull();
  });
});
