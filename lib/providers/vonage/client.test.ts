import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Consent } from "@/lib/campaigns/consent";
import { InMemoryIntentStore } from "@/lib/tcr/billable";
import { TcrError } from "@/lib/tcr/errors";
import type { TcrClientConfig } from "@/lib/tcr/http";
import type { Sandbox } from "@/sandbox/server";
import { DAY, HOUR, KEY, MIN, SECRET, startSandbox } from "@/sandbox/testing/helpers";
import { createVonageClient } from "./client";
import { VonageApiError } from "./http";

/** Contract: each adapter method against the sandbox's Vonage profile (/v1/10dlc), TCR shapes in and out. */
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.control.reset();
});

const noSleep = async () => undefined;
function client(extra: Partial<TcrClientConfig> = {}) {
  return createVonageClient({
    baseUrl: `${sb.url}/v1/10dlc`, auth: { mode: "basic", apiKey: KEY, apiSecret: SECRET }, sleep: noSleep, reconcileDelayMs: 0,
    timeoutMs: 5_000, intentStore: new InMemoryIntentStore(), ...extra,
  });
}

const brandInput = (over: Record<string, unknown> = {}) => ({
  entityType: "PRIVATE_PROFIT" as const, displayName: "ABC Mobile", companyName: "ABC Mobile Inc.", ein: "111111175", phone: "+12024567890",
  street: "123 6th Ave", city: "New York", state: "NY", postalCode: "10001", country: "US", email: "john.doe@abcmobile.com",
  brandRelationship: "BASIC_ACCOUNT" as const, vertical: "RETAIL", website: "https://abcmobile.com", ...over,
});

const consent: Consent = {
  programName: "ABC Mobile", messagePurpose: "Account alerts",
  mechanisms: [
    { method: "WEB_FORM", location: "https://abcmobile.com/account", details: "Unchecked SMS box on the account page", evidenceUrl: "https://abcmobile.com/optin.png" },
    { method: "TEXT_TO_JOIN", location: "Printed on invoices", details: "Customers text ALERTS to join", keywords: "ALERTS, JOIN" },
  ],
  frequency: "VARIES", ratesDisclosure: true, helpDisclosure: true, stopDisclosure: true, carrierDisclaimer: true,
  privacyPolicyUrl: "https://abcmobile.com/privacy", termsUrl: "https://abcmobile.com/terms",
};

const campaignInput = (brandId: string, over: Record<string, unknown> = {}) => ({
  brandId, usecase: "ACCOUNT_NOTIFICATION", resellerId: "R000000",
  description: "Account alerts for ABC Mobile customers about billing and service changes.",
  messageFlow: "Customers opt in on the account settings page by ticking an unchecked box.",
  sample1: "ABC Mobile: your bill of $20 is due on the 5th. Reply STOP to opt out.",
  sample2: "ABC Mobile: your plan changes on the 1st. Reply HELP for help, STOP to opt out.",
  helpMessage: "ABC Mobile: help at support@abcmobile.com. Reply STOP to opt out.",
  optinMessage: "ABC Mobile: you will receive account alerts. Reply STOP to opt out.",
  optoutMessage: "ABC Mobile: you are unsubscribed and will receive no further messages.",
  subscriberOptin: true, subscriberOptout: true, subscriberHelp: true, helpKeywords: "HELP", optoutKeywords: "STOP",
  ...over,
});

async function vettedBrand(v = client()): Promise<string> {
  const b = await v.brands.create(brandInput(), { idempotencyKey: `brand-${Math.random()}` });
  await sb.clock.advance(2 * MIN);
  await v.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: `vet-${b.brandId}` });
  await sb.clock.advance(15 * MIN);
  return b.brandId;
}

const vonageBrandCount = () => Object.values(sb.store.data.brands).filter((b) => b.status === "ACTIVE").length;
const vonageCampaignCount = () => Object.keys((sb.store.data as unknown as { profiles?: { vonage?: { campaigns: object } } }).profiles?.vonage?.campaigns ?? {}).length;

