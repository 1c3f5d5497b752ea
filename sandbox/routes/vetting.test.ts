import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, DAY, MIN, makePng, startSandbox } from "../testing/helpers";

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

async function verifiedBrand(type = "PRIVATE_PROFIT", over: Record<string, unknown> = {}) {
  const b = (await api("POST", "/brand/nonBlocking", brandBody(type, over))).body;
  await sb.control.advance(2 * MIN);
  return b as { brandId: string };
}

function evidenceForm(name: string, content = "evidence") {
  const fd = new FormData();
  fd.append("file", new Blob([content], { type: "application/pdf" }), name);
  return fd;
}

describe("external vetting", () => {
  it("orders a vet (billable), scores it on the clock, and makes the brand VETTED_VERIFIED with better throughput", async () => {
    const b = await verifiedBrand("PRIVATE_PROFIT", { ein: "123456785" });
    const before = (await api("GET", `/campaignBuilder/brand/${b.brandId}/usecase/MARKETING`)).body.mnoMetadata;
    expect(before["10017"]).toMatchObject({ qualify: true, msgClass: "F", tpm: 240, mmsTpm: 150, tpmScope: "CAMPAIGN" });
    expect(before["10035"]).toMatchObject({ brandTier: "LOW", brandDailyCap: 2000 });
    expect((await api("GET", `/campaignBuilder/brand/${b.brandId}/usecase/SOCIAL`)).body.mnoMetadata["10017"].qualify).toBe(false);

    expect((await api("POST", `/brand/${b.brandId}/externalVetting`, { evpId: "NOPE" })).body[0].field).toBe("evpId");
    expect((await api("POST", `/brand/${b.brandId}/externalVetting`, { evpId: "AEGIS", vettingClass: "POLITICAL" })).body[0].field).toBe("additionalRequestPayload");
    const order = await api("POST", `/brand/${b.brandId}/externalVetting`, { evpId: "AEGIS", vettingClass: "STANDARD" });
    expect(order.body).toMatchObject({ evpId: "AEGIS", vettingClass: "STANDARD", vettingStatus: "PENDING" });
    expect(sb.control.counters().vettingOrders).toBe(1);
    await sb.control.advance(MIN);
    expect((await api("GET", `/brand/${b.brandId}/externalVetting?vettingStatus=UNSCORE`)).body).toHaveLength(1);
    await sb.control.advance(10 * MIN);
    const [vet] = (await api("GET", `/brand/${b.brandId}/externalVetting?vettingStatus=ACTIVE&vettingStatus=PENDING`)).body;
    expect(vet).toMatchObject({ vettingStatus: "ACTIVE", vettingScore: 85 });
    expect(vet.validUntil).not.toBeNull();
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("VETTED_VERIFIED");
    expect((await api("PUT", `/brand/${b.brandId}/revet`)).body.evpVettingScore).toBe(85);
    const after = (await api("GET", `/campaignBuilder/brand/${b.brandId}/usecase/MARKETING`)).body.mnoMetadata;
    expect(after["10017"]).toMatchObject({ msgClass: "B", tpm: 4500, mmsTpm: 2400 });
    expect(after["10035"]).toMatchObject({ brandTier: "TOP", brandDailyCap: 200000 });
    expect((await api("GET", `/campaignBuilder/brand/${b.brandId}/usecase/SOCIAL`)).body.mnoMetadata["10017"]).toMatchObject({ qualify: true, mnoReview: true });
    expect(sb.control.events({ eventType: "EVP_REPORT_SCORE" })).toHaveLength(1);
    // Expiry after 12 months brings the brand back to VERIFIED.
    await sb.control.advance(366 * DAY);
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("VERIFIED");
  });

  it("fails a vet by rule and supports appeals of it", async () => {
    const b = await verifiedBrand("PRIVATE_PROFIT", { ein: "123456700" });
    const v = (await api("POST", `/brand/${b.brandId}/externalVetting`, { evpId: "AEGIS" })).body;
    await sb.control.advance(11 * MIN);
    expect((await api("GET", `/brand/${b.brandId}/externalVetting`)).body[0]).toMatchObject({ vettingStatus: "FAILED", reasons: ["TAX_ID_MISMATCH"] });
    const bad = await api("POST", `/brand/${b.brandId}/externalVetting/appeal`, { evpId: "AEGIS", vettingId: v.vettingId, appealCategories: ["NOPE"] });
    expect(bad.body[0].field).toBe("appealCategories");
    const up = await api("POST", `/brand/${b.brandId}/appeal/evidence`, evidenceForm("letter.pdf"));
    expect(up.body).toEqual({ uuid: expect.any(String), fileName: "letter.pdf", mimeType: "application/pdf" });
    const ok = await api("POST", `/brand/${b.brandId}/externalVetting/appeal`, {
      evpId: "AEGIS", vettingId: v.vettingId, appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: [up.body.uuid], explanation: "EIN letter attached",
    });
    expect(ok.status).toBe(204);
    expect((await api("GET", `/brand/${b.brandId}/externalVetting/appeal?appealStatus=PENDING`)).body).toHaveLength(1);
    await sb.control.advance(2 * DAY);
    const [appeal] = (await api("GET", `/brand/${b.brandId}/externalVetting/appeal?evpId=AEGIS`)).body;
    expect(appeal).toMatchObject({ appealStatus: "COMPLETE", vettingId: v.vettingId });
    expect((await api("GET", `/brand/${b.brandId}/externalVetting`)).body[0]).toMatchObject({ vettingStatus: "ACTIVE", vettingScore: 50 });
  });

  it("imports per provider rules, refuses AUTHPLUS, and issues mock CV tokens", async () => {
    const np = await verifiedBrand("NON_PROFIT", { ein: "222220003" }); // rule 5: verified without taxExemptStatus
    const pp = await verifiedBrand("PRIVATE_PROFIT");
    expect((await api("PUT", `/brand/${pp.brandId}/externalVetting`, { evpId: "AEGIS", vettingId: "a-1" })).body[0].field).toBe("vettingToken");
    expect((await api("PUT", `/brand/${pp.brandId}/externalVetting`, { evpId: "AEGIS", vettingId: "a-1", vettingToken: "MISMATCH" })).body[0].field).toBe("vettingToken");
    expect((await api("PUT", `/brand/${pp.brandId}/externalVetting`, { evpId: "AEGIS", vettingId: "a-1", vettingClass: "AUTHPLUS", vettingToken: "t" })).body[0].field).toBe("vettingClass");
    expect((await api("PUT", `/brand/${pp.brandId}/externalVetting`, { evpId: "CV", vettingId: "cv|x" })).status).toBe(400);
    expect((await api("PUT", `/brand/${np.brandId}/externalVetting`, { evpId: "WMC", vettingId: "w-1" })).status).toBe(400);
    const token = await fetch(`${sb.apiUrl}/brand/${np.brandId}/externalVetting/mockCvToken`, {
      method: "POST", headers: { authorization: "Bearer test-key", "content-type": "application/x-www-form-urlencoded" }, body: "locale=state&validUntil=2027-01-31",
    });
    const cv = await token.text();
    expect(cv).toMatch(/^cv\|1\.0\|cvmock\|10dlc\|state\|2027-01-31\|/);
    const imp = await api("PUT", `/brand/${np.brandId}/externalVetting`, { evpId: "CV", vettingId: cv });
    expect(imp.body).toMatchObject({ evpId: "CV", vettingClass: "POLITICAL", vettingStatus: "ACTIVE" });
    expect((await api("PUT", `/brand/${np.brandId}/externalVetting`, { evpId: "CV", vettingId: cv })).status).toBe(400); // unique per brand
    const brand = (await api("GET", `/brand/${np.brandId}`)).body;
    expect(brand.optionalAttributes.politicalCommitteeLocale).toBe("state");
    expect((await api("PUT", `/brand/${np.brandId}/revet`)).body.politicalVettingId).toBe(cv);
    expect((await api("GET", `/campaignBuilder/brand/${np.brandId}/usecase/POLITICAL`)).body.mnoMetadata["10038"].qualify).toBe(true);
    const wmc = await api("PUT", `/brand/${pp.brandId}/externalVetting`, { evpId: "WMC", vettingId: "tx-9" });
    expect(wmc.body).toMatchObject({ vettingClass: "STANDARD", vettingStatus: "ACTIVE", vettingScore: 11 });
    expect(sb.control.counters()).toMatchObject({ vettingOrders: 0, vettingImports: 2 });
  });
});

