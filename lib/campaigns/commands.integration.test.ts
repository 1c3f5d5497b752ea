import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultKeywordMessages } from "@/lib/campaigns/builder";
import {
  deactivateCampaign, fetchQualification, nudgeCampaign, refreshCampaignFromRegistry, removeExcludedMno, resubmitCampaign, saveCampaignDraft,
  shareCampaign, submitCampaignDraft, updateCampaign, type ClientFor,
} from "@/lib/campaigns/commands";
import { composeMessageFlow, lintCampaign, type Consent } from "@/lib/campaigns/lint";
import { getCampaign, listCampaigns } from "@/lib/campaigns/queries";
import { parseCampaignFilters } from "@/lib/campaigns/search-params";
import { updateCampaignSchema, type CampaignDraftData } from "@/lib/campaigns/schemas";
import { ConflictError, NotFoundError, ValidationFailedError } from "@/lib/errors";
import { refreshBrand } from "@/lib/mirror/refresh";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { DiskStorage } from "@/lib/evidence/storage";
import { storeUpload } from "@/lib/evidence/store";
import { makePng } from "@/sandbox/testing/helpers";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "campaign-key";
const SECRET = "campaign-secret";
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
let brandId: string;

const consent: Consent = {
  programName: "Acme Outdoors",
  messagePurpose: "store offers and event announcements",
  mechanisms: [{ method: "WEB_FORM", location: "https://www.acme-outdoors.com/sms", details: "", evidenceUrl: "https://www.acme-outdoors.com/sms-optin.png", checkboxUnchecked: true }],
  frequency: "RECURRING",
  frequencyDetail: "up to 4 msgs/month",
  ratesDisclosure: true,
  helpDisclosure: true,
  stopDisclosure: true,
  carrierDisclaimer: true,
  notConditionOfPurchase: true,
  noThirdPartySharing: true,
  privacyPolicyUrl: "https://www.acme-outdoors.com/privacy",
  termsUrl: "https://www.acme-outdoors.com/terms",
};

/** A MARKETING campaign written the way the builder would fill it in, clean for the compliance check. */
export function goodDraft(brand: string): CampaignDraftData {
  return {
    brandId: brand,
    usecase: "MARKETING",
    subUsecases: [],
    resellerId: "R000000",
    description: "Acme Outdoors sends seasonal offers and in-store event announcements to customers who signed up for texts on our website.",
    consent: consent as unknown as Record<string, unknown>,
    messageFlow: composeMessageFlow(consent),
    sample1: "Acme Outdoors: our spring sale starts Friday with 20% off all tents in store. Msg & data rates may apply. Reply STOP to opt out.",
    sample2: "Acme Outdoors: join us Saturday for the store anniversary with free gifts for members. Reply HELP for help, STOP to opt out.",
    embeddedLink: false,
    embeddedPhone: false,
    numberPool: false,
    ageGated: false,
    directLending: false,
    affiliateMarketing: false,
    termsAndConditions: true,
    subscriberOptin: true,
    subscriberOptout: true,
    subscriberHelp: true,
    ...defaultKeywordMessages("Acme Outdoors"),
    privacyPolicyLink: "https://www.acme-outdoors.com/privacy",
    termsAndConditionsLink: "https://www.acme-outdoors.com/terms",
    autoRenewal: true,
  };
}

const counters = () => sandbox.control.counters();

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false });
  org = await makeOrg(t.db);
  other = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
  const client = await registryClientFor(t.db, org.org.id);
  const b = await client.brands.create({
    entityType: "PRIVATE_PROFIT", displayName: "Acme Outdoors", companyName: "Acme Outdoors Inc.", ein: "111111111", einIssuingCountry: "US",
    phone: "+12024567890", street: "123 6th Ave", city: "New York", state: "NY", postalCode: "10001", country: "US",
    email: "ops@acme-outdoors.com", website: "https://www.acme-outdoors.com", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT",
  }, { idempotencyKey: "campaign-test-brand" });
  brandId = b.brandId;
  await sandbox.control.advance(2 * 60_000);
  await refreshBrand(t.db, client, org.org.id, brandId);
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

