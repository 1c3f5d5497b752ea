import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTcrError, startHarness, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-resellers");
});
afterAll(() => h.sb.close());

describe("resellers: client ↔ sandbox", () => {
  it("create → get → search → update (full replacement) → delete (then 502)", async () => {
    const a = await h.tcr.resellers.create({ companyName: "Microsoft", phone: "+18348365467", email: "john.doe@microsoft.com" });
    expect(a.resellerId).toMatch(/^R[A-Z0-9]{6}$/);
    expect(await h.tcr.resellers.get(a.resellerId!)).toMatchObject({ resellerId: a.resellerId, companyName: "Microsoft" });
    await h.tcr.resellers.create({ companyName: "Acme", phone: "+15555555555", email: "john.doe@acme.com" });
    const found = await h.tcr.resellers.search({ companyName: "micro" } as never);
    expect(found.totalRecords).toBe(1);
    expect(found.records[0]?.resellerId).toBe(a.resellerId);
    const u = await h.tcr.resellers.update(a.resellerId!, { companyName: "MS", phone: "+18348365467", email: "a@ms.com" });
    expect(u.companyName).toBe("MS");
    expect((await h.tcr.resellers.get(a.resellerId!)).email).toBe("a@ms.com");
    await h.tcr.resellers.delete(a.resellerId!);
    await expectTcrError(h.tcr.resellers.get(a.resellerId!), 502, 404);
  });
});
