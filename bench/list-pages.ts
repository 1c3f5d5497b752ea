// Campaign and brand list pages at scale (issue 18): the portal's list query (listCampaigns / listBrands: the keyset
// page's rows, the total and the row decorations, exactly what the server component awaits before the table; the
// brand list's filter options too) next to the bare SQL of the same keyset page (rows with their carrier statuses, a
// row-value comparison after the cursor, and the total) on the same database. Cases: each sort's first page and a
// deep keyset page (90% into the list), a filtered page; and the campaign facets, which the page streams apart.
//   npx tsx bench/list-pages.ts                 100,000 campaigns over 5,000 brands (BENCH_CAMPAIGNS, BENCH_BRANDS)
// Database: TEST_DATABASE_URL if set, else the local server at postgresql://postgres@127.0.0.1:5432/postgres if it
// answers (a throwaway database, dropped afterwards), else in-process PGlite.
// Prints one line per case and one JSON line per case: {"bench":"list","case":…,"portal_ms":…,"ceiling_ms":…,"ratio":…}
import { performance } from "node:perf_hooks";
import pg from "pg";
import { brandKeysetOrder, listBrands } from "@/lib/brands/queries";
import { BRAND_SORTS, brandCursorScope, parseBrandFilters } from "@/lib/brands/search-params";
import { campaignKeysetOrder, listCampaignFacets, listCampaigns } from "@/lib/campaigns/queries";
import { CAMPAIGN_SORTS, campaignCursorScope, parseCampaignFilters } from "@/lib/campaigns/search-params";
import { encodeCursor } from "@/lib/pagination/keyset";
import { createTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { preferLocalPostgres } from "./local-postgres";
import { seedScale } from "./seed-data";

process.env.LOG_LEVEL ??= "silent";
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 100_000);
const BRANDS = Number(process.env.BENCH_BRANDS ?? 5_000);
const RUNS = 15;
const PAGE = 25;
type Case = { name: string; url: Record<string, string>; sql: (p: unknown[]) => Promise<unknown>; params: unknown[] };


await preferLocalPostgres();
const t = await createTestDb();
// The ceiling runs through node-postgres directly (PostgreSQL) or PGlite's own query (embedded), no ORM in between.
const pool = t.url ? new pg.Pool({ connectionString: t.url, max: 4 }) : null;
// Dropping the throwaway database at the end ends idle connections: not an error of the benchmark.
pool?.on("error", () => {});
const bare = async (sql: string, params: unknown[]) => (pool ? (await pool.query(sql, params)).rows : await t.db.$queryRawUnsafe<unknown[]>(sql, ...params));

/**
 * Median milliseconds of the portal query and of its bare SQL, RUNS each. The two alternate run by run, so a change
 * in the shared machine's load between them does not read as a difference between them.
 */
