import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageFromEnv } from "@/lib/evidence";
import { parseEnv } from "@/lib/env";
import { StorageNotFound } from "@/lib/evidence/storage";
import { S3Storage } from "@/lib/evidence/storage-s3";
import { BACKENDS, s3Backend, type Backend } from "@/lib/evidence/testing/backends";

const MB = 1024 * 1024;
const key = () => `org_${randomUUID().slice(0, 8)}/${randomUUID()}`;
const bytes = (n: number, seed = 1) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i += 4096) b[i] = (i / 4096 + seed) & 0xff;
  return b;
};
async function readAll(s: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of s) out.push(Buffer.from(c));
  return Buffer.concat(out);
}
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

// The same contract for every storage: what one promises, the other must too.
describe.each(BACKENDS)("%s storage contract", (_name, make) => {
  let be: Backend;
  beforeAll(async () => {
    be = await make();
  });
  afterAll(() => be.close());

  it("writes in chunks, shows nothing before commit, then reads back the same bytes", async () => {
    const k = key();
    const data = bytes(300_000);
    const w = await be.storage.writer(k);
    for (let i = 0; i < data.length; i += 64 * 1024) await w.write(data.subarray(i, i + 64 * 1024));
    expect(await be.storage.head(k)).toBeNull();
    await expect(be.storage.read(k)).rejects.toBeInstanceOf(StorageNotFound);
    await w.commit();
    expect(await be.storage.head(k)).toEqual({ size: data.length });
    expect((await readAll(await be.storage.read(k))).equals(data)).toBe(true);
  });

  it("stores a file larger than one S3 part (12 MB) whole, from a reused chunk buffer", async () => {
    const k = key();
    const chunk = Buffer.alloc(64 * 1024);
    const hash = createHash("sha256");
    const w = await be.storage.writer(k);
    // The caller overwrites its buffer after each write, as a stream reader may: the storage must copy.
    for (let i = 0; i < (12 * MB) / chunk.length; i++) {
      chunk.fill(i & 0xff);
      hash.update(chunk);
      await w.write(chunk);
    }
    await w.commit();
    expect(await be.storage.head(k)).toEqual({ size: 12 * MB });
    expect(sha(await readAll(await be.storage.read(k)))).toBe(hash.digest("hex"));
  });

  it("leaves nothing behind when an upload is aborted, before or after a part was sent", async () => {
    const before = await be.leftovers();
    for (const size of [1000, 6 * MB]) {
      const k = key();
      const w = await be.storage.writer(k);
      await w.write(bytes(size));
      await w.abort();
      expect(await be.storage.head(k)).toBeNull();
    }
    expect(await be.leftovers()).toEqual(before);
  });

  it("lends the bytes as a typed Blob", async () => {
    const k = key();
    const data = bytes(70_000, 7);
    const w = await be.storage.writer(k);
    await w.write(data);
    await w.commit();
    const got = await be.storage.withBlob(k, "application/pdf", async (blob) => ({ type: blob.type, data: Buffer.from(await blob.arrayBuffer()) }));
    expect(got.type).toBe("application/pdf");
    expect(got.data.equals(data)).toBe(true);
  });

  it("deletes, and deleting what is not there is not an error", async () => {
    const k = key();
    const w = await be.storage.writer(k);
    await w.write(Buffer.from("bye"));
    await w.commit();
    await be.storage.delete(k);
    expect(await be.storage.head(k)).toBeNull();
    await expect(be.storage.read(k)).rejects.toBeInstanceOf(StorageNotFound);
    await expect(be.storage.delete(k)).resolves.toBeUndefined();
  });

  it("refuses keys that are not <org>/<uuid>", async () => {
    for (const bad of ["../etc/passwd", "a/b/c", "org/../../x", "/abs"]) {
      await expect(be.storage.writer(bad)).rejects.toThrow(/invalid storage key/);
      await expect(be.storage.head(bad)).rejects.toThrow(/invalid storage key/);
    }
  });
});

