// Streaming CSV export of 100,000 campaigns through the export's own code (lib/reports/export.ts exportBody): time,
// rows/s and memory, next to PostgreSQL's own `COPY (the same SELECT) TO STDOUT WITH (FORMAT csv)` on the same
// database. Each is timed BENCH_REPEAT (3) times, alternating, after one warm-up; the figures are medians. The
// live-heap figures come from one more run with a collection at each eighth of the rows, so no forced GC is timed.
//   node --expose-gc --import tsx bench/export.ts
// Database: TEST_DATABASE_URL if set, else the local server at postgresql://postgres@127.0.0.1:5432/postgres
// if it answers, else in-process PGlite served over pglite-socket (whose work then counts in this process). A
// throwaway database is created and dropped. BENCH_ROWS changes the row count.
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { COPY_SETTINGS, copyStatement, csvHead } from "@/lib/csv";
import { exportBody } from "@/lib/reports/export";
// The campaigns report itself, not the registry: the registry also holds reports whose modules are server-only.
import { campaignsReport } from "@/lib/reports/campaigns";
import { erase } from "@/lib/reports/types";
import { createWireTestDb, type WireTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { preferLocalPostgres } from "./local-postgres";

process.env.LOG_LEVEL ??= "silent";
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const MB = 1024 * 1024;

// --- database ---------------------------------------------------------------------------------------------
// The database reached as the app reaches it (lib/db.ts): Prisma on a pg pool; PGlite is served over the wire by
// pglite-socket, as in the embedded mode, so the export takes its COPY path there too.
async function openDatabase(): Promise<WireTestDb & { label: string }> {
  await preferLocalPostgres();
  const t = await createWireTestDb();
  return { ...t, label: t.kind === "postgresql" ? `PostgreSQL (${new URL(t.url!).host})` : "PGlite (in-process, over pglite-socket)" };
}

/** COPY … TO STDOUT through node-postgres' copy protocol hooks, counting bytes and lines: PostgreSQL's own speed. */
function copyOut(client: pg.PoolClient, sql: string): Promise<{ bytes: number; rows: number }> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let lines = 0;
    const submittable = {
      submit(connection: { query: (text: string) => void }) { connection.query(sql); },
      handleCopyData(msg: { chunk: Buffer }) {
        const chunk = msg.chunk;
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      },
      handleCommandComplete() {},
      handleReadyForQuery() { resolve({ bytes, rows: lines }); },
      handleError(e: Error) { reject(e); },
      handleCopyInResponse() {},
      handleEmptyQuery() {},
    };
    client.query(submittable as never);
  });
}

// --- measuring ------------------------------------------------------------------------------------------------
/** One timed run: no forced collection inside it (that would be timed too); RSS sampled every 5 ms. */
async function timed<T>(fn: () => Promise<T>) {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, baseline, peak, result };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

