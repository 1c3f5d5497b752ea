import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTcrError, key, MIN, startHarness, verifiedBrand, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-vetting");
});
afterAll(() => h.sb.close());

describe("external vetting: client ↔ sandbox", () => {
  it("brand.orderExternalVetting → listExternalVetting: PENDING, then ACTIVE with a score; counts one order", async () => {
    const b = await verifiedBrand(h);
    const before = h.sb.control.counters().vettingOrders;
    const v = await h.tcr.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: key("vet") });
    expect(v).toMatchObject({ evpId: "AEGIS", vettingClass: "STANDARD", vettingStatus: "PENDING" });
    expect(h.sb.control.counters().vettingOrders).toBe(before + 1);
    await h.sb.control.advance(11 * MIN);
    const list = await h.tcr.brands.listExternalVetting(b.brandId);
    const mine = list.find((x) => x.vettingId === v.vettingId);
    expect(mine?.vettingStatus).toBe("ACTIVE");
    expect(typeof mine?.vettingScore).toBe("number");
    expect((await h.tcr.brands.get(b.brandId)).identityStatus).toBe("VETTED_VERIFIED");
  });

  it("brand.orderExternalVetting with an unknown provider → 501 on evpId", async () => {
    const b = await verifiedBrand(h);
    const e = await expectTcrError(h.tcr.brands.orderExternalVetting(b.brandId, { evpId: "NOPE" }, { idempotencyKey: key("nope") }), 501, 400);
    expect(e.items[0]?.field).toBe("evpId");
  });

  it("mockCvToken.generate → brand.importExternalVetting (CV, POLITICAL) is ACTIVE", async () => {
    const np = await verifiedBrand(h, "NON_PROFIT", { ein: "222220003" });
    const token = await h.tcr.mockCvToken.generate(np.brandId, { locale: "state", validUntil: "2027-01-31" } as never);
    expect(token).toMatch(/^cv\|1\.0\|cvmock\|10dlc\|state\|2027-01-31\|/);
    const imp = await h.tcr.brands.importExternalVetting(np.brandId, { evpId: "CV", vettingId: token });
    expect(imp).toMatchObject({ evpId: "CV", vettingClass: "POLITICAL", vettingStatus: "ACTIVE" });
    expect((await h.tcr.brands.listExternalVetting(np.brandId)).some((v) => v.evpId === "CV")).toBe(true);
    // Unique per brand: importing the same token again is refused.
    await expectTcrError(h.tcr.brands.importExternalVetting(np.brandId, { evpId: "CV", vettingId: token }), 902, 400);
  });

  it("brand.appealExternalVetting → listExternalVettingAppeals; the appeal completes on the clock", async () => {
    const b = await verifiedBrand(h, "PRIVATE_PROFIT", { ein: "123456700" });
    const v = await h.tcr.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS" }, { idempotencyKey: key("fail") });
    await h.sb.control.advance(11 * MIN);
    expect((await h.tcr.brands.listExternalVetting(b.brandId))[0]?.vettingStatus).toBe("FAILED");
    await h.tcr.brands.appealExternalVetting(b.brandId, { evpId: "AEGIS", vettingId: v.vettingId!, appealCategories: ["VERIFY_TAX_ID"], explanation: "EIN letter" });
    const pending = await h.tcr.brands.listExternalVettingAppeals(b.brandId, { appealStatus: ["PENDING"] } as never);
    expect(pending).toHaveLength(1);
    await h.sb.control.advance(2 * 24 * 60 * MIN);
    const all = await h.tcr.brands.listExternalVettingAppeals(b.brandId, { evpId: "AEGIS" } as never);
    expect(all[0]).toMatchObject({ appealStatus: "COMPLETE", vettingId: v.vettingId });
  });

  it("brand.listEnhancedVettingReports answers a list (empty without an ENHANCED vet)", async () => {
    const b = await verifiedBrand(h);
    expect(await h.tcr.brands.listEnhancedVettingReports(b.brandId)).toEqual([]);
    await expectTcrError(h.tcr.brands.listEnhancedVettingReports("BNOPE00"), 502, 404);
  });
});
