import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createdCampaign, DAY, expectTcrError, startHarness, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-partners");
});
afterAll(() => h.sb.close());

describe("partner campaigns: client ↔ sandbox", () => {
  it("sharedWithMe searches list inbound shares; get/mnoMetadata/operationStatus/getSharing read one; decline removes it", async () => {
    const ids = h.sb.control.receivePartnerShares(2);
    const [a, b] = ids as [string, string];
    const list = await h.tcr.partnerCampaigns.searchSharedWithMe({ sharingStatus: ["PENDING"] } as never);
    expect(list.totalRecords).toBe(2);
    expect(list.records.map((r) => r.campaignId).sort()).toEqual([...ids].sort());
    const dep = await h.tcr.partnerCampaigns.searchSharedWithMeDeprecated({ sharingStatus: ["PENDING"] } as never);
    expect(dep.totalRecords).toBe(2);

    const detail = await h.tcr.partnerCampaigns.get(a);
    expect(detail).toMatchObject({ campaignId: a, status: "ACTIVE" });
    expect(detail).not.toHaveProperty("referenceId");
    expect(Object.keys(await h.tcr.partnerCampaigns.getMnoMetadata(a)).length).toBeGreaterThan(0);
    expect(await h.tcr.partnerCampaigns.getOperationStatus(a)).toEqual({});
    expect((await h.tcr.partnerCampaigns.getSharing(a)).sharedWithMe).toMatchObject({ sharingStatus: "PENDING" });

    const dec = await h.tcr.partnerCampaigns.declineSharing(a, { explanation: "Unclear", rejectionCategory: ["CALL_TO_ACTION", "PRIVACY_POLICY"] } as never);
    expect(dec).toMatchObject({ sharingStatus: "DECLINED", rejectionCategory: ["CALL_TO_ACTION", "PRIVACY_POLICY"] });
    await expectTcrError(h.tcr.partnerCampaigns.get(a), 502, 404);

    // Accept b by electing a DCA upstream; once the DCA accepts, the MNO status appears.
    const up = await h.tcr.partnerCampaigns.share(b, "SDCA001");
    expect(up).toMatchObject({ upstreamCnpId: "SDCA001", sharingStatus: "PENDING" });
    expect((await h.tcr.partnerCampaigns.getSharing(b)).sharedWithMe?.sharingStatus).toBe("ACCEPTED");
    await h.sb.control.advance(DAY);
    expect((await h.tcr.partnerCampaigns.getOperationStatus(b))["10017"]).toBe("REGISTERED");
    expect((await h.tcr.partnerCampaigns.searchSharedWithMe({ sharingStatus: ["ACCEPTED"] } as never)).totalRecords).toBe(1);
  });

  it("sharedByMe searches list our campaign shared upstream", async () => {
    const { campaignId } = await createdCampaign(h);
    await h.tcr.campaigns.share(campaignId, "SDCA002");
    await h.sb.control.advance(DAY);
    const byMe = await h.tcr.partnerCampaigns.searchSharedByMe({ sharingStatus: ["ACCEPTED"] } as never);
    expect(byMe.records.find((r) => r.campaignId === campaignId)).toMatchObject({ upstreamCnpId: "SDCA002" });
    const dep = await h.tcr.partnerCampaigns.searchSharedByMeDeprecated({ sharingStatus: ["ACCEPTED"] } as never);
    expect(dep.records.map((r) => r.campaignId)).toContain(campaignId);
  });

  it("partnerCampaign.get of an unknown campaign → 502", async () => {
    await expectTcrError(h.tcr.partnerCampaigns.get("CNOPE00"), 502, 404);
  });
});