describe("identity appeals and evidence", () => {
  it("stores evidence, appeals an UNVERIFIED brand, decides on the clock, and serves/deletes attachments", async () => {
    const b = await verifiedBrand("PRIVATE_PROFIT", { ein: "987650000" });
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("UNVERIFIED");
    const bad = await api("POST", `/brand/${b.brandId}/appeal/evidence`, evidenceForm("virus.exe"));
    expect(bad.body[0].field).toBe("file");
    const up = (await api("POST", `/brand/${b.brandId}/appeal/evidence`, evidenceForm("ein.pdf", "%PDF-1.4 letter"))).body;
    expect((await api("GET", `/brand/${b.brandId}/appeal/evidence`)).body).toEqual([up]);
    const file = await fetch(`${sb.apiUrl}/attachment/${up.uuid}`, { headers: { authorization: "Bearer test-key" } });
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(await file.text()).toBe("%PDF-1.4 letter");
    expect((await api("POST", `/brand/${b.brandId}/appeal`, { appealCategories: [] })).body[0].field).toBe("appealCategories");
    expect((await api("POST", `/brand/${b.brandId}/appeal`, { appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: ["nope"] })).body[0].field).toBe("attachmentUuids");
    expect((await api("POST", `/brand/${b.brandId}/appeal`, { appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: [up.uuid], explanation: "x".repeat(1025) })).body[0].field).toBe("explanation");
    expect((await api("POST", `/brand/${b.brandId}/appeal`, { appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: [up.uuid], explanation: "Letter attached" })).status).toBe(204);
    expect((await api("POST", `/brand/${b.brandId}/appeal`, { appealCategories: ["VERIFY_TAX_ID"] })).body[0].code).toBe(902);
    await sb.control.advance(2 * DAY);
    const [appeal] = (await api("GET", `/brand/${b.brandId}/appeal?appealStatus=COMPLETE`)).body;
    expect(appeal).toMatchObject({ appealStatus: "COMPLETE", appealCategories: ["VERIFY_TAX_ID"], attachmentUuids: [up.uuid] });
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("VERIFIED");
    expect((await api("DELETE", `/attachment/${up.uuid}`)).status).toBe(204);
    expect((await api("GET", `/attachment/${up.uuid}`)).status).toBe(404);
  });

  it("an appeal whose explanation contains REJECT leaves the brand UNVERIFIED", async () => {
    const b = await verifiedBrand("PRIVATE_PROFIT", { ein: "987650000" });
    await api("POST", `/brand/${b.brandId}/appeal`, { appealCategories: ["VERIFY_TAX_ID"], explanation: "please REJECT" });
    await sb.control.advance(2 * DAY);
    expect((await api("GET", `/brand/${b.brandId}`)).body.identityStatus).toBe("UNVERIFIED");
  });
});