describe("S3-compatible storage", () => {
  let be: Backend;
  beforeAll(async () => {
    be = await s3Backend();
  });
  afterAll(() => be.close());

  it("sends a small file in one PutObject and a large one in ≥ 5 MiB parts, signed", async () => {
    const small = key();
    let w = await be.storage.writer(small);
    await w.write(bytes(1000));
    await w.commit();
    const big = key();
    w = await be.storage.writer(big);
    for (let i = 0; i < 11; i++) await w.write(bytes(MB));
    await w.commit();
    const ops = (k: string) => be.s3!.requests.filter((r) => r.key === k).map((r) => `${r.op}:${r.bytes}`);
    expect(ops(small)).toEqual(["PutObject:1000"]);
    expect(ops(big)).toEqual(["CreateMultipartUpload:0", `UploadPart:${5 * MB}`, `UploadPart:${5 * MB}`, `UploadPart:${MB}`, expect.stringMatching(/^CompleteMultipartUpload:/)]);
  });

  it("a failing part fails the write and the abort removes the upload at the store", async () => {
    const k = key();
    be.s3!.addFault({ op: "UploadPart", status: 500 });
    try {
      const w = await be.storage.writer(k);
      await expect((async () => { for (let i = 0; i < 6; i++) await w.write(bytes(MB)); })()).rejects.toThrow();
      // The SDK retried the part before giving up.
      expect(be.s3!.requests.filter((r) => r.key === k && r.op === "UploadPart").length).toBe(3);
      await w.abort();
      expect([...be.s3!.uploads.values()].filter((u) => u.key === k)).toEqual([]);
      expect(await be.storage.head(k)).toBeNull();
    } finally {
      be.s3!.clearFaults();
    }
  });

  it("a failing completion aborts the upload itself", async () => {
    const k = key();
    be.s3!.addFault({ op: "CompleteMultipartUpload", status: 500 });
    try {
      const w = await be.storage.writer(k);
      for (let i = 0; i < 6; i++) await w.write(bytes(MB));
      await expect(w.commit()).rejects.toThrow();
      expect([...be.s3!.uploads.values()].filter((u) => u.key === k)).toEqual([]);
      expect(await be.storage.head(k)).toBeNull();
    } finally {
      be.s3!.clearFaults();
    }
  });

  it("removes its temporary copy after lending a Blob, even when the use fails", async () => {
    const k = key();
    const w = await be.storage.writer(k);
    await w.write(Buffer.from("hello"));
    await w.commit();
    const tmpBefore = (await fs.readdir(os.tmpdir())).filter((n) => n.startsWith("cd-evidence-")).length;
    await expect(be.storage.withBlob(k, "text/plain", async () => { throw new Error("registry down"); })).rejects.toThrow("registry down");
    expect((await fs.readdir(os.tmpdir())).filter((n) => n.startsWith("cd-evidence-")).length).toBe(tmpBefore);
  });

  it("is refused by a store that sees no signature", async () => {
    const res = await fetch(`${be.s3!.endpoint}/${be.s3!.bucket}/x/y`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("AccessDenied");
  });
});

describe("storage configuration", () => {
  const base = { DATABASE_URL: "postgresql://u@127.0.0.1:5432/db", NEXTAUTH_SECRET: "x".repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };
  it("is disk without a bucket, and a blank bucket counts as none", () => {
    expect(storageFromEnv(parseEnv(base)).name).toBe("disk");
    expect(storageFromEnv(parseEnv({ ...base, S3_BUCKET: "  ", S3_ENDPOINT: "" })).name).toBe("disk");
  });
  it("is S3 with a bucket and credentials, with path-style and endpoint as given", async () => {
    const e = parseEnv({ ...base, S3_BUCKET: "ev", S3_ACCESS_KEY_ID: "AK", S3_SECRET_ACCESS_KEY: "SK", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true", S3_REGION: "auto" });
    expect(e).toMatchObject({ S3_FORCE_PATH_STYLE: true, S3_REGION: "auto" });
    const s = storageFromEnv(e);
    expect(s).toBeInstanceOf(S3Storage);
    expect(await (s as S3Storage).client.config.forcePathStyle).toBe(true);
    expect(await (s as S3Storage).client.config.region()).toBe("auto");
  });
  it("refuses to start with a bucket but no credentials, naming each missing variable", () => {
    expect(() => parseEnv({ ...base, S3_BUCKET: "ev" })).toThrow(/S3_ACCESS_KEY_ID: is required when S3_BUCKET is set[\s\S]*S3_SECRET_ACCESS_KEY: is required/);
    expect(() => parseEnv({ ...base, S3_BUCKET: "ev", S3_ACCESS_KEY_ID: "AK" })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => parseEnv({ ...base, S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE: must be true or false/);
    expect(() => parseEnv({ ...base, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT: must be an http\(s\) URL/);
  });
});
