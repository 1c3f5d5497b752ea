import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelMigration, dryRun, updateCnpSettings } from "@/lib/migrations/commands";
import { migrationDetail } from "@/lib/migrations/detail";
import { listIncoming, listOutgoing } from "@/lib/migrations/queries";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter } from "@/lib/tcr/limiter";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "dash-key";
const SECRET = "dash-secret";
let t: TestDb;
let sandbox: Sandbox;
let client: TcrClient;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestDb();
  // Registry time = wall time, so "days left" reads as it would against the real registry.
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, startAt: Date.now() });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
  client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: KEY }, limiter: new InMemoryRateLimiter() });
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

describe("migration dashboard reads and single actions", () => {
  let campaignIds: string[];
  let brandId: string;

  it("updates the account's CNP migration settings at the registry and audits before/after", async () => {
    expect(await updateCnpSettings(t.db, org.ctx, { migrationSupported: true, migrationAutoComplete: false })).toEqual({ migrationSupported: true, migrationAutoComplete: false });
    expect(await client.settings.getCnpMigration()).toMatchObject({ migrationSupported: true, migrationAutoComplete: false });
    const a = await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.org.id, action: "migration.settings.update" } });
    expect(a.detail).toMatchObject({ after: { migrationSupported: true, migrationAutoComplete: false } });
  });

  it("filters our campaigns by DCA, carrier status and eligibility, agreeing with the dry run", async () => {
    ({ campaignIds, brandId } = sandbox.control.seedSharedCampaigns({ count: 6, upstreamCnpId: "SDCA001", brandName: "Dashboard Brand" }));
    await client.campaigns.deactivate(campaignIds[0]!);
    await client.cnpMigration.initiate(campaignIds[1]!, "SCNP001");
    await reconcileOrg(t.db, client, org.org.id);

    const eligible = await listOutgoing(t.db, org.org.id, { brandId, eligibility: "eligible" }, 1);
    const ineligible = await listOutgoing(t.db, org.org.id, { brandId, eligibility: "ineligible" }, 1);
    expect(eligible.total + ineligible.total).toBe((await listOutgoing(t.db, org.org.id, { brandId }, 1)).total);
    expect(ineligible.rows.map((r) => r.campaignId)).toEqual(expect.arrayContaining([campaignIds[1]]));
    expect(eligible.rows.map((r) => r.campaignId)).toEqual(expect.arrayContaining(campaignIds.slice(2)));
    // The campaign-level filter never lets through what the dry run refuses for campaign reasons.
    const dry = await dryRun(t.db, org.ctx, { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId, eligibility: "eligible" } } });
    expect(dry).toMatchObject({ total: eligible.total, eligible: eligible.total });
    const dryAll = await dryRun(t.db, org.ctx, { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId, eligibility: "ineligible" } } });
    expect(dryAll.eligible).toBe(0);

    expect((await listOutgoing(t.db, org.org.id, { brandId, dca: "SDCA001" }, 1)).total).toBeGreaterThanOrEqual(5);
    expect((await listOutgoing(t.db, org.org.id, { brandId, dca: "SDCA002" }, 1)).total).toBe(0);
    expect((await listOutgoing(t.db, org.org.id, { brandId, carrier: "SUSPENDED" }, 1)).total).toBe(0);
    const op = await t.db.campaignOperation.findFirst({ where: { campaign: { orgId: org.org.id, campaignId: campaignIds[2]! } } });
    expect(op).toBeTruthy();
    expect((await listOutgoing(t.db, org.org.id, { brandId, carrier: op!.status as "REGISTERED" }, 1)).rows.map((r) => r.campaignId)).toContain(campaignIds[2]);
  });

  it("shows an open migration with its provisional chain, expiry and per-carrier rule, then cancels it once", async () => {
    const id = campaignIds[1]!;
    const d = await migrationDetail(t.db, org.org.id, id, [{ id: "SCNP001", isDca: false }]);
    expect(d).toMatchObject({ direction: "OUTGOING", migration: { label: "Open", targetCnpId: "SCNP001", initiatedByUs: true }, cancel: { eligible: true } });
    expect(d.migration!.daysLeft).toBeGreaterThanOrEqual(29);
    expect(d.pre[0]).toMatchObject({ from: "You", to: "SDCA001", sharingStatus: "ACCEPTED" });
    expect(d.provisional?.[0]).toMatchObject({ from: "You", to: "SCNP001", sharingStatus: "PENDING" });
    expect(d.rule.every((r) => r.state === "WAITING")).toBe(true);

    await cancelMigration(t.db, org.ctx, { campaignId: id, explanation: "changed plans" });
    expect(await client.cnpMigration.get(id)).toMatchObject({ status: "CANCELED", cancellationReason: "changed plans" });
    const after = await migrationDetail(t.db, org.org.id, id);
    expect(after.migration).toMatchObject({ label: "Canceled", cancellationReason: "changed plans", daysLeft: null });
    expect(after.events.map((e) => e.eventType)).toContain("migration.cancel");
    await expect(cancelMigration(t.db, org.ctx, { campaignId: id, explanation: "" })).rejects.toThrow(/No open migration/);
    // Another organization's campaign is not found.
    const other = await makeOrg(t.db);
    await expect(migrationDetail(t.db, other.org.id, id)).rejects.toThrow(/not found/i);
  });

  it("lists incoming migration shares with their transaction and days left", async () => {
    const ids = sandbox.control.receivePartnerShares(2, { downstreamCnpId: "SCSPDSH", cnpMigration: true });
    sandbox.control.receivePartnerShares(1, { downstreamCnpId: "SCSPDSH" });
    await reconcileOrg(t.db, client, org.org.id);
    const mig = await listIncoming(t.db, org.org.id, { downstreamCnpId: "SCSPDSH", migrationShare: "yes" }, 1);
    expect(mig.rows.map((r) => r.campaignId).sort()).toEqual([...ids].sort());
    expect(mig.rows[0]).toMatchObject({ cnpMigration: true, sharingStatus: "PENDING", migrationStatus: "Open" });
    expect(mig.rows[0]!.daysLeft).toBeGreaterThanOrEqual(29);
    // Carrier terms of requests waiting for us are read during reconciliation.
    expect(mig.rows[0]!.carriers.length).toBeGreaterThan(0);
    expect((await listIncoming(t.db, org.org.id, { downstreamCnpId: "SCSPDSH", migrationShare: "no" }, 1)).total).toBe(1);
    const d = await migrationDetail(t.db, org.org.id, ids[0]!);
    expect(d).toMatchObject({ direction: "INCOMING", migration: { label: "Open", initiatedByUs: false }, cancel: { eligible: false } });
  });
});
