import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileOrg } from "@/lib/mirror/reconcile";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter } from "@/lib/tcr/limiter";
import { receiveWebhook } from "@/lib/webhooks/intake";
import { processRegistryEvent } from "@/lib/webhooks/process";
import { registrySignature } from "@/lib/webhooks/signature";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "wh-key";
const SECRET = "wh-secret";
let t: TestDb;
let sandbox: Sandbox;
let receiver: http.Server;
let endpoint: string;
let org: Awaited<ReturnType<typeof makeOrg>>;
let client: TcrClient;
const clientFor = async () => client;

const privateProfit = (over: Record<string, unknown> = {}) => ({
  entityType: "PRIVATE_PROFIT" as const, displayName: "ABC Mobile", companyName: "ABC Inc.", ein: "111111111", einIssuingCountry: "US",
  phone: "+12024567890", street: "123 6th Ave", city: "New York", state: "NY", postalCode: "10001", country: "US",
  email: "johndoe@abc.com", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT" as const, ...over,
});

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false });
  org = await makeOrg(t.db);
  // A stand-in for the portal's route: the sandbox posts here, intake stores, the test processes.
  receiver = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      const r = await receiveWebhook(t.db, { orgKey: org.org.key, endpoint, rawBody: raw, signature: req.headers["x-registry-signature"] as string | null });
      res.writeHead(r.status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/tcr/${org.org.key}`;
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
  client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: KEY }, limiter: new InMemoryRateLimiter() });
  for (const eventCategory of ["BRAND", "CAMPAIGN", "VETTING", "CSP"] as const) await client.webhooks.subscribe({ eventCategory, webhookEndpoint: endpoint });
});
afterAll(async () => {
  receiver?.close();
  await sandbox?.close();
  await t?.close();
});

async function processAll() {
  const pending = await t.db.registryEvent.findMany({ where: { orgId: org.org.id, status: { in: ["RECEIVED", "FAILED"] } }, orderBy: { receivedAt: "asc" } });
  for (const e of pending) await processRegistryEvent(t.db, clientFor, e.id);
  return pending.length;
}

const signed = (body: unknown, secret = SECRET) => ({ rawBody: JSON.stringify(body), signature: registrySignature(secret, endpoint, body) });

describe("webhook intake", () => {
  it("stores a valid event, refuses a bad signature, and counts a duplicate without storing it twice", async () => {
    const body = { eventType: "CSP_ACTIVE", cspId: "S123456", description: "hello" };
    const first = await receiveWebhook(t.db, { orgKey: org.org.key, endpoint, ...signed(body) });
    expect(first).toMatchObject({ status: 200, duplicate: false });
    const again = await receiveWebhook(t.db, { orgKey: org.org.key, endpoint, rawBody: JSON.stringify({ description: "hello", cspId: "S123456", eventType: "CSP_ACTIVE" }), signature: signed(body).signature });
    expect(again).toMatchObject({ status: 200, duplicate: true });
    const rows = await t.db.registryEvent.findMany({ where: { orgId: org.org.id, eventType: "CSP_ACTIVE" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.deliveries).toBe(2);

    const forged = await receiveWebhook(t.db, { orgKey: org.org.key, endpoint, ...signed({ ...body, description: "x" }, "not-the-secret") });
    expect(forged.status).toBe(401);
    expect(await receiveWebhook(t.db, { orgKey: "no-such-org", endpoint, ...signed(body) })).toMatchObject({ status: 404 });
    expect(await receiveWebhook(t.db, { orgKey: org.org.key, endpoint, rawBody: "not json", signature: "x" })).toMatchObject({ status: 401 });
    expect(await t.db.registryEvent.count({ where: { orgId: org.org.id } })).toBe(1);
  });

  it("keeps unknown event types and fields, and marks them ignored rather than dropping them", async () => {
    const body = { eventType: "SOMETHING_NEW", futureField: { a: 1 } };
    const r = await receiveWebhook(t.db, { orgKey: org.org.key, endpoint, ...signed(body) });
    expect(r.status).toBe(200);
    await processAll();
    const row = await t.db.registryEvent.findFirstOrThrow({ where: { orgId: org.org.id, eventType: "SOMETHING_NEW" } });
    expect(row).toMatchObject({ status: "IGNORED", payload: body });
  });

  it("accepts a burst of 1,000 events", async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => receiveWebhook(t.db, { orgKey: org.org.key, endpoint, ...signed({ eventType: "MNO_COMPLAINT", description: `complaint ${i}` }) })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await t.db.registryEvent.count({ where: { orgId: org.org.id, eventType: "MNO_COMPLAINT" } })).toBe(1000);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe("the mirror follows the registry", () => {
  it("a new brand reaches VERIFIED through webhooks alone", async () => {
    const brand = await client.brands.create(privateProfit(), { idempotencyKey: "mirror-1" });
    await sandbox.control.flush();
    await processAll();
    const before = await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: brand.brandId } } });
    expect(before.identityStatus).not.toBe("VERIFIED");
    await sandbox.control.advance(2 * 60_000);
    expect(await processAll()).toBeGreaterThan(0);
    expect(await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: brand.brandId } } })).toMatchObject({ identityStatus: "VERIFIED", entityType: "PRIVATE_PROFIT" });
  });

  it("duplicated and reordered deliveries converge on the registry's state", async () => {
    sandbox.control.setWebhookChaos({ duplicateProbability: 1, reorder: true });
    const verified = await client.brands.create(privateProfit({ displayName: "Good Co" }), { idempotencyKey: "mirror-2" });
    const unverified = await client.brands.create(privateProfit({ displayName: "Bad Co", ein: "123450000" }), { idempotencyKey: "mirror-3" });
    await sandbox.control.advance(2 * 60_000);
    await processAll();
    sandbox.control.setWebhookChaos({ duplicateProbability: 0, reorder: false });
    const get = (brandId: string) => t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId } } });
    expect((await get(verified.brandId)).identityStatus).toBe("VERIFIED");
    expect((await get(unverified.brandId)).identityStatus).toBe("UNVERIFIED");
    const dupes = await t.db.registryEvent.findMany({ where: { orgId: org.org.id, brandId: verified.brandId } });
    expect(dupes.some((d) => d.deliveries > 1)).toBe(true);
  });

  it("an older answer never overwrites a newer one", async () => {
    const { upsertBrand } = await import("@/lib/mirror/upsert");
    const b = await client.brands.get((await t.db.brand.findFirstOrThrow({ where: { orgId: org.org.id, identityStatus: "VERIFIED" } })).brandId);
    const now = new Date();
    expect(await upsertBrand(t.db, org.org.id, { ...b, identityStatus: "UNVERIFIED" }, new Date(now.getTime() - 3_600_000))).toBe("stale");
    expect((await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: b.brandId } } })).identityStatus).toBe("VERIFIED");
  });
});

describe("reconciliation", () => {
  it("repairs a deliberately corrupted mirror and reaches VERIFIED with webhooks switched off", async () => {
    await client.webhooks.unsubscribe("BRAND");
    const quiet = await client.brands.create(privateProfit({ displayName: "Quiet Co" }), { idempotencyKey: "mirror-4" });
    await sandbox.control.advance(2 * 60_000);
    expect(await t.db.brand.findUnique({ where: { orgId_brandId: { orgId: org.org.id, brandId: quiet.brandId } } })).toBeNull();

    const victim = await t.db.brand.findFirstOrThrow({ where: { orgId: org.org.id, identityStatus: "VERIFIED" } });
    await t.db.brand.update({ where: { id: victim.id }, data: { identityStatus: "UNVERIFIED", displayName: "corrupted", confirmedAt: new Date(0) } });
    await t.db.brand.create({ data: { orgId: org.org.id, brandId: "BGHOST1", data: {}, confirmedAt: new Date(0) } });

    const report = await reconcileOrg(t.db, client, org.org.id);
    expect(report.brands.created).toBeGreaterThanOrEqual(1);
    expect(report.brands.updated).toBeGreaterThanOrEqual(1);
    expect(report.brands.deleted).toBe(1);
    expect(await t.db.brand.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ identityStatus: "VERIFIED" });
    expect(await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: quiet.brandId } } })).toMatchObject({ identityStatus: "VERIFIED" });
    expect((await t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: org.org.id, brandId: "BGHOST1" } } })).deletedAt).not.toBeNull();
    const second = await reconcileOrg(t.db, client, org.org.id);
    expect(second.brands.created + second.brands.updated + second.brands.deleted).toBe(0);
  });

  it("a deep reconciliation sweeps vetting records: a lost row comes back, a ghost row goes", async () => {
    const brand = await client.brands.create(privateProfit({ displayName: "Vetted Co" }), { idempotencyKey: "mirror-5" });
    await sandbox.control.advance(2 * 60_000);
    await client.brands.orderExternalVetting(brand.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: "mirror-5-vet" });
    await sandbox.control.advance(10 * 60_000);
    // The shallow 15-minute run leaves per-brand records alone.
    const shallow = await reconcileOrg(t.db, client, org.org.id);
    expect(shallow.vettings).toBeUndefined();
    await t.db.brandVetting.deleteMany({ where: { orgId: org.org.id, brandId: brand.brandId } });
    await t.db.brandVetting.create({ data: { orgId: org.org.id, brandId: brand.brandId, evpId: "GHOST", vettingClass: "STANDARD", data: {}, confirmedAt: new Date(0) } });

    const deep = await reconcileOrg(t.db, client, org.org.id, { deep: true });
    expect(deep.vettings).toMatchObject({ failed: 0 });
    expect(deep.vettings!.removed).toBeGreaterThanOrEqual(1);
    const rows = await t.db.brandVetting.findMany({ where: { orgId: org.org.id, brandId: brand.brandId } });
    expect(rows.map((r) => [r.evpId, r.vettingClass])).toEqual([["AEGIS", "STANDARD"]]);
  });
});
