import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, campaignBody, DAY, MIN, startSandbox } from "../testing/helpers";

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

/** A campaign whose chain to SDCA001 is accepted. */
async function sharedCampaign(): Promise<string> {
  const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
  await sb.control.advance(2 * MIN);
  const { campaignId } = (await api("POST", "/campaignBuilder", campaignBody(b.brandId))).body;
  await api("PUT", `/campaign/${campaignId}/sharing/SDCA001`);
  await sb.control.advance(DAY);
  return campaignId as string;
}

describe("CNP migration", () => {
  it("checks eligibility, opens a transaction, completes it when the target accepts", async () => {
    const id = await sharedCampaign();
    expect((await api("POST", `/campaign/${id}/migrateCnp/SCNP001`)).body[0].code).toBe(592); // settings off
    await api("PUT", "/settings/cnpMigration", { migrationSupported: true, migrationAutoComplete: false });
    expect((await api("POST", `/campaign/${id}/migrateCnp/SDCA001`)).body[0].description).toMatch(/already the campaign's upstream/);
    expect((await api("POST", `/campaign/${id}/migrateCnp/SCNP003`)).body[0].description).toMatch(/unsupported migration partner/);
    expect((await api("POST", `/campaign/${id}/migrateCnp/SNOPE99`)).body[0].code).toBe(501);
    expect((await api("GET", `/campaign/${id}/migrateCnp`)).body[0].code).toBe(502);
    expect((await api("POST", `/campaign/${id}/migrateCnp/SCNP001`)).status).toBe(204);
    expect((await api("POST", `/campaign/${id}/migrateCnp/SCNP002`)).body[0].description).toMatch(/already open/);
    const open = (await api("GET", `/campaign/${id}/migrateCnp`)).body;
    expect(open).toMatchObject({ campaignId: id, status: "ACTIVE", cancellationReason: null });
    expect(Date.parse(open.expirationDate) - Date.parse(open.createDate)).toBe(30 * DAY);
    expect((await api("GET", `/campaign/${id}/sharing?cnpMigration=true`)).body.sharedByMe).toMatchObject({ upstreamCnpId: "SCNP001", sharingStatus: "PENDING", cnpMigration: true });
    expect((await api("GET", "/partnerCampaign/sharedByMe?cnpMigration=true")).body.totalRecords).toBe(1);
    expect((await api("PUT", `/campaign/${id}/sharing/SCNP002`)).body[0].code).toBe(902);
    await sb.control.advance(DAY);
    expect((await api("GET", `/campaign/${id}/migrateCnp`)).body.status).toBe("COMPLETE");
    expect((await api("GET", `/campaign/${id}/sharing`)).body.sharedByMe).toMatchObject({ upstreamCnpId: "SCNP001", sharingStatus: "ACCEPTED", cnpMigration: false });
    const ev = sb.control.events({}).map((e) => e.eventType).filter((t) => t.startsWith("CNP_") || t === "CAMPAIGN_SHARE_ACCEPT");
    expect(ev.slice(-2)).toEqual(["CAMPAIGN_SHARE_ACCEPT", "CNP_MIGRATION_COMPLETE"]);
    expect((await api("DELETE", `/campaign/${id}/migrateCnp`)).body[0].code).toBe(592); // completed cannot be cancelled
  });

  it("is cancelled by the initiator, after 30 days, or when the campaign is deactivated", async () => {
    await api("PUT", "/settings/cnpMigration", { migrationSupported: true, migrationAutoComplete: false });
    const a = await sharedCampaign();
    await api("POST", `/campaign/${a}/migrateCnp/SCNP002`);
    expect((await api("DELETE", `/campaign/${a}/migrateCnp?explanation=Changed%20our%20mind`)).status).toBe(204);
    expect((await api("GET", `/campaign/${a}/migrateCnp`)).body).toMatchObject({ status: "CANCELED", cancellationReason: "Changed our mind" });
    await sb.control.advance(DAY);
    expect((await api("GET", `/campaign/${a}/sharing`)).body.sharedByMe.upstreamCnpId).toBe("SDCA001"); // live chain untouched

    // A target that declines leaves the transaction open until it expires.
    await api("PUT", `/campaign/${a}`, { description: "Please DECLINE: account alerts for ABC Mobile customers." });
    await api("POST", `/campaign/${a}/migrateCnp/SCNP002`);
    await sb.control.advance(DAY);
    expect((await api("GET", `/campaign/${a}/sharing?cnpMigration=true`)).body.sharedByMe.sharingStatus).toBe("DECLINED");
    await sb.control.advance(30 * DAY);
    expect((await api("GET", `/campaign/${a}/migrateCnp`)).body).toMatchObject({ status: "CANCELED", cancellationReason: "expired" });

    await api("PUT", `/campaign/${a}`, { description: "Account alerts for ABC Mobile customers about billing and service changes." });
    await api("POST", `/campaign/${a}/migrateCnp/SCNP001`);
    await api("DELETE", `/campaign/${a}`);
    expect((await api("GET", `/campaign/${a}/migrateCnp`)).body).toMatchObject({ status: "CANCELED", cancellationReason: "campaign deactivated" });
    expect((await api("POST", `/campaign/${a}/migrateCnp/SCNP002`)).body[0].code).toBe(518);
    expect(sb.control.events({ eventType: "CNP_MIGRATION_CANCEL" })).toHaveLength(3);
  });
});
