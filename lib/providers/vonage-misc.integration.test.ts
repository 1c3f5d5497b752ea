// Issue 15 on a Vonage organization, against the sandbox's /v1/10dlc profile: partner-campaign import, resellers
// (Vonage's review), evidence files under Vonage's limits, and the brand page's SMS OTP and Authentication+ commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resend2faEmail } from "@/lib/brands/authplus";
import { saveBrandDraft } from "@/lib/brands/drafts";
import { otpPanel, sendBrandOtp, verifyBrandOtp } from "@/lib/brands/otp";
import { sendOtpSchema } from "@/lib/brands/otp-schemas";
import { submitBrandDraft } from "@/lib/brands/submit";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import { attachEvidence } from "@/lib/evidence/attach";
import { EvidenceRejected } from "@/lib/evidence/inspect";
import { refuseByName, rulesFor } from "@/lib/evidence/kinds";
import { storeUpload } from "@/lib/evidence/store";
import { BACKENDS } from "@/lib/evidence/testing/backends";
import { importPartnerCampaign, listPartnerImports } from "@/lib/partner-imports/commands";
import { importPartnerCampaignSchema } from "@/lib/partner-imports/schemas";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { listResellerChoices } from "@/lib/resellers/queries";
import { listVonageResellers, registerVonageReseller, vonageResellerSchema } from "@/lib/resellers/vonage";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "vonage-misc-key";
const SECRET = "vonage-misc-secret";
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "vonage-misc" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.vonageUrl, provider: "VONAGE", authMode: "BASIC", apiKey: KEY, apiSecret: SECRET }));
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

const audits = (action: string) => t.db.auditLog.findMany({ where: { orgId: org.org.id, action } });

describe("partner-campaign import on Vonage", () => {
  it("validates the TCR campaign id and the label before asking Vonage", () => {
    expect(importPartnerCampaignSchema.safeParse({ tcrCampaignId: "VC987XYZ" }).success).toBe(false);
    expect(importPartnerCampaignSchema.safeParse({ tcrCampaignId: "c123abc" }).data).toMatchObject({ tcrCampaignId: "C123ABC", cnpMigration: false });
    expect(importPartnerCampaignSchema.safeParse({ tcrCampaignId: "C123ABC", label: "x".repeat(51) }).error?.issues[0]?.path).toEqual(["label"]);
  });

  it("imports a shared campaign once however often it is submitted, lists it and follows Vonage's sharing status", async () => {
    const [tcrId] = sandbox.control.receivePartnerShares(1);
    const input = importPartnerCampaignSchema.parse({ tcrCampaignId: tcrId!, label: "Partner import" });
    const [a, b] = await Promise.allSettled([importPartnerCampaign(t.db, org.ctx, input), importPartnerCampaign(t.db, org.ctx, input)]);
    const again = await importPartnerCampaign(t.db, org.ctx, input);
    const done = [a, b].flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(done.length).toBeGreaterThan(0);
    for (const d of done) expect(d.campaignId).toBe(again.campaignId);
    expect(again).toMatchObject({ tcrCampaignId: tcrId, sharingStatus: "PENDING", label: "Partner import" });
    expect(again.campaignId).toMatch(/^VC/);
    expect(await audits("partnerCampaign.import")).toHaveLength(1);

    await sandbox.control.advance(48 * 3600_000);
    const rows = await listPartnerImports(t.db, org.org.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tcrCampaignId: tcrId, campaignId: again.campaignId, sharingStatus: "ACCEPTED", liveError: null });
  });

  it("refuses a migration share imported without the CNP migration flag, with Vonage's reason, and records nothing", async () => {
    const [tcrId] = sandbox.control.receivePartnerShares(1, { cnpMigration: true });
    await expect(importPartnerCampaign(t.db, org.ctx, importPartnerCampaignSchema.parse({ tcrCampaignId: tcrId! }))).rejects.toMatchObject({ status: 422, message: expect.stringContaining("cnpMigration") });
    expect((await audits("partnerCampaign.import")).some((r) => r.targetId === tcrId)).toBe(false);
    const ok = await importPartnerCampaign(t.db, org.ctx, importPartnerCampaignSchema.parse({ tcrCampaignId: tcrId!, cnpMigration: true }));
    expect(ok).toMatchObject({ cnpMigration: true, sharingStatus: "PENDING" });
  });
});

