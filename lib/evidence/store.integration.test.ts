// @vitest-environment node
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiskStorage } from "@/lib/evidence/storage";
import { storeUpload } from "@/lib/evidence/store";
import { makePng } from "@/sandbox/testing/helpers";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let root: string;
let storage: DiskStorage;
beforeAll(async () => {
  t = await createTestDb();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "cd-uploads-"));
  storage = new DiskStorage(root);
});
afterAll(async () => {
  await t.close();
  await fs.rm(root, { recursive: true, force: true });
});

async function* chunks(buf: Buffer, size = 64 * 1024) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) out.push(...(await filesIn(path.join(dir, e.name))));
    else out.push(e.name);
  }
  return out;
}

describe("storing uploads", () => {
  it("streams a file to storage with its hash, size and type, under a random name", async () => {
    const { org, owner } = await makeOrg(t.db);
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(300_000, 0x20), Buffer.from("\n%%EOF\n")]);
    const f = await storeUpload({ db: t.db, storage }, { orgId: org.id, userId: owner.id, kind: "APPEAL_EVIDENCE", fileName: "../IRS letter.pdf", body: chunks(pdf) });
    expect(f).toMatchObject({ fileName: "IRS letter.pdf", mimeType: "application/pdf", size: pdf.length, sha256: createHash("sha256").update(pdf).digest("hex") });
    const row = await t.db.evidenceFile.findUniqueOrThrow({ where: { id: f.id } });
    expect(row.storageKey).toBe(`${org.id}/${f.id}`);
    const stored = await fs.readFile(path.join(root, row.storageKey));
    expect(stored.equals(pdf)).toBe(true);
  });

  it("measures brand imagery and refuses the wrong size, leaving nothing behind", async () => {
    const { org } = await makeOrg(t.db);
    const ok = await storeUpload({ db: t.db, storage }, { orgId: org.id, userId: null, kind: "BRAND_LOGO", fileName: "logo.png", body: chunks(makePng(224, 224), 1000) });
    expect(ok).toMatchObject({ width: 224, height: 224, mimeType: "image/png" });
    const before = (await filesIn(root)).length;
    await expect(storeUpload({ db: t.db, storage }, { orgId: org.id, userId: null, kind: "BRAND_LOGO", fileName: "logo.png", body: chunks(makePng(300, 300)) })).rejects.toThrow(/exactly 224×224/);
    expect((await filesIn(root)).length).toBe(before);
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
    await expect(storeUpload({ db: t.db, storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "huge.pdf", body: endless() })).rejects.toThrow(/too large: files for appeal evidence can be at most 10 MB/);
    expect(pulled).toBeLessThanOrEqual(11 * 1024 * 1024);
    const exe = Buffer.alloc(2 * 1024 * 1024);
    exe.write("MZ", 0, "latin1");
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write("PE\0\0", 0x80, "latin1");
    await expect(storeUpload({ db: t.db, storage }, { orgId: org.id, userId: null, kind: "SUPPORTING_DOCUMENT", fileName: "doc.pdf", body: chunks(exe) })).rejects.toThrow(/Windows program/);
    expect(await t.db.evidenceFile.count({ where: { orgId: org.id } })).toBe(0);
    expect((await filesIn(path.join(root, org.id)))).toEqual([]);
  });

  it("removes the stored bytes when the database write fails", async () => {
    const { org } = await makeOrg(t.db);
    const failingDb = { evidenceFile: { create: async () => { throw new Error("database down"); } } } as unknown as typeof t.db;
    await expect(storeUpload({ db: failingDb, storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "a.txt", body: chunks(Buffer.from("plain words")) })).rejects.toThrow("database down");
    expect(await filesIn(path.join(root, org.id))).toEqual([]);
  });
});
