import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachEvidence } from "@/lib/evidence/attach";
import { attachSchema, targetSchema } from "@/lib/evidence/attach-targets";
import { attachmentsFor, listEvidence } from "@/lib/evidence/queries";
import { deleteFromRegistry, downloadFromRegistry, listAtRegistry } from "@/lib/evidence/registry";
import { storeUpload } from "@/lib/evidence/store";
import { s3Backend, type Backend } from "@/lib/evidence/testing/backends";
import { NotFoundError } from "@/lib/errors";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter } from "@/lib/tcr/limiter";
import type { Sandbox } from "@/sandbox/server";
import { apiClient, brandBody, campaignBody, KEY, MIN, startSandbox } from "@/sandbox/testing/helpers";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

// Upload → storage (the S3 protocol, in process) → registry (the sandbox, in process) → list → download → delete.
let t: TestDb;
let sandbox: Sandbox;
let client: TcrClient;
let be: Backend;
let brandId: string;
let campaignId: string;

async function* bytes(b: Buffer) {
  yield b;
}
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");

beforeAll(async () => {
  t = await createTestDb();
  be = await s3Backend();
  sandbox = await startSandbox();
  client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: KEY }, limiter: new InMemoryRateLimiter() });
  const api = apiClient(sandbox);
  brandId = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body.brandId;
  await sandbox.control.advance(2 * MIN);
  campaignId = (
    await api("POST", "/campaignBuilder", campaignBody(brandId))
  ).body.campaignId;
});
afterAll(async () => {
  await sandbox.close();
  await be.close();
  await t.close();
});

