import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, DAY, HOUR, MIN, startSandbox } from "../testing/helpers";

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

const fieldsOf = (body: { field?: string }[]) => body.map((e) => e.field).sort();

describe("POST /brand/nonBlocking validation per entity type", () => {
  it.each([
    ["SOLE_PROPRIETOR", ["city", "country", "email", "firstName", "lastName", "mobilePhone", "phone", "postalCode", "referenceId", "state", "street"]],
    ["PRIVATE_PROFIT", ["brandRelationship", "city", "companyName", "country", "ein", "email", "phone", "postalCode", "state", "street", "vertical"]],
    ["PUBLIC_PROFIT", ["brandRelationship", "businessContactEmail", "city", "companyName", "country", "ein", "email", "phone", "postalCode", "state", "stockExchange", "stockSymbol", "street", "vertical", "website"]],
    ["NON_PROFIT", ["brandRelationship", "city", "companyName", "country", "ein", "email", "phone", "postalCode", "state", "street", "vertical"]],
    ["GOVERNMENT", ["brandRelationship", "city", "companyName", "country", "ein", "email", "phone", "postalCode", "state", "street", "vertical"]],
  ])("%s: reports every missing required field as code 501", async (entityType, required) => {
    const r = await api("POST", "/brand/nonBlocking", { entityType, displayName: "X" });
    expect(r.status).toBe(400);
    expect(r.body.every((e: { code: number }) => e.code === 501)).toBe(true);
    expect(fieldsOf(r.body)).toEqual(required);
    const ok = await api("POST", "/brand/nonBlocking", brandBody(entityType));
    expect(ok.status).toBe(200);
    expect(ok.body.brandId).toMatch(/^B[A-Z0-9]{6}$/);
    expect(ok.body).toHaveProperty("evpVettingScore");
    expect(ok.body).toHaveProperty("cspName");
  });

  it("checks formats: E.164, US state and zip, 9-digit EIN, enums, GOVERNMENT outside the US, business contact email", async () => {
    const bad = await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT", {
      phone: "2024567890", state: "XX", postalCode: "ABCDE", ein: "12345", vertical: "NOPE", brandRelationship: "FRIEND", country: "US",
    }));
    expect(fieldsOf(bad.body)).toEqual(["brandRelationship", "ein", "phone", "postalCode", "state", "vertical"]);
    const gov = await api("POST", "/brand/nonBlocking", brandBody("GOVERNMENT", { country: "CA", state: "ON", postalCode: "K1A0B1" }));
    expect(gov.body[0]).toMatchObject({ code: 501, field: "entityType" });
    for (const email of ["sales@abc.com", "john@gmail.com"]) {
      const r = await api("POST", "/brand/nonBlocking", brandBody("PUBLIC_PROFIT", { businessContactEmail: email }));
      expect(r.body[0]).toMatchObject({ code: 501, field: "businessContactEmail" });
    }
    const sp = await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR", { firstName: "J0hn!" }));
    expect(sp.body[0]).toMatchObject({ field: "firstName" });
    const type = await api("POST", "/brand/nonBlocking", { ...brandBody("PRIVATE_PROFIT"), entityType: "LLC" });
    expect(type.body[0]).toMatchObject({ field: "entityType" });
  });

  it("rejects a referenceId already in use (case-insensitive) with code 503 and counts only real creates", async () => {
    expect((await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT", { referenceId: "Ref-1" }))).status).toBe(200);
    const dup = await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT", { referenceId: "ref-1" }));
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual([{ code: 503, field: "referenceId", description: "referenceId already in use" }]);
    expect(sb.control.counters().brands).toBe(1);
  });
});

