import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brandInput, expectTcrError, key, startHarness, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-tags");
});
afterAll(() => h.sb.close());

describe("tags: client ↔ sandbox", () => {
  it("assign → search (and brand search by tag) → delete", async () => {
    const b = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: key("t") });
    const t = await h.tcr.tags.assign({ name: "VIP", recordType: "BRAND", recordId: b.brandId });
    expect(t).toEqual({ name: "vip", recordType: "BRAND", recordId: b.brandId });
    expect((await h.tcr.tags.search({ name: "vip" } as never)).records).toEqual([{ name: "vip", recordType: "BRAND", recordId: b.brandId }]);
    expect((await h.tcr.brands.search({ tag: ["vip"] } as never)).totalRecords).toBe(1);
    await h.tcr.tags.delete("vip", "BRAND", b.brandId);
    expect((await h.tcr.tags.search({ name: "vip" } as never)).totalRecords).toBe(0);
    await expectTcrError(h.tcr.tags.delete("vip", "BRAND", b.brandId), 502, 404);
  });

  it("tag.assign on an unknown record → 502", async () => {
    await expectTcrError(h.tcr.tags.assign({ name: "vip", recordType: "BRAND", recordId: "BNOPE00" }), 502, 404);
  });
});
