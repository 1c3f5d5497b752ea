import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { apiClient, brandBody, DAY, KEY, MIN, startSandbox } from "@/sandbox/testing/helpers";
import { describeRegistryError } from "@/lib/registry/errors";
import { TcrError, tcrErrorToFieldErrors } from "@/lib/tcr/errors";
import { collectAll } from "@/lib/tcr/paginate";
import type { BrandCreateRequest } from "@/lib/tcr/schemas/brand";
import { createTelnyxClient, TelnyxPreflightError, TELNYX_FEES } from ".";

/** Every adapter method against the sandbox's /10dlc profile, in TCR shapes in and out. */
let sb: Sandbox;
let v2: ReturnType<typeof apiClient>;
let client: ReturnType<typeof createTelnyxClient>;
let n = 0;
const key = () => `test-key-${++n}`;

const client0 = (over: Partial<Parameters<typeof createTelnyxClient>[0]> = {}) =>
  createTelnyxClient({ baseUrl: sb.telnyxUrl, auth: { mode: "bearer", apiKey: KEY }, reconcileDelayMs: 0, retry: { baseDelayMs: 1 }, ...over });

/** A TCR create body (sandbox/testing/helpers) as lib/brands sends it; Telnyx requires a vertical for all. */
const tcrBrand = (entityType: string, over: Record<string, unknown> = {}) =>
  brandBody(entityType, { vertical: entityType === "NON_PROFIT" ? "NGO" : entityType === "GOVERNMENT" ? "GOVERNMENT" : "RETAIL", ...over }) as unknown as BrandCreateRequest;

async function rejection(p: Promise<unknown>): Promise<TcrError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(TcrError);
  return e as TcrError;
}

