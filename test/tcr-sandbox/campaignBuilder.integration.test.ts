import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignInput, expectTcrError, key, startHarness, verifiedBrand, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-builder");
});
afterAll(() => h.sb.close());

describe("campaign builder: client ↔ sandbox", () => {
  it("campaignBuilder.create → campaign.get: the campaign is ACTIVE with its fields; one billable create", async () => {
    const b = await verifiedBrand(h);
    const before = h.sb.control.counters().campaigns;
    const r = await h.tcr.campaignBuilder.create(campaignInput(b.brandId, { referenceId: "twofactor" }), { idempotencyKey: key("c") });
    expect(r.campaignId).toMatch(/^C[A-Z0-9]{6}$/);
    expect(Object.keys(r.mnoMetadata ?? {}).sort()).toEqual(["10017", "10035", "10037", "10038"]);
    expect(h.sb.control.counters().campaigns).toBe(before + 1);
    const c = await h.tcr.campaigns.get(r.campaignId);
    expect(c).toMatchObject({ campaignId: r.campaignId, brandId: b.brandId, usecase: "2FA", status: "ACTIVE", referenceId: "twofactor" });
  });

  it("campaignBuilder.create with a referenceId in use → 503 and no second charge", async () => {
    const b = await verifiedBrand(h);
    await h.tcr.campaignBuilder.create(campaignInput(b.brandId, { referenceId: "samecamp" }), { idempotencyKey: key("a") });
    const before = h.sb.control.counters().campaigns;
    await expectTcrError(h.tcr.campaignBuilder.create(campaignInput(b.brandId, { referenceId: "SameCamp" }), { idempotencyKey: key("b") }), 503, 400);
    expect(h.sb.control.counters().campaigns).toBe(before);
  });

  it("campaignBuilder.create for an unverified brand → 509", async () => {
    const b = await verifiedBrand(h, "PRIVATE_PROFIT", { ein: "123470000" });
    await expectTcrError(h.tcr.campaignBuilder.create(campaignInput(b.brandId), { idempotencyKey: key("u") }), 509, 400);
  });

  it("campaignBuilder.qualifyBrand lists use cases; qualifyBrandUsecase answers per-MNO metadata", async () => {
    const b = await verifiedBrand(h);
    const all = await h.tcr.campaignBuilder.qualifyBrand(b.brandId);
    expect(all.length).toBeGreaterThan(5);
    expect(all.map((q) => q.usecase)).toContain("2FA");
    const one = await h.tcr.campaignBuilder.qualifyBrandUsecase(b.brandId, "2FA");
    expect(one.usecase).toBe("2FA");
    expect(one.mnoMetadata?.["10017"]).toMatchObject({ qualify: true });
    await expectTcrError(h.tcr.campaignBuilder.qualifyBrand("BNOPE00"), 502, 404);
  });

  it("campaignBuilder.getTermsAndConditions answers subTerms", async () => {
    const t = await h.tcr.campaignBuilder.getTermsAndConditions();
    expect(Array.isArray(t.subTerms)).toBe(true);
    expect(t.subTerms!.length).toBeGreaterThan(0);
  });
});