describe("resellers on Vonage", () => {
  it("checks company name, phone and email as Vonage documents them", () => {
    const bad = vonageResellerSchema.safeParse({ companyName: "", phone: "+0 12", email: "nope" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["companyName", "email", "phone"]);
    expect(vonageResellerSchema.parse({ companyName: "Northwind", phone: "+1 (415) 555-0110", email: "ops@northwind.example" }).phone).toBe("14155550110");
  });

  it("registers resellers for Vonage's review, lists them with status and rejection reason, and offers only approved ones (and R000000) to the builder", async () => {
    const ok = await registerVonageReseller(t.db, org.ctx, vonageResellerSchema.parse({ companyName: "Northwind Messaging", phone: "+14155550110", email: "ops@northwind.example" }));
    const no = await registerVonageReseller(t.db, org.ctx, vonageResellerSchema.parse({ companyName: "Please Reject Me", phone: "+14155550111", email: "ops@reject.example" }));
    expect(ok).toMatchObject({ status: "PENDING", tcrResellerId: null, phone: "+14155550110" });
    expect((await listResellerChoices(t.db, org.org.id)).ok && (await listResellerChoices(t.db, org.org.id) as { resellers: unknown[] }).resellers).toEqual([]);

    await sandbox.control.advance(7 * 24 * 3600_000);
    const listed = await listVonageResellers(t.db, org.org.id);
    if (!listed.ok) throw new Error(listed.error);
    const byId = new Map(listed.rows.map((r) => [r.id, r]));
    expect(byId.get(ok.id)).toMatchObject({ status: "APPROVED", tcrResellerId: expect.stringMatching(/^R/) });
    expect(byId.get(no.id)).toMatchObject({ status: "REJECTED", rejectionReason: expect.stringContaining("not allowed") });
    const choices = await listResellerChoices(t.db, org.org.id);
    expect(choices.ok && choices.resellers.map((r) => r.resellerId)).toEqual([byId.get(ok.id)!.tcrResellerId]);
    expect(await audits("reseller.create")).toHaveLength(2);
  });

});

describe("evidence under Vonage's limits", () => {
  const [, makeStorage] = BACKENDS[0]!;
  async function* one(buf: Buffer) {
    yield buf;
  }
  const pdf = (n: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(n, 0x20), Buffer.from("\n%%EOF\n")]);

  it("refuses over 10 MB and types outside Vonage's list, with the reason, storing nothing; keeps the registry's rules elsewhere", async () => {
    const be = await makeStorage();
    try {
      const deps = { db: t.db, storage: be.storage };
      const base = { orgId: org.org.id, userId: null, kind: "APPEAL_EVIDENCE" as const, upstream: "VONAGE" };
      await expect(storeUpload(deps, { ...base, fileName: "big.pdf", body: one(pdf(10 * 1024 * 1024)) })).rejects.toThrow(/at most 10\.0 MB|at most 10 MB/);
      const html = Buffer.from("<p>evidence</p>");
      await expect(storeUpload(deps, { ...base, fileName: "page.html", body: one(html) })).rejects.toBeInstanceOf(EvidenceRejected);
      await expect(storeUpload(deps, { ...base, fileName: "page.html", body: one(html) })).rejects.toThrow(/\.htm, .*\.xml/);
      expect(await t.db.evidenceFile.count({ where: { orgId: org.org.id } })).toBe(0);
      expect((await be.leftovers()).filter((k) => k.startsWith(`${org.org.id}/`))).toEqual([]);

      const ok = await storeUpload(deps, { ...base, fileName: "page.htm", body: one(html) });
      expect(ok.mimeType).toBe("text/html");
      // The same .html name is fine for the registry's own rules (TCR upstreams).
      expect((await storeUpload(deps, { ...base, upstream: "TCR_BEARER", fileName: "page.html", body: one(html) })).fileName).toBe("page.html");
    } finally {
      await be.close();
    }
  });

  it("refuses to send a library file outside Vonage's list to a Vonage appeal, and sends one inside it", async () => {
    const be = await makeStorage();
    try {
      const { draftId } = await saveBrandDraft(t.db, org.ctx, { step: "review", values: wizardValuesFor("PRIVATE_PROFIT", { displayName: "Vonage Evidence Co" }) });
      const { brandId } = await submitBrandDraft(t.db, org.ctx, { draftId });
      const client = await registryClientFor(t.db, org.org.id);
      // Stored under the registry's own rules (as before a switch to Vonage): .html is fine there, not at Vonage.
      const html = await storeUpload({ db: t.db, storage: be.storage }, { orgId: org.org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "about.html", body: one(Buffer.from("<p>about</p>")) });
      const deps = { db: t.db, storage: be.storage, client, upstream: "VONAGE" };
      await expect(attachEvidence(deps, org.ctx, { fileId: html.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId })).rejects.toMatchObject({ fieldErrors: { fileId: expect.stringContaining(".htm,") } });
      expect(await client.brands.listAppealEvidence(brandId)).toEqual([]);
      const doc = await storeUpload({ db: t.db, storage: be.storage }, { orgId: org.org.id, userId: null, kind: "APPEAL_EVIDENCE", fileName: "ein.pdf", body: one(pdf(1000)), upstream: "VONAGE" });
      const row = await attachEvidence(deps, org.ctx, { fileId: doc.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId });
      expect((await client.brands.listAppealEvidence(brandId)).map((e) => e.uuid)).toEqual([row.registryUuid]);
    } finally {
      await be.close();
    }
  });

  it("gives the browser the same answer before the upload", () => {
    const rules = rulesFor("APPEAL_EVIDENCE", "VONAGE");
    expect(refuseByName(rules, { name: "scan.tif", size: 10 })).toMatch(/must be one of .*\.tiff.*; this one is \.tif\./);
    expect(refuseByName(rules, { name: "scan.pdf", size: 10 * 1024 * 1024 + 1 })).toMatch(/too large.*10\.0 MB|too large.*10 MB/);
    expect(refuseByName(rules, { name: "scan.pdf", size: 1000 })).toBeNull();
    expect(refuseByName(rulesFor("APPEAL_EVIDENCE", "TCR_BASIC"), { name: "scan.tif", size: 10 })).toBeNull();
  });
});