async function medians(portal: () => Promise<unknown>, ceiling: () => Promise<unknown>): Promise<[number, number]> {
  // Warm: plans cached, pages in shared buffers, the ORM's query shape compiled (the first call of a shape costs 2×).
  for (const fn of [portal, portal, ceiling, ceiling]) await fn();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    for (const [k, fn] of [portal, ceiling].entries()) {
      const t0 = performance.now();
      await fn();
      times[k]!.push(performance.now() - t0);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return [median(times[0]), median(times[1])];
}

try {
  const { org } = await makeOrg(t.db);
  const s0 = performance.now();
  await seedScale((sql, ...params) => t.db.$executeRawUnsafe(sql, ...params), org.id, { campaigns: CAMPAIGNS, brands: BRANDS });
  console.log(`database: ${t.kind}; seeded ${CAMPAIGNS.toLocaleString("en-US")} campaigns over ${BRANDS.toLocaleString("en-US")} brands in ${((performance.now() - s0) / 1000).toFixed(1)} s`);

  const ops = `(SELECT json_agg(json_build_object('mnoId', o."mnoId", 'status', o.status)) FROM "CampaignOperation" o WHERE o."campaignRef" = c.id) AS operations`;
  const cols = `c.id, c."campaignId", c."brandId", c."referenceId", c.usecase, c.status, c."autoRenewal", c.mock, c."registryCreatedAt", c."nextRenewalOrExpirationDate", c."monthlyFee", c."upstreamCnpId", c."sharingStatus", c."sharedAt", c."deletedAt", c."confirmedAt"`;
  // The bare keyset page: the page's rows plus one (is there a next page), a row-value comparison after the cursor
  // row, the carrier statuses for those rows only, and the total.
  const campaignPage = (where: string, countWhere: string, countParams: number, order: string) => async (params: unknown[]) =>
    Promise.all([
      bare(`SELECT c.*, ${ops} FROM (SELECT ${cols} FROM "Campaign" c WHERE ${where} ORDER BY ${order} LIMIT ${PAGE + 1}) c ORDER BY ${order}`, params),
      bare(`SELECT count(*) FROM "Campaign" c WHERE ${countWhere}`, params.slice(0, countParams)),
    ]);
  const live = `c."orgId" = $1 AND c."deletedAt" IS NULL`;
  const deepAt = Math.floor(CAMPAIGNS * 0.9);
  const col = { created: `"registryCreatedAt"`, campaignId: null, usecase: "usecase", status: "status", renewal: `"nextRenewalOrExpirationDate"` } as const;
  const campaignCases: Case[] = [];
  for (const sort of CAMPAIGN_SORTS) {
    const f = parseCampaignFilters({ sort });
    const key = col[sort];
    const dir = f.dir === "asc" ? "ASC" : "DESC";
    const cmp = f.dir === "asc" ? ">" : "<";
    const order = `${key ? `c.${key} ${dir}, ` : ""}c."campaignId" ${dir}`;
    const first = `${live}${key ? ` AND c.${key} IS NOT NULL` : ""}`;
    campaignCases.push({ name: `campaigns first page, sorted by ${sort}`, url: { sort }, sql: campaignPage(first, live, 1, order), params: [org.id] });
    // The deep page's cursor is the row just before 90% of the list, found once outside the timing.
    const o = campaignKeysetOrder(f);
    const [anchor] = await t.db.campaign.findMany({ where: { orgId: org.id, deletedAt: null }, orderBy: [...(o.key ? [{ [o.key]: f.dir }] : []), { campaignId: f.dir }], skip: deepAt - 1, take: 1, select: { campaignId: true, registryCreatedAt: true, usecase: true, status: true, nextRenewalOrExpirationDate: true } });
    const v = o.key ? (anchor as Record<string, unknown>)[o.key] as string | Date : null;
    const cursor = encodeCursor(campaignCursorScope(f), { key: v, id: anchor!.campaignId, back: false });
    const cast = sort === "created" ? "::timestamp" : "";
    campaignCases.push({
      name: `campaigns deep keyset page (row ${deepAt.toLocaleString("en-US")}), sorted by ${sort}`,
      url: { sort, cursor },
      sql: campaignPage(key ? `${first} AND (c.${key}, c."campaignId") ${cmp} ($2${cast}, $3)` : `${live} AND c."campaignId" ${cmp} $2`, live, 1, order),
      params: key ? [org.id, v instanceof Date ? v.toISOString() : v, anchor!.campaignId] : [org.id, anchor!.campaignId],
    });
  }
  const filtered = `${live} AND c.usecase = $2 AND EXISTS (SELECT 1 FROM "CampaignOperation" o WHERE o."campaignRef" = c.id AND o."mnoId" = $3 AND o.status = $4)`;
  campaignCases.splice(1, 0, {
    name: "campaigns filtered (MARKETING, rejected on 10017)",
    url: { usecase: "MARKETING", carrier: "10017", carrierStatus: "REJECTED" },
    sql: campaignPage(`${filtered} AND c."registryCreatedAt" IS NOT NULL`, filtered, 4, `c."registryCreatedAt" DESC, c."campaignId" DESC`),
    params: [org.id, "MARKETING", "10017", "REJECTED"],
  });

  const bcols = `b.id, b."brandId", b."referenceId", b."displayName", b."companyName", b."entityType", b."identityStatus", b.status, b.vertical, b."vettingScore", b.country, b."registryCreatedAt", b."deletedAt", b.mock, b.data`;
  const bcount = `(SELECT count(*) FROM "Campaign" c WHERE c."orgId" = b."orgId" AND c."brandId" = b."brandId" AND c."deletedAt" IS NULL) AS campaigns`;
  const blive = `b."orgId" = $1 AND b."deletedAt" IS NULL AND (b.status IS NULL OR b.status <> 'DELETED')`;
  const brandPage = (where: string, countWhere: string, countParams: number, order: string) => async (params: unknown[]) =>
    Promise.all([
      bare(`SELECT b.*, ${bcount} FROM (SELECT b."orgId", ${bcols} FROM "Brand" b WHERE ${where} ORDER BY ${order} LIMIT ${PAGE + 1}) b ORDER BY ${order}`, params),
      bare(`SELECT count(*) FROM "Brand" b WHERE ${countWhere}`, params.slice(0, countParams)),
    ]);
  const bdeepAt = Math.floor(BRANDS * 0.9);
  const bcol = { created: `"registryCreatedAt"`, displayName: `"displayName"`, identityStatus: `"identityStatus"` } as const;
  const brandCases: Case[] = [];
  for (const sort of BRAND_SORTS) {
    const f = parseBrandFilters({ sort });
    const key = bcol[sort];
    const dir = f.dir === "asc" ? "ASC" : "DESC";
    const order = `b.${key} ${dir}, b."brandId" ${dir}`;
    const first = `${blive} AND b.${key} IS NOT NULL`;
    brandCases.push({ name: `brands first page, sorted by ${sort}`, url: { sort }, sql: brandPage(first, blive, 1, order), params: [org.id] });
    const o = brandKeysetOrder(f);
    const [anchor] = await t.db.brand.findMany({ where: { orgId: org.id, deletedAt: null }, orderBy: [{ [o.key!]: f.dir }, { brandId: f.dir }], skip: bdeepAt - 1, take: 1, select: { brandId: true, registryCreatedAt: true, displayName: true, identityStatus: true } });
    const v = (anchor as Record<string, unknown>)[o.key!] as string | Date;
    brandCases.push({
      name: `brands deep keyset page (row ${bdeepAt.toLocaleString("en-US")}), sorted by ${sort}`,
      url: { sort, cursor: encodeCursor(brandCursorScope(f), { key: v, id: anchor!.brandId, back: false }) },
      sql: brandPage(`${first} AND (b.${key}, b."brandId") ${f.dir === "asc" ? ">" : "<"} ($2${sort === "created" ? "::timestamp" : ""}, $3)`, blive, 1, order),
      params: [org.id, v instanceof Date ? v.toISOString() : v, anchor!.brandId],
    });
  }
  brandCases.splice(1, 0, {
    name: "brands filtered (UNVERIFIED)",
    url: { identityStatus: "UNVERIFIED" },
    sql: brandPage(`${blive} AND b."identityStatus" = $2 AND b."registryCreatedAt" IS NOT NULL`, `${blive} AND b."identityStatus" = $2`, 2, `b."registryCreatedAt" DESC, b."brandId" DESC`),
    params: [org.id, "UNVERIFIED"],
  });

  const results: Record<string, unknown>[] = [];
  const run = async (name: string, portal: () => Promise<unknown>, ceiling: () => Promise<unknown>) => {
    const [p, c] = await medians(portal, ceiling);
    const r = { bench: "list", case: name, campaigns: CAMPAIGNS, portal_ms: +p.toFixed(1), ceiling_ms: +c.toFixed(1), ratio: +(p / c).toFixed(2) };
    console.log(`${name.padEnd(52)} portal ${p.toFixed(1).padStart(7)} ms   bare SQL ${c.toFixed(1).padStart(7)} ms   ${(p / c).toFixed(2)}×`);
    results.push(r);
  };
  for (const k of campaignCases) {
    const f = parseCampaignFilters(k.url);
    if (k.url.cursor && !f.cursor) throw new Error(`the cursor of "${k.name}" did not parse`);
    await run(k.name, () => listCampaigns(t.db, org.id, f), () => k.sql(k.params));
  }
  // The filter options, streamed beside the table (app/(portal)/campaigns/page.tsx): three GROUP BYs, the brand
  // names and the tags, against one bare GROUPING SETS query of the three columns.
  await run(
    "campaign facets (streamed, not in the table's time)",
    () => listCampaignFacets(t.db, org.id, {}),
    () => bare(`SELECT usecase, "brandId", "upstreamCnpId" FROM "Campaign" WHERE "orgId" = $1 GROUP BY GROUPING SETS ((usecase), ("brandId"), ("upstreamCnpId"))`, [org.id]),
  );
  for (const k of brandCases) {
    const f = parseBrandFilters(k.url);
    await run(k.name, () => listBrands(t.db, org.id, f), () => k.sql(k.params));
  }
  for (const r of results) console.log(JSON.stringify(r));
} finally {
  await pool?.end();
  await t.close();
}
process.exit(0);
