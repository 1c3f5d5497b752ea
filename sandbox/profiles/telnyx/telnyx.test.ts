import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../server";
import { apiClient, DAY, KEY, MIN, startSandbox } from "../../testing/helpers";

/** The /10dlc profile against the reference (telnyx-10dlc-brand-api.txt): auth, validation, paging, rules, one store. */
let sb: Sandbox;
let v2: ReturnType<typeof apiClient>;

async function tx<T = any>(method: string, path: string, body?: unknown, auth: string | null = `Bearer ${KEY}`): Promise<{ status: number; body: T }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${sb.telnyxUrl}${path}`, {
    method,
    headers: { ...(auth ? { authorization: auth } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const brand = (over: Record<string, unknown> = {}) => ({
  entityType: "PRIVATE_PROFIT", displayName: "Example Company", companyName: "Example Company Inc.", ein: "142536893",
  phone: "+13259390512", street: "123 Example St.", city: "Chicago", state: "IL", postalCode: "60654", country: "US",
  email: "support@examplecompany.com", website: "www.examplecompany.com", vertical: "TECHNOLOGY", ...over,
});

beforeAll(async () => {
  sb = await startSandbox();
  v2 = apiClient(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control.reset();
});

describe("/10dlc auth and errors", () => {
  it("refuses a missing or wrong Bearer token with Telnyx's 401 envelope, and Basic auth too", async () => {
    for (const auth of [null, "Bearer nope", `Basic ${Buffer.from(`${KEY}:test-secret`).toString("base64")}`]) {
      const r = await tx("GET", "/brand", undefined, auth);
      expect(r.status).toBe(401);
      expect(r.body.errors[0]).toMatchObject({ code: "10009", title: "Authentication failed" });
    }
  });

  it("answers unknown paths and methods like FastAPI", async () => {
    expect((await tx("GET", "/campaign")).status).toBe(404);
    expect(await tx("PATCH", "/brand")).toMatchObject({ status: 405, body: { detail: "Method Not Allowed" } });
  });

  it("reports every bad field at once as a 422 detail array with loc/msg/type", async () => {
    const r = await tx("POST", "/brand", brand({ displayName: "x".repeat(101), email: undefined, vertical: "LEGAL", stockExchange: "XPAR", ein: 142 }));
    expect(r.status).toBe(422);
    const byField = Object.fromEntries(r.body.detail.map((d: { loc: string[]; type: string }) => [d.loc[1], d.type]));
    expect(byField).toEqual({
      displayName: "value_error.any_str.max_length", email: "value_error.missing", vertical: "type_error.enum",
      stockExchange: "type_error.enum", ein: "type_error.str",
    });
    for (const d of r.body.detail) expect(d.loc[0]).toBe("body");
  });

  it("applies the per-entity-type rules: companyName/ein for companies, stock fields for public, not for government", async () => {
    const pub = await tx("POST", "/brand", brand({ entityType: "PUBLIC_PROFIT", companyName: "", ein: undefined }));
    expect(pub.status).toBe(422);
    expect(pub.body.detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(["companyName", "ein", "stockExchange", "stockSymbol"]);
    const gov = await tx("POST", "/brand", { entityType: "GOVERNMENT", displayName: "City", country: "US", email: "a@city.gov", vertical: "GOVERNMENT" });
    expect(gov.status).toBe(200);
    const bad = await tx("POST", "/brand", brand({ state: "Illinois", postalCode: "6065", phone: "3259390512" }));
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(["phone", "postalCode", "state"]);
  });

  it("rejects a body that is not a JSON object", async () => {
    expect((await tx("POST", "/brand", "[1]")).body.detail[0]).toMatchObject({ loc: ["body"], type: "type_error.dict" });
    expect((await tx("POST", "/brand", "{nope")).body.detail[0]).toMatchObject({ loc: ["body"], type: "value_error.jsondecode" });
  });

  it("injects faults on /10dlc paths only, in Telnyx's envelope", async () => {
    sb.control.addFault({ kind: "status", status: 503, method: "GET", path: "/10dlc/brand", times: 1 });
    const r = await tx("GET", "/brand");
    expect(r.status).toBe(503);
    expect(r.body.errors[0].code).toBe("10007");
    expect((await v2("GET", "/brand")).status).toBe(200);
    expect((await tx("GET", "/brand")).status).toBe(200);
  });
});

describe("/10dlc brands over the shared store", () => {
  it("creates a brand that the /v2 side sees, scores it on the clock, and keeps both ids", async () => {
    const created = await tx("POST", "/brand", brand({ cspId: "ignored", brandId: "ignored", universalEin: "ignored" }));
    expect(created.status).toBe(200);
    const b = created.body;
    expect(b.brandId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.tcrBrandId).toMatch(/^B[A-Z0-9]{6}$/);
    expect(b).toMatchObject({ brandRelationship: "BASIC_ACCOUNT", identityStatus: "SELF_DECLARED", universalEin: "US_142536893", cspId: sb.store.data.account.cspId });
    expect(sb.control.counters().brands).toBe(1);
    const onV2 = await v2("GET", `/brand/${b.tcrBrandId}`);
    expect(onV2.body).toMatchObject({ brandId: b.tcrBrandId, displayName: "Example Company", ein: "142536893" });
    await sb.control.advance(2 * MIN);
    expect((await tx("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("VERIFIED");
    // Either id addresses the brand.
    expect((await tx("GET", `/brand/${b.tcrBrandId}`)).body.brandId).toBe(b.brandId);
  });

  it("shows /v2 brands and gives feedback with Telnyx's category ids (OTHERS for TCR's WEB_DOMAIN)", async () => {
    const t = await tx("POST", "/brand", brand({ ein: "142530004" }));
    await sb.control.advance(2 * MIN);
    const fb = await tx("GET", `/brand/feedback/${t.body.brandId}`);
    expect(fb.body).toMatchObject({ brandId: t.body.brandId, category: [{ id: "OTHERS", fields: ["email", "website"] }] });
    const tax = await tx("POST", "/brand", brand({ ein: "142530000" }));
    await sb.control.advance(2 * MIN);
    expect((await tx("GET", `/brand/feedback/${tax.body.brandId}`)).body.category[0]).toMatchObject({ id: "TAX_ID", fields: ["ein", "companyName", "entityType"] });
    expect((await tx("GET", `/brand/${tax.body.brandId}`)).body.identityStatus).toBe("UNVERIFIED");
  });

  it("lists with displayName/entityType/state/country filters and records/page/totalRecords paging", async () => {
    for (let i = 0; i < 12; i++) {
      await tx("POST", "/brand", brand({ displayName: `Acme ${i}`, state: i % 2 ? "IL" : "CA", postalCode: "60654" }));
      await sb.control.advance(1000);
    }
    await tx("POST", "/brand", { entityType: "NON_PROFIT", displayName: "Helping Hands", companyName: "Helping Hands", ein: "222222222", country: "US", email: "a@hh.org", vertical: "NGO" });
    const first = await tx("GET", "/brand");
    expect(first.body).toMatchObject({ page: 1, totalRecords: 13 });
    expect(first.body.records).toHaveLength(10);
    expect(Object.keys(first.body.records[0]).sort()).toEqual(["brandId", "companyName", "createAt", "displayName", "email", "entityType", "updatedAt", "website"]);
    expect(first.body.records[0].createAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(first.body.records[0].displayName).toBe("Helping Hands");
    const second = await tx("GET", "/brand?page=2&recordsPerPage=10");
    expect(second.body.records).toHaveLength(3);
    expect((await tx("GET", "/brand?displayName=acme&state=IL")).body.totalRecords).toBe(6);
    expect((await tx("GET", "/brand?entityType=NON_PROFIT&country=US")).body.totalRecords).toBe(1);
    const bad = await tx("GET", "/brand?page=0&recordsPerPage=x");
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toEqual(["query.page", "query.recordsPerPage"]);
  });

  it("updates as a full replacement, resets identity when the legal identity changes, and deletes", async () => {
    const { body: b } = await tx("POST", "/brand", brand());
    await sb.control.advance(2 * MIN);
    const put = await tx("PUT", `/brand/${b.brandId}`, { entityType: "PRIVATE_PROFIT", displayName: "Renamed", companyName: "Example Company Inc.", ein: "142536893", country: "US", email: "a@example.com", vertical: "RETAIL" });
    expect(put.status).toBe(200);
    expect(put.body).not.toHaveProperty("brandId");
    expect(put.body).toMatchObject({ displayName: "Renamed", street: null, website: null, identityStatus: "VERIFIED", brandRelationship: "BASIC_ACCOUNT" });
    const list = await tx("GET", "/brand");
    expect(list.body.records[0].updatedAt > list.body.records[0].createAt).toBe(true);
    const core = await tx("PUT", `/brand/${b.brandId}`, { entityType: "PRIVATE_PROFIT", displayName: "Renamed", companyName: "Other Co", ein: "142536893", country: "US", email: "a@example.com", vertical: "RETAIL" });
    expect(core.body.identityStatus).toBe("UNVERIFIED");
    expect((await tx("PUT", `/brand/${b.brandId}`, { displayName: "x" })).status).toBe(422);
    expect(await tx("DELETE", `/brand/${b.brandId}`)).toMatchObject({ status: 200, body: null });
    expect((await tx("GET", `/brand/${b.brandId}`)).status).toBe(404);
    expect((await v2("GET", `/brand/${b.tcrBrandId}`)).body.status).toBe("DELETED");
  });

  it("allows one revet after registration, then at most one every 3 months", async () => {
    const { body: b } = await tx("POST", "/brand", brand());
    await sb.control.advance(2 * MIN);
    const first = await tx("PUT", `/brand/${b.brandId}/revet`);
    expect(first.status).toBe(200);
    expect(first.body.brandId).toBe(b.brandId);
    const again = await tx("PUT", `/brand/${b.brandId}/revet`);
    expect(again.status).toBe(400);
    expect(again.body.detail).toMatch(/^Request Failed/);
    await sb.control.advance(91 * DAY);
    expect((await tx("PUT", `/brand/${b.brandId}/revet`)).status).toBe(200);
    expect(sb.control.counters().revets).toBe(2);
  });

  it("orders external vetting (scored on the clock) and lists it; validates evpId and vettingClass", async () => {
    const { body: b } = await tx("POST", "/brand", brand({ ein: "142536875" }));
    const missing = await tx("POST", `/brand/${b.brandId}/externalVetting`, {});
    expect(missing.body.detail.map((d: { loc: string[] }) => d.loc[1])).toEqual(["evpId", "vettingClass"]);
    const unknown = await tx("POST", `/brand/${b.brandId}/externalVetting`, { evpId: "NOPE", vettingClass: "STANDARD" });
    expect(unknown.body.detail[0].loc).toEqual(["body", "evpId"]);
    const cls = await tx("POST", `/brand/${b.brandId}/externalVetting`, { evpId: "WMC", vettingClass: "ENHANCED" });
    expect(cls.body.detail[0].loc).toEqual(["body", "vettingClass"]);
    const order = await tx("POST", `/brand/${b.brandId}/externalVetting`, { evpId: "AEGIS", vettingClass: "STANDARD" });
    expect(order.status).toBe(200);
    expect(Object.keys(order.body).sort()).toEqual(["createDate", "evpId", "vettedDate", "vettingClass", "vettingId", "vettingScore", "vettingToken"]);
    expect(order.body.vettedDate).toBeNull();
    expect(sb.control.counters().vettingOrders).toBe(1);
    await sb.control.advance(11 * MIN);
    const list = await tx("GET", `/brand/${b.brandId}/externalVetting`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ vettingId: order.body.vettingId, vettingScore: 75 });
    expect(list.body[0].vettedDate).toEqual(expect.any(String));
    expect((await tx("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("VETTED_VERIFIED");
  });
});
