// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileIdentityAppeal } from "@/lib/brands/appeals";
import { identityAppealSchema } from "@/lib/brands/appeals-schemas";
import { loadBrandAppeals, loadBrandOverview } from "@/lib/brands/lifecycle-queries";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { ConflictError } from "@/lib/errors";

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
});