describe("qualification", () => {
  it("reads the registry's per-carrier matrix, which changes with the use case", async () => {
    const marketing = await fetchQualification(t.db, org.org.id, { brandId, usecase: "MARKETING" });
    expect(Object.keys(marketing.mnoMetadata ?? {}).sort()).toEqual(["10017", "10035", "10037", "10038"]);
    expect(marketing.mnoMetadata?.["10017"]).toMatchObject({ qualify: true, mnoSupport: true, minMsgSamples: 2 });
    expect(marketing.monthlyFee).toBe(10);
    // SOCIAL needs a vetted brand: the same unvetted brand does not qualify on any carrier.
    const social = await fetchQualification(t.db, org.org.id, { brandId, usecase: "SOCIAL" });
    expect(Object.values(social.mnoMetadata ?? {}).every((m) => m.qualify === false)).toBe(true);
  });

  it("does not ask about another organization's brand", async () => {
    await expect(fetchQualification(t.db, other.org.id, { brandId, usecase: "MARKETING" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("submitting a draft", () => {
  it("refuses on the server when the compliance check blocks, before any fee", async () => {
    const before = counters().campaigns;
    // Neither sample names the brand nor says how to opt out: carriers reject that (sample.brand-name, sample.opt-out).
    const bad = {
      ...goodDraft(brandId),
      sample1: "Big spring sale this Friday, everything in store is twenty percent off!",
      sample2: "Join us Saturday for the store anniversary with free gifts for members.",
    };
    const blocking = lintCampaign({ brand: { displayName: "Acme Outdoors" }, campaign: bad }).filter((f) => f.severity === "block");
    expect(blocking.length).toBeGreaterThan(0);
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: bad });
    const err = await submitCampaignDraft(t.db, org.ctx, { draftId }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect(Object.keys((err as ValidationFailedError).fieldErrors ?? {})).toContain("sample1");
    expect(counters().campaigns).toBe(before);
    expect(await t.db.billableIntent.count({ where: { orgId: org.org.id, key: `campaign-draft:${draftId}` } })).toBe(0);
  });

  it("creates the campaign once although the first answer times out, and mirrors it with per-carrier status", async () => {
    const findings = lintCampaign({ brand: { displayName: "Acme Outdoors", companyName: "Acme Outdoors Inc." }, campaign: goodDraft(brandId) });
    expect(findings.filter((f) => f.severity === "block")).toEqual([]);
    const before = counters().campaigns;
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: goodDraft(brandId) });
    // The registry creates the campaign but answers after the client gave up: an ambiguous billable call.
    sandbox.control.addFault({ kind: "latency", method: "POST", path: "/campaignBuilder", latencyMs: 700, times: 1 });
    const slowClient: ClientFor = (db, orgId) => registryClientFor(db, orgId, { timeoutMs: 300 });
    const r = await submitCampaignDraft(t.db, org.ctx, { draftId }, { clientFor: slowClient });
    expect(r.campaignId).toMatch(/^C/);
    expect(counters().campaigns).toBe(before + 1);

    // Submitting again (a double click, a retry) returns the same campaign and pays nothing more.
    const again = await submitCampaignDraft(t.db, org.ctx, { draftId });
    expect(again).toMatchObject({ campaignId: r.campaignId, alreadySubmitted: true });
    expect(counters().campaigns).toBe(before + 1);

    const row = await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId: r.campaignId } }, include: { operations: true } });
    expect(row).toMatchObject({ brandId, usecase: "MARKETING", status: "ACTIVE", monthlyFee: 10 });
    expect(Object.fromEntries(row.operations.map((o) => [o.mnoId, o.status]))).toEqual({ "10017": "REGISTERED", "10035": "REGISTERED", "10037": "REGISTERED", "10038": "REGISTERED" });
    const draft = await t.db.campaignDraft.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft.campaignId).toBe(r.campaignId);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "campaign.create", targetId: r.campaignId, outcome: "SUCCESS" } })).toBe(1);

    const list = await listCampaigns(t.db, org.org.id, parseCampaignFilters({ carrier: "10035", carrierStatus: "REGISTERED" }));
    expect(list.rows.map((x) => x.campaignId)).toContain(r.campaignId);
    expect(list.rows.find((x) => x.campaignId === r.campaignId)).toMatchObject({ brandName: "Acme Outdoors", operations: { "10017": "REGISTERED" } });
    expect((await listCampaigns(t.db, org.org.id, parseCampaignFilters({ carrierStatus: "REJECTED" }))).rows.map((x) => x.campaignId)).not.toContain(r.campaignId);
    expect((await listCampaigns(t.db, other.org.id, parseCampaignFilters({}))).total).toBe(0);
  });

  it("records the warnings acknowledged before submit, with their reasons, in the audit log", async () => {
    // Embedded links declared but not shown in a sample: a warning (attr.link-unused), not a block.
    const data = { ...goodDraft(brandId), referenceId: "ack-campaign", embeddedLink: true, embeddedLinkSample: "https://www.acme-outdoors.com/sale" };
    const reason = "Offer links are added per send; the link sample shows the domain.";
    const stale = { ruleId: "sample.url-shortener", reason: "A shortener was fixed since, this covers nothing." };
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: { ...data, acknowledgements: [{ ruleId: "attr.link-unused", reason }, stale] } });
    const r = await submitCampaignDraft(t.db, org.ctx, { draftId });
    const row = await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.org.id, action: "campaign.warnings.acknowledge", targetId: r.campaignId } });
    expect(row.actorEmail).toBe(org.ctx.user.email);
    const detail = row.detail as { draftId: string; acknowledged: { ruleId: string; reason: string }[] };
    expect(detail.draftId).toBe(draftId);
    expect(detail.acknowledged).toEqual([{ ruleId: "attr.link-unused", reason }]);
    expect(await t.db.auditLog.findFirst({ where: { orgId: org.org.id, action: "campaign.create", targetId: r.campaignId } })).toMatchObject({ detail: { acknowledgedWarnings: 1 } });
    // The acknowledgements stay with the submitted draft, which names the campaign.
    const draft = await t.db.campaignDraft.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft.campaignId).toBe(r.campaignId);
    expect((draft.data as { acknowledgements?: unknown[] }).acknowledgements).toHaveLength(2);
    // The campaign page reads them back from the audit log.
    const detailView = await getCampaign(t.db, org.org.id, r.campaignId);
    expect(detailView?.acknowledgedWarnings).toMatchObject({ by: org.ctx.user.email, warnings: [{ ruleId: "attr.link-unused", reason }] });
    expect(await getCampaign(t.db, other.org.id, r.campaignId)).toBeNull();
  });

  it("sends the draft's MMS samples to the new campaign", async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "cd-campaign-mms-"));
    try {
      const storage = new DiskStorage(root);
      async function* body() {
        yield makePng(32, 32);
      }
      const file = await storeUpload({ db: t.db, storage }, { orgId: org.org.id, userId: null, kind: "MMS_SAMPLE", fileName: "tent.png", body: body() });
      const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: { ...goodDraft(brandId), referenceId: "mms-campaign", mmsFileIds: [file.id] } });
      const r = await submitCampaignDraft(t.db, org.ctx, { draftId }, { storage: () => storage });
      expect(r.attachFailures).toEqual([]);
      const client = await registryClientFor(t.db, org.org.id);
      expect((await client.campaigns.listMmsMedia(r.campaignId)).map((m) => m.fileName)).toEqual(["tent.png"]);
      expect(await t.db.evidenceAttachment.findFirst({ where: { fileId: file.id, targetType: "CAMPAIGN_MMS", targetId: r.campaignId } })).toMatchObject({ state: "ATTACHED" });
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

