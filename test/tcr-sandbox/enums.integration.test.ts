import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-enums");
});
afterAll(() => h.sb.close());

/** Every enum operation answers through the client's schema with content the registry documents. */
describe("enums: client ↔ sandbox", () => {
  it("string-list enums contain the reference's values", async () => {
    const e = h.tcr.enums;
    expect(await e.altBusinessIdType()).toEqual(expect.arrayContaining(["DUNS", "LEI", "GIIN"]));
    expect(await e.brandIdentityStatus()).toEqual(expect.arrayContaining(["SELF_DECLARED", "UNVERIFIED", "VERIFIED", "VETTED_VERIFIED"]));
    expect(await e.brandRelationship()).toEqual(expect.arrayContaining(["BASIC_ACCOUNT", "KEY_ACCOUNT"]));
    expect(await e.brandStatus()).toEqual(expect.arrayContaining(["ACTIVE", "DELETED"]));
    expect(await e.campaignStatus()).toEqual(expect.arrayContaining(["ACTIVE", "EXPIRED"]));
    expect(await e.entityType()).toEqual(expect.arrayContaining(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"]));
    expect(await e.nudgeIntent()).toEqual(expect.arrayContaining(["REVIEW", "APPEAL_REJECTION"]));
    expect(await e.operationStatus()).toEqual(expect.arrayContaining(["REGISTERED", "REVIEW", "REJECTED"]));
    expect(await e.sharingRejectionCategory()).toEqual(expect.arrayContaining(["CALL_TO_ACTION", "PRIVACY_POLICY"]));
    expect(await e.stockExchange()).toEqual(expect.arrayContaining(["NASDAQ", "NYSE"]));
    expect((await e.suspensionRuleCategory()).length).toBeGreaterThan(0);
    expect(await e.vettingStatus()).toEqual(expect.arrayContaining(["PENDING", "ACTIVE", "FAILED"]));
  });

  it("map and object enums", async () => {
    const e = h.tcr.enums;
    expect(await e.country()).toMatchObject({ US: expect.any(String), CA: expect.any(String) });
    expect(await e.usState()).toMatchObject({ NY: expect.any(String), CA: expect.any(String) });
    expect(Object.keys(await e.usecase())).toEqual(expect.arrayContaining(["2FA", "MARKETING", "SOLE_PROPRIETOR"]));
    expect(Object.keys(await e.vertical())).toEqual(expect.arrayContaining(["RETAIL", "NGO"]));
    expect(Object.keys(await e.cnp())).toEqual(expect.arrayContaining(["SCNP001", "SCNP002", "SCNP003"]));
    expect(JSON.stringify(await e.dca())).toContain("SDCA001");
    expect(Object.keys(await e.vettingFeedbackCode()).length).toBeGreaterThan(0);
  });

  it("list-of-object enums", async () => {
    const e = h.tcr.enums;
    expect((await e.extVettingProvider()).map((p) => p.evpId)).toEqual(expect.arrayContaining(["AEGIS", "CV", "WMC"]));
    expect((await e.mno()).map((m) => String(m.networkId))).toEqual(expect.arrayContaining(["10017", "10035", "10037", "10038"]));
    expect((await e.vettingClass()).map((v) => v.id)).toEqual(expect.arrayContaining(["STANDARD", "POLITICAL"]));
    expect((await e.optionalAttributeNames()).length).toBeGreaterThan(0);
    expect(JSON.stringify(await e.brandAppealCategory())).toContain("VERIFY_TAX_ID");
    expect(JSON.stringify(await e.assetAppealCategory())).toContain("OWNERSHIP");
    expect(JSON.stringify(await e.extVettingAppealCategory())).toContain("VERIFY_TAX_ID");
  });

  it("enum.approvedPublicCompany pages", async () => {
    const page = await h.tcr.enums.approvedPublicCompany({ recordsPerPage: 2 } as never);
    expect(page.records.length).toBeLessThanOrEqual(2);
    expect(page.totalRecords).toBeGreaterThan(0);
  });
});