describe("brand assets", () => {
  const upload = (brandId: string, name: string, type: string, png: Buffer) => {
    const fd = new FormData();
    fd.append("name", name);
    fd.append("type", type);
    fd.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), `${name}.png`);
    return api("POST", `/brand/${brandId}/asset`, fd);
  };

  it("enforces the upload rules, verifies on the clock, blocks deleting verified assets, appeals within 45 days", async () => {
    const b = await verifiedBrand();
    expect((await upload(b.brandId, " bad name", "LOGO", makePng(224, 224))).body[0].field).toBe("name");
    expect((await upload(b.brandId, "logo", "ICON", makePng(224, 224))).body[0].field).toBe("type");
    expect((await upload(b.brandId, "logo", "LOGO", makePng(200, 200))).body[0].description).toMatch(/224 x 224/);
    const ok = await upload(b.brandId, "Main logo", "LOGO", makePng(224, 224));
    expect(ok.body).toMatchObject({ name: "Main logo", type: "LOGO", verificationStatus: null, attachmentUuid: expect.any(String) });
    expect((await upload(b.brandId, "Main logo", "LOGO", makePng(224, 224))).body[0].field).toBe("name");
    expect((await upload(b.brandId, "reject banner", "BANNER", makePng(1440, 448))).status).toBe(200);
    expect((await api("GET", `/brand/${b.brandId}/asset?type=BANNER`)).body).toHaveLength(1);

    expect((await api("PUT", `/brand/${b.brandId}/asset/Main%20logo/verify`)).status).toBe(204);
    expect((await api("POST", `/brand/${b.brandId}/asset/reject%20banner/verify`)).status).toBe(204);
    expect((await api("DELETE", `/brand/${b.brandId}/asset/Main%20logo`)).body[0].code).toBe(902);
    await sb.control.advance(DAY);
    const assets = (await api("GET", `/brand/${b.brandId}/asset`)).body;
    expect(assets.find((a: { name: string }) => a.name === "Main logo")).toMatchObject({ verificationStatus: "VERIFIED", expirationDate: expect.any(String) });
    expect(assets.find((a: { name: string }) => a.name === "reject banner")).toMatchObject({ verificationStatus: "UNVERIFIED", feedbackReasons: [expect.any(String)] });
    expect((await api("POST", `/brand/${b.brandId}/asset/reject%20banner/appeal`, { appealCategories: ["OWNERSHIP"] })).status).toBe(204);
    expect((await api("GET", `/brand/${b.brandId}/asset/reject%20banner/appeal`)).body[0]).toMatchObject({ appealStatus: "PENDING", name: "reject banner" });
    await sb.control.advance(2 * DAY);
    expect((await api("GET", `/brand/${b.brandId}/asset?name=reject%20banner`)).body[0].verificationStatus).toBe("VERIFIED");

    const sp = (await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR"))).body;
    expect((await upload(sp.brandId, "logo", "LOGO", makePng(224, 224))).body[0].code).toBe(902);
  });

  it("refuses verification while the brand is not verified and appeals after 45 days", async () => {
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
    await upload(b.brandId, "reject logo", "LOGO", makePng(224, 224));
    expect((await api("PUT", `/brand/${b.brandId}/asset/reject%20logo/verify`)).body[0].code).toBe(902);
    await sb.control.advance(2 * MIN);
    await api("PUT", `/brand/${b.brandId}/asset/reject%20logo/verify`);
    await sb.control.advance(46 * DAY);
    expect((await api("POST", `/brand/${b.brandId}/asset/reject%20logo/appeal`, { appealCategories: ["OWNERSHIP"] })).body[0].description).toMatch(/45 days/);
    expect((await api("DELETE", `/brand/${b.brandId}/asset/reject%20logo`)).status).toBe(204);
  });
});

