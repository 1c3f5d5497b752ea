import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, DAY, MIN, startSandbox } from "../testing/helpers";

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

async function verifiedBrand(type = "PRIVATE_PROFIT", over: Record<string, unknown> = {}): Promise<string> {
  const b = (await api("POST", "/brand/nonBlocking", brandBody(type, over))).body;
  await sb.control.advance(2 * MIN);
  return b.brandId;
}

function campaignBody(brandId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    brandId, usecase: "2FA", subUsecases: [], resellerId: "R000000",
    description: "One-time passcodes sent to customers who sign in to the ABC Mobile web portal.",
    messageFlow: "Customers enter their number on the sign-in page and tick an unchecked consent box before codes are sent.",
    subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
    sample1: "Your ABC Mobile code is 123456. Reply STOP to opt out.",
    helpMessage: "ABC Mobile: help at support@abc.com. Reply STOP to opt out.",
    optinMessage: "ABC Mobile: you will receive sign-in codes. Reply STOP to opt out.",
    optoutMessage: "ABC Mobile: you are unsubscribed and will receive no more messages.",
    optinKeywords: "START,YES", referenceId: `c-${Math.random().toString(36).slice(2)}`,
    ...over,
  };
}

describe("POST /campaignBuilder", () => {
  it("creates a campaign for qualifying MNOs, bills once, and answers {campaignId, mnoMetadata}", async () => {
    const brandId = await verifiedBrand();
    const r = await api("POST", "/campaignBuilder", campaignBody(brandId, { referenceId: "twofactor" }));
    expect(r.status).toBe(200);
    expect(r.body.campaignId).toMatch(/^C[A-Z0-9]{6}$/);
    expect(Object.keys(r.body.mnoMetadata).sort()).toEqual(["10017", "10035", "10037", "10038"]);
    expect(sb.control.counters().campaigns).toBe(1);
    const dup = await api("POST", "/campaignBuilder", campaignBody(brandId, { referenceId: "TwoFactor" }));
    expect(dup.body[0]).toMatchObject({ code: 503, field: "referenceId" });
    expect(sb.control.counters().campaigns).toBe(1);
    const c = (await api("GET", `/campaign/${r.body.campaignId}`)).body;
    expect(c).toMatchObject({ campaignId: r.body.campaignId, brandId, usecase: "2FA", status: "ACTIVE", resellerId: "R000000", monthlyFee: 10, vertical: "RETAIL", mock: false, optoutKeywords: "STOP" });
    expect(c).not.toHaveProperty("mnoIds");
    expect((await api("GET", `/campaign/${r.body.campaignId}/operationStatus`)).body).toEqual({ "10017": "REGISTERED", "10035": "REGISTERED", "10037": "REGISTERED", "10038": "REGISTERED" });
    expect(sb.control.events({ eventType: "CAMPAIGN_ADD" })[0]!.payload).toMatchObject({ campaignId: r.body.campaignId, campaignReferenceId: "twofactor" });
    // A brand with an ACTIVE campaign can no longer be deleted.
    expect((await api("DELETE", `/brand/${brandId}`)).body[0].code).toBe(902);
  });

  it("validates the request table and refuses unqualified brands with 509", async () => {
    const brandId = await verifiedBrand();
    const bad = await api("POST", "/campaignBuilder", { brandId, usecase: "MIXED", subUsecases: ["SOCIAL"], description: "short", subscriberHelp: true, embeddedLinkSample: "https://bit.ly/x" });
    const fields = bad.body.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["resellerId", "description", "messageFlow", "helpMessage", "subUsecases", "embeddedLinkSample"]));
    expect((await api("POST", "/campaignBuilder", campaignBody(brandId, { resellerId: "RNOPE00" }))).body[0].field).toBe("resellerId");
    const unverified = await verifiedBrand("PRIVATE_PROFIT", { ein: "111110000" });
    const q = await api("POST", "/campaignBuilder", campaignBody(unverified));
    expect(q.body[0]).toMatchObject({ code: 509, field: "usecase" });
    const noHelp = await api("POST", "/campaignBuilder", campaignBody(brandId, { subscriberHelp: false, helpMessage: null }));
    expect(noHelp.body[0].code).toBe(509);
    const special = await api("POST", "/campaignBuilder", campaignBody(brandId, { usecase: "SOCIAL", sample2: "ABC Mobile: new post from a friend. Reply STOP to opt out." }));
    expect(special.body[0].code).toBe(509); // needs a vet
    const sp = (await api("POST", "/brand/nonBlocking", brandBody("SOLE_PROPRIETOR"))).body;
    expect((await api("POST", "/campaignBuilder", campaignBody(sp.brandId, { usecase: "SOLE_PROPRIETOR", referenceId: null }))).body[0].field).toBe("referenceId");
    expect(sb.control.counters().campaigns).toBe(0);
  });

  it("puts special use cases under MNO review and decides on the clock", async () => {
    const brandId = await verifiedBrand("PRIVATE_PROFIT", { ein: "123456780" });
    await api("POST", `/brand/${brandId}/externalVetting`, { evpId: "AEGIS" });
    await sb.control.advance(11 * MIN);
    const body = campaignBody(brandId, { usecase: "SOCIAL", sample2: "ABC Mobile: new post from a friend. Reply STOP to opt out.", mnoIds: [10017, 10035] });
    const ok = (await api("POST", "/campaignBuilder", body)).body;
    expect(Object.keys(ok.mnoMetadata)).toEqual(["10017", "10035"]);
    expect((await api("GET", `/campaign/${ok.campaignId}/operationStatus`)).body).toEqual({ "10017": "REVIEW", "10035": "REVIEW" });
    const rej = (await api("POST", "/campaignBuilder", { ...body, referenceId: "rej", description: "Please REJECT this social campaign for testing purposes only." })).body;
    await sb.control.advance(DAY);
    expect((await api("GET", `/campaign/${ok.campaignId}/operationStatus`)).body).toEqual({ "10017": "REGISTERED", "10035": "REGISTERED" });
    expect((await api("GET", `/campaign/${rej.campaignId}/operationStatus`)).body["10017"]).toBe("REJECTED");
    expect(sb.control.events({ eventType: "MNO_CAMPAIGN_OPERATION_APPROVED" })).toHaveLength(2);
    // Resubmit to another MNO adds it, counts a resubmission.
    const re = await api("PUT", `/campaign/${ok.campaignId}/resubmit`, { mnoIds: [10038] });
    expect(Object.keys(re.body.mnoMetadata)).toEqual(["10038"]);
    expect((await api("GET", `/campaign/${ok.campaignId}/operationStatus`)).body["10038"]).toBe("REVIEW");
    expect(Object.keys((await api("GET", `/campaign/${ok.campaignId}/mnoMetadata`)).body).sort()).toEqual(["10017", "10035", "10038"]);
    expect(sb.control.counters().resubmissions).toBe(1);
  });
});

