import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshBrandFromRegistry } from "@/lib/brands/commands";
import { NotFoundError } from "@/lib/errors";
import { upsertBrand } from "@/lib/mirror/upsert";
import { RegistryNotConfiguredError } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter } from "@/lib/tcr/limiter";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "refresh-key";
const SECRET = "refresh-secret";
let t: TestDb;
let sandbox: Sandbox;
let client: TcrClient;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;

const privateProfit = (displayName: string) => ({
  entityType: "PRIVATE_PROFIT" as const, displayName, companyName: `${displayName} Inc.`, ein: "111111111", einIssuingCountry: "US",
  phone: "+12024567890", street: "123 6th Ave", city: "New York", state: "NY", postalCode: "10001", country: "US",
  email: "johndoe@abc.com", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT" as const,
});

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false });
  org = await makeOrg(t.db);
  other = await makeOrg(t.db);
  // The command uses the organization's saved connection, exactly as the server action does.
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
  client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: KEY }, limiter: new InMemoryRateLimiter() });
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

const mirrored = (orgId: string, brandId: string) => t.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId, brandId } } });

describe("refreshBrandFromRegistry", () => {
  it("brings the mirror up to the registry's state and audits it as brand.refresh", async () => {
    const created = await client.brands.create(privateProfit("Refresh Co"), { idempotencyKey: "refresh-1" });
    // The mirror holds the answer from creation time; no webhooks are subscribed, so only a refresh updates it.
    await upsertBrand(t.db, org.org.id, created, new Date(Date.now() - 1000));
    expect((await mirrored(org.org.id, created.brandId)).identityStatus).not.toBe("VERIFIED");
    await sandbox.control.advance(2 * 60_000);

    const r = await refreshBrandFromRegistry(t.db, org.ctx, { brandId: created.brandId });
    expect(r).toEqual({ brandId: created.brandId, outcome: "updated" });
    const row = await mirrored(org.org.id, created.brandId);
    expect(row.identityStatus).toBe("VERIFIED");
    expect((row.data as Record<string, unknown>).identityStatus).toBe("VERIFIED");

    const audits = await t.db.auditLog.findMany({ where: { orgId: org.org.id, action: "brand.refresh" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: org.owner.id, targetType: "brand", targetId: created.brandId, outcome: "SUCCESS", detail: { result: "updated" } });

    expect(await refreshBrandFromRegistry(t.db, org.ctx, { brandId: created.brandId })).toMatchObject({ outcome: "unchanged" });
  });

  it("records the registry's DELETED status after the brand is deleted there", async () => {
    const created = await client.brands.create(privateProfit("Short Lived"), { idempotencyKey: "refresh-2" });
    await upsertBrand(t.db, org.org.id, created, new Date(Date.now() - 1000));
    await client.brands.delete(created.brandId);
    // The registry keeps answering for a deleted brand, with status DELETED.
    expect(await refreshBrandFromRegistry(t.db, org.ctx, { brandId: created.brandId })).toMatchObject({ outcome: "updated" });
    expect((await mirrored(org.org.id, created.brandId)).status).toBe("DELETED");
  });

  it("refuses a brand this organization does not mirror, without calling the registry or auditing a success", async () => {
    const brand = await t.db.brand.findFirstOrThrow({ where: { orgId: org.org.id, deletedAt: null } });
    // The other organization has no registry connection at all: reaching the registry would fail differently.
    await expect(refreshBrandFromRegistry(t.db, other.ctx, { brandId: brand.brandId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(refreshBrandFromRegistry(t.db, org.ctx, { brandId: "BNOSUCH" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.db.auditLog.count({ where: { orgId: other.org.id, action: "brand.refresh" } })).toBe(0);
  });

  it("says so when the organization has no registry connection", async () => {
    await t.db.brand.create({ data: { orgId: other.org.id, brandId: "BOTHER1", data: {}, confirmedAt: new Date(0) } });
    await expect(refreshBrandFromRegistry(t.db, other.ctx, { brandId: "BOTHER1" })).rejects.toBeInstanceOf(RegistryNotConfiguredError);
  });
});