describe("files at the registry, through the client", () => {
  it("lists what each target holds with the library file it came from, downloads it, and deletes it with the use", async () => {
    const { org, ctx } = await makeOrg(t.db);
    const deps = { db: t.db, storage: be.storage, client };
    const doc = await storeUpload(deps, { orgId: org.id, userId: null, kind: "SUPPORTING_DOCUMENT", fileName: "opt-in form.pdf", body: bytes(pdf("opt-in")) });
    const sample = await storeUpload(deps, { orgId: org.id, userId: null, kind: "MMS_SAMPLE", fileName: "sample.gif", body: bytes(gif) });
    const docs = targetSchema.parse({ targetType: "CAMPAIGN_SUPPORTING_DOCUMENT", targetId: campaignId });
    const mms = targetSchema.parse({ targetType: "CAMPAIGN_MMS", targetId: campaignId });
    const a = await attachEvidence(deps, ctx, attachSchema.parse({ fileId: doc.id, ...docs }));
    const m = await attachEvidence(deps, ctx, attachSchema.parse({ fileId: sample.id, ...mms }));
    // A file another tool put at the registry is listed too, without a library file.
    const elsewhere = await client.campaigns.uploadSupportingDocument(campaignId, { data: pdf("elsewhere"), fileName: "other.pdf", mimeType: "application/pdf" });

    const listed = await listAtRegistry(deps, org.id, docs);
    expect(listed).toEqual(expect.arrayContaining([
      { uuid: a.registryUuid, fileName: "opt-in form.pdf", mimeType: "application/pdf", fileId: doc.id },
      { uuid: elsewhere.uuid, fileName: "other.pdf", mimeType: "application/pdf", fileId: null },
    ]));
    expect((await listAtRegistry(deps, org.id, mms)).map((f) => f.uuid)).toEqual([m.registryUuid]);

    const got = await downloadFromRegistry(client, docs, a.registryUuid!);
    expect(Buffer.from(got.data).equals(pdf("opt-in"))).toBe(true);
    expect(got).toMatchObject({ fileName: "opt-in form.pdf", contentType: expect.stringMatching(/^application\/pdf/) });
    // A uuid is only reachable under the target that lists it.
    await expect(downloadFromRegistry(client, docs, m.registryUuid!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteFromRegistry(deps, ctx, docs, m.registryUuid!)).rejects.toBeInstanceOf(NotFoundError);

    await deleteFromRegistry(deps, ctx, docs, a.registryUuid!);
    expect((await listAtRegistry(deps, org.id, docs)).map((f) => f.uuid)).toEqual([elsewhere.uuid]);
    expect(await attachmentsFor(t.db, org.id, docs)).toEqual([]);
    // The library keeps the file and its bytes; only the use is gone.
    const lib = await listEvidence(t.db, org.id, {});
    expect(lib.files.find((f) => f.id === doc.id)?.attachments).toEqual([]);
    expect(await be.storage.head(`${org.id}/${doc.id}`)).toEqual({ size: doc.size });
    const log = await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.id, action: "evidence.registryDelete" } });
    expect(log).toMatchObject({ targetType: "CAMPAIGN_SUPPORTING_DOCUMENT", targetId: campaignId, outcome: "SUCCESS" });
  });

  it("after a registry failure the file stays uploaded and the use is FAILED, then ATTACHED on retry", async () => {
    const { org, ctx } = await makeOrg(t.db);
    const deps = { db: t.db, storage: be.storage, client };
    const f = await storeUpload(deps, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "ein.pdf", body: bytes(pdf("ein")) });
    const target = targetSchema.parse({ targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId });
    const fault = sandbox.control.addFault({ kind: "status", method: "POST", path: "/brand/:brandId/appeal/evidence", status: 503, times: 5 });
    await expect(attachEvidence(deps, ctx, attachSchema.parse({ fileId: f.id, ...target }))).rejects.toThrow();
    expect(await attachmentsFor(t.db, org.id, target)).toEqual([expect.objectContaining({ fileId: f.id, state: "FAILED", registryUuid: null, error: expect.stringMatching(/registry/i), attempts: 1 })]);
    expect(await be.storage.head(`${org.id}/${f.id}`)).toEqual({ size: f.size });
    expect((await listAtRegistry(deps, org.id, target)).filter((x) => x.fileName === "ein.pdf")).toEqual([]);
    sandbox.control.removeFault(fault.id);

    const ok = await attachEvidence(deps, ctx, attachSchema.parse({ fileId: f.id, ...target }));
    expect(ok).toMatchObject({ state: "ATTACHED", attempts: 2, error: null, registryUuid: expect.any(String) });
    expect(await attachmentsFor(t.db, org.id, target)).toEqual([expect.objectContaining({ state: "ATTACHED", registryUuid: ok.registryUuid })]);
    expect((await listAtRegistry(deps, org.id, target)).find((x) => x.uuid === ok.registryUuid)).toMatchObject({ fileId: f.id });
  });

  it("filters the library by brand (its appeal and its campaigns), by use and by target, with mirror names", async () => {
    const { org, ctx } = await makeOrg(t.db);
    const deps = { db: t.db, storage: be.storage, client };
    const now = new Date();
    await t.db.brand.create({ data: { orgId: org.id, brandId, displayName: "ABC Mobile", data: {}, confirmedAt: now } });
    await t.db.campaign.create({ data: { orgId: org.id, campaignId, brandId, usecase: "ACCOUNT_NOTIFICATION", data: {}, confirmedAt: now } });
    const appeal = await storeUpload(deps, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "appeal.pdf", body: bytes(pdf("a")) });
    const sample = await storeUpload(deps, { orgId: org.id, userId: null, kind: "MMS_SAMPLE", fileName: "mms.gif", body: bytes(gif) });
    const unused = await storeUpload(deps, { orgId: org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "spare.pdf", body: bytes(pdf("s")) });
    await attachEvidence(deps, ctx, attachSchema.parse({ fileId: appeal.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }));
    await attachEvidence(deps, ctx, attachSchema.parse({ fileId: sample.id, targetType: "CAMPAIGN_MMS", targetId: campaignId }));
    const ids = async (f: Parameters<typeof listEvidence>[2]) => (await listEvidence(t.db, org.id, f)).files.map((x) => x.id).sort();

    expect(await ids({ brand: brandId })).toEqual([appeal.id, sample.id].sort());
    expect(await ids({ use: "CAMPAIGN_MMS" })).toEqual([sample.id]);
    expect(await ids({ target: brandId })).toEqual([appeal.id]);
    expect(await ids({ use: "CAMPAIGN_MMS", target: brandId })).toEqual([]);
    expect(await ids({ unused: "1" })).toEqual([unused.id]);
    expect(await ids({ q: "SPARE" })).toEqual([unused.id]);
    expect(await ids({ brand: "BZZZZZZ" })).toEqual([]);
    const { names } = await listEvidence(t.db, org.id, {});
    expect(names[campaignId]).toEqual({ id: campaignId, name: "ACCOUNT_NOTIFICATION", brandId, brandName: "ABC Mobile" });
    expect(names[brandId]).toMatchObject({ brandName: "ABC Mobile" });
  });
});