describe("brands", () => {
  it("create/get/update/search/delete speak TCR shapes (phones with +, ISO dates, Vonage extras)", async () => {
    const v = client();
    const b = await v.brands.create(brandInput({ businessContactEmail: "jane.roe@abcmobile.com" }), { idempotencyKey: "k1" });
    expect(b).toMatchObject({ brandId: expect.stringMatching(/^B/), phone: "+12024567890", businessContactEmail: "jane.roe@abcmobile.com", vonage: { accountId: KEY, reseller: false } });
    expect(b.createDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(sb.store.data.brands[b.brandId]?.phone).toBe("+12024567890");
    const g = await v.brands.get(b.brandId);
    expect(g.displayName).toBe("ABC Mobile");
    const u = await v.brands.update(b.brandId, { ...brandInput(), displayName: "ABC Mobile 2", mobilePhone: "+12025550123" });
    expect(u).toMatchObject({ displayName: "ABC Mobile 2", mobilePhone: "+12025550123" });
    const page = await v.brands.search({ displayName: "mobile 2" });
    expect(page.totalRecords).toBe(1);
    await v.brands.delete(b.brandId);
    await expect(v.brands.get(b.brandId)).rejects.toMatchObject({ status: 404 });
  });

  it("maps Vonage's invalid_parameters back to our camelCase field names", async () => {
    const v = client();
    const err = await v.brands.create(brandInput({ postalCode: "ABCDE", stockExchange: "NASDAQ", entityType: "PUBLIC_PROFIT", stockSymbol: "ABC" }), { idempotencyKey: "bad" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VonageApiError);
    const e = err as VonageApiError;
    expect(e.status).toBe(422);
    expect(e.vonageCode).toBe("brand-parameters");
    expect(e.items.map((i) => i.field).sort()).toEqual(["businessContactEmail", "postalCode"]);
  });

  it("feedback, revet, vetting list/import, start_verification for sole proprietors", async () => {
    const v = client();
    const b = await v.brands.create(brandInput({ ein: "111110000" }), { idempotencyKey: "fb" });
    await sb.clock.advance(2 * MIN);
    const f = await v.brands.getFeedback(b.brandId);
    expect(f.category[0]).toMatchObject({ id: "TAX_ID", fields: expect.arrayContaining(["ein", "companyName"]) });
    expect((await v.brands.revet(b.brandId)).brandId).toBe(b.brandId);
    const imp = await v.brands.importExternalVetting(b.brandId, { evpId: "AEGIS", vettingId: "AEG-1", vettingToken: "tok" });
    expect(imp).toMatchObject({ evpId: "AEGIS", vettingId: "AEG-1", vettingStatus: "PENDING" });
    expect((await v.brands.listExternalVetting(b.brandId)).map((x) => x.vettingId)).toEqual(["AEG-1"]);
    const sp = await v.brands.create(
      { entityType: "SOLE_PROPRIETOR", firstName: "John", lastName: "Doe", displayName: "John Doe", phone: "+12024567890", mobilePhone: "+12025550123", street: "1 Main St", city: "New York", state: "NY", postalCode: "10001", country: "US", email: "john@doe.example", referenceId: "ignored-by-vonage" },
      { idempotencyKey: "sp" },
    );
    const otp = await v.brands.triggerSmsOtp(sp.brandId, { pinSms: "Your code is @OTP_PIN@" });
    expect(otp.referenceId).toMatch(/^OTP/);
    await expect(v.brands.verifySmsOtp(sp.brandId, { otpPin: "000000" })).rejects.toBeInstanceOf(TcrError);
    await v.brands.verifySmsOtp(sp.brandId, { otpPin: "123456" });
    expect((await v.brands.getVerificationStatus(sp.brandId, otp.referenceId)).verifyDate).toBeTruthy();
    expect((await v.brands.get(sp.brandId)).mobilePhoneVerifiedDate).toBeTruthy();
  });

  it("rejects Bearer configs and reports 401 as a TcrError", async () => {
    expect(() => createVonageClient({ baseUrl: `${sb.url}/v1/10dlc`, auth: { mode: "bearer", apiKey: KEY } })).toThrow(/Basic/);
    const bad = createVonageClient({ baseUrl: `${sb.url}/v1/10dlc`, auth: { mode: "basic", apiKey: KEY, apiSecret: "nope" }, sleep: noSleep });
    await expect(bad.brands.get("BXXXXXX")).rejects.toMatchObject({ status: 401, vonageCode: "unauthorized" });
  });

  it("reads retry on 503; a write answered 503 is never resent blindly", async () => {
    const v = client();
    sb.control.addFault({ kind: "status", status: 503, method: "GET", path: "/v1/10dlc/brands", times: 2 });
    expect((await v.brands.search()).totalRecords).toBe(0);
    sb.control.addFault({ kind: "status", status: 503, method: "PATCH", path: "/v1/10dlc/brands/:id", times: 1 });
    const b = await v.brands.create(brandInput(), { idempotencyKey: "r1" });
    await expect(v.brands.update(b.brandId, { ...brandInput(), displayName: "X" })).rejects.toMatchObject({ status: 503 });
    expect((await v.brands.get(b.brandId)).displayName).toBe("ABC Mobile");
  });
});

describe("campaign builder and campaigns", () => {
  it("qualifyBrandUsecase answers TCR's qualification shape with Vonage's fees", async () => {
    const v = client();
    const id = await vettedBrand(v);
    const q = await v.campaignBuilder.qualifyBrandUsecase(id, "ACCOUNT_NOTIFICATION");
    expect(q.usecase).toBe("ACCOUNT_NOTIFICATION");
    expect(q.quarterlyFee).toEqual(expect.any(Number));
    expect(q.mnoMetadata?.["10017"]).toMatchObject({ qualify: true, msgClass: expect.any(String), tpm: expect.any(Number), tpmScope: "CAMPAIGN" });
    expect(q.mnoMetadata?.["10035"]).toMatchObject({ brandTier: expect.any(String), brandDailyCap: expect.any(Number) });
    expect((await v.campaignBuilder.getTermsAndConditions()).subTerms.length).toBeGreaterThan(0);
  });

  it("create with structured consent → PENDING_REVIEW → CARRIERS_REVIEW → ACTIVE; update re-reviews; numbers; throughputs; deactivate", async () => {
    const v = client();
    const brandId = await vettedBrand(v);
    const created = await v.campaignBuilder.create(campaignInput(brandId), { idempotencyKey: "c1", consent, label: "Alerts" });
    expect(created).toMatchObject({ campaignId: expect.stringMatching(/^VC/), tcrCampaignId: null, vonageStatus: "PENDING_REVIEW", trafficEnabled: false });
    const id = created.campaignId;
    const c0 = await v.campaigns.get(id);
    expect(c0.messageFlowDetails).toMatchObject({ brand_name: "ABC Mobile", frequency: "RECURRING", carrier_disclaimer: true });
    expect(c0.messageFlow).toContain("- TEXT_TO_JOIN: Opt-in Keywords: ALERTS,JOIN.");
    expect(c0).toMatchObject({ optinKeywords: "ALERTS,JOIN", privacyPolicyLink: "https://abcmobile.com/privacy", label: "Alerts", status: "ACTIVE" });
    await sb.clock.advance(HOUR);
    const c1 = await v.campaigns.get(id);
    expect(c1.vonageStatus).toBe("CARRIERS_REVIEW");
    expect(c1.tcrCampaignId).toMatch(/^C/);
    await sb.clock.advance(DAY);
    const c2 = await v.campaigns.get(id);
    expect(c2).toMatchObject({ vonageStatus: "ACTIVE", trafficEnabled: true, tcrStatus: "ACTIVE", tcrCampaignId: c1.tcrCampaignId });
    expect(Object.keys(await v.campaigns.getOperationStatus(id))).toContain("10017");
    const linked = await v.linkNumber(id, "+14155550110");
    expect(linked).toMatchObject({ phoneNumber: "+14155550110", status: "LINKING" });
    await sb.clock.advance(MIN);
    expect((await v.listNumbers(id)).map((n) => n.status)).toEqual(["LINKED"]);
    expect((await v.campaigns.listPhoneNumbers(id)).totalRecords).toBe(1);
    const tp = await v.throughputs(id);
    expect(tp.map((t) => `${t.period}:${t.scope}`).sort()).toEqual(["day:brand", "minute:campaign"]);
    const upd = await v.campaigns.update(id, { sample1: "ABC Mobile: your bill of $25 is due on the 7th. Reply STOP to opt out." });
    expect(upd).toMatchObject({ vonageStatus: "PENDING_REVIEW", trafficEnabled: true });
    await sb.clock.advance(HOUR + DAY);
    expect((await v.campaigns.get(id)).vonageStatus).toBe("ACTIVE");
    await v.unlinkNumber(id, "+14155550110");
    await v.campaigns.deactivate(id);
    expect(await v.campaigns.get(id)).toMatchObject({ vonageStatus: "CANCELED", status: "EXPIRED", trafficEnabled: false });
  });

  it("resolves a campaign's brand without a cache (a fresh client); search lists by brand and status", async () => {
    const brandId = await vettedBrand();
    const c = await client().campaignBuilder.create(campaignInput(brandId), { idempotencyKey: "c-fresh", consent });
    expect((await client().campaigns.get(c.campaignId)).brandId).toBe(brandId);
    expect((await client().campaigns.search({ brandId, status: "ACTIVE" })).records.map((x) => x.campaignId)).toEqual([c.campaignId]);
    expect((await client().campaigns.search({ status: "EXPIRED" })).totalRecords).toBe(0);
  });

  it("previewMessageFlow renders our consent through Vonage", async () => {
    const text = await client().previewMessageFlow(consent);
    expect(text).toMatch(/^Brand: ABC Mobile \\\nConsent mechanisms: \\\n- ONLINE_FORM: https:\/\/abcmobile.com\/account\. Unchecked SMS box/);
    expect(text).toContain("Carriers are not liable for delayed or undelivered messages.");
  });

  it("maps campaign field errors to our names", async () => {
    const v = client();
    const brandId = await vettedBrand(v);
    const err = (await v.campaignBuilder.create(campaignInput(brandId, { optoutKeywords: "QUIT", sample2: "ABC Mobile: see https://bit.ly/x for details" }), { idempotencyKey: "cbad", consent }).catch((e: unknown) => e)) as TcrError;
    expect(err).toBeInstanceOf(TcrError);
    expect(err.items.map((i) => i.field).sort()).toEqual(["embeddedLink", "embeddedLink", "optoutKeywords"]);
  });
});

describe("structured consent errors land on the consent form's fields", () => {
  it("a mechanism without evidence and a missing rates disclosure", async () => {
    const v = client();
    const brandId = await vettedBrand(v);
    const bad: Consent = { ...consent, ratesDisclosure: false, mechanisms: [{ method: "VERBAL", location: "Call centre", details: "Agents ask" }] };
    const err = (await v.campaignBuilder.create(campaignInput(brandId), { idempotencyKey: "consent-bad", consent: bad }).catch((e: unknown) => e)) as Error;
    // pricing_disclosure must be true: the adapter's schema refuses before anything is sent.
    expect(err.name).toBe("ZodError");
    const err2 = (await v.campaignBuilder.create(campaignInput(brandId), { idempotencyKey: "consent-bad2", consent: { ...bad, ratesDisclosure: true } }).catch((e: unknown) => e)) as TcrError;
    expect(err2).toBeInstanceOf(TcrError);
    expect(err2.items.map((i) => i.field)).toEqual(["consent.mechanisms.0.evidenceUrl"]);
    expect(vonageCampaignCount()).toBe(0);
  });
});

describe("account, enums, resellers, evidence", () => {
  it("round-trips the account setting, reads enums, registers a reseller, uploads/downloads/deletes evidence and appeals a vet", async () => {
    const v = client();
    await v.updateAccount({ optOutAssist: true });
    expect(await v.getAccount()).toEqual({ optOutAssist: true });
    expect((await v.enums()).usecase?.length).toBe(20);
    const r = await v.registerReseller({ companyName: "Reseller Co", phone: "+12025550100", email: "ops@reseller.example" });
    expect(r).toMatchObject({ status: "PENDING", tcrResellerId: null, phone: "+12025550100" });
    await sb.clock.advance(DAY);
    expect((await v.getReseller(r.id)).tcrResellerId).toMatch(/^R/);
    expect((await v.listResellers()).map((x) => x.id)).toEqual([r.id]);
    const brandId = await vettedBrand(v);
    await expect(v.brands.uploadAppealEvidence(brandId, { data: new Uint8Array([1]), fileName: "x.exe" })).rejects.toThrow(/type/);
    await expect(v.brands.uploadAppealEvidence(brandId, { data: new Uint8Array(10 * 1024 * 1024 + 1), fileName: "big.pdf" })).rejects.toThrow(/10 MB/);
    const up = await v.brands.uploadAppealEvidence(brandId, { data: new TextEncoder().encode("proof"), fileName: "proof.txt", mimeType: "text/plain" });
    expect((await v.brands.listAppealEvidence(brandId)).map((e) => e.uuid)).toEqual([up.uuid]);
    const dl = await v.brands.downloadAppealEvidence(brandId, up.uuid);
    expect(new TextDecoder().decode(dl.data)).toBe("proof");
    expect(dl.fileName).toBe("proof.txt");
    const vet = (await v.brands.listExternalVetting(brandId))[0]!;
    await v.brands.appealExternalVetting(brandId, { evpId: "AEGIS", vettingId: vet.vettingId!, appealCategories: ["LOW_SCORE"], attachmentUuids: [up.uuid], explanation: "Score too low" });
    await v.brands.deleteAppealEvidence(brandId, up.uuid);
    expect(await v.brands.listAppealEvidence(brandId)).toEqual([]);
  });
});

describe("partner campaigns", () => {
  it("imports a campaign shared with the account; a CNP-migration share needs cnp_migration", async () => {
    const v = client();
    const [plain] = sb.control.receivePartnerShares(1);
    const imp = await v.importPartnerCampaign(plain!, { label: "Imported" });
    expect(imp).toMatchObject({ campaignId: expect.stringMatching(/^VC/), sharingStatus: "PENDING" });
    await sb.clock.advance(DAY);
    expect((await v.getPartnerCampaign(imp.campaignId!)).sharingStatus).toBe("ACCEPTED");
    const [migrating] = sb.control.receivePartnerShares(1, { cnpMigration: true });
    await expect(v.importPartnerCampaign(migrating!)).rejects.toMatchObject({ status: 422, items: [{ field: "cnpMigration" }] });
    expect((await v.importPartnerCampaign(migrating!, { cnpMigration: true })).sharingStatus).toBe("PENDING");
    await expect(v.importPartnerCampaign("CNOPE00")).rejects.toMatchObject({ status: 404 });
  });
});

describe("billable creates never pay twice", () => {
  it("the same idempotency key makes one brand and one campaign", async () => {
    const v = client();
    const a = await v.brands.create(brandInput(), { idempotencyKey: "dbl-brand" });
    const b = await v.brands.create(brandInput(), { idempotencyKey: "dbl-brand" });
    expect(b.brandId).toBe(a.brandId);
    expect(vonageBrandCount()).toBe(1);
    await sb.clock.advance(2 * MIN);
    await v.brands.orderExternalVetting(a.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: "dbl-vet" });
    await sb.clock.advance(15 * MIN);
    const c1 = await v.campaignBuilder.create(campaignInput(a.brandId), { idempotencyKey: "dbl-camp", consent });
    const c2 = await v.campaignBuilder.create(campaignInput(a.brandId), { idempotencyKey: "dbl-camp", consent });
    expect(c2.campaignId).toBe(c1.campaignId);
    expect(vonageCampaignCount()).toBe(1);
  });

  it("after an ambiguous failure (the response is lost after the sandbox processed it), one brand and one campaign", async () => {
    const store = new InMemoryIntentStore();
    // Real sleeps: the reconcile lookup must happen after the slow request was processed.
    const v = client({ intentStore: store, timeoutMs: 150, sleep: undefined, reconcileDelayMs: 700, retry: { baseDelayMs: 10 } });
    sb.control.addFault({ kind: "latency", latencyMs: 400, method: "POST", path: "/v1/10dlc/brands", times: 1 });
    const b = await v.brands.create(brandInput(), { idempotencyKey: "amb-brand" });
    expect(vonageBrandCount()).toBe(1);
    expect((await store.find("amb-brand"))?.sendCount).toBe(1);
    expect((await v.brands.create(brandInput(), { idempotencyKey: "amb-brand" })).brandId).toBe(b.brandId);
    await sb.clock.advance(2 * MIN);
    await client().brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: "amb-vet" });
    await sb.clock.advance(15 * MIN);
    sb.control.addFault({ kind: "latency", latencyMs: 400, method: "POST", path: "/v1/10dlc/brands/:b/campaigns", times: 1 });
    const c = await v.campaignBuilder.create(campaignInput(b.brandId), { idempotencyKey: "amb-camp", consent });
    expect(vonageCampaignCount()).toBe(1);
    expect((await store.find("amb-camp"))?.sendCount).toBe(1);
    expect((await v.campaignBuilder.create(campaignInput(b.brandId), { idempotencyKey: "amb-camp", consent })).campaignId).toBe(c.campaignId);
  });

  it("after a dropped connection before processing, the create is sent again and still makes one brand", async () => {
    const store = new InMemoryIntentStore();
    const v = client({ intentStore: store });
    sb.control.addFault({ kind: "drop", method: "POST", path: "/v1/10dlc/brands", times: 1 });
    const b = await v.brands.create(brandInput(), { idempotencyKey: "drop-brand" });
    expect(b.brandId).toBeTruthy();
    expect(vonageBrandCount()).toBe(1);
    expect((await store.find("drop-brand"))?.sendCount).toBe(2);
  });
});
