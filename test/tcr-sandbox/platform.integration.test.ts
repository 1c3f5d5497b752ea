import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTcrError, startHarness, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-platform");
});
afterAll(() => h.sb.close());

describe("platform and PFT: client ↔ sandbox", () => {
  it("platform.version answers a plain-text version", async () => {
    expect(await h.tcr.platform.version()).toMatch(/^\S+$/);
  });

  it("pft.getBrand: 502 until the account has the free trial, then the PFT brand (mock, VERIFIED)", async () => {
    await expectTcrError(h.tcr.pft.getBrand(), 502, 404);
    h.sb.control.setAccount({ platformFreeTrialEnabled: true });
    const b = await h.tcr.pft.getBrand();
    expect(b).toMatchObject({ mock: true, identityStatus: "VERIFIED" });
    expect((await h.tcr.brands.get(b.brandId)).brandId).toBe(b.brandId);
  });
});
