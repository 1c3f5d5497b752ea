// Upload throughput and peak memory for a 100 MB set of files streamed through the evidence store.
//   npx tsx bench/upload.ts        (in-process PGlite; TEST_DATABASE_URL for PostgreSQL)
// Each file is generated on the fly in 64 KB chunks, so the only large memory would be the store's own.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DiskStorage } from "@/lib/evidence/storage";
import { storeUpload } from "@/lib/evidence/store";
import { createTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const FILES = 10;
const FILE_BYTES = 10 * 1024 * 1024 - 1024; // just under the 10 MB per-file limit
const CHUNK = 64 * 1024;

async function* pdf(size: number) {
  const head = Buffer.from("%PDF-1.7\n");
  const block = Buffer.alloc(CHUNK, 0x20);
  yield head;
  for (let sent = head.length; sent < size; sent += CHUNK) yield block.subarray(0, Math.min(CHUNK, size - sent));
}

const t = await createTestDb();
const { org } = await makeOrg(t.db);
const root = await fs.mkdtemp(path.join(os.tmpdir(), "cd-bench-uploads-"));
const storage = new DiskStorage(root);
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

const started = performance.now();
for (let i = 0; i < FILES; i++) {
  await storeUpload({ db: t.db, storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: `evidence-${i}.pdf`, body: pdf(FILE_BYTES) });
}
const ms = performance.now() - started;
clearInterval(sampler);
const total = FILES * FILE_BYTES;
console.log(`database: ${t.kind}`);
console.log(`uploaded ${FILES} files, ${(total / 1024 / 1024).toFixed(0)} MB in ${(ms / 1000).toFixed(2)} s = ${(total / 1024 / 1024 / (ms / 1000)).toFixed(0)} MB/s`);
console.log(`peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB, ${((peak - baseline) / 1024 / 1024).toFixed(1)} MB above the ${(baseline / 1024 / 1024).toFixed(0)} MB before the first upload (holding the set in memory would take ${(total / 1024 / 1024).toFixed(0)} MB; one file ${(FILE_BYTES / 1024 / 1024).toFixed(0)} MB)`);
await fs.rm(root, { recursive: true, force: true });
await t.close();
process.exit(0);
