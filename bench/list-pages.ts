// Campaign and brand list pages at scale (issue 18): the portal's list query (listCampaigns / listBrands: the page's
// rows, the total, the filter facets and the row decorations, exactly what the server component awaits) next to the
// bare SQL of the same page (rows with their carrier statuses, and the total) on the same database, side by side.
//   npx tsx bench/list-pages.ts                 100,000 campaigns over 5,000 brands (BENCH_CAMPAIGNS, BENCH_BRANDS)
// Database: TEST_DATABASE_URL if set, else the local server at postgresql://postgres@127.0.0.1:5432/postgres if it
// answers (a throwaway database, dropped afterwards), else in-process PGlite.
// Prints one line per case and one JSON line per case: {"bench":"list","case":…,"portal_ms":…,"ceiling_ms":…,"ratio":…}
import { performance } from "node:perf_hooks";
import pg from "pg";
import { listBrands } from "@/lib/brands/queries";
import { parseBrandFilters } from "@/lib/brands/search-params";
import { listCampaigns } from "@/lib/campaigns/queries";
import { parseCampaignFilters } from "@/lib/campaigns/search-params";
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
const RUNS = 7;
const PAGE = 25;


await preferLocalPostgres();
const t = await createTestDb();
// The ceiling runs through node-postgres directly (PostgreSQL) or PGlite's own query (embedded), no ORM in between.
const pool = t.url ? new pg.Pool({ connectionString: t.url, max: 4 }) : null;
const bare = async (sql: string, params: unknown[]) => (pool ? (await pool.query(sql, params)).rows : await t.db.$queryRawUnsafe<unknown[]>(sql, ...params));

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: plans cached, pages in shared buffers
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

