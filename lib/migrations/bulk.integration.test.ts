import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBulkJob, requestCancel, retryFailed, runBulkJob } from "@/lib/migrations/bulk";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "bulk-key";
let t: TestDb;
let sandbox: Sandbox;
let client: TcrClient;
let org: Awaited<ReturnType<typeof makeOrg>>;
/** Every write the client sent, as "METHOD path". */
const writes: string[] = [];
const fast = { retryDelayMs: 1, sleep: async () => {} };

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: "s", rateLimits: false });
  org = await makeOrg(t.db);
  const counting: typeof fetch = async (input, init) => {
    const method = init?.method ?? "GET";
    if (method !== "GET") writes.push(`${method} ${new URL(String(input)).pathname.replace(/^\/v2/, "")}`);
    return fetch(input, init);
  };
  client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: KEY }, fetch: counting });
  await client.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: false });
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

const actor = () => ({ id: org.owner.id, email: org.owner.email });
const ctx = () => ({ orgId: org.org.id, actor: actor() });
const items = (jobId: string) => t.db.bulkJobItem.findMany({ where: { jobId }, orderBy: { campaignId: "asc" } });
const initiations = (id: string) => writes.filter((w) => w === `POST /campaign/${id}/migrateCnp/SCNP002`).length;

describe("bulk migrate", () => {
  it("migrates 200 campaigns chosen by filter: ineligible rows skipped with their reason, 5xx faults retried, nothing sent twice", async () => {
    const { campaignIds, brandId } = sandbox.control.seedSharedCampaigns({ count: 200, upstreamCnpId: "SDCA001", brandName: "Bulk Filter Brand" });
    // Ineligible: 3 deactivated, 2 with an open migration, 1 already on the target.
    for (const id of campaignIds.slice(0, 3)) await client.campaigns.deactivate(id);
    for (const id of campaignIds.slice(3, 5)) await client.cnpMigration.initiate(id, "SCNP001");
    const onTarget = sandbox.control.seedSharedCampaigns({ count: 1, upstreamCnpId: "SCNP002" }).campaignIds[0]!;
    const report = await reconcileOrg(t.db, client, org.org.id);
    expect(report.sharing.updated).toBeGreaterThanOrEqual(200);
    expect(report.migrations.created).toBe(2);
    // One injected 503 on each of four campaigns (before the registry applies anything).
    const faulted = campaignIds.slice(10, 14);
    for (const id of faulted) sandbox.control.addFault({ kind: "status", status: 503, method: "POST", path: `/campaign/${id}/migrateCnp/*`, times: 1 });
    writes.length = 0;

    const { jobId, total } = await createBulkJob(t.db, ctx(), { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId } }, confirmCount: 200 });
    expect(total).toBe(200);
    const done = await runBulkJob(t.db, client, jobId, fast);
    expect(done).toMatchObject({ status: "COMPLETED", total: 200, succeeded: 195, skipped: 5, failed: 0 });

    const rows = await items(jobId);
    const byId = new Map(rows.map((r) => [r.campaignId, r]));
    for (const id of campaignIds.slice(0, 3)) expect(byId.get(id)).toMatchObject({ state: "SKIPPED", reason: expect.stringMatching(/deactivated|expired|not ACTIVE/i) });
    for (const id of campaignIds.slice(3, 5)) expect(byId.get(id)).toMatchObject({ state: "SKIPPED", reason: expect.stringMatching(/already open/) });
    for (const id of faulted) expect(byId.get(id)).toMatchObject({ state: "SUCCEEDED", attempts: 1 });
    // Every eligible campaign reached the registry exactly once (the faulted ones: the refused attempt + one more).
    for (const id of campaignIds.slice(5)) expect(initiations(id)).toBe(faulted.includes(id) ? 2 : 1);
    expect(writes.filter((w) => w.includes("migrateCnp")).length).toBe(195 + faulted.length);
    // The job's counters equal its items' states.
    expect(rows.filter((r) => r.state === "SUCCEEDED")).toHaveLength(done.succeeded);
    // The mirror shows the open migrations at once, the audit has one row per item and one per job event.
    expect(await t.db.cnpMigration.count({ where: { orgId: org.org.id, direction: "OUTGOING", status: "ACTIVE", targetCnpId: "SCNP002" } })).toBe(195);
    // ...with the registry's 30-day expiry read back, so "days left" shows before any webhook arrives.
    const sample = await t.db.cnpMigration.findFirstOrThrow({ where: { orgId: org.org.id, campaignId: campaignIds[20]!, direction: "OUTGOING" } });
    expect((sample.data as { expirationDate?: string }).expirationDate).toBe((await client.cnpMigration.get(campaignIds[20]!)).expirationDate);
    expect((sample.data as { expirationDate?: string }).expirationDate).toBeTruthy();
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "bulk.item.migrate" } })).toBe(200);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, targetId: jobId, action: { in: ["bulk.create", "bulk.finish"] } } })).toBe(2);
    expect(onTarget).toBeTruthy();
  }, 120_000);

  it("resumes after a crash: an item whose call already reached the registry is SUCCEEDED without a second call", async () => {
    const { campaignIds, brandId } = sandbox.control.seedSharedCampaigns({ count: 6, brandName: "Crash Brand" });
    await reconcileOrg(t.db, client, org.org.id);
    const { jobId } = await createBulkJob(t.db, ctx(), { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId } } });
    writes.length = 0;
    let n = 0;
    // The worker "dies" right after the third registry call returned, before it could record the outcome.
    await expect(runBulkJob(t.db, client, jobId, { ...fast, afterCall: () => { if (++n === 3) throw new Error("worker killed"); } })).rejects.toThrow("worker killed");
    const mid = await items(jobId);
    expect(mid.filter((i) => i.state === "RUNNING")).toHaveLength(1);
    expect(mid.filter((i) => i.state === "SUCCEEDED")).toHaveLength(2);

    const done = await runBulkJob(t.db, client, jobId, fast);
    expect(done).toMatchObject({ status: "COMPLETED", succeeded: 6, failed: 0, skipped: 0 });
    for (const id of campaignIds) expect(initiations(id)).toBe(1);
    const resumed = (await items(jobId)).find((i) => i.campaignId === mid.find((m) => m.state === "RUNNING")!.campaignId)!;
    expect(resumed.result).toMatchObject({ verified: true });
  });

  it("cancel stops before the next item; the rest end SKIPPED", async () => {
    const { brandId } = sandbox.control.seedSharedCampaigns({ count: 10, brandName: "Cancel Brand" });
    await reconcileOrg(t.db, client, org.org.id);
    const { jobId } = await createBulkJob(t.db, ctx(), { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId } } });
    let n = 0;
    const done = await runBulkJob(t.db, client, jobId, { ...fast, afterCall: async () => { if (++n === 4) await requestCancel(t.db, ctx(), jobId); } });
    expect(done).toMatchObject({ status: "CANCELLED", succeeded: 4, skipped: 6, failed: 0 });
    expect((await items(jobId)).filter((i) => i.reason === "Cancelled by the user before it ran")).toHaveLength(6);
    await expect(requestCancel(t.db, ctx(), jobId)).rejects.toThrow(/already finished/);
  });


  it("a runner that lost the job's lease stops before its next item and leaves the rest to its successor", async () => {
    const { brandId } = sandbox.control.seedSharedCampaigns({ count: 6, brandName: "Lease Brand" });
    await reconcileOrg(t.db, client, org.org.id);
    const { jobId } = await createBulkJob(t.db, ctx(), { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId } } });
    let calls = 0;
    const first = await runBulkJob(t.db, client, jobId, { ...fast, afterCall: () => void calls++, shouldStop: () => calls >= 2 });
    expect(first).toMatchObject({ status: "RUNNING", succeeded: 2, more: false });
    expect((await items(jobId)).filter((i) => i.state === "PENDING")).toHaveLength(4);
    const second = await runBulkJob(t.db, client, jobId, fast);
    expect(second).toMatchObject({ status: "COMPLETED", succeeded: 6, failed: 0 });
    for (const i of await items(jobId)) expect(initiations(i.campaignId)).toBe(1);
  });
  it("a refusal fails the item with the registry's error; retry failed re-runs only those items", async () => {
    const { campaignIds } = sandbox.control.seedSharedCampaigns({ count: 5, brandName: "Retry Brand" });
    await reconcileOrg(t.db, client, org.org.id);
    const broken = campaignIds[1]!;
    // A persistent 5xx on one campaign: retried, then FAILED with the registry's error.
    const fault = sandbox.control.addFault({ kind: "status", status: 500, method: "POST", path: `/campaign/${broken}/migrateCnp/*` });
    const { jobId } = await createBulkJob(t.db, ctx(), { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { campaignIds } });
    const first = await runBulkJob(t.db, client, jobId, { ...fast, maxAttempts: 3 });
    expect(first).toMatchObject({ status: "COMPLETED", succeeded: 4, failed: 1 });
    const failed = (await items(jobId)).find((i) => i.state === "FAILED")!;
    expect(failed).toMatchObject({ campaignId: broken, error: expect.stringMatching(/HTTP 500.*590.*after 3 attempts/) });
    sandbox.control.removeFault(fault.id);
    writes.length = 0;
    expect(await retryFailed(t.db, ctx(), jobId)).toBe(1);
    const second = await runBulkJob(t.db, client, jobId, fast);
    expect(second).toMatchObject({ status: "COMPLETED", succeeded: 5, failed: 0 });
    expect(writes).toEqual([`POST /campaign/${broken}/migrateCnp/SCNP002`]);
    await expect(retryFailed(t.db, ctx(), jobId)).rejects.toThrow(/No failed items/);
  });

  it("cancel migration in bulk: only open ones we initiated", async () => {
    const { campaignIds, brandId } = sandbox.control.seedSharedCampaigns({ count: 4, brandName: "Undo Brand" });
    for (const id of campaignIds.slice(0, 3)) await client.cnpMigration.initiate(id, "SCNP001");
    await reconcileOrg(t.db, client, org.org.id);
    const { jobId } = await createBulkJob(t.db, ctx(), { params: { kind: "CANCEL_MIGRATION", explanation: "switching plans" }, selection: { outgoing: { brandId } } });
    const done = await runBulkJob(t.db, client, jobId, fast);
    expect(done).toMatchObject({ succeeded: 3, skipped: 1, failed: 0 });
    for (const id of campaignIds.slice(0, 3)) expect(await client.cnpMigration.get(id)).toMatchObject({ status: "CANCELED", cancellationReason: "switching plans" });
  });

  it("asks for the count to be typed above 100 campaigns, and refuses an empty selection", async () => {
    await expect(createBulkJob(t.db, ctx(), { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: {} } })).rejects.toThrow(/Some fields/);
    await expect(createBulkJob(t.db, ctx(), { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId: "BNOSUCH" } } })).rejects.toThrow();
  });
});

