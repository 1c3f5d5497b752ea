import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, DAY, startSandbox } from "../testing/helpers";

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

const ctl = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${sb.url}/_sandbox${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const types = () => sb.control.events().map((e) => e.eventType);

describe("incoming partner shares and migrations (control API)", () => {
  it("a partner added through the control API is listed and can be migrated to", async () => {
    const p = await ctl("POST", "/partners", { id: "SNEW001", displayName: "New Partner", cnpMigrationSupported: true });
    expect(p.status).toBe(201);
    expect((await api("GET", "/enum/cnp")).body).toMatchObject({ SNEW001: "New Partner" });
    expect((await ctl("POST", "/partners", { id: "SNEW001", displayName: "Again" })).status).toBe(400);
    await ctl("POST", "/partners", { id: "SNEWDCA", displayName: "New DCA", isDca: true, cnpMigrationSupported: false });
    expect((await api("GET", "/enum/dca?cnpMigrationSupported=false")).body).toEqual([{ id: "SNEWDCA", displayName: "New DCA" }]);

    const seeded = await ctl("POST", "/campaigns", { count: 2, upstreamCnpId: "SDCA001" });
    const [id] = seeded.body.campaignIds as string[];
    expect((await api("GET", `/campaign/${id}/sharing`)).body.sharedByMe).toMatchObject({ upstreamCnpId: "SDCA001", sharingStatus: "ACCEPTED" });
    await api("PUT", "/settings/cnpMigration", { migrationSupported: true, migrationAutoComplete: false });
    expect((await api("POST", `/campaign/${id}/migrateCnp/SNEW001`)).status).toBe(204);
    expect((await api("POST", `/campaign/${seeded.body.campaignIds[1]}/migrateCnp/SNEWDCA`)).body[0].description).toMatch(/unsupported migration partner/);
  });

  it("an ordinary share is listed without cnpMigration; a migration share only with it", async () => {
    await ctl("POST", "/partnerCampaigns", { count: 1 });
    const mig = await ctl("POST", "/partnerCampaigns", { count: 1, downstreamCnpId: "SCSPABC", cnpMigration: true });
    const migId = mig.body.campaignIds[0];
    const plain = (await api("GET", "/partnerCampaign/sharedWithMe/search")).body;
    expect(plain.records.map((r: { campaignId: string }) => r.campaignId)).not.toContain(migId);
    const migs = (await api("GET", "/partnerCampaign/sharedWithMe/search?cnpMigration=true")).body;
    expect(migs.records).toEqual([expect.objectContaining({ campaignId: migId, downstreamCnpId: "SCSPABC", sharingStatus: "PENDING", cnpMigration: true })]);
    const add = sb.control.events({ eventType: "CAMPAIGN_SHARE_ADD" }).find((e) => e.payload.campaignId === migId);
    expect(add?.payload).toMatchObject({ cnpMigration: true, previouslyAccepted: false });
    // We are a participant: we may read the transaction but not cancel it (R3).
    expect((await api("GET", `/campaign/${migId}/migrateCnp`)).body).toMatchObject({ campaignId: migId, status: "ACTIVE" });
    const cancel = await api("DELETE", `/campaign/${migId}/migrateCnp`);
    expect(cancel.body[0]).toMatchObject({ code: 500 });
    expect((await api("GET", `/partnerCampaign/${migId}/sharing?cnpMigration=true`)).body.sharedWithMe).toMatchObject({ downstreamCnpId: "SCSPABC", sharingStatus: "PENDING", cnpMigration: true });
  });

  it("accepting a migration share shares it on; the migration completes when that upstream accepts", async () => {
    const id = (await ctl("POST", "/partnerCampaigns", { count: 1, downstreamCnpId: "SCSPABC", cnpMigration: true })).body.campaignIds[0];
    const put = await api("PUT", `/partnerCampaign/${id}/sharing/SDCA001`);
    expect(put.body).toMatchObject({ upstreamCnpId: "SDCA001", sharingStatus: "PENDING", cnpMigration: true });
    expect((await api("GET", `/campaign/${id}/migrateCnp`)).body.status).toBe("ACTIVE");
    await sb.control.advance(DAY);
    expect((await api("GET", `/campaign/${id}/migrateCnp`)).body.status).toBe("COMPLETE");
    expect(types()).toContain("CNP_MIGRATION_COMPLETE");
    // Now an ordinary accepted partner campaign of ours.
    const sharing = (await api("GET", `/partnerCampaign/${id}/sharing`)).body;
    expect(sharing.sharedByMe).toMatchObject({ upstreamCnpId: "SDCA001", sharingStatus: "ACCEPTED" });
  });

  it("a CNP match (previously accepted, same upstream) completes at once", async () => {
    const id = (await ctl("POST", "/partnerCampaigns", { count: 1, downstreamCnpId: "SCSPABC", cnpMigration: true, previouslyAcceptedUpstreamCnpId: "SDCA001" })).body.campaignIds[0];
    expect(sb.control.events({ eventType: "CAMPAIGN_SHARE_ADD" }).at(-1)?.payload).toMatchObject({ previouslyAccepted: true });
    await api("PUT", `/partnerCampaign/${id}/sharing/SDCA001`);
    expect((await api("GET", `/campaign/${id}/migrateCnp`)).body.status).toBe("COMPLETE");
  });

  it("an open migration share is cancelled after 30 days (CNP_MIGRATION_CANCEL) and can no longer be accepted", async () => {
    const id = (await ctl("POST", "/partnerCampaigns", { count: 1, cnpMigration: true })).body.campaignIds[0];
    await sb.control.advance(29 * DAY);
    expect(types()).not.toContain("CNP_MIGRATION_CANCEL");
    await sb.control.advance(DAY);
    expect(sb.control.events({ eventType: "CNP_MIGRATION_CANCEL" }).map((e) => e.payload.campaignId)).toEqual([id]);
    expect((await api("GET", `/campaign/${id}/migrateCnp`)).body).toMatchObject({ status: "CANCELED", cancellationReason: "expired" });
    expect((await api("GET", "/partnerCampaign/sharedWithMe/search?cnpMigration=true")).body.records).toEqual([]);
  });

  it("declining removes the request; the transaction stays open for its initiator (Q11)", async () => {
    const id = (await ctl("POST", "/partnerCampaigns", { count: 1, cnpMigration: true })).body.campaignIds[0];
    const d = await api("DELETE", `/partnerCampaign/${id}/sharing?explanation=no&rejectionCategory=OTHER`);
    expect(d.body).toMatchObject({ sharingStatus: "DECLINED", cnpMigration: true });
    expect((await api("GET", `/partnerCampaign/${id}`)).status).toBe(404);
    const m = Object.values(sb.store.data.migrations).find((x) => x.campaignId === id);
    expect(m).toMatchObject({ status: "ACTIVE", hop: { sharingStatus: "DECLINED", rejectionCategory: ["OTHER"] } });
  });

  it("the downstream initiator can cancel; then the share can no longer be accepted", async () => {
    const id = (await ctl("POST", "/partnerCampaigns", { count: 1, cnpMigration: true })).body.campaignIds[0];
    expect((await ctl("DELETE", `/partnerCampaigns/${id}/migration?reason=changed%20plans`)).status).toBe(204);
    expect((await api("GET", `/campaign/${id}/migrateCnp`)).body).toMatchObject({ status: "CANCELED", cancellationReason: "changed plans" });
    expect((await api("PUT", `/partnerCampaign/${id}/sharing/SDCA001`)).body[0].code).toBe(902);
    expect((await ctl("DELETE", `/partnerCampaigns/${id}/migration`)).status).toBe(400);
  });
});