describe("actions on a campaign", () => {
  let campaignId: string;
  beforeAll(async () => {
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: { ...goodDraft(brandId), referenceId: "actions-campaign" } });
    campaignId = (await submitCampaignDraft(t.db, org.ctx, { draftId })).campaignId;
  });

  it("updates only the fields the registry allows and mirrors the result", async () => {
    expect(updateCampaignSchema.safeParse({ campaignId, usecase: "2FA" }).success).toBe(false);
    const sample2 = "Acme Outdoors: members save 15% on boots this weekend only. Reply STOP to opt out, HELP for help.";
    await updateCampaign(t.db, org.ctx, updateCampaignSchema.parse({ campaignId, sample2, autoRenewal: false }));
    const row = await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId } } });
    expect(row.autoRenewal).toBe(false);
    expect((row.data as Record<string, unknown>).sample2).toBe(sample2);
    expect(await t.db.auditLog.findFirst({ where: { orgId: org.org.id, action: "campaign.update", targetId: campaignId } })).toMatchObject({ detail: { fields: ["sample2", "autoRenewal"] } });
    await expect(updateCampaign(t.db, other.ctx, updateCampaignSchema.parse({ campaignId, sample2 }))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("resubmits to chosen carriers once per request key", async () => {
    const before = counters().resubmissions;
    const r = await resubmitCampaign(t.db, org.ctx, { campaignId, mnoIds: [10035, 10017], requestKey: "dialog-abc123" });
    expect(r.accepted.sort()).toEqual(["10017", "10035"]);
    await resubmitCampaign(t.db, org.ctx, { campaignId, mnoIds: [10035, 10017], requestKey: "dialog-abc123" });
    expect(counters().resubmissions).toBe(before + 1);
  });

  it("nudges the upstream partner while a share is pending", async () => {
    const client = await registryClientFor(t.db, org.org.id);
    await client.campaigns.share(campaignId, "SCNP001");
    const numbers = sandbox.control.provisionNumbers(campaignId, 2);
    await refreshCampaignFromRegistry(t.db, org.ctx, { campaignId });
    expect(await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId } } })).toMatchObject({ upstreamCnpId: "SCNP001", sharingStatus: "PENDING" });
    // The refresh also mirrors the numbers provisioned to the campaign (for the phone-number report).
    const mirrored = await t.db.campaignPhoneNumber.findMany({ where: { orgId: org.org.id, campaignId }, select: { phoneNumber: true, status: true } });
    expect(mirrored.map((n) => n.phoneNumber).sort()).toEqual([...numbers].sort());
    expect(mirrored.every((n) => n.status === "CURRENT")).toBe(true);
    const r = await nudgeCampaign(t.db, org.ctx, { campaignId, nudgeIntent: "REVIEW", description: "Waiting for review" });
    expect(r.message).toBeTruthy();
  });

  it("deactivates (EXPIRED in the mirror) and then refuses further changes", async () => {
    await deactivateCampaign(t.db, org.ctx, { campaignId, confirm: campaignId });
    expect((await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId } } })).status).toBe("EXPIRED");
    await expect(updateCampaign(t.db, org.ctx, updateCampaignSchema.parse({ campaignId, autoRenewal: true }))).rejects.toBeInstanceOf(ConflictError);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "campaign.deactivate", targetId: campaignId } })).toBe(1);
  });

  it("shares with a DCA, which elects it and excludes a carrier, and the exclusion is removed with an explanation", async () => {
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: { ...goodDraft(brandId), referenceId: "dca-campaign" } });
    const id = (await submitCampaignDraft(t.db, org.ctx, { draftId })).campaignId;
    expect(await shareCampaign(t.db, org.ctx, { campaignId: id, upstreamCnpId: "SDCA002" })).toMatchObject({ sharingStatus: "PENDING" });
    await sandbox.control.advance(7 * 24 * 60 * 60_000);
    await refreshCampaignFromRegistry(t.db, org.ctx, { campaignId: id });
    expect(await t.db.campaign.findUniqueOrThrow({ where: { orgId_campaignId: { orgId: org.org.id, campaignId: id } } })).toMatchObject({ upstreamCnpId: "SDCA002", sharingStatus: "ACCEPTED" });
    const client = await registryClientFor(t.db, org.org.id);
    expect(await client.campaigns.listExcludedMnos(id)).toEqual([10037]);
    await expect(removeExcludedMno(t.db, other.ctx, { campaignId: id, mnoId: 10037, explanation: "US Cellular is needed" })).rejects.toBeInstanceOf(NotFoundError);
    await removeExcludedMno(t.db, org.ctx, { campaignId: id, mnoId: 10037, explanation: "US Cellular subscribers opted in too" });
    expect(await client.campaigns.listExcludedMnos(id)).toEqual([]);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: { in: ["campaign.share", "campaign.excludedMno.remove"] }, targetId: id } })).toBe(2);
  });
});
