import { describe, expect, it } from "vitest";
import { groupCampaignFields } from "./fields";

describe("groupCampaignFields", () => {
  it("keeps Vonage's own fields out of Other (the Vonage section labels them) and still lists fields nobody knows", () => {
    const groups = groupCampaignFields({
      campaignId: "VC1", tcrCampaignId: "C1", vonageStatus: "ACTIVE", trafficEnabled: true, accountId: "abc", messageFlowDetails: { brand_name: "X" },
      mnoMetadata: { "10017": {} }, lastStatusChanges: [], somethingNew: 1,
    });
    const other = groups.find((g) => g.id === "other");
    expect(other?.fields.map((f) => f.key)).toEqual(["somethingNew"]);
    expect(groups.find((g) => g.id === "registration")?.fields.find((f) => f.key === "campaignId")?.value).toBe("VC1");
  });
});
