// Streaming CSV export of 100,000 campaigns: time, rows/s and peak memory, next to PostgreSQL's own
// `COPY (same query) TO STDOUT WITH CSV` on the same database.
//   node --expose-gc --import tsx bench/export.ts
// Database: TEST_DATABASE_URL if set, else the local server at postgresql://postgres@127.0.0.1:5432/postgres
// if it answers, else in-process PGlite (whose memory then counts in this process's RSS). A throwaway
// database is created and dropped. BENCH_ROWS changes the row count.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { csvStream, EXPORT_BATCH_SIZE } from "@/lib/csv";
// The campaigns report itself, not the registry: the registry also holds reports whose modules are server-only.
import { campaignsReport } from "@/lib/reports/campaigns";
import { erase } from "@/lib/reports/types";
import { createTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { preferLocalPostgres } from "./local-postgres";

process.env.LOG_LEVEL ??= "silent";
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const MB = 1024 * 1024;


// --- database ---------------------------------------------------------------------------------------------
type Bench = { db: PrismaClient; kind: string; copy: (sql: string) => Promise<{ bytes: number; rows: number }>; close: () => Promise<void> };

async function openDatabase(): Promise<Bench> {
  await preferLocalPostgres();
  if (process.env.TEST_DATABASE_URL) {
    const t = await createTestDb();
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    return { db: t.db, kind: `PostgreSQL (${new URL(t.url!).host})`, copy: (sql) => copyOut(client, sql), close: async () => { await client.end(); await t.close(); } };
  }
  const lite = new PGlite();
  const dir = path.resolve("prisma/migrations");
  for (const d of fs.readdirSync(dir, { withFileTypes: true }).filter((x) => x.isDirectory()).map((x) => x.name).sort()) {
    await lite.exec(fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
  }
  const db = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    db,
    kind: "PGlite (in-process)",
    // PGlite has no STDOUT stream: COPY TO '/dev/blob' hands back the whole file at once.
    copy: async (sql) => {
      const r = await lite.query(sql.replace(/TO STDOUT/, "TO '/dev/blob'"));
      const text = await r.blob!.text();
      return { bytes: r.blob!.size, rows: text.split("\n").length - 2 };
    },
    close: async () => { await db.$disconnect(); await lite.close(); },
  };
}

/** COPY … TO STDOUT through node-postgres' copy protocol hooks (what pg-copy-streams does), counting bytes and lines. */
function copyOut(client: pg.Client, sql: string): Promise<{ bytes: number; rows: number }> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let lines = 0;
    let error: Error | null = null;
    const submittable = {
      submit(connection: { query: (text: string) => void }) { connection.query(sql); },
      handleCopyData(msg: { chunk: Buffer }) {
        const chunk = msg.chunk;
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      },
      handleCommandComplete() {},
      handleReadyForQuery() { if (error) reject(error); else resolve({ bytes, rows: lines - 1 }); },
      handleError(e: Error) { error = e; },
      handleCopyInResponse() {},
      handleEmptyQuery() {},
    };
    client.query(submittable as never);
  });
}

// --- measuring ------------------------------------------------------------------------------------------------
async function measure<T>(label: string, fn: (mark: () => void) => Promise<T>) {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const samples: number[] = [];
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  // A checkpoint collects garbage first, so it shows what the export really holds, not what awaits collection.
  const result = await fn(() => {
    globalThis.gc?.();
    samples.push(process.memoryUsage().heapUsed);
  });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { label, ms, baseline, peak, samples, result };
}