describe("incoming: bulk elect and decline", () => {
  it("elects migration shares to a DCA and declines others with a category and explanation", async () => {
    const toElect = sandbox.control.receivePartnerShares(3, { downstreamCnpId: "SCSPELE", cnpMigration: true });
    const toDecline = sandbox.control.receivePartnerShares(3, { downstreamCnpId: "SCSPDEC" });
    await reconcileOrg(t.db, client, org.org.id);
    expect(await t.db.partnerCampaign.count({ where: { orgId: org.org.id, campaignId: { in: toElect }, cnpMigration: true, sharingStatus: "PENDING" } })).toBe(3);

    const elect = await createBulkJob(t.db, ctx(), { params: { kind: "ELECT", upstreamCnpId: "SDCA001" }, selection: { incoming: { downstreamCnpId: "SCSPELE" } } });
    expect(await runBulkJob(t.db, client, elect.jobId, fast)).toMatchObject({ succeeded: 3, failed: 0 });
    await sandbox.control.advance(24 * 3_600_000);
    for (const id of toElect) expect(await client.cnpMigration.get(id)).toMatchObject({ status: "COMPLETE" });

    const decline = await createBulkJob(t.db, ctx(), {
      params: { kind: "DECLINE", rejectionCategory: ["SAMPLE_MESSAGE"], explanation: "Samples do not match the use case" },
      selection: { incoming: { downstreamCnpId: "SCSPDEC" } },
    });
    expect(await runBulkJob(t.db, client, decline.jobId, fast)).toMatchObject({ succeeded: 3, failed: 0 });
    for (const id of toDecline) await expect(client.partnerCampaigns.get(id)).rejects.toMatchObject({ status: 404 });
    // Electing the declined ones now: skipped, not sent.
    const again = await createBulkJob(t.db, ctx(), { params: { kind: "ELECT", upstreamCnpId: "SDCA001" }, selection: { campaignIds: toDecline } });
    expect(await runBulkJob(t.db, client, again.jobId, fast)).toMatchObject({ succeeded: 0, skipped: 3 });
  });
});