describe("campaign search, update, deactivate", () => {
  it("updates only mutable fields, enforces the reseller rule, and deactivates idempotently", async () => {
    const brandId = await verifiedBrand();
    const reseller = (await api("POST", "/reseller", { companyName: "Acme", phone: "+15555555555", email: "j@acme.com" })).body;
    const { campaignId } = (await api("POST", "/campaignBuilder", campaignBody(brandId, { resellerId: reseller.resellerId }))).body;
    expect((await api("PUT", `/campaign/${campaignId}`, { usecase: "MARKETING" })).body[0]).toMatchObject({ code: 501, field: "usecase" });
    expect((await api("PUT", `/campaign/${campaignId}`, { description: "too short" })).body[0].field).toBe("description");
    const up = await api("PUT", `/campaign/${campaignId}`, { autoRenewal: false, sample2: "ABC Mobile: your code expires in 10 minutes.", usecase: "2FA" });
    expect(up.body).toMatchObject({ autoRenewal: false, sample2: "ABC Mobile: your code expires in 10 minutes." });
    expect(up.body).not.toHaveProperty("monthlyFee");
    expect((await api("DELETE", `/reseller/${reseller.resellerId}`)).body[0].code).toBe(902);
    expect((await api("PUT", `/campaign/${campaignId}`, { resellerId: "RABCDEF" })).body[0].field).toBe("resellerId");
    expect((await api("PUT", `/campaign/${campaignId}`, { resellerId: "R000000" })).body.resellerId).toBe("R000000");
    expect((await api("PUT", `/campaign/${campaignId}`, { resellerId: reseller.resellerId })).body[0].field).toBe("resellerId");
    expect((await api("DELETE", `/campaign/${campaignId}`)).status).toBe(204);
    expect((await api("DELETE", `/campaign/${campaignId}`)).status).toBe(204);
    expect((await api("GET", `/campaign/${campaignId}`)).body.status).toBe("EXPIRED");
    expect((await api("PUT", `/campaign/${campaignId}`, { autoRenewal: true })).body[0].code).toBe(518);
    expect(sb.control.events({ eventType: "CAMPAIGN_EXPIRED" })).toHaveLength(1);
    expect((await api("DELETE", `/brand/${brandId}`)).status).toBe(204);
  });

  it("searches real and mock campaigns separately with their page limits", async () => {
    await sb.control.loadScenario("large", { brands: 200, campaigns: 300, partnerShares: 0 });
    const all = (await api("GET", "/campaign?recordsPerPage=500")).body;
    expect(all.totalRecords).toBe(300);
    const real = (await api("GET", "/campaign/search?recordsPerPage=50")).body;
    const mock = (await api("GET", "/campaign/mock?recordsPerPage=50")).body;
    expect(real.totalRecords + mock.totalRecords).toBe(300);
    expect(mock.totalRecords).toBeGreaterThan(0);
    expect(real.records).toHaveLength(50);
    expect((await api("GET", "/campaign/search?recordsPerPage=51")).status).toBe(400);
    expect((await api("GET", "/campaign?mock=true")).body.totalRecords).toBe(mock.totalRecords);
    expect((await api("GET", "/campaign/search?usecase=MIXED")).body.records.every((c: { usecase: string }) => c.usecase === "MIXED")).toBe(true);
    const one = real.records[0];
    expect((await api("GET", `/campaign/${one.campaignId}/operationStatus`)).body["10017"]).toBe("REGISTERED");
  });
});