beforeAll(async () => {
  sb = await startSandbox();
  v2 = apiClient(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control.reset();
  client = client0();
});

describe("Telnyx adapter: brands", () => {
  it.each(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"])("creates a %s brand and reads it back TCR-shaped", async (entityType) => {
    const created = await client.brands.create(tcrBrand(entityType), { idempotencyKey: key() });
    expect(created.brandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toMatchObject({ entityType, displayName: "ABC Mobile", identityStatus: "SELF_DECLARED" });
    const tcrId = (created as Record<string, unknown>).tcrBrandId as string;
    expect(tcrId).toMatch(/^B/);
    // One registry: the TCR side holds the same brand; TCR-only fields were not carried over.
    const onV2 = await v2("GET", `/brand/${tcrId}`);
    expect(onV2.body).toMatchObject({ entityType, displayName: "ABC Mobile", referenceId: null, firstName: null, mobilePhone: null });
    await sb.control.advance(2 * MIN);
    const got = await client.brands.get(created.brandId);
    expect(got.identityStatus).toBe(entityType === "SOLE_PROPRIETOR" ? "SELF_DECLARED" : "VERIFIED");
    expect(got.brandRelationship).toBe(entityType === "SOLE_PROPRIETOR" ? null : "BASIC_ACCOUNT");
  });

  it("searches with Telnyx's filters and pages, and walks every page with lib/tcr paginate", async () => {
    for (let i = 0; i < 7; i++) {
      await client.brands.create(tcrBrand("PRIVATE_PROFIT", { displayName: `Acme ${i}`, state: i < 3 ? "CA" : "NY" }), { idempotencyKey: key() });
      await sb.control.advance(1000);
    }
    const page = await client.brands.search({ state: "NY", recordsPerPage: 3, page: 2 });
    expect(page).toMatchObject({ page: 2, totalRecords: 4 });
    expect(page.records).toHaveLength(1);
    expect(page.records[0]!.createDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Whole brands, as TCR's search answers them: the identity status is not in Telnyx's list record.
    expect(page.records[0]!.identityStatus).toMatch(/^[A-Z_]+$/);
    expect((await client.brands.search({ displayName: "acme 6", entityType: "PRIVATE_PROFIT", country: "US", status: "ACTIVE" })).totalRecords).toBe(1);
    expect(await collectAll(client.brands.search, { recordsPerPage: 2 })).toHaveLength(7);
    const e = await rejection(client.brands.search({ referenceId: "x" }));
    expect(e).toBeInstanceOf(TelnyxPreflightError);
    expect(tcrErrorToFieldErrors(e)).toHaveProperty("referenceId");
  });

  it("updates by reading, overlaying and replacing, so fields the update does not name survive", async () => {
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT", { website: "www.abc.com" }), { idempotencyKey: key() });
    const updated = await client.brands.update(b.brandId, { entityType: "PRIVATE_PROFIT", displayName: "ABC Renamed", country: "US", email: "new@abc.com", brandRelationship: "BASIC_ACCOUNT" });
    expect(updated).toMatchObject({ brandId: b.brandId, displayName: "ABC Renamed", email: "new@abc.com", street: "123 6th Ave", website: "www.abc.com", ein: "111111111" });
    expect((updated as Record<string, unknown>).tcrBrandId).toBe((b as Record<string, unknown>).tcrBrandId);
    const e = await rejection(client.brands.update(b.brandId, { entityType: "PRIVATE_PROFIT", displayName: "x", country: "US", email: "a@abc.com", brandRelationship: "KEY_ACCOUNT" }));
    expect(tcrErrorToFieldErrors(e)).toHaveProperty("brandRelationship");
  });

  it("deletes: the brand is gone (404) on Telnyx and DELETED on the TCR side", async () => {
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT"), { idempotencyKey: key() });
    await expect(client.brands.delete(b.brandId)).resolves.toBeUndefined();
    expect((await rejection(client.brands.get(b.brandId))).status).toBe(404);
    expect((await v2("GET", `/brand/${(b as Record<string, unknown>).tcrBrandId as string}`)).body.status).toBe("DELETED");
  });

  it("revets once, then refuses for 3 months with Telnyx's 400", async () => {
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT"), { idempotencyKey: key() });
    await sb.control.advance(2 * MIN);
    expect((await client.brands.revet(b.brandId)).brandId).toBe(b.brandId);
    const e = await rejection(client.brands.revet(b.brandId));
    expect(e.status).toBe(400);
    expect(e.items[0]!.description).toMatch(/^Request Failed/);
    await sb.control.advance(91 * DAY);
    await expect(client.brands.revet(b.brandId)).resolves.toMatchObject({ brandId: b.brandId });
  });

  it("gives identity feedback with the fields each category affects", async () => {
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT", { ein: "111110000" }), { idempotencyKey: key() });
    await sb.control.advance(2 * MIN);
    const fb = await client.brands.getFeedback(b.brandId);
    expect(fb).toMatchObject({ brandId: b.brandId, category: [{ id: "TAX_ID", fields: ["ein", "companyName", "entityType"] }] });
  });

  it("orders external vetting (billable, once per key), lists it and filters by provider", async () => {
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT", { ein: "111111182" }), { idempotencyKey: key() });
    const k = key();
    const vet = await client.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: k });
    expect(vet).toMatchObject({ evpId: "AEGIS", vettingClass: "STANDARD", vettedDate: null });
    expect(await client.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: k })).toEqual(vet);
    expect(sb.control.counters().vettingOrders).toBe(1);
    await sb.control.advance(11 * MIN);
    const list = await client.brands.listExternalVetting(b.brandId);
    expect(list).toEqual([expect.objectContaining({ vettingId: vet.vettingId, vettingScore: 82, vettedDate: expect.any(String) })]);
    expect(await client.brands.listExternalVetting(b.brandId, { evpId: "WMC" })).toEqual([]);
    expect(tcrErrorToFieldErrors(await rejection(client.brands.listExternalVetting(b.brandId, { vettingStatus: ["ACTIVE"] })))).toHaveProperty("vettingStatus");
  });

  it("exports the documented fees", () => {
    expect(TELNYX_FEES).toEqual({ brand: 4, vetting: 40 });
  });
});

