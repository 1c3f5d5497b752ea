// Upload throughput and peak memory for a 100 MB set of files streamed through the evidence store.
//   npx tsx bench/upload.ts          local disk
//   npx tsx bench/upload.ts --s3     local disk, then S3-compatible storage (the in-process test S3 server)
// (in-process PGlite; TEST_DATABASE_URL for PostgreSQL)
// Each file is generated on the fly in 64 KB chunks, so the only large memory would be the store's own.
// With --s3 the test S3 server runs in a child process (it keeps the objects in memory), so the figure is
// only what the upload path holds.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { storeUpload } from "@/lib/evidence/store";
import { diskBackend, type Backend } from "@/lib/evidence/testing/backends";
import { MIN_PART_BYTES, S3Storage } from "@/lib/evidence/storage-s3";
import { createTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { startS3Server } from "@/test/s3-server";

if (process.argv.includes("--serve-s3")) {
  // Child: the S3 server, reporting where it listens; it ends with its parent.
  const s3 = await startS3Server();
  process.send!({ endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, credentials: s3.credentials });
  process.on("disconnect", () => process.exit(0));
  await new Promise(() => undefined);
}

async function s3InChild(): Promise<Backend> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve-s3"], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const cfg = await new Promise<{ endpoint: string; bucket: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as never));
    child.once("exit", (code) => reject(new Error(`S3 server exited (${code})`)));
  });
  const storage = new S3Storage({ ...cfg, forcePathStyle: true });
  return {
    name: "s3",
    storage,
    leftovers: async () => [],
    close: async () => {
      storage.client.destroy();
      child.disconnect();
    },
  };
}

const FILES = 10;
const FILE_BYTES = 10 * 1024 * 1024 - 1024; // just under the 10 MB per-file limit
const CHUNK = 64 * 1024;
const MB = 1024 * 1024;

async function* pdf(size: number) {
  const head = Buffer.from("%PDF-1.7\n");
  const block = Buffer.alloc(CHUNK, 0x20);
  yield head;
  for (let sent = head.length; sent < size; sent += CHUNK) yield block.subarray(0, Math.min(CHUNK, size - sent));
}

const t = await createTestDb();
const { org } = await makeOrg(t.db);
console.log(`database: ${t.kind}`);

async function run(be: Backend) {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  for (let i = 0; i < FILES; i++) {
    await storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: `evidence-${i}.pdf`, body: pdf(FILE_BYTES) });
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const total = FILES * FILE_BYTES;
  const above = Math.max(0, peak - baseline);
  console.log(`[${be.name}] uploaded ${FILES} files, ${(total / MB).toFixed(0)} MB in ${(ms / 1000).toFixed(2)} s = ${(total / MB / (ms / 1000)).toFixed(0)} MB/s`);
  console.log(`[${be.name}] peak RSS ${(peak / MB).toFixed(0)} MB, ${(above / MB).toFixed(1)} MB above the ${(baseline / MB).toFixed(0)} MB before the first upload (holding the set in memory would take ${(total / MB).toFixed(0)} MB; one file ${(FILE_BYTES / MB).toFixed(0)} MB${be.name === "s3" ? `; one S3 part ${(MIN_PART_BYTES / MB).toFixed(0)} MB` : ""})`);
  return { name: be.name, mbPerS: total / MB / (ms / 1000), aboveMb: above / MB, single: await oneObject(be) };
}

/** One 100 MB object straight through the storage writer: memory must not follow the object's size. */
async function oneObject(be: Backend) {
  const size = 100 * MB;
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const w = await be.storage.writer(`${org.id}/${crypto.randomUUID()}`);
  const started = performance.now();
  for await (const chunk of pdf(size)) await w.write(chunk);
  await w.commit();
  const ms = performance.now() - started;
  clearInterval(sampler);
  const above = Math.max(0, Math.max(peak, process.memoryUsage().rss) - baseline) / MB;
  console.log(`[${be.name}] one 100 MB object through the storage writer: ${(size / MB / (ms / 1000)).toFixed(0)} MB/s, peak ${above.toFixed(1)} MB above baseline`);
  return { mbPerS: size / MB / (ms / 1000), aboveMb: above };
}

const results = [];
for (const make of process.argv.includes("--s3") ? [diskBackend, s3InChild] : [diskBackend]) {
  const be = await make();
  try {
    results.push(await run(be));
  } finally {
    await be.close();
  }
}
if (results.length > 1) {
  console.log("\n                 10 × 10 MB uploads          one 100 MB object");
  console.log("storage          MB/s  peak MB above base    MB/s  peak MB above base");
  for (const r of results) console.log(`${r.name.padEnd(16)} ${r.mbPerS.toFixed(0).padStart(4)}  ${r.aboveMb.toFixed(1).padStart(18)}    ${r.single.mbPerS.toFixed(0).padStart(4)}  ${r.single.aboveMb.toFixed(1).padStart(18)}`);
}
await t.close();
process.exit(0);
