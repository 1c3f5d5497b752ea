import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignInput, createdCampaign, DAY, expectTcrError, file, key, MIN, startHarness, verifiedBrand, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-campaigns");
});
afterAll(() => h.sb.close());

const SOCIAL = { usecase: "SOCIAL", sample2: "ABC Mobile: new post from a friend. Reply STOP to opt out.", mnoIds: [10017, 10035] };

describe("campaigns: client ↔ sandbox", () => {
  it("campaign.search / searchMock / searchDeprecated find real and mock campaigns separately", async () => {
    const real = await createdCampaign(h, { referenceId: "findreal" });
    const mb = await verifiedBrand(h, "PRIVATE_PROFIT", { mock: true });
    const mock = await h.tcr.campaignBuilder.create(campaignInput(mb.brandId, { referenceId: "findmock" }), { idempotencyKey: key("m") });
    const s = await h.tcr.campaigns.search({ referenceId: "findreal" });
    expect(s.records.map((c) => c.campaignId)).toEqual([real.campaignId]);
    expect((await h.tcr.campaigns.search({ referenceId: "findmock" })).totalRecords).toBe(0);
    const m = await h.tcr.campaigns.searchMock({ referenceId: "findmock" });
    expect(m.records.map((c) => c.campaignId)).toEqual([mock.campaignId]);
    const d = await h.tcr.campaigns.searchDeprecated({ recordsPerPage: 500 });
    expect(d.records.map((c) => c.campaignId)).toEqual(expect.arrayContaining([real.campaignId, mock.campaignId]));
  });

  it("campaign.update changes a mutable field (seen on get); campaign.get of an unknown id → 502", async () => {
    const { campaignId } = await createdCampaign(h);
    const desc = "Updated: one-time passcodes for customers signing in to the ABC Mobile portal.";
    const u = await h.tcr.campaigns.update(campaignId, { description: desc });
    expect(u.description).toBe(desc);
    expect((await h.tcr.campaigns.get(campaignId)).description).toBe(desc);
    await expectTcrError(h.tcr.campaigns.get("CNOPE00"), 502, 404);
  });

  it("getOperationStatus / getMnoMetadata: REVIEW then REGISTERED after the clock; resubmit adds an MNO (billable)", async () => {
    const b = await verifiedBrand(h);
    await h.tcr.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS" }, { idempotencyKey: key("v") });
    await h.sb.control.advance(11 * MIN);
    const c = await h.tcr.campaignBuilder.create(campaignInput(b.brandId, SOCIAL), { idempotencyKey: key("soc") });
    expect(await h.tcr.campaigns.getOperationStatus(c.campaignId)).toEqual({ "10017": "REVIEW", "10035": "REVIEW" });
    await h.sb.control.advance(DAY);
    expect(await h.tcr.campaigns.getOperationStatus(c.campaignId)).toEqual({ "10017": "REGISTERED", "10035": "REGISTERED" });
    const before = h.sb.control.counters().resubmissions;
    const re = await h.tcr.campaigns.resubmit(c.campaignId, { mnoIds: [10038] }, { idempotencyKey: key("re") });
    expect(Object.keys(re.mnoMetadata ?? {})).toEqual(["10038"]);
    expect(h.sb.control.counters().resubmissions).toBe(before + 1);
    expect(Object.keys(await h.tcr.campaigns.getMnoMetadata(c.campaignId)).sort()).toEqual(["10017", "10035", "10038"]);
  });

  it("uploadMmsMedia / listMmsMedia, uploadSupportingDocument / listSupportingDocuments", async () => {
    const { campaignId } = await createdCampaign(h);
    const mms = await h.tcr.campaigns.uploadMmsMedia(campaignId, file("sample.gif", "GIF89a", "image/gif"));
    expect(mms).toMatchObject({ uuid: expect.any(String), fileName: "sample.gif" });
    expect(await h.tcr.campaigns.listMmsMedia(campaignId)).toEqual([mms]);
    const doc = await h.tcr.campaigns.uploadSupportingDocument(campaignId, file("optin.pdf", "%PDF", "application/pdf"));
    expect(await h.tcr.campaigns.listSupportingDocuments(campaignId)).toEqual([doc]);
    await expectTcrError(h.tcr.campaigns.uploadSupportingDocument(campaignId, file("optin.exe", "MZ", "application/octet-stream")), 501, 400);
  });

  it("getOsrAttributes and listPhoneNumbers; deactivate is idempotent and moves numbers to previous", async () => {
    const { campaignId } = await createdCampaign(h);
    const osr = await h.tcr.campaigns.getOsrAttributes(campaignId);
    expect(osr).toMatchObject({ msg_class: expect.any(String), status: expect.any(String) });
    h.sb.control.provisionNumbers(campaignId, 3);
    const page = await h.tcr.campaigns.listPhoneNumbers(campaignId, { current: true, recordsPerPage: 2 } as never);
    expect(page.totalRecords).toBe(3);
    expect(page.records).toHaveLength(2);
    await h.tcr.campaigns.deactivate(campaignId);
    await h.tcr.campaigns.deactivate(campaignId);
    expect((await h.tcr.campaigns.get(campaignId)).status).toBe("EXPIRED");
    expect((await h.tcr.campaigns.listPhoneNumbers(campaignId, { current: false } as never)).totalRecords).toBe(3);
    await expectTcrError(h.tcr.campaigns.getOsrAttributes(campaignId), 502, 404);
  });

  it("share to a DCA → getSharing PENDING → nudge → ACCEPTED; excluded MNO listed, then removed with mno.deleteExcludedMno", async () => {
    const { campaignId } = await createdCampaign(h);
    const s = await h.tcr.campaigns.share(campaignId, "SDCA002");
    expect(s).toMatchObject({ upstreamCnpId: "SDCA002", sharingStatus: "PENDING" });
    expect((await h.tcr.campaigns.getSharing(campaignId)).sharedByMe).toMatchObject({ sharingStatus: "PENDING" });
    expect(await h.tcr.campaigns.nudge(campaignId, { nudgeIntent: "REVIEW", description: "Please review" })).toEqual({ message: "Nudge successful" });
    await h.sb.control.advance(DAY);
    expect((await h.tcr.campaigns.getSharing(campaignId)).sharedByMe?.sharingStatus).toBe("ACCEPTED");
    expect(await h.tcr.campaigns.listExcludedMnos(campaignId)).toEqual([10037]);
    expect((await h.tcr.campaigns.listElectedDcaMnoIds(campaignId)).slice().sort()).toEqual([10017, 10035, 10038]);
    await h.tcr.mno.deleteExcludedMno(campaignId, 10037, { explanation: "Needed on US Cellular" });
    expect(await h.tcr.campaigns.listExcludedMnos(campaignId)).toEqual([]);
    expect(h.sb.control.events({ eventType: "CAMPAIGN_DCA_COMPLETE" })).toHaveLength(1);
  });

  it("campaign.share to an unknown partner → 501 on upstreamCnpId", async () => {
    const { campaignId } = await createdCampaign(h);
    const e = await expectTcrError(h.tcr.campaigns.share(campaignId, "SNOPE01"), 501, 400);
    expect(e.items[0]?.field).toBe("upstreamCnpId");
  });
});