try {
  const { org } = await makeOrg(t.db);
  const s0 = performance.now();
  await seedScale((sql, ...params) => t.db.$executeRawUnsafe(sql, ...params), org.id, { campaigns: CAMPAIGNS, brands: BRANDS });
  console.log(`database: ${t.kind}; seeded ${CAMPAIGNS.toLocaleString("en-US")} campaigns over ${BRANDS.toLocaleString("en-US")} brands in ${((performance.now() - s0) / 1000).toFixed(1)} s`);

  const ops = `(SELECT json_agg(json_build_object('mnoId', o."mnoId", 'status', o.status)) FROM "CampaignOperation" o WHERE o."campaignRef" = c.id) AS operations`;
  const cols = `c.id, c."campaignId", c."brandId", c."referenceId", c.usecase, c.status, c."autoRenewal", c.mock, c."registryCreatedAt", c."nextRenewalOrExpirationDate", c."monthlyFee", c."upstreamCnpId", c."sharingStatus", c."sharedAt", c."deletedAt", c."confirmedAt"`;
  const campaignPage = (where: string, order: string, offset: number) => async (params: unknown[]) =>
    Promise.all([
      // The carrier statuses only for the page's rows, not for every row the OFFSET skips.
      bare(`SELECT c.*, ${ops} FROM (SELECT ${cols} FROM "Campaign" c WHERE ${where} ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}) c ORDER BY ${order}`, params),
      bare(`SELECT count(*) FROM "Campaign" c WHERE ${where}`, params),
    ]);
  const live = `c."orgId" = $1 AND c."deletedAt" IS NULL`;
  const deepPage = Math.floor((CAMPAIGNS * 0.9) / PAGE);
  const campaignCases: { name: string; url: Record<string, string>; sql: (p: unknown[]) => Promise<unknown>; params: unknown[] }[] = [
    { name: "campaigns first page", url: {}, sql: campaignPage(live, `c."registryCreatedAt" DESC NULLS LAST, c."campaignId" DESC`, 0), params: [org.id] },
    {
      name: "campaigns filtered (MARKETING, rejected on 10017)",
      url: { usecase: "MARKETING", carrier: "10017", carrierStatus: "REJECTED" },
      sql: campaignPage(`${live} AND c.usecase = $2 AND EXISTS (SELECT 1 FROM "CampaignOperation" o WHERE o."campaignRef" = c.id AND o."mnoId" = $3 AND o.status = $4)`, `c."registryCreatedAt" DESC NULLS LAST, c."campaignId" DESC`, 0),
      params: [org.id, "MARKETING", "10017", "REJECTED"],
    },
    { name: `campaigns deep page (${deepPage})`, url: { page: String(deepPage) }, sql: campaignPage(live, `c."registryCreatedAt" DESC NULLS LAST, c."campaignId" DESC`, (deepPage - 1) * PAGE), params: [org.id] },
    { name: "campaigns sorted by id", url: { sort: "campaignId" }, sql: campaignPage(live, `c."campaignId" ASC`, 0), params: [org.id] },
    { name: "campaigns sorted by use case", url: { sort: "usecase" }, sql: campaignPage(live, `c.usecase ASC NULLS LAST, c."campaignId" ASC`, 0), params: [org.id] },
    { name: "campaigns sorted by status", url: { sort: "status" }, sql: campaignPage(live, `c.status ASC NULLS LAST, c."campaignId" ASC`, 0), params: [org.id] },
    { name: "campaigns sorted by renewal", url: { sort: "renewal" }, sql: campaignPage(live, `c."nextRenewalOrExpirationDate" ASC NULLS LAST, c."campaignId" ASC`, 0), params: [org.id] },
  ];

  const bcols = `b.id, b."brandId", b."referenceId", b."displayName", b."companyName", b."entityType", b."identityStatus", b.status, b.vertical, b."vettingScore", b.country, b."registryCreatedAt", b."deletedAt", b.mock, b.data`;
  const bcount = `(SELECT count(*) FROM "Campaign" c WHERE c."orgId" = b."orgId" AND c."brandId" = b."brandId" AND c."deletedAt" IS NULL) AS campaigns`;
  const blive = `b."orgId" = $1 AND b."deletedAt" IS NULL AND (b.status IS NULL OR b.status <> 'DELETED')`;
  const brandPage = (where: string, order: string, offset: number) => async (params: unknown[]) =>
    Promise.all([
      bare(`SELECT b.*, ${bcount} FROM (SELECT b."orgId", ${bcols} FROM "Brand" b WHERE ${where} ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}) b ORDER BY ${order}`, params),
      bare(`SELECT count(*) FROM "Brand" b WHERE ${where}`, params),
    ]);
  const bdeep = Math.floor((BRANDS * 0.9) / PAGE);
  const brandCases: typeof campaignCases = [
    { name: "brands first page", url: {}, sql: brandPage(blive, `b."registryCreatedAt" DESC NULLS LAST, b."brandId" DESC`, 0), params: [org.id] },
    { name: "brands filtered (UNVERIFIED)", url: { identityStatus: "UNVERIFIED" }, sql: brandPage(`${blive} AND b."identityStatus" = $2`, `b."registryCreatedAt" DESC NULLS LAST, b."brandId" DESC`, 0), params: [org.id, "UNVERIFIED"] },
    { name: `brands deep page (${bdeep})`, url: { page: String(bdeep) }, sql: brandPage(blive, `b."registryCreatedAt" DESC NULLS LAST, b."brandId" DESC`, (bdeep - 1) * PAGE), params: [org.id] },
    { name: "brands sorted by name", url: { sort: "displayName" }, sql: brandPage(blive, `b."displayName" ASC NULLS LAST, b."brandId" ASC`, 0), params: [org.id] },
  ];

  const results: Record<string, unknown>[] = [];
  const run = async (name: string, portal: () => Promise<unknown>, ceiling: () => Promise<unknown>) => {
    const p = await median(portal);
    const c = await median(ceiling);
    const r = { bench: "list", case: name, campaigns: CAMPAIGNS, portal_ms: +p.toFixed(1), ceiling_ms: +c.toFixed(1), ratio: +(p / c).toFixed(2) };
    console.log(`${name.padEnd(52)} portal ${p.toFixed(1).padStart(7)} ms   bare SQL ${c.toFixed(1).padStart(7)} ms   ${(p / c).toFixed(2)}×`);
    results.push(r);
  };
  for (const k of campaignCases) {
    const f = parseCampaignFilters(k.url);
    await run(k.name, () => listCampaigns(t.db, org.id, f), () => k.sql(k.params));
  }
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