describe("campaign builder qualification", () => {
  it("returns every use case with MNO metadata; UNVERIFIED brands qualify for nothing", async () => {
    const ok = await verifiedBrand("NON_PROFIT");
    const all = (await api("GET", `/campaignBuilder/brand/${ok.brandId}`)).body;
    expect(all.length).toBeGreaterThan(20);
    const mixed = all.find((u: { usecase: string }) => u.usecase === "MIXED");
    expect(mixed).toMatchObject({ minSubUsecases: 2, maxSubUsecases: 5, monthlyFee: 10, quarterlyFee: 30, annualFee: 120 });
    expect(Object.keys(mixed.mnoMetadata).sort()).toEqual(["10017", "10035", "10037", "10038"]);
    expect(mixed.mnoMetadata["10037"]).not.toHaveProperty("tpm");
    expect(all.find((u: { usecase: string }) => u.usecase === "CHARITY").mnoMetadata["10035"].qualify).toBe(true);
    expect(all.find((u: { usecase: string }) => u.usecase === "CARRIER_EXEMPT").mnoMetadata["10035"].mnoSupport).toBe(false);
    expect(all.find((u: { usecase: string }) => u.usecase === "LOW_VOLUME").mnoMetadata["10017"]).toMatchObject({ msgClass: "T", tpm: 75 });
    const bad = await verifiedBrand("PRIVATE_PROFIT", { ein: "123450000" });
    const q = (await api("GET", `/campaignBuilder/brand/${bad.brandId}`)).body;
    expect(q.every((u: { mnoMetadata: Record<string, { qualify: boolean }> }) => Object.values(u.mnoMetadata).every((m) => !m.qualify))).toBe(true);
    expect((await api("GET", `/campaignBuilder/brand/${ok.brandId}/usecase/NOPE`)).body[0].field).toBe("usecase");
    expect((await api("GET", `/campaignBuilder/brand/BXXXXXX`)).body[0].code).toBe(502);
  });
});