describe("identity verification on the clock", () => {
  it("moves a brand to VERIFIED or UNVERIFIED by the documented EIN rules, with feedback and attributes", async () => {
    const ok = (await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT"))).body;
    const bad = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT", { ein: "123450000" }))).body;
    const gov = (await api("POST", "/brand/nonBlocking", brandBody("GOVERNMENT"))).body;
    expect(ok.identityStatus).toBe("SELF_DECLARED");
    expect((await api("GET", `/brand/feedback/${bad.brandId}`)).body).toEqual({ brandId: bad.brandId, category: [] });
    await sb.control.advance(30_000);
    expect((await api("GET", `/brand/${ok.brandId}`)).body.identityStatus).toBe("SELF_DECLARED");
    await sb.control.advance(MIN);
    const okNow = (await api("GET", `/brand/${ok.brandId}`)).body;
    expect(okNow.identityStatus).toBe("VERIFIED");
    expect(okNow.optionalAttributes).toEqual({ taxExemptStatus: "501(c)(3)" });
    expect((await api("GET", `/brand/${gov.brandId}`)).body.optionalAttributes).toEqual({ governmentEntity: true });
    expect((await api("GET", `/brand/${bad.brandId}`)).body.identityStatus).toBe("UNVERIFIED");
    const fb = (await api("GET", `/brand/feedback/${bad.brandId}`)).body;
    expect(fb.category.map((c: { id: string }) => c.id)).toEqual(["TAX_ID"]);
    const events = sb.control.events({ eventType: "BRAND_IDENTITY_STATUS_UPDATE" }).map((e) => [e.payload.brandId, e.payload.brandIdentityStatus]);
    expect(events).toEqual(expect.arrayContaining([[ok.brandId, "VERIFIED"], [bad.brandId, "UNVERIFIED"]]));
  });

  it("revet re-scores after a correction and is counted", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT", { ein: "123450000" }))).body;
    await sb.control.advance(2 * MIN);
    expect((await api("PUT", `/brand/${b.brandId}`, { ein: "123456789" })).body.identityStatus).toBe("UNVERIFIED");
    const revet = await api("PUT", `/brand/${b.brandId}/revet`);
    expect(revet.status).toBe(200);
    expect(revet.body).toHaveProperty("evpVettingScore");
    await sb.control.advance(2 * MIN);
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("VERIFIED");
    expect(sb.control.counters().revets).toBe(1);
  });

  it("PUBLIC_PROFIT: Auth+ 2FA completes on the clock, resend is throttled, email change revokes it", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PUBLIC_PROFIT"))).body;
    expect((await api("POST", `/brand/${b.brandId}/2faEmail`)).status).toBe(400); // not started yet
    await sb.control.advance(2 * MIN);
    expect((await api("GET", `/brand?authenticationPlusCompliant=false`)).body.totalRecords).toBe(1);
    const throttled = await api("POST", `/brand/${b.brandId}/2faEmail?vettingClass=AUTHPLUS`);
    expect(throttled.body[0].code).toBe(905);
    const q = (await api("GET", `/campaignBuilder/brand/${b.brandId}/usecase/2FA`)).body;
    expect(q.mnoMetadata["10017"].qualify).toBe(false); // Auth+ not complete yet
    await sb.control.advance(HOUR);
    const done = (await api("GET", `/brand/${b.brandId}`)).body;
    expect(done.businessContactEmailVerifiedDate).not.toBeNull();
    expect((await api("GET", `/brand?authenticationPlusCompliant=true`)).body.totalRecords).toBe(1);
    expect(sb.control.events({ eventType: "BRAND_AUTHPLUS_VERIFICATION_COMPLETE" })).toHaveLength(1);
    const changed = (await api("PUT", `/brand/${b.brandId}`, { businessContactEmail: "kim.park@abc.com" })).body;
    expect(changed.businessContactEmailVerifiedDate).toBeNull();
    expect((await api("GET", `/brand?authenticationPlusCompliant=true`)).body.totalRecords).toBe(0);
  });

  it("Auth+ never completed by an 'ignore…' contact: resend allowed after 2 h, brand UNVERIFIED after 30 days", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PUBLIC_PROFIT", { businessContactEmail: "ignore.me@abc.com" }))).body;
    await sb.control.advance(2 * MIN);
    await sb.control.advance(2 * HOUR);
    expect((await api("POST", `/brand/${b.brandId}/2faEmail`)).status).toBe(204);
    await sb.control.advance(30 * DAY);
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("UNVERIFIED");
    expect((await api("POST", `/brand/${b.brandId}/2faEmail`)).status).toBe(400);
  });
});