const b = await openDatabase();
try {
  const { org } = await makeOrg(b.db);
  console.log(`database: ${b.label}; seeding ${ROWS.toLocaleString("en-US")} campaigns with 3 carrier statuses each…`);
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

  // The Campaigns list's default view (newest first), exactly what its Download CSV button asks for, through the
  // export's own code (lib/reports/export.ts exportBody: COPY over a pool client, CRLF records, web stream).
  const report = erase(campaignsReport);
  const now = new Date();
  const exportOnce = async (onRows?: (lines: number) => void) => {
    const reader = exportBody({ db: b.db, pool: b.pool, orgId: org.id, report, raw: {}, bom: false, now }).getReader();
    const t0 = performance.now();
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    let firstRowMs = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!firstByteMs) firstByteMs = performance.now() - t0;
      bytes += chunk.value.length;
      for (let i = chunk.value.indexOf(10); i !== -1; i = chunk.value.indexOf(10, i + 1)) lines++;
      if (!firstRowMs && lines > 1) firstRowMs = performance.now() - t0;
      onRows?.(lines);
    }
    return { bytes, rows: lines - 1, firstByteMs, firstRowMs };
  };
  // PostgreSQL's own COPY of the very SELECT the export streams, with the same settings, on a client of the same pool.
  const select = report.copySelect!(org.id, {}, now);
  const copyOnce = async () => {
    const client = await b.pool.connect();
    try {
      return await copyOut(client, copyStatement(select));
    } finally {
      client.release();
    }
  };

  if (process.env.BENCH_EXPLAIN) {
    // Planned under the export's own settings (COPY_SETTINGS), which SET LOCAL keeps inside this transaction.
    const client = await b.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(COPY_SETTINGS);
      const plan = await client.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${select}`);
      await client.query("COMMIT");
      console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
    } finally {
      client.release();
    }
  }
  await exportOnce(); // warm-up: plans, JIT, connections
  await copyOnce();
  const portalRuns: Awaited<ReturnType<typeof timed<Awaited<ReturnType<typeof exportOnce>>>>>[] = [];
  const copyRuns: Awaited<ReturnType<typeof timed<Awaited<ReturnType<typeof copyOnce>>>>>[] = [];
  for (let i = 0; i < REPEAT; i++) {
    portalRuns.push(await timed(() => exportOnce()));
    copyRuns.push(await timed(() => copyOnce()));
  }

  // Memory on its own run: a checkpoint collects garbage first, so it shows what the export really holds.
  globalThis.gc?.();
  const samples: number[] = [process.memoryUsage().heapUsed];
  let lastMark = 0;
  await exportOnce((lines) => {
    if (lines - lastMark >= ROWS / 8) {
      lastMark = lines;
      globalThis.gc?.();
      samples.push(process.memoryUsage().heapUsed);
    }
  });
  globalThis.gc?.();
  samples.push(process.memoryUsage().heapUsed);

  const portalMs = median(portalRuns.map((r) => r.ms));
  const copyMs = median(copyRuns.map((r) => r.ms));
  const p = portalRuns[0]!.result;
  const c = copyRuns[0]!.result;
  const peakOver = (runs: { peak: number; baseline: number }[]) => Math.max(...runs.map((r) => r.peak - r.baseline)) / MB;
  console.log(`portal export (exportBody: COPY → CRLF → web stream), ${REPEAT} runs: ${portalRuns.map((r) => (r.ms / 1000).toFixed(2)).join(" / ")} s`);
  console.log(`  ${p.rows.toLocaleString("en-US")} rows, ${(p.bytes / MB).toFixed(1)} MB; median ${(portalMs / 1000).toFixed(2)} s = ${Math.round(p.rows / (portalMs / 1000)).toLocaleString("en-US")} rows/s; peak RSS +${peakOver(portalRuns).toFixed(1)} MB`);
  console.log(`  first byte after ${p.firstByteMs.toFixed(1)} ms, first data row after ${p.firstRowMs.toFixed(0)} ms`);
  const at = (f: number) => `${(samples[Math.min(samples.length - 1, Math.floor(f * (samples.length - 1)))]! / MB).toFixed(1)}`;
  console.log(`  live JS heap after GC at 0/25/50/75/100% of rows: ${[0, 0.25, 0.5, 0.75, 1].map(at).join(" / ")} MB${globalThis.gc ? "" : " (run with --expose-gc for these to mean anything)"}`);
  console.log(`COPY (same SELECT) TO STDOUT WITH (FORMAT csv), ${REPEAT} runs: ${copyRuns.map((r) => (r.ms / 1000).toFixed(2)).join(" / ")} s`);
  console.log(`  ${c.rows.toLocaleString("en-US")} lines, ${(c.bytes / MB).toFixed(1)} MB; median ${(copyMs / 1000).toFixed(2)} s; peak RSS +${peakOver(copyRuns).toFixed(1)} MB`);
  const heapGrowth = (Math.max(...samples) - samples[0]!) / MB;
  console.log(JSON.stringify({
    bench: "export", db: b.label, rows: p.rows, portal_s: +(portalMs / 1000).toFixed(2), ceiling_s: +(copyMs / 1000).toFixed(2),
    ratio: +(portalMs / copyMs).toFixed(2), heap_mb: globalThis.gc ? +heapGrowth.toFixed(1) : null,
  }));
  // The data holds no line breaks, so COPY's lines are its rows; the export adds the header.
  if (p.rows !== ROWS || c.rows !== ROWS || p.bytes !== c.bytes + csvHead(report.columns).length + ROWS) {
    console.log(`MISMATCH: expected ${ROWS} rows, portal ${p.rows} (${p.bytes} bytes), COPY ${c.rows} (${c.bytes} bytes)`);
    process.exitCode = 1;
  }
} finally {
  await b.close(); // drops the throwaway database even when the run fails
}
process.exit(process.exitCode ?? 0);
