import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DiskStorage, type EvidenceStorage } from "@/lib/evidence/storage";
import { S3Storage } from "@/lib/evidence/storage-s3";
import { startS3Server, type TestS3Server } from "@/test/s3-server";

/** A storage under test plus a way to see everything it holds, finished or not. */
export type Backend = {
  name: "disk" | "s3";
  storage: EvidenceStorage;
  /** Every object and every leftover (a disk `.part` file, an S3 multipart upload never completed). */
  leftovers(): Promise<string[]>;
  /** Only for S3: the in-process server, for faults and request counts. */
  s3?: TestS3Server;
  close(): Promise<void>;
};

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, base)));
    else out.push(path.relative(base, p));
  }
  return out;
}

export async function diskBackend(): Promise<Backend> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "cd-storage-"));
  return { name: "disk", storage: new DiskStorage(root), leftovers: () => walk(root), close: () => fs.rm(root, { recursive: true, force: true }) };
}

export async function s3Backend(opts: { maxAttempts?: number } = {}): Promise<Backend> {
  const s3 = await startS3Server();
  const storage = new S3Storage({ bucket: s3.bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: s3.credentials, maxAttempts: opts.maxAttempts });
  return {
    name: "s3",
    storage,
    s3,
    leftovers: async () => [...s3.objects.keys(), ...[...s3.uploads.values()].map((u) => `${u.key} (multipart upload in progress)`)],
    close: async () => {
      storage.client.destroy();
      await s3.close();
    },
  };
}

export const BACKENDS = [
  ["disk", diskBackend],
  ["s3", s3Backend],
] as const;
