import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, DAY, MIN, startSandbox } from "../testing/helpers";

let sb: Sandbox;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sb = await startSandbox();
  api = apiClient(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control.reset();
});

async function campaign(description = "Account alerts for ABC Mobile customers about billing and service changes."): Promise<string> {
  const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
  await sb.control.advance(2 * MIN);
  const r = await api("POST", "/campaignBuilder", {
    brandId: b.brandId, usecase: "ACCOUNT_NOTIFICATION", resellerId: "R000000", description,
    messageFlow: "Customers opt in on the account settings page by ticking an unchecked box.",
    subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
    sample1: "ABC Mobile: your bill of $20 is due on the 5th. Reply STOP to opt out.",
    helpMessage: "ABC Mobile: help at support@abc.com. Reply STOP to opt out.",
    optinMessage: "ABC Mobile: you will receive account alerts. Reply STOP to opt out.",
    optoutMessage: "ABC Mobile: you are unsubscribed from account alerts.",
  });
  return r.body.campaignId as string;
}

describe("sharing our campaigns upstream", () => {
  it("shares to a DCA, which accepts on the clock, excludes US Cellular until the exclusion is removed", async () => {
    const id = await campaign();
    expect((await api("PUT", `/campaign/${id}/sharing/SNOPE01`)).body[0].field).toBe("upstreamCnpId");
    const s = (await api("PUT", `/campaign/${id}/sharing/SDCA002`)).body;
    expect(s).toMatchObject({ upstreamCnpId: "SDCA002", sharingStatus: "PENDING", cnpMigration: false });
    expect((await api("PUT", `/campaign/${id}/sharing/SDCA001`)).body[0].code).toBe(902); // cannot change while pending
    expect((await api("POST", `/campaign/${id}/nudge`, { nudgeIntent: "REVIEW", description: "Please review" })).body).toEqual({ message: "Nudge successful" });
    await sb.control.advance(DAY);
    expect((await api("GET", `/campaign/${id}/sharing`)).body.sharedByMe.sharingStatus).toBe("ACCEPTED");
    expect((await api("GET", `/campaign/${id}/excludedMno`)).body).toEqual([10037]);
    expect((await api("GET", `/campaign/${id}/mnoIds/electedDca`)).body.sort()).toEqual([10017, 10035, 10038]);
    expect(sb.control.events({ eventType: "CAMPAIGN_DCA_COMPLETE" })).toHaveLength(0);
    expect((await api("DELETE", `/campaign/${id}/excludedMno/10037`)).body[0].field).toBe("explanation");
    expect((await api("DELETE", `/campaign/${id}/excludedMno/10037`, { explanation: "Needed on US Cellular" })).status).toBe(204);
    expect((await api("GET", `/campaign/${id}/excludedMno`)).body).toEqual([]);
    expect(sb.control.events({ eventType: "CAMPAIGN_DCA_COMPLETE" })).toHaveLength(1);
    const byMe = (await api("GET", "/partnerCampaign/sharedByMe/search?sharingStatus=ACCEPTED")).body;
    expect(byMe).toMatchObject({ totalRecords: 1 });
    expect(byMe.records[0]).toMatchObject({ campaignId: id, upstreamCnpId: "SDCA002" });
  });

  it("a declined share can be appealed with a nudge after the campaign is fixed", async () => {
    const id = await campaign("Please DECLINE: account alerts for ABC Mobile customers about billing.");
    await api("PUT", `/campaign/${id}/sharing/SCNP001`);
    expect((await api("POST", `/campaign/${id}/nudge`, { nudgeIntent: "APPEAL_REJECTION" })).body[0].code).toBe(902);
    await sb.control.advance(DAY);
    const declined = (await api("GET", `/campaign/${id}/sharing`)).body.sharedByMe;
    expect(declined).toMatchObject({ sharingStatus: "DECLINED", rejectionCategory: ["CAMPAIGN_DESCRIPTION_OR_ATTRIBUTES"] });
    await api("PUT", `/campaign/${id}`, { description: "Account alerts for ABC Mobile customers about billing and service changes." });
    expect((await api("POST", `/campaign/${id}/nudge`, { nudgeIntent: "APPEAL_REJECTION", description: "Fixed" })).status).toBe(200);
    await sb.control.advance(DAY);
    expect((await api("GET", `/campaign/${id}/sharing`)).body.sharedByMe.sharingStatus).toBe("ACCEPTED");
    expect(sb.control.events({ eventType: "CAMPAIGN_DCA_COMPLETE" })).toHaveLength(1);
    expect((await api("POST", `/campaign/${id}/nudge`, { nudgeIntent: "SHOUT" })).body[0].field).toBe("nudgeIntent");
  });
});

describe("partner campaigns shared with me", () => {
  it("lists pending shares, declines with categories, accepts by sharing upward", async () => {
    await sb.control.loadScenario("demo");
    const ids = sb.control.receivePartnerShares(2);
    expect(sb.control.events({ eventType: "CAMPAIGN_SHARE_ADD" })).toHaveLength(2);
    const list = (await api("GET", "/partnerCampaign/sharedWithMe/search?sharingStatus=PENDING")).body;
    expect(list.totalRecords).toBe(5);
    expect(list.records[0]).toMatchObject({ sharingStatus: "PENDING", downstreamCnpId: expect.stringMatching(/^SCNP/) });
    expect(list.records[0]).not.toHaveProperty("cspId");
    expect((await api("GET", "/partnerCampaign/sharedWithMe/search?recordsPerPage=51")).status).toBe(400);
    expect((await api("GET", "/partnerCampaign/sharedWithMe/search?sharingStartDate=2026-13")).status).toBe(400);
    const [a, b] = ids as [string, string];
    const detail = (await api("GET", `/partnerCampaign/${a}`)).body;
    expect(detail).toMatchObject({ campaignId: a, status: "ACTIVE" });
    expect(detail).not.toHaveProperty("referenceId");
    expect(Object.keys((await api("GET", `/partnerCampaign/${a}/mnoMetadata`)).body).length).toBeGreaterThan(0);

    expect((await api("DELETE", `/partnerCampaign/${a}/sharing?explanation=x`)).body[0].field).toBe("rejectionCategory");
    const dec = await api("DELETE", `/partnerCampaign/${a}/sharing?explanation=Unclear&rejectionCategory=CALL_TO_ACTION&rejectionCategory=PRIVACY_POLICY`);
    expect(dec.body).toMatchObject({ sharingStatus: "DECLINED", rejectionCategory: ["CALL_TO_ACTION", "PRIVACY_POLICY"] });
    expect((await api("GET", `/partnerCampaign/${a}`)).status).toBe(404);

    expect((await api("GET", `/partnerCampaign/${b}/operationStatus`)).body).toEqual({});
    const up = (await api("PUT", `/partnerCampaign/${b}/sharing/SDCA001`)).body;
    expect(up).toMatchObject({ upstreamCnpId: "SDCA001", sharingStatus: "PENDING" });
    const sharing = (await api("GET", `/partnerCampaign/${b}/sharing`)).body;
    expect(sharing.sharedWithMe.sharingStatus).toBe("ACCEPTED");
    await sb.control.advance(DAY);
    expect((await api("GET", `/partnerCampaign/${b}/operationStatus`)).body["10017"]).toBe("REGISTERED");
    expect((await api("GET", "/partnerCampaign/sharedWithMe?sharingStatus=ACCEPTED")).body.totalRecords).toBe(1);
    expect((await api("GET", "/partnerCampaign/sharedWithMe?cnpMigration=true")).body.totalRecords).toBe(0);
  });
});
