import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createdCampaign, DAY, expectTcrError, startHarness, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-migration");
});
afterAll(() => h.sb.close());

/** A campaign with an accepted chain (shared to SDCA001 and accepted), as migrations require. */
async function sharedCampaign(): Promise<string> {
  const { campaignId } = await createdCampaign(h);
  await h.tcr.campaigns.share(campaignId, "SDCA001");
  await h.sb.control.advance(DAY);
  return campaignId;
}

describe("CNP migration: client ↔ sandbox", () => {
  it("initiate (592 while the setting is off) → get ACTIVE → COMPLETE after the partner accepts", async () => {
    const id = await sharedCampaign();
    await expectTcrError(h.tcr.cnpMigration.initiate(id, "SCNP001"), 592);
    await h.tcr.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: false });
    await expectTcrError(h.tcr.cnpMigration.get(id), 502, 404);
    await expectTcrError(h.tcr.cnpMigration.initiate(id, "SNOPE99"), 501, 400);
    await h.tcr.cnpMigration.initiate(id, "SCNP001");
    expect(await h.tcr.cnpMigration.get(id)).toMatchObject({ campaignId: id, status: "ACTIVE" });
    expect((await h.tcr.campaigns.getSharing(id, { cnpMigration: true })).sharedByMe).toMatchObject({ upstreamCnpId: "SCNP001", sharingStatus: "PENDING" });
    await h.sb.control.advance(DAY);
    expect((await h.tcr.cnpMigration.get(id)).status).toBe("COMPLETE");
    await expectTcrError(h.tcr.cnpMigration.cancel(id), 592);
  });

  it("cancel with an explanation → CANCELED with the reason; the live chain is untouched", async () => {
    await h.tcr.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: false });
    const id = await sharedCampaign();
    await h.tcr.cnpMigration.initiate(id, "SCNP002");
    await h.tcr.cnpMigration.cancel(id, { explanation: "Changed our mind" });
    expect(await h.tcr.cnpMigration.get(id)).toMatchObject({ status: "CANCELED", cancellationReason: "Changed our mind" });
    await h.sb.control.advance(DAY);
    expect((await h.tcr.campaigns.getSharing(id)).sharedByMe?.upstreamCnpId).toBe("SDCA001");
  });
});