describe("Telnyx adapter: errors reach the right field", () => {
  it("maps the sandbox's 422 detail array to field items (state, vetting provider)", async () => {
    const e = await rejection(client.brands.create(tcrBrand("PRIVATE_PROFIT", { state: "ZZ" }), { idempotencyKey: key() }));
    expect(e.status).toBe(422);
    expect(e).not.toBeInstanceOf(TelnyxPreflightError);
    expect(tcrErrorToFieldErrors(e)).toEqual({ state: expect.stringContaining("2-letter") });
    expect(describeRegistryError(e)?.fieldErrors).toHaveProperty("state");
    expect(sb.control.counters().brands).toBe(0);
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT"), { idempotencyKey: key() });
    const v = await rejection(client.brands.orderExternalVetting(b.brandId, { evpId: "NOPE", vettingClass: "STANDARD" }, { idempotencyKey: key() }));
    expect(Object.keys(tcrErrorToFieldErrors(v))).toEqual(["evpId"]);
  });

  it("refuses before sending what Telnyx's reference forbids: its limits, its enums, mock brands, political payloads", async () => {
    const long = await rejection(client.brands.create(tcrBrand("PRIVATE_PROFIT", { displayName: "x".repeat(150), vertical: "LEGAL" }), { idempotencyKey: key() }));
    expect(long).toBeInstanceOf(TelnyxPreflightError);
    expect(Object.keys(tcrErrorToFieldErrors(long)).sort()).toEqual(["displayName", "vertical"]);
    const mock = await rejection(client.brands.create(tcrBrand("PRIVATE_PROFIT", { mock: true }), { idempotencyKey: key() }));
    expect(tcrErrorToFieldErrors(mock)).toHaveProperty("mock");
    const noVertical = await rejection(client.brands.create(brandBody("SOLE_PROPRIETOR") as unknown as BrandCreateRequest, { idempotencyKey: key() }));
    expect(tcrErrorToFieldErrors(noVertical)).toHaveProperty("vertical");
    expect(sb.control.counters().brands).toBe(0);
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT"), { idempotencyKey: key() });
    const pol = await rejection(client.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "POLITICAL", additionalRequestPayload: "{}" }, { idempotencyKey: key() }));
    expect(tcrErrorToFieldErrors(pol)).toHaveProperty("additionalRequestPayload");
    const noClass = await rejection(client.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS" }, { idempotencyKey: key() }));
    expect(tcrErrorToFieldErrors(noClass)).toHaveProperty("vettingClass");
    expect(sb.control.counters().vettingOrders).toBe(0);
  });

  it("reports a wrong API key as a 401 the portal explains", async () => {
    const e = await rejection(client0({ auth: { mode: "bearer", apiKey: "wrong" } }).brands.search());
    expect(e.status).toBe(401);
    expect(e.items[0]).toMatchObject({ code: 10009 });
    expect(describeRegistryError(e)?.message).toMatch(/credentials/);
    expect(() => client0({ auth: { mode: "basic", apiKey: KEY, apiSecret: "s" } })).toThrow(/Bearer/);
  });
});

describe("Telnyx adapter: retries", () => {
  it("retries a read after a 503 and a 429, but never resends a write that may have landed", async () => {
    sb.control.addFault({ kind: "status", status: 503, method: "GET", path: "/10dlc/brand", times: 1 });
    sb.control.addFault({ kind: "status", status: 429, method: "GET", path: "/10dlc/brand", times: 1 });
    await expect(client.brands.search()).resolves.toMatchObject({ totalRecords: 0 });
    const b = await client.brands.create(tcrBrand("PRIVATE_PROFIT"), { idempotencyKey: key() });
    sb.control.addFault({ kind: "status", status: 502, method: "PUT", path: "/10dlc/brand/:brandId", times: 2 });
    const e = await rejection(client.brands.update(b.brandId, { entityType: "PRIVATE_PROFIT", displayName: "New", country: "US", email: "a@abc.com", brandRelationship: "BASIC_ACCOUNT" }));
    expect(e.status).toBe(502);
    expect(sb.control.faults().find((f) => f.method === "PUT")?.fired).toBe(1);
  });

  it("times out a hung read per attempt and retries it", async () => {
    sb.control.addFault({ kind: "hang", method: "GET", path: "/10dlc/brand", times: 1 });
    const c = client0({ timeoutMs: 150 });
    await expect(c.brands.search()).resolves.toMatchObject({ page: 1 });
  });
});