const b = await openDatabase();
try {
  const { org } = await makeOrg(b.db);
  console.log(`database: ${b.kind}; seeding ${ROWS.toLocaleString("en-US")} campaigns with 3 carrier statuses each…`);
  const seedStart = performance.now();
  await b.db.$executeRawUnsafe(
    `INSERT INTO "Brand" (id, "orgId", "brandId", "displayName", "identityStatus", data, "confirmedAt", "updatedAt")
     SELECT 'bb' || g, $1, 'B' || lpad(g::text, 6, '0'), 'Brand ' || g, 'VERIFIED', '{}', now(), now() FROM generate_series(0, 499) g`,
    org.id,
  );
  await b.db.$executeRawUnsafe(
    `INSERT INTO "Campaign" (id, "orgId", "campaignId", "brandId", usecase, status, "autoRenewal", "registryCreatedAt", "nextRenewalOrExpirationDate", "monthlyFee", "sharingStatus", "upstreamCnpId", data, "confirmedAt", "updatedAt")
     SELECT 'bc' || g, $1, 'C' || lpad(g::text, 7, '0'), 'B' || lpad((g % 500)::text, 6, '0'),
            (ARRAY['MARKETING','2FA','CUSTOMER_CARE','MIXED'])[1 + g % 4], 'ACTIVE', g % 2 = 0,
            now() - (g || ' minutes')::interval, to_char(now() + ((g % 365) || ' days')::interval, 'YYYY-MM-DD'),
            10 + (g % 3), CASE WHEN g % 5 = 0 THEN 'ACCEPTED' END, CASE WHEN g % 5 = 0 THEN 'S' || (g % 7) END, '{}', now(), now()
     FROM generate_series(1, $2::int) g`,
    org.id,
    ROWS,
  );
  await b.db.$executeRawUnsafe(
    `INSERT INTO "CampaignOperation" (id, "campaignRef", "mnoId", status, "confirmedAt", "updatedAt")
     SELECT c.id || '-' || m, c.id, m, (ARRAY['REGISTERED','REGISTERED','REVIEW','REJECTED'])[1 + (length(c.id) + ascii(right(c.id, 1)) + m::int) % 4], now(), now()
     FROM "Campaign" c CROSS JOIN unnest(ARRAY['10017','10035','10038']) m WHERE c."orgId" = $1`,
    org.id,
  );
  await b.db.$executeRawUnsafe(`ANALYZE`);
  console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // The Campaigns list's default view (newest first), exactly what its Download CSV button asks for.
  const report = erase(campaignsReport);
  const portal = await measure(`portal export (keyset batches of ${EXPORT_BATCH_SIZE.toLocaleString("en-US")} → csv-stringify → web stream)`, async (mark) => {
    const reader = csvStream({ columns: report.columns, batches: report.open(b.db, org.id, {}) }).getReader();
    const t0 = performance.now();
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    let firstRowMs = 0;
    let lastMark = 0;
    mark();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!firstByteMs) firstByteMs = performance.now() - t0;
      bytes += chunk.value.length;
      for (let i = chunk.value.indexOf(10); i !== -1; i = chunk.value.indexOf(10, i + 1)) lines++;
      if (!firstRowMs && lines > 1) firstRowMs = performance.now() - t0;
      if (lines - lastMark >= ROWS / 8) {
        lastMark = lines;
        mark();
      }
    }
    mark();
    return { bytes, rows: lines - 1, firstByteMs, firstRowMs };
  });

  const carriers = ["10017", "10035", "10038", "10037"].map((m) => `max(o.status) FILTER (WHERE o."mnoId" = '${m}')`).join(", ");
  const copySql = `COPY (
    SELECT c."campaignId", c."brandId", b."displayName", c."referenceId", c.usecase, c.status, ${carriers},
           string_agg(CASE WHEN o."mnoId" NOT IN ('10017','10035','10038','10037') THEN o."mnoId" || ': ' || o.status END, '; '),
           c."sharingStatus", c."upstreamCnpId", c."sharedAt", mg.status, c."autoRenewal", c."nextRenewalOrExpirationDate", c."monthlyFee",
           c.mock, c."registryCreatedAt", c."deletedAt", c."confirmedAt"
    FROM "Campaign" c
    LEFT JOIN "CampaignOperation" o ON o."campaignRef" = c.id
    LEFT JOIN "Brand" b ON b."orgId" = c."orgId" AND b."brandId" = c."brandId"
    LEFT JOIN "CnpMigration" mg ON mg."orgId" = c."orgId" AND mg."campaignId" = c."campaignId" AND mg.direction = 'OUTGOING'
    WHERE c."orgId" = '${org.id}' AND c."deletedAt" IS NULL
    GROUP BY c.id, b."displayName", mg.status
    ORDER BY c."registryCreatedAt" DESC NULLS LAST, c."campaignId" DESC
  ) TO STDOUT WITH CSV HEADER`;
  const copy = await measure("COPY (same query) TO STDOUT WITH CSV", async () => b.copy(copySql));

  const row = (m: Awaited<typeof portal> | Awaited<typeof copy>) => {
    const r = m.result as { bytes: number; rows: number };
    return `${m.label}\n  ${r.rows.toLocaleString("en-US")} rows, ${(r.bytes / MB).toFixed(1)} MB in ${(m.ms / 1000).toFixed(2)} s = ${Math.round(r.rows / (m.ms / 1000)).toLocaleString("en-US")} rows/s; peak RSS ${(m.peak / MB).toFixed(0)} MB (+${((m.peak - m.baseline) / MB).toFixed(1)} MB over ${(m.baseline / MB).toFixed(0)} MB before)`;
  };
  console.log(row(portal));
  console.log(`  first byte after ${portal.result.firstByteMs.toFixed(1)} ms, first data row after ${portal.result.firstRowMs.toFixed(0)} ms`);
  const s = portal.samples;
  if (s.length >= 4) {
    const at = (f: number) => `${(s[Math.min(s.length - 1, Math.floor(f * (s.length - 1)))]! / MB).toFixed(1)}`;
    console.log(`  live JS heap after GC at 0/25/50/75/100% of rows: ${[0, 0.25, 0.5, 0.75, 1].map(at).join(" / ")} MB${globalThis.gc ? "" : " (run with --expose-gc for these to mean anything)"}`);
  }
  console.log(row(copy));
  const heapGrowth = s.length ? (Math.max(...s) - s[0]!) / MB : null;
  console.log(JSON.stringify({
    bench: "export", db: b.kind, rows: portal.result.rows, portal_s: +(portal.ms / 1000).toFixed(2), ceiling_s: +(copy.ms / 1000).toFixed(2),
    ratio: +(portal.ms / copy.ms).toFixed(2), heap_mb: heapGrowth === null ? null : +heapGrowth.toFixed(1),
  }));
  if (portal.result.rows !== ROWS || copy.result.rows !== ROWS) {
    console.log(`MISMATCH: expected ${ROWS} rows, portal ${portal.result.rows}, COPY ${copy.result.rows}`);
    process.exitCode = 1;
  }
} finally {
  await b.close(); // drops the throwaway database even when the run fails
}
process.exit(process.exitCode ?? 0);
