// Import dry run speed and memory (issue 19): a 10,000-row brand file, generated as it is read (so the only
// memory is the dry run's own), checked against an organization's mirror of 1,000 brands.
//   node --expose-gc --import tsx bench/import.ts [--rows 10000]
// (in-process PGlite; TEST_DATABASE_URL for PostgreSQL)
// The mix: mostly good rows of every entity type, 5% bad EINs, 2% bad entity types, 2% missing ZIPs,
// 1% duplicates within the file, 1% duplicates of mirrored brands, a few quoted line breaks.
// Prints one JSON line: {"bench":"import-dry-run","rows":…,"seconds":…,"heap_growth_mb":…,…}. Goal: < 10 s, < 100 MB.
import { performance } from "node:perf_hooks";
import { dryRunBrands } from "@/lib/imports";
import { createTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

process.env.LOG_LEVEL ??= "silent";
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROWS = arg("--rows", 10_000);
const MIRRORED = 1_000;
const MB = 1024 * 1024;

const HEADER = "ref,entityType,displayName,companyName,ein,email,phone,street,city,state,postalCode,country,vertical,brandRelationship,website,firstName,lastName,mobilePhone,referenceId,vetting\n";
const ein = (i: number) => String(100_000_000 + i);
const company = (i: number) => `Company ${i} LLC`;

function row(i: number): string {
  const k = i % 100;
  const n = k === 99 ? i - 1 : i; // 1%: the same brand as the row before
  if (k === 1) return `r${i},PRIVATE_PROFIT,Mirrored ${i % MIRRORED},${company(i % MIRRORED)}-m,${ein(900_000 + (i % MIRRORED))},a${i}@ex.com,+12025550100,1 Main St,Springfield,IL,62701,US,RETAIL,BASIC_ACCOUNT,https://ex${i}.com,,,,,\n`;
  if (k >= 2 && k < 7) return `r${i},PRIVATE_PROFIT,Brand ${i},${company(i)},12-34,a${i}@ex.com,+12025550100,1 Main St,Springfield,IL,62701,US,RETAIL,BASIC_ACCOUNT,,,,,,\n`;
  if (k >= 7 && k < 9) return `r${i},CHARITY,Brand ${i},${company(i)},${ein(i)},a${i}@ex.com,+12025550100,1 Main St,Springfield,IL,62701,US,RETAIL,BASIC_ACCOUNT,,,,,,\n`;
  if (k >= 9 && k < 11) return `r${i},NON_PROFIT,Brand ${i},${company(i)},${ein(i)},a${i}@ex.com,+12025550100,1 Main St,Springfield,IL,,US,NON_PROFIT,BASIC_ACCOUNT,,,,,,\n`;
  if (k >= 11 && k < 30) return `r${i},SOLE_PROPRIETOR,Person ${i},,,p${i}@ex.com,+12025550100,2 Oak Ave,Austin,TX,73301,US,,,,Pat,Lee${i},+12025550199,crm-${i},\n`;
  if (k === 31) return `r${i},PRIVATE_PROFIT,"Brand ${i}, ""quoted""","${company(i)}",${ein(i)},a${i}@ex.com,+12025550100,"1 Main St\nSuite ${i}",Springfield,IL,62701,US,RETAIL,BASIC_ACCOUNT,,,,,,AEGIS\n`;
  return `r${i},PRIVATE_PROFIT,Brand ${n},${company(n)},${ein(n)},a${n}@ex.com,+12025550100,1 Main St,Springfield,IL,62701,US,RETAIL,BASIC_ACCOUNT,https://ex${n}.com,,,,,\n`;
}

async function* file(): AsyncGenerator<Uint8Array> {
  const enc = new TextEncoder();
  yield enc.encode(HEADER);
  for (let i = 0; i < ROWS; i += 200) {
    let chunk = "";
    for (let j = i; j < Math.min(ROWS, i + 200); j++) chunk += row(j);
    yield enc.encode(chunk);
  }
}

const t = await createTestDb();
const { org } = await makeOrg(t.db);
await t.db.brand.createMany({
  data: Array.from({ length: MIRRORED }, (_, i) => ({
    orgId: org.id, brandId: `BM${i}`, entityType: "PRIVATE_PROFIT", displayName: `Mirrored ${i}`, companyName: `${company(i)}-m`,
    data: { ein: ein(900_000 + i) }, confirmedAt: new Date(),
  })),
});

globalThis.gc?.();
const base = process.memoryUsage().heapUsed;
let peak = base;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
const start = performance.now();
const result = await dryRunBrands(file(), { db: t.db, orgId: org.id, limits: { maxRows: Math.max(ROWS, 20_000) } });
if (process.env.BENCH_DEBUG) for (const r of result.rows.filter((x) => !x.ok).slice(0, 12)) console.error(r.line, JSON.stringify(r.errors));
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().heapUsed);
await t.close();

console.log(JSON.stringify({
  bench: "import-dry-run", rows: result.totals.rows, seconds: Number(seconds.toFixed(2)), heap_growth_mb: Number(((peak - base) / MB).toFixed(1)),
  ok: result.totals.ok, failed: result.totals.failed, cost_usd: result.totals.cost_usd, database: t.kind, gc: Boolean(globalThis.gc),
}));
