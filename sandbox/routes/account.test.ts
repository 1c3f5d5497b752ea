import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, startSandbox } from "../testing/helpers";

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

describe("settings and PFT", () => {
  it("reads and updates the profile emails only, and the CNP migration settings", async () => {
    const p = (await api("GET", "/csp/profile")).body;
    expect(p).toMatchObject({ cspId: expect.stringMatching(/^S[A-Z0-9]{6}$/), soleProprietorEnabled: true, platformFreeTrialEnabled: false });
    const up = await api("PUT", "/csp/profile", { escalateEmail: "support@campaignregistry.com", financeEmail: "pay@csp.example" });
    expect(up.body).toMatchObject({ escalateEmail: "support@campaignregistry.com", financeEmail: "pay@csp.example" });
    expect((await api("PUT", "/csp/profile", { ucaasEnabled: true })).body[0]).toMatchObject({ code: 902, field: "ucaasEnabled" });
    expect((await api("PUT", "/csp/profile", { email: "nope" })).body[0]).toMatchObject({ code: 501, field: "email" });
    expect((await api("GET", "/settings/cnpMigration")).body).toEqual({ migrationSupported: false, migrationAutoComplete: false });
    expect((await api("PUT", "/settings/cnpMigration", { migrationSupported: true })).body[0].field).toBe("migrationAutoComplete");
    expect((await api("PUT", "/settings/cnpMigration", { migrationSupported: true, migrationAutoComplete: true })).body).toEqual({ migrationSupported: true, migrationAutoComplete: true });
    expect((await api("GET", "/settings/cnpMigration")).body.migrationSupported).toBe(true);
  });

  it("answers 502 for /pft/brand until PFT is enabled; the PFT brand qualifies for TRIAL only", async () => {
    expect((await api("GET", "/pft/brand")).body[0].code).toBe(502);
    sb.control.setAccount({ platformFreeTrialEnabled: true });
    const pft = (await api("GET", "/pft/brand")).body;
    expect(pft).toMatchObject({ brandId: expect.stringMatching(/^B/), mock: true, identityStatus: "VERIFIED" });
    const q = (await api("GET", `/campaignBuilder/brand/${pft.brandId}`)).body;
    const qualified = q.filter((u: { mnoMetadata: Record<string, { qualify: boolean }> }) => u.mnoMetadata["10017"]!.qualify).map((u: { usecase: string }) => u.usecase);
    expect(qualified).toEqual(["TRIAL"]);
    expect((await api("GET", "/campaignBuilder/termsAndConditions")).body.subTerms.length).toBeGreaterThan(0);
  });
});

describe("resellers", () => {
  it("creates, searches, updates (full replacement) and deletes resellers", async () => {
    expect(fieldsOf((await api("POST", "/reseller", {})).body)).toEqual(["companyName", "email", "phone"]);
    const a = (await api("POST", "/reseller", { companyName: "Microsoft", phone: "+18348365467", email: "john.doe@microsoft.com" })).body;
    expect(a).toMatchObject({ resellerId: expect.stringMatching(/^R[A-Z0-9]{6}$/), cspId: expect.any(String), companyName: "Microsoft" });
    await api("POST", "/reseller", { companyName: "Acme", phone: "+15555555555", email: "john.doe@acme.com" });
    expect((await api("GET", "/reseller?companyName=micro")).body).toMatchObject({ page: 1, totalRecords: 1 });
    expect((await api("GET", "/reseller")).body.totalRecords).toBe(2);
    expect((await api("PUT", `/reseller/${a.resellerId}`, { companyName: "MS" })).status).toBe(400);
    expect((await api("PUT", `/reseller/${a.resellerId}`, { companyName: "MS", phone: "+18348365467", email: "a@ms.com" })).body.companyName).toBe("MS");
    expect((await api("DELETE", `/reseller/${a.resellerId}`)).status).toBe(204);
    expect((await api("GET", `/reseller/${a.resellerId}`)).body[0].code).toBe(502);
  });

  it("refuses to delete a reseller used by a campaign", async () => {
    await sb.control.loadScenario("demo");
    const r = (await api("POST", "/reseller", { companyName: "Used", phone: "+15555555555", email: "x@used.com" })).body;
    const c = Object.values(sb.store.data.campaigns)[0]!;
    c.resellerId = r.resellerId;
    expect((await api("DELETE", `/reseller/${r.resellerId}`)).body[0].code).toBe(902);
  });
});

describe("tags", () => {
  it("assigns lowercase tags to brands (max 10), lists and deletes them; brand search sees them", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
    expect((await api("PUT", "/tag", { name: "Spring-Sale", recordType: "BRAND", recordId: b.brandId })).body[0]).toMatchObject({ code: 501, field: "name" });
    expect((await api("PUT", "/tag", { name: "VIP", recordType: "BRAND", recordId: "BNOPE00" })).body[0].code).toBe(502);
    expect((await api("PUT", "/tag", { name: "VIP", recordType: "BRAND", recordId: b.brandId })).body).toEqual({ name: "vip", recordType: "BRAND", recordId: b.brandId });
    expect((await api("GET", "/brand?tag=vip")).body.totalRecords).toBe(1);
    for (let i = 0; i < 9; i++) await api("PUT", "/tag", { name: `t${i}`, recordType: "BRAND", recordId: b.brandId });
    expect((await api("PUT", "/tag", { name: "eleventh", recordType: "BRAND", recordId: b.brandId })).body[0].code).toBe(902);
    expect((await api("GET", `/tag?recordId=${b.brandId}&recordsPerPage=5`)).body).toMatchObject({ totalRecords: 10 });
    expect((await api("DELETE", `/tag/name/VIP/recordType/BRAND/recordId/${b.brandId}`)).status).toBe(204);
    expect((await api("GET", "/tag?name=vip")).body.totalRecords).toBe(0);
    expect((await api("DELETE", `/tag/name/vip/recordType/BRAND/recordId/${b.brandId}`)).status).toBe(404);
  });
});

function fieldsOf(body: { field?: string }[]) {
  return body.map((e) => e.field).sort();
}
