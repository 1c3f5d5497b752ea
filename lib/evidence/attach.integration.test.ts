import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachEvidence } from "@/lib/evidence/attach";
import { attachSchema } from "@/lib/evidence/attach-targets";
import { DiskStorage } from "@/lib/evidence/storage";
import { storeUpload } from "@/lib/evidence/store";
import { ValidationFailedError } from "@/lib/errors";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter } from "@/lib/tcr/limiter";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let sandbox: Sandbox;
let client: TcrClient;
let storage: DiskStorage;
let root: string;
let brandId: string;

async function* bytes(b: Buffer) {
  yield b;
}
const pdf = (n: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(n, 0x20), Buffer.from("\n%%EOF\n")]);

beforeAll(async () => {
  t = await createTestDb();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "cd-attach-"));
  storage = new DiskStorage(root);
  sandbox = await createSandbox({ port: 0, apiKey: "k", apiSecret: "s", rateLimits: false });
  client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: "k" }, limiter: new InMemoryRateLimiter() });
  const b = await client.brands.create({
    entityType: "PRIVATE_PROFIT", displayName: "Evidence Co", companyName: "Evidence Co", ein: "123450000", phone: "+12024567890",
    street: "1 Main St", city: "New York", state: "NY", postalCode: "10001", country: "US", email: "ops@evidence.example", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT",
  }, { idempotencyKey: "attach-brand" });
  brandId = b.brandId;
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe("sending evidence to the registry", () => {
  it("uploads a stored file as appeal evidence, records the registry's uuid, and the registry lists it", async () => {
    const { org, ctx } = await makeOrg(t.db);
    const f = await storeUpload({ db: t.db, storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "ein-letter.pdf", body: bytes(pdf(5000)) });
    const a = await attachEvidence({ db: t.db, storage, client }, ctx, attachSchema.parse({ fileId: f.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }));
    expect(a).toMatchObject({ state: "ATTACHED", registryUuid: expect.any(String) });
    const listed = await client.brands.listAppealEvidence(brandId);
    expect(listed.map((x) => x.uuid)).toContain(a.registryUuid);
    // Attaching the same file again is a no-op, not a second upload.
    const again = await attachEvidence({ db: t.db, storage, client }, ctx, attachSchema.parse({ fileId: f.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }));
    expect(again.registryUuid).toBe(a.registryUuid);
    expect((await client.brands.listAppealEvidence(brandId)).length).toBe(listed.length);
  });

  it("keeps the file and records the failure when the registry refuses, then succeeds on retry", async () => {
    const { org, ctx } = await makeOrg(t.db);
    const f = await storeUpload({ db: t.db, storage }, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "retry.pdf", body: bytes(pdf(100)) });
    const rule = sandbox.control.addFault({ kind: "status", method: "POST", path: "/brand/:brandId/appeal/evidence", status: 500, times: 1 });
    await expect(attachEvidence({ db: t.db, storage, client }, ctx, attachSchema.parse({ fileId: f.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }))).rejects.toThrow();
    const failed = await t.db.evidenceAttachment.findFirstOrThrow({ where: { fileId: f.id } });
    expect(failed).toMatchObject({ state: "FAILED", registryUuid: null });
    expect(await t.db.evidenceFile.findUnique({ where: { id: f.id } })).not.toBeNull();
    sandbox.control.removeFault(rule.id);
    const ok = await attachEvidence({ db: t.db, storage, client }, ctx, attachSchema.parse({ fileId: f.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }));
    expect(ok).toMatchObject({ state: "ATTACHED", attempts: 2 });
  });

  it("refuses a file of the wrong kind, another organization's file, and an eleventh appeal file", async () => {
    const a = await makeOrg(t.db);
    const b = await makeOrg(t.db);
    const mms = await storeUpload({ db: t.db, storage }, { orgId: a.org.id, userId: null, kind: "MMS_SAMPLE", fileName: "s.txt", body: bytes(Buffer.from("hello")) });
    await expect(attachEvidence({ db: t.db, storage, client }, a.ctx, attachSchema.parse({ fileId: mms.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }))).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(attachEvidence({ db: t.db, storage, client }, b.ctx, attachSchema.parse({ fileId: mms.id, targetType: "CAMPAIGN_MMS", targetId: "C1A2B3C" }))).rejects.toThrow(/not found/);
    for (let i = 0; i < 10; i++) {
      const f = await storeUpload({ db: t.db, storage }, { orgId: b.org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: `e${i}.pdf`, body: bytes(pdf(10)) });
      await attachEvidence({ db: t.db, storage, client }, b.ctx, attachSchema.parse({ fileId: f.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }));
    }
    const eleventh = await storeUpload({ db: t.db, storage }, { orgId: b.org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "e10.pdf", body: bytes(pdf(10)) });
    await expect(attachEvidence({ db: t.db, storage, client }, b.ctx, attachSchema.parse({ fileId: eleventh.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }))).rejects.toThrow(/at most 10 files/);
  });
});
