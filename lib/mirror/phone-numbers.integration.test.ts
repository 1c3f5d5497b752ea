import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshCampaignPhoneNumbers } from "@/lib/mirror/phone-numbers";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter } from "@/lib/tcr/limiter";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { brandBody, campaignBody, MIN } from "@/sandbox/testing/helpers";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let sandbox: Sandbox;
let client: TcrClient;

async function activeCampaign(): Promise<string> {
  const api = (path: string, body: unknown) =>
    fetch(`${sandbox.apiUrl}${path}`, { method: "POST", headers: { authorization: "Bearer k", "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());
  const b = await api("/brand/nonBlocking", brandBody("PRIVATE_PROFIT"));
  await sandbox.control.advance(2 * MIN);
  const c = await api("/campaignBuilder", campaignBody(b.brandId));
  return c.campaignId as string;
}

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: "k", apiSecret: "s", rateLimits: false });
  client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: "k" }, limiter: new InMemoryRateLimiter() });
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

describe("phone-number mirror", () => {
  it("mirrors current numbers, keeps deprovisioned ones as PREVIOUS, and drops what the registry no longer reports", async () => {
    const { org } = await makeOrg(t.db);
    const { org: other } = await makeOrg(t.db);
    const campaignId = await activeCampaign();
    const numbers = sandbox.control.provisionNumbers(campaignId, 3);

    expect(await refreshCampaignPhoneNumbers(t.db, client, org.id, campaignId)).toEqual({ current: 3, previous: 0, removed: 0 });
    const rows = await t.db.campaignPhoneNumber.findMany({ where: { orgId: org.id, campaignId }, orderBy: { phoneNumber: "asc" } });
    expect(rows.map((r) => [r.phoneNumber, r.status])).toEqual([...numbers].sort().map((n) => [n, "CURRENT"]));
    expect(await t.db.campaignPhoneNumber.count({ where: { orgId: other.id } })).toBe(0);

    // A number the mirror holds but the registry never reported (a stale or corrupted row) is removed.
    await t.db.campaignPhoneNumber.create({ data: { orgId: org.id, campaignId, phoneNumber: "+12025550199", status: "CURRENT", data: {}, confirmedAt: new Date(0) } });
    // Deactivation moves the campaign's numbers to "previous" in nnSR.
    const del = await fetch(`${sandbox.apiUrl}/campaign/${campaignId}`, { method: "DELETE", headers: { authorization: "Bearer k" } });
    expect(del.ok).toBe(true);
    expect(await refreshCampaignPhoneNumbers(t.db, client, org.id, campaignId)).toEqual({ current: 0, previous: 3, removed: 1 });
    const after = await t.db.campaignPhoneNumber.findMany({ where: { orgId: org.id, campaignId } });
    expect(after.map((r) => r.status)).toEqual(["PREVIOUS", "PREVIOUS", "PREVIOUS"]);
    expect(after.some((r) => r.phoneNumber === "+12025550199")).toBe(false);
  });
});
