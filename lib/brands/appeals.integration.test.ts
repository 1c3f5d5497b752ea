import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileIdentityAppeal } from "@/lib/brands/appeals";
import { identityAppealSchema } from "@/lib/brands/appeals-schemas";
import { loadBrandAppeals, loadBrandOverview } from "@/lib/brands/lifecycle-queries";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { ConflictError } from "@/lib/errors";
import { makePng } from "@/sandbox/testing/helpers";
import { makeOrg } from "@/test/factories";

let k: Kit;
beforeAll(async () => {
  k = await startKit();
}, 60_000);
afterAll(async () => k?.close());

const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, 0x20), Buffer.from("\n%%EOF\n")]);
const view = (brandId: string, entityType: string, identityStatus: string) => ({ brandId, entityType, identityStatus, status: "ACTIVE", deletedAt: null });

describe("identity appeal", () => {
  it("explains the TAX_ID feedback, appeals with an evidence file, mirrors the appeal and follows it to COMPLETE", async () => {
    // Sandbox rule: an EIN ending 0000 fails the identity check with feedback TAX_ID.
    const b = await k.brand("PRIVATE_PROFIT", { ein: "123450000" });
    expect(b.identityStatus).toBe("UNVERIFIED");
    const overview = await loadBrandOverview(k.db, k.org.org.id, view(b.brandId, "PRIVATE_PROFIT", "UNVERIFIED"));
    expect(overview.feedback).toEqual([expect.objectContaining({ id: "TAX_ID", fields: ["ein", "companyName", "entityType"] })]);

    const categories = (await loadBrandAppeals(k.db, k.org.org.id, view(b.brandId, "PRIVATE_PROFIT", "UNVERIFIED"))).appealCategories;
    expect(categories.map((c) => c.id)).toContain("VERIFY_TAX_ID");

    const letter = await k.file("APPEAL_EVIDENCE", "irs-cp575.pdf", pdf);
    const input = identityAppealSchema.parse({ brandId: b.brandId, appealCategories: ["VERIFY_TAX_ID"], explanation: "EIN letter attached", fileIds: [letter.id] });
    const r = await fileIdentityAppeal(k.db, k.ctx, input, { storage: () => k.storage });
    const attachment = await k.db.evidenceAttachment.findFirstOrThrow({ where: { fileId: letter.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: b.brandId } });
    expect(r.attachmentUuids).toEqual([attachment.registryUuid]);
    const [atRegistry] = await k.client.brands.listAppeals(b.brandId);
    expect(atRegistry).toMatchObject({ appealStatus: "PENDING", appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: [attachment.registryUuid], explanation: "EIN letter attached" });

    let listed = await loadBrandAppeals(k.db, k.org.org.id, view(b.brandId, "PRIVATE_PROFIT", "UNVERIFIED"));
    expect(listed.appeals).toHaveLength(1);
    expect(listed.appeals[0]).toMatchObject({ kind: "IDENTITY", appealStatus: "PENDING", categories: ["VERIFY_TAX_ID"], key: `IDENTITY|${atRegistry!.createDate}||` });
    expect((await k.audits("brand.appeal", b.brandId))[0]).toMatchObject({ outcome: "SUCCESS", detail: { attachments: 1 } });

    // A second appeal while one is pending is the registry's refusal, shown as such.
    await expect(fileIdentityAppeal(k.db, k.ctx, identityAppealSchema.parse({ brandId: b.brandId, appealCategories: ["VERIFY_TAX_ID"] }))).rejects.toThrow();

    await k.sandbox.control.advance(2 * 24 * 3_600_000 + 60_000);
    listed = await loadBrandAppeals(k.db, k.org.org.id, view(b.brandId, "PRIVATE_PROFIT", "UNVERIFIED"));
    expect(listed.appeals).toHaveLength(1);
    expect(listed.appeals[0]).toMatchObject({ appealStatus: "COMPLETE" });
  });

  it("bounds the explanation at 1024 characters and needs a category", () => {
    expect(identityAppealSchema.safeParse({ brandId: "B1", appealCategories: ["X"], explanation: "x".repeat(1024) }).success).toBe(true);
    expect(identityAppealSchema.safeParse({ brandId: "B1", appealCategories: ["X"], explanation: "x".repeat(1025) }).success).toBe(false);
    expect(identityAppealSchema.safeParse({ brandId: "B1", appealCategories: [] }).success).toBe(false);
  });

  it("refuses a sole proprietor (OTP, not appeal)", async () => {
    const sp = await k.brand("SOLE_PROPRIETOR");
    await expect(fileIdentityAppeal(k.db, k.ctx, identityAppealSchema.parse({ brandId: sp.brandId, appealCategories: ["VERIFY_TAX_ID"] }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("offers the library's appeal evidence and sends a picked file (already used for another brand) with a new upload", async () => {
    // The same IRS letter, in the library since an earlier appeal of another brand.
    const first = await k.brand("PRIVATE_PROFIT", { ein: "123450000" });
    const letter = await k.file("APPEAL_EVIDENCE", `library-letter-${Date.now()}.pdf`, pdf);
    await fileIdentityAppeal(k.db, k.ctx, identityAppealSchema.parse({ brandId: first.brandId, appealCategories: ["VERIFY_TAX_ID"], fileIds: [letter.id] }), { storage: () => k.storage });
    const mms = await k.file("MMS_SAMPLE", "sample.png", makePng(10, 10));

    const b = await k.brand("PRIVATE_PROFIT", { ein: "223450000" });
    const loaded = await loadBrandAppeals(k.db, k.org.org.id, view(b.brandId, "PRIVATE_PROFIT", "UNVERIFIED"));
    expect(loaded.library.map((f) => f.id)).toContain(letter.id);
    expect(loaded.library.map((f) => f.id)).not.toContain(mms.id);
    expect(loaded.library.find((f) => f.id === letter.id)).toMatchObject({ fileName: letter.fileName, size: pdf.length });

    const fresh = await k.file("APPEAL_EVIDENCE", "articles.pdf", pdf);
    const input = identityAppealSchema.parse({ brandId: b.brandId, appealCategories: ["VERIFY_TAX_ID"], fileIds: [fresh.id, letter.id] });
    const r = await fileIdentityAppeal(k.db, k.ctx, input, { storage: () => k.storage });
    const attached = await k.db.evidenceAttachment.findMany({ where: { targetType: "BRAND_APPEAL_EVIDENCE", targetId: b.brandId, state: "ATTACHED" } });
    const uuidOf = (fileId: string) => attached.find((a) => a.fileId === fileId)!.registryUuid;
    expect(r.attachmentUuids).toEqual([uuidOf(fresh.id), uuidOf(letter.id)]);
    const [atRegistry] = await k.client.brands.listAppeals(b.brandId);
    expect(atRegistry!.attachmentUuids).toEqual(r.attachmentUuids);
    // The file stays attached to the first brand's appeal as well; the library keeps one copy.
    expect(await k.db.evidenceAttachment.count({ where: { fileId: letter.id, state: "ATTACHED" } })).toBe(2);
  });

  it("refuses a file of another organization's library and sends no appeal", async () => {
    const b = await k.brand("PRIVATE_PROFIT", { ein: "323450000" });
    const theirs = await makeOrg(k.db);
    const foreign = await k.db.evidenceFile.create({
      data: { orgId: theirs.org.id, kind: "APPEAL_EVIDENCE", fileName: "theirs.pdf", mimeType: "application/pdf", size: 10, sha256: "x".repeat(64), storageKey: `nope-${Date.now()}`, uploadedById: theirs.owner.id },
    });
    const input = identityAppealSchema.parse({ brandId: b.brandId, appealCategories: ["VERIFY_TAX_ID"], fileIds: [foreign.id] });
    await expect(fileIdentityAppeal(k.db, k.ctx, input, { storage: () => k.storage })).rejects.toThrow(/not found/);
    expect(await k.client.brands.listAppeals(b.brandId)).toEqual([]);
  });
});
