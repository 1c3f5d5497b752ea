import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, expectTcrError, file, startHarness, verifiedBrand, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-appeals");
});
afterAll(() => h.sb.close());

describe("identity appeals and evidence: client ↔ sandbox", () => {
  it("uploadAppealEvidence → listAppealEvidence → appeal → listAppeals; the appeal verifies the brand", async () => {
    const b = await verifiedBrand(h, "PRIVATE_PROFIT", { ein: "123450000" });
    expect((await h.tcr.brands.get(b.brandId)).identityStatus).toBe("UNVERIFIED");
    const up = await h.tcr.brands.uploadAppealEvidence(b.brandId, file("ein.pdf", "%PDF-1.4 letter", "application/pdf"));
    expect(up).toMatchObject({ uuid: expect.any(String), fileName: "ein.pdf" });
    expect(await h.tcr.brands.listAppealEvidence(b.brandId)).toEqual([up]);
    await h.tcr.brands.appeal(b.brandId, { appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: [up.uuid!], explanation: "Letter attached" });
    // A second appeal while one is pending → 902.
    await expectTcrError(h.tcr.brands.appeal(b.brandId, { appealCategories: ["VERIFY_TAX_ID"] }), 902, 400);
    expect(await h.tcr.brands.listAppeals(b.brandId, { appealStatus: ["PENDING"] } as never)).toHaveLength(1);
    await h.sb.control.advance(2 * DAY + 1);
    const [appeal] = await h.tcr.brands.listAppeals(b.brandId, { appealStatus: ["COMPLETE"] } as never);
    expect(appeal).toBeTruthy();
    expect((await h.tcr.brands.get(b.brandId)).identityStatus).toBe("VERIFIED");
  });

  it("brand.appeal with an unknown attachment uuid → 501 on attachmentUuids", async () => {
    const b = await verifiedBrand(h, "PRIVATE_PROFIT", { ein: "123460000" });
    const e = await expectTcrError(h.tcr.brands.appeal(b.brandId, { appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: ["nope"] }), 501, 400);
    expect(e.items[0]?.field).toBe("attachmentUuids");
  });
});
