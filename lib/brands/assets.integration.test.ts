import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appealBrandAsset, deleteBrandAsset, uploadBrandAsset, verifyBrandAsset } from "@/lib/brands/assets";
import { assetRules } from "@/lib/brands/assets-schemas";
import { loadBrandAssets } from "@/lib/brands/lifecycle-queries";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { ConflictError, ValidationFailedError } from "@/lib/errors";
import { makePng } from "@/sandbox/testing/helpers";

let k: Kit;
beforeAll(async () => {
  k = await startKit();
}, 60_000);
afterAll(async () => k?.close());

const deps = () => ({ storage: () => k.storage });
const view = (brandId: string, identityStatus = "VERIFIED") => ({ brandId, entityType: "PRIVATE_PROFIT", identityStatus, status: "ACTIVE", deletedAt: null });
const DAY = 24 * 3_600_000;

describe("brand assets", () => {
  it("uploads a logo from the library, submits it, and refuses to remove it while in review or once verified", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    const logo = await k.file("BRAND_LOGO", "logo.png", makePng(224, 224));
    await uploadBrandAsset(k.db, k.ctx, { brandId: b.brandId, type: "LOGO", name: "Main logo", fileId: logo.id }, deps());
    const first = await loadBrandAssets(k.db, k.org.org.id, view(b.brandId));
    expect(first.errors).toEqual([]);
    let assets = first.assets;
    expect(assets).toEqual([expect.objectContaining({ name: "Main logo", type: "LOGO", verificationStatus: null })]);

    await verifyBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "Main logo" });
    await expect(deleteBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "Main logo" })).rejects.toThrow(/in review/);
    await expect(verifyBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "Main logo" })).rejects.toBeInstanceOf(ConflictError);
    await k.sandbox.control.advance(DAY + 60_000);
    ({ assets } = await loadBrandAssets(k.db, k.org.org.id, view(b.brandId)));
    expect(assets[0]).toMatchObject({ verificationStatus: "VERIFIED" });
    await expect(deleteBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "Main logo" })).rejects.toThrow(/verified asset/);
    // An asset whose verification was refused may be appealed (within 45 days) but not while verified.
    await expect(appealBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "Main logo", appealCategories: ["OWNERSHIP"], fileIds: [] }, deps())).rejects.toBeInstanceOf(ConflictError);
    expect((await k.audits("brand.asset.upload", b.brandId))).toHaveLength(1);
  });

  it("appeals an UNVERIFIED banner, then removes an unsubmitted one", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    const banner = await k.file("BRAND_BANNER", "banner.png", makePng(1440, 448));
    // Sandbox rule: a name containing "reject" comes back UNVERIFIED.
    await uploadBrandAsset(k.db, k.ctx, { brandId: b.brandId, type: "BANNER", name: "reject-me", fileId: banner.id }, deps());
    await verifyBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "reject-me" });
    await k.sandbox.control.advance(DAY + 60_000);
    let { assets } = await loadBrandAssets(k.db, k.org.org.id, view(b.brandId));
    expect(assets[0]).toMatchObject({ verificationStatus: "UNVERIFIED" });
    await appealBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "reject-me", appealCategories: ["OWNERSHIP"], explanation: "Our own banner", fileIds: [] }, deps());
    ({ assets } = await loadBrandAssets(k.db, k.org.org.id, view(b.brandId)));
    expect(assets[0]).toMatchObject({ verificationStatus: "PENDING" });
    expect(await k.client.brandAssets.listAppeals(b.brandId, "reject-me")).toHaveLength(1);

    const spare = await k.file("BRAND_BANNER", "spare.png", makePng(1440, 448));
    await uploadBrandAsset(k.db, k.ctx, { brandId: b.brandId, type: "BANNER", name: "spare", fileId: spare.id }, deps());
    await deleteBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "spare" });
    ({ assets } = await loadBrandAssets(k.db, k.org.org.id, view(b.brandId)));
    expect(assets.map((a) => a.name)).toEqual(["reject-me"]);
  });

  it("refuses a logo uploaded as a banner, submitting while the brand is unverified, and sole proprietors", async () => {
    const b = await k.brand("PRIVATE_PROFIT", { ein: "123450000" });
    const logo = await k.file("BRAND_LOGO", "logo2.png", makePng(224, 224));
    await expect(uploadBrandAsset(k.db, k.ctx, { brandId: b.brandId, type: "BANNER", name: "wrong", fileId: logo.id }, deps())).rejects.toBeInstanceOf(ValidationFailedError);
    await uploadBrandAsset(k.db, k.ctx, { brandId: b.brandId, type: "LOGO", name: "early", fileId: logo.id }, deps());
    await expect(verifyBrandAsset(k.db, k.ctx, { brandId: b.brandId, name: "early" })).rejects.toThrow(/VERIFIED or VETTED_VERIFIED/);
    const sp = await k.brand("SOLE_PROPRIETOR");
    await expect(uploadBrandAsset(k.db, k.ctx, { brandId: sp.brandId, type: "LOGO", name: "sp", fileId: logo.id }, deps())).rejects.toBeInstanceOf(ConflictError);
  });

  it("states what each verification status allows, with the 45-day appeal deadline", () => {
    expect(assetRules({ verificationStatus: "UNVERIFIED", createDate: "2026-02-20T00:00:00Z" }, "VERIFIED")).toMatchObject({ canAppeal: true, canDelete: true, appealDeadline: new Date("2026-04-06T00:00:00Z") });
    expect(assetRules({ verificationStatus: "PENDING" }, "VERIFIED")).toMatchObject({ canAppeal: false, canDelete: false, canVerify: false });
    expect(assetRules({ verificationStatus: null }, "UNVERIFIED")).toMatchObject({ canVerify: false, canDelete: true, canAppeal: false });
  });
});