describe("update, delete, search", () => {
  it("applies the resubmission rules of PUT /brand/{brandId}", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
    await sb.control.advance(2 * MIN);
    const soft = await api("PUT", `/brand/${b.brandId}`, { displayName: "ABC Mobile 2", website: "https://abc.example" });
    expect(soft.body).toMatchObject({ displayName: "ABC Mobile 2", website: "https://abc.example", identityStatus: "VERIFIED" });
    expect((await api("PUT", `/brand/${b.brandId}`, { phone: "12" })).body[0]).toMatchObject({ code: 501, field: "phone" });
    const rel = await api("PUT", `/brand/${b.brandId}`, { brandRelationship: "SMALL_ACCOUNT" });
    expect(rel.status).toBe(200);
    expect((await api("PUT", `/brand/${b.brandId}`, { brandRelationship: "KEY_ACCOUNT" })).body[0]).toMatchObject({ code: 902, field: "brandRelationship" });
    await sb.control.advance(91 * DAY);
    expect((await api("PUT", `/brand/${b.brandId}`, { brandRelationship: "KEY_ACCOUNT" })).status).toBe(200);
    // A core field change without vets/campaigns is allowed and resets identity.
    const core = await api("PUT", `/brand/${b.brandId}`, { companyName: "ABC Holdings Inc." });
    expect(core.body.identityStatus).toBe("UNVERIFIED");
    // With an external vet, core fields are frozen.
    await api("PUT", `/brand/${b.brandId}/externalVetting`, { evpId: "WMC", vettingId: "wmc-tx-1" });
    expect((await api("PUT", `/brand/${b.brandId}`, { ein: "999999999" })).body[0]).toMatchObject({ code: 902, field: "ein" });
    const other = (await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT", { referenceId: "taken" }))).body;
    expect((await api("PUT", `/brand/${other.brandId}`, { referenceId: "TAKEN" })).status).toBe(200); // its own id
    expect((await api("PUT", `/brand/${b.brandId}`, { referenceId: "taken" })).body[0].code).toBe(503);
  });

  it("soft-deletes: hidden from default search, still readable, blocked with active campaigns", async () => {
    await sb.control.loadScenario("demo");
    const withCampaign = (await api("GET", "/brand?referenceId=demo-acme")).body.records[0];
    expect((await api("DELETE", `/brand/${withCampaign.brandId}`)).body[0].code).toBe(902);
    const b = (await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT"))).body;
    expect((await api("DELETE", `/brand/${b.brandId}`)).status).toBe(204);
    expect((await api("GET", `/brand/${b.brandId}`)).body.status).toBe("DELETED");
    expect((await api("GET", `/brand?status=DELETED`)).body.records.map((x: { brandId: string }) => x.brandId)).toEqual([b.brandId]);
    expect((await api("GET", `/brand`)).body.records.some((x: { brandId: string }) => x.brandId === b.brandId)).toBe(false);
    expect((await api("DELETE", `/brand/${b.brandId}`)).status).toBe(404);
    expect((await api("GET", `/brand/BNOPE00`)).body[0].code).toBe(502);
    expect(sb.control.events({ eventType: "BRAND_DELETE" })).toHaveLength(1);
  });

  it("searches with filters and the {page, records, totalRecords} wrapper", async () => {
    for (let i = 0; i < 12; i++) await api("POST", "/brand/nonBlocking", brandBody(i % 2 ? "PRIVATE_PROFIT" : "NON_PROFIT", { displayName: `Shop ${i}`, tag: i < 3 ? ["VIP"] : [], mock: i === 0, state: i === 5 ? "CA" : "NY" }));
    const p1 = (await api("GET", "/brand")).body;
    expect(p1).toMatchObject({ page: 1, totalRecords: 12 });
    expect(p1.records).toHaveLength(10);
    expect((await api("GET", "/brand?page=2")).body.records).toHaveLength(2);
    expect((await api("GET", "/brand?entityType=NON_PROFIT")).body.totalRecords).toBe(6);
    expect((await api("GET", "/brand?displayName=shop 1")).body.totalRecords).toBe(3); // 1, 10, 11
    expect((await api("GET", "/brand?tag=vip")).body.totalRecords).toBe(3);
    expect((await api("GET", "/brand?mock=true")).body.totalRecords).toBe(1);
    expect((await api("GET", "/brand?state=CA")).body.totalRecords).toBe(1);
    expect((await api("GET", "/brand?entityType=LLC")).status).toBe(400);
    expect((await api("GET", "/brand?page=0")).status).toBe(400);
  });
});
