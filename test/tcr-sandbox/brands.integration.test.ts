import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brandInput, expectTcrError, key, MIN, startHarness, verifiedBrand, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-brands");
});
afterAll(() => h.sb.close());

describe("brands: client ↔ sandbox", () => {
  it("brand.create → brand.get: SELF_DECLARED, then VERIFIED after scoring; counts one billable create", async () => {
    const before = h.sb.control.counters().brands;
    const b = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT", { displayName: "Create Co" }), { idempotencyKey: key("c") });
    expect(b.brandId).toMatch(/^B[A-Z0-9]{6}$/);
    expect(b.identityStatus).toBe("SELF_DECLARED");
    expect(b.referenceId).toBeTruthy(); // derived from the idempotency key
    const got = await h.tcr.brands.get(b.brandId);
    expect(got).toMatchObject({ brandId: b.brandId, displayName: "Create Co", entityType: "PRIVATE_PROFIT", referenceId: b.referenceId });
    await h.sb.control.advance(2 * MIN);
    expect((await h.tcr.brands.get(b.brandId)).identityStatus).toBe("VERIFIED");
    expect(h.sb.control.counters().brands).toBe(before + 1);
  });

  it("brand.create with a referenceId already in use → TcrError 503", async () => {
    await h.tcr.brands.create(brandInput("PRIVATE_PROFIT", { referenceId: "dupref1" }), { idempotencyKey: key("d1") });
    const e = await expectTcrError(h.tcr.brands.create(brandInput("PRIVATE_PROFIT", { referenceId: "DupRef1" }), { idempotencyKey: key("d2") }), 503);
    expect(e.status).toBe(400);
  });

  it("brand.create with an invalid field → TcrError 501 naming the field", async () => {
    // The client validates locally; a value valid for zod but refused by the registry rule (role account) reaches the sandbox.
    const e = await expectTcrError(
      h.tcr.brands.create(brandInput("PUBLIC_PROFIT", { businessContactEmail: "info@abc.com" }), { idempotencyKey: key("bad") }),
      501, 400,
    );
    expect(e.items.some((i) => i.field === "businessContactEmail")).toBe(true);
  });

  it("brand.search finds by referenceId and pages", async () => {
    const b = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT", { referenceId: "searchme" }), { idempotencyKey: key("s") });
    const page = await h.tcr.brands.search({ referenceId: "searchme" });
    expect(page.records.map((r) => r.brandId)).toContain(b.brandId);
    expect(page.totalRecords).toBeGreaterThanOrEqual(1);
    const p1 = await h.tcr.brands.search({ page: 1, recordsPerPage: 1 });
    expect(p1.records).toHaveLength(1);
    expect(p1.page).toBe(1);
  });

  it("brand.update changes a field and the change is visible on get", async () => {
    const b = await verifiedBrand(h);
    // The client's update schema requires the reference's required fields (entityType, displayName, country, email, brandRelationship).
    const upd = await h.tcr.brands.update(b.brandId, { ...(brandInput("PRIVATE_PROFIT") as object), displayName: "Renamed Co" } as never);
    expect(upd.displayName).toBe("Renamed Co");
    expect((await h.tcr.brands.get(b.brandId)).displayName).toBe("Renamed Co");
  });

  it("brand.getFeedback is empty for a verified brand and names the category for an unverified one", async () => {
    const ok = await verifiedBrand(h);
    const fOk = await h.tcr.brands.getFeedback(ok.brandId);
    expect(fOk.brandId).toBe(ok.brandId);
    expect(fOk.category ?? []).toHaveLength(0);
    const bad = await verifiedBrand(h, "PRIVATE_PROFIT", { ein: "123450000" });
    expect((await h.tcr.brands.get(bad.brandId)).identityStatus).toBe("UNVERIFIED");
    const f = await h.tcr.brands.getFeedback(bad.brandId);
    expect((f.category ?? []).map((c) => c.id)).toContain("TAX_ID");
  });

  it("brand.revet re-runs scoring (billable revet counter) and returns the brand", async () => {
    const b = await verifiedBrand(h);
    const before = h.sb.control.counters().revets;
    const r = await h.tcr.brands.revet(b.brandId);
    expect(r.brandId).toBe(b.brandId);
    expect(h.sb.control.counters().revets).toBe(before + 1);
  });

  it("brand.delete soft-deletes: get still answers with status DELETED; unknown brand → 502", async () => {
    const b = await verifiedBrand(h);
    await h.tcr.brands.delete(b.brandId);
    expect((await h.tcr.brands.get(b.brandId)).status).toBe("DELETED");
    await expectTcrError(h.tcr.brands.get("BNOPE00"), 502, 404);
    await expectTcrError(h.tcr.brands.delete("BNOPE00"), 502, 404);
  });
});