describe("SMS OTP and Authentication+ on Vonage", () => {
  async function brand(entityType: Parameters<typeof wizardValuesFor>[0], displayName: string) {
    const { draftId } = await saveBrandDraft(t.db, org.ctx, { step: "review", values: wizardValuesFor(entityType, { displayName }) });
    return submitBrandDraft(t.db, org.ctx, { draftId });
  }

  it("sends the passcode through start_verification, shows its status, verifies the PIN and reads the verification back", async () => {
    const sp = await brand("SOLE_PROPRIETOR", "Vonage Sole Prop");
    const sent = await sendBrandOtp(t.db, org.ctx, sendOtpSchema.parse({ brandId: sp.brandId, pinSms: "Your code is @OTP_PIN@" }));
    expect(sent.referenceId).toMatch(/^OTP/);
    const panel = await otpPanel(t.db, await registryClientFor(t.db, org.org.id), org.org.id, sp.brandId);
    expect(panel.status).toMatchObject({ referenceId: sent.referenceId, brandId: sp.brandId, deliveryStatus: "DELIVERED_HANDSET", verifyDate: null });
    const pin = sandbox.control.otps({ brandId: sp.brandId }).find((o) => o.referenceId === sent.referenceId)!.otpPin;
    await expect(verifyBrandOtp(t.db, org.ctx, { brandId: sp.brandId, otpPin: pin === "000000" ? "111111" : "000000" })).rejects.toThrow();
    await verifyBrandOtp(t.db, org.ctx, { brandId: sp.brandId, otpPin: pin });
    expect(sandbox.control.otps({ brandId: sp.brandId }).find((o) => o.referenceId === sent.referenceId)?.verifyDate).toBeTruthy();
    expect((await otpPanel(t.db, await registryClientFor(t.db, org.org.id), org.org.id, sp.brandId)).status?.verifyDate).toBeTruthy();
  });

  it("sends the Authentication+ 2FA email of a verified public company through start_verification", async () => {
    const pub = await brand("PUBLIC_PROFIT", "Vonage Public Co");
    await sandbox.control.advance(10 * 60_000);
    const before = Number(sandbox.control.state().vettings);
    const r = await resend2faEmail(t.db, org.ctx, { brandId: pub.brandId, vettingClass: "AUTHPLUS" });
    expect(r.sentAt).toBeTruthy();
    expect((await audits("brand.2fa.resend")).map((a) => a.targetId)).toContain(pub.brandId);
    // Vonage's vetting list leaves the Auth+ verification out; the sandbox counts the one it started.
    expect(Number(sandbox.control.state().vettings)).toBe(before + 1);
    await expect(resend2faEmail(t.db, org.ctx, { brandId: pub.brandId, vettingClass: "RCS" })).rejects.toMatchObject({ fieldErrors: { vettingClass: expect.any(String) } });
  });
});
