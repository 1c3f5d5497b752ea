import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-settings");
});
afterAll(() => h.sb.close());

describe("settings: client ↔ sandbox", () => {
  it("settings.getProfile → updateProfile changes the contact emails (seen on get)", async () => {
    const p = await h.tcr.settings.getProfile();
    expect(p.cspId).toMatch(/^S/);
    await h.tcr.settings.updateProfile({ escalateEmail: "support@campaignregistry.com", financeEmail: "pay@csp.example" });
    expect(await h.tcr.settings.getProfile()).toMatchObject({ escalateEmail: "support@campaignregistry.com", financeEmail: "pay@csp.example" });
  });

  it("settings.getCnpMigration → updateCnpMigration", async () => {
    expect(await h.tcr.settings.getCnpMigration()).toEqual({ migrationSupported: false, migrationAutoComplete: false });
    expect(await h.tcr.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: true })).toEqual({ migrationSupported: true, migrationAutoComplete: true });
    expect((await h.tcr.settings.getCnpMigration()).migrationSupported).toBe(true);
  });
});
