import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeUpload } from "@/lib/evidence/store";
import { BACKENDS, type Backend } from "@/lib/evidence/testing/backends";
import { makePng } from "@/sandbox/testing/helpers";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function* chunks(buf: Buffer, size = 64 * 1024) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
async function readAll(s: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of s) out.push(Buffer.from(c));
  return Buffer.concat(out);
}
const pdf = (n: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(n, 0x20), Buffer.from("\n%%EOF\n")]);

describe.each(BACKENDS)("storing uploads on %s", (_name, make) => {
  let be: Backend;
  beforeAll(async () => {
    be = await make();
  });
  afterAll(() => be.close());
  const mine = async (orgId: string) => (await be.leftovers()).filter((k) => k.startsWith(`${orgId}/`));

  it("streams a file to storage with its hash, size and type, under a random name", async () => {
    const { org, owner } = await makeOrg(t.db);
    const body = pdf(300_000);
    const f = await storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: owner.id, kind: "APPEAL_EVIDENCE", fileName: "../IRS letter.pdf", body: chunks(body) });
    expect(f).toMatchObject({ fileName: "IRS letter.pdf", mimeType: "application/pdf", size: body.length, sha256: createHash("sha256").update(body).digest("hex") });
    const row = await t.db.evidenceFile.findUniqueOrThrow({ where: { id: f.id } });
    expect(row.storageKey).toBe(`${org.id}/${f.id}`);
    expect((await readAll(await be.storage.read(row.storageKey))).equals(body)).toBe(true);
    expect(await mine(org.id)).toEqual([row.storageKey]);
  });

  it("measures brand imagery and refuses the wrong size, leaving nothing behind", async () => {
    const { org } = await makeOrg(t.db);
    const ok = await storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "BRAND_LOGO", fileName: "logo.png", body: chunks(makePng(224, 224), 1000) });
    expect(ok).toMatchObject({ width: 224, height: 224, mimeType: "image/png" });
    await expect(storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "BRAND_LOGO", fileName: "logo.png", body: chunks(makePng(300, 300)) })).rejects.toThrow(/exactly 224×224/);
    expect(await mine(org.id)).toEqual([`${org.id}/${ok.id}`]);
  });

  it("stops reading at the size limit and at a refused type, with nothing stored", async () => {
    const { org } = await makeOrg(t.db);
    let pulled = 0;
    async function* endless() {
      const block = Buffer.alloc(1024 * 1024, 0x41);
      block.write("%PDF-1.7\n");
      for (;;) {
        pulled += block.length;
        yield block;
      }
    }
    await expect(storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "huge.pdf", body: endless() })).rejects.toThrow(/too large: files for appeal evidence can be at most 10 MB/);
    expect(pulled).toBeLessThanOrEqual(11 * 1024 * 1024);
    const exe = Buffer.alloc(2 * 1024 * 1024);
    exe.write("MZ", 0, "latin1");
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write("PE\0\0", 0x80, "latin1");
    await expect(storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "SUPPORTING_DOCUMENT", fileName: "doc.pdf", body: chunks(exe) })).rejects.toThrow(/Windows program/);
    expect(await t.db.evidenceFile.count({ where: { orgId: org.id } })).toBe(0);
    expect(await mine(org.id)).toEqual([]);
  });

  it("removes the stored bytes when the database write fails", async () => {
    const { org } = await makeOrg(t.db);
    const failingDb = { evidenceFile: { create: async () => { throw new Error("database down"); } } } as unknown as typeof t.db;
    await expect(storeUpload({ db: failingDb, storage: be.storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "a.txt", body: chunks(Buffer.from("plain words")) })).rejects.toThrow("database down");
    expect(await mine(org.id)).toEqual([]);
  });
});

describe("S3 failing in the middle of an upload", () => {
  let be: Backend;
  beforeAll(async () => {
    be = await BACKENDS[1][1]();
  });
  afterAll(() => be.close());

  it("leaves no row, no object and no open multipart upload, and the same file stores once the store recovers", async () => {
    const { org } = await makeOrg(t.db);
    const body = pdf(9 * 1024 * 1024);
    // The first 5 MiB part is accepted; every attempt at the second one fails (the SDK retries 5xx first).
    be.s3!.addFault({ op: "UploadPart", status: 500, skip: 1 });
    await expect(storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "big.pdf", body: chunks(body) })).rejects.toThrow();
    const mineOps = () => be.s3!.requests.filter((r) => r.key.startsWith(`${org.id}/`)).map((r) => `${r.op}:${r.status}`);
    expect(mineOps()).toEqual(["CreateMultipartUpload:200", "UploadPart:200", "UploadPart:500", "UploadPart:500", "UploadPart:500", "AbortMultipartUpload:204"]);
    be.s3!.clearFaults();
    // And when the store fails to assemble the parts.
    be.s3!.addFault({ op: "CompleteMultipartUpload", status: 500 });
    await expect(storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "big.pdf", body: chunks(body) })).rejects.toThrow();
    be.s3!.clearFaults();
    expect(await t.db.evidenceFile.count({ where: { orgId: org.id } })).toBe(0);
    expect((await be.leftovers()).filter((k) => k.startsWith(`${org.id}/`))).toEqual([]);
    expect(mineOps().filter((o) => o.startsWith("AbortMultipartUpload")).length).toBe(2);

    const ok = await storeUpload({ db: t.db, storage: be.storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "big.pdf", body: chunks(body) });
    expect(await be.storage.head(`${org.id}/${ok.id}`)).toEqual({ size: body.length });
  });
});
