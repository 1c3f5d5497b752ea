import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultKeywordMessages } from "@/lib/campaigns/builder";
import { saveCampaignDraft, submitCampaignDraft } from "@/lib/campaigns/commands";
import { composeMessageFlow, type Consent } from "@/lib/campaigns/lint";
import { useDb } from "@/lib/db";
import type { CampaignDraftData } from "@/lib/campaigns/schemas";
import { ConflictError, NotFoundError, ValidationFailedError } from "@/lib/errors";
import { refreshBrand } from "@/lib/mirror/refresh";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { checkPublishedPages, getPageSnapshot, latestDraftSnapshots, listCampaignPageSnapshots, pageTargets } from "./snapshots";

const context = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));

const KEY = "pages-key";
const SECRET = "pages-secret";
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
let brandId: string;
let deps: { fetchOptions: { allow: string[] } };

function draft(pages: string, privacy = "privacy-good"): CampaignDraftData {
  const consent: Consent = {
    programName: "Acme Outdoors",
    messagePurpose: "store offers and event announcements",
    mechanisms: [
      { method: "WEB_FORM", location: `${pages}/opt-in`, details: "", evidenceUrl: `${pages}/opt-in`, checkboxUnchecked: true },
      { method: "PAPER_FORM", location: "In-store sign-up sheet at the register", details: "", evidenceUrl: `${pages}/redirect-to-private` },
    ],
    frequency: "RECURRING", frequencyDetail: "up to 4 msgs/month",
    ratesDisclosure: true, helpDisclosure: true, stopDisclosure: true, carrierDisclaimer: true, notConditionOfPurchase: true, noThirdPartySharing: true,
    privacyPolicyUrl: `${pages}/${privacy}`, termsUrl: `${pages}/terms`,
  };
  return {
    brandId, usecase: "MARKETING", subUsecases: [], resellerId: "R000000",
    description: "Acme Outdoors sends seasonal offers and in-store event announcements to customers who signed up for texts on our website.",
    consent: consent as unknown as Record<string, unknown>, messageFlow: composeMessageFlow(consent),
    sample1: "Acme Outdoors: our spring sale starts Friday with 20% off all tents in store. Msg & data rates may apply. Reply STOP to opt out.",
    sample2: "Acme Outdoors: join us Saturday for the store anniversary with free gifts for members. Reply HELP for help, STOP to opt out.",
    embeddedLink: false, embeddedPhone: false, numberPool: false, ageGated: false, directLending: false, affiliateMarketing: false,
    termsAndConditions: true, subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
    ...defaultKeywordMessages("Acme Outdoors"),
    privacyPolicyLink: `${pages}/${privacy}`, termsAndConditionsLink: `${pages}/terms`, autoRenewal: true,
  };
}

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false });
  deps = { fetchOptions: { allow: [`127.0.0.1:${sandbox.port}`] } };
  org = await makeOrg(t.db);
  other = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
  const client = await registryClientFor(t.db, org.org.id);
  const b = await client.brands.create({
    entityType: "PRIVATE_PROFIT", displayName: "Acme Outdoors", companyName: "Acme Outdoors Inc.", ein: "111111111", einIssuingCountry: "US",
    phone: "+12024567890", street: "123 6th Ave", city: "New York", state: "NY", postalCode: "10001", country: "US",
    email: "ops@acme-outdoors.com", website: "https://www.acme-outdoors.com", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT",
  }, { idempotencyKey: "pages-test-brand" });
  brandId = b.brandId;
  await sandbox.control.advance(2 * 60_000);
  await refreshBrand(t.db, client, org.org.id, brandId);
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

describe("page targets", () => {
  it("takes privacy, terms (registry fields and consent links) and each opt-in page once", () => {
    const d = draft("https://acme.example/pages");
    expect(pageTargets({ ...d, privacyPolicyLink: "https://acme.example/legal/privacy" })).toEqual([
      { kind: "PRIVACY", url: "https://acme.example/legal/privacy" },
      { kind: "PRIVACY", url: "https://acme.example/pages/privacy-good" },
      { kind: "TERMS", url: "https://acme.example/pages/terms" },
      { kind: "OPT_IN", url: "https://acme.example/pages/opt-in" },
      { kind: "OPT_IN", url: "https://acme.example/pages/redirect-to-private" },
    ]);
    expect(pageTargets({})).toEqual([]);
  });
});

describe("checkPublishedPages", () => {
  it("fetches the sandbox pages, stores one snapshot per URL and audits the check", async () => {
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: draft(sandbox.pagesUrl) });
    const { pages } = await checkPublishedPages(t.db, org.ctx, { draftId }, deps);
    expect(pages.map((p) => [p.kind, p.outcome])).toEqual([["PRIVACY", "loaded"], ["TERMS", "loaded"], ["OPT_IN", "loaded"], ["OPT_IN", "refused"]]);
    const [privacy, , , redirect] = pages;
    expect(privacy?.findings).toEqual([]);
    expect(redirect).toMatchObject({ finalUrl: "http://169.254.169.254/latest/meta-data/", contentHash: null });
    expect(redirect?.findings).toMatchObject([{ ruleId: "page.loads", severity: "block" }]);
    expect(redirect?.reason).toMatch(/link-local/);

    const stored = await getPageSnapshot(t.db, org.org.id, privacy!.id);
    expect(stored?.text).toContain("No mobile information will be shared with third parties/affiliates");
    expect(stored?.text).not.toContain("window.analytics");
    expect(stored?.html).toMatch(/^<!doctype html>/);
    expect(stored?.contentHash).toBe(createHash("sha256").update(stored!.html!, "utf8").digest("hex"));
    expect(stored?.status).toBe(200);

    const row = await t.db.auditLog.findFirst({ where: { orgId: org.org.id, action: "campaign.pages.check", targetId: draftId } });
    expect(row?.actorEmail).toBe(org.ctx.user.email);
    expect((row?.detail as { pages: unknown[] }).pages).toHaveLength(4);
  });

  it("follows a redirect to the final URL and blocks a policy that sells mobile numbers", async () => {
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: draft(sandbox.pagesUrl, "privacy-moved") });
    const moved = (await checkPublishedPages(t.db, org.ctx, { draftId }, deps)).pages[0];
    expect(moved).toMatchObject({ kind: "PRIVACY", requestedUrl: `${sandbox.pagesUrl}/privacy-moved`, finalUrl: `${sandbox.pagesUrl}/privacy-good`, status: 200, findings: [] });

    const sells = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: draft(sandbox.pagesUrl, "privacy-sells") });
    const sold = (await checkPublishedPages(t.db, org.ctx, { draftId: sells.draftId }, deps)).pages[0];
    expect(sold?.findings).toMatchObject([{ ruleId: "page.privacy-shares-sms", severity: "block", fields: ["privacyPolicyLink"] }]);
  });

  it("keeps another organization out", async () => {
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: draft(sandbox.pagesUrl) });
    await expect(checkPublishedPages(t.db, other.ctx, { draftId }, deps)).rejects.toBeInstanceOf(NotFoundError);
    const { pages } = await checkPublishedPages(t.db, org.ctx, { draftId }, deps);
    expect(await getPageSnapshot(t.db, other.org.id, pages[0]!.id)).toBeNull();
    expect(await t.db.campaignPageSnapshot.count({ where: { orgId: other.org.id } })).toBe(0);
  });
});

describe("submit with page snapshots", () => {
  it("refuses while the latest check blocks, then links the latest snapshots to the campaign", async () => {
    // Only pages that load: the redirect into a private address would block the submit as well.
    const base = draft(sandbox.pagesUrl, "privacy-sells");
    const consent = base.consent as unknown as Consent;
    const fixed = (privacy: string): CampaignDraftData => {
      const c: Consent = { ...consent, privacyPolicyUrl: `${sandbox.pagesUrl}/${privacy}`, mechanisms: [consent.mechanisms[0]!] };
      return { ...base, consent: c as unknown as Record<string, unknown>, messageFlow: composeMessageFlow(c), privacyPolicyLink: `${sandbox.pagesUrl}/${privacy}` };
    };
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: fixed("privacy-sells") });
    await checkPublishedPages(t.db, org.ctx, { draftId }, deps);
    const before = sandbox.control.counters().campaigns;
    const err = await submitCampaignDraft(t.db, org.ctx, { draftId }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect((err as ValidationFailedError).fieldErrors).toHaveProperty("privacyPolicyLink");
    expect(sandbox.control.counters().campaigns).toBe(before);

    // The brand fixes the page address and checks again: the newest snapshot of each current URL is what counts.
    await saveCampaignDraft(t.db, org.ctx, { draftId, step: "review", data: fixed("privacy-good") });
    await checkPublishedPages(t.db, org.ctx, { draftId }, deps);
    const latest = await latestDraftSnapshots(t.db, org.org.id, draftId, fixed("privacy-good"));
    expect(latest.map((s) => s.requestedUrl)).toEqual([`${sandbox.pagesUrl}/privacy-good`, `${sandbox.pagesUrl}/terms`, `${sandbox.pagesUrl}/opt-in`]);

    const r = await submitCampaignDraft(t.db, org.ctx, { draftId });
    expect(r.alreadySubmitted).toBe(false);
    const linked = await listCampaignPageSnapshots(t.db, org.org.id, r.campaignId);
    expect(linked.map((s) => s.id).sort()).toEqual(latest.map((s) => s.id).sort());
    expect(linked.every((s) => s.campaignId === r.campaignId && s.hasHtml)).toBe(true);
    expect(await listCampaignPageSnapshots(t.db, other.org.id, r.campaignId)).toEqual([]);
    // The refused check stays with the draft, not on the campaign.
    expect(await t.db.campaignPageSnapshot.count({ where: { draftId, campaignId: null } })).toBe(3);
    await expect(checkPublishedPages(t.db, org.ctx, { draftId }, deps)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("GET /api/page-snapshots/[id]", () => {
  it("downloads the organization's own snapshot as an attachment, never as a page, and nobody else's", async () => {
    useDb(t.db);
    const { GET } = await import("@/app/api/page-snapshots/[id]/route");
    const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data: draft(sandbox.pagesUrl) });
    const { pages } = await checkPublishedPages(t.db, org.ctx, { draftId }, deps);
    const loaded = pages[0]!;
    const refused = pages.find((p) => p.outcome === "refused")!;
    const call = (id: string, format: string) => GET(new Request(`http://x/api/page-snapshots/${id}?format=${format}`), { params: Promise.resolve({ id }) });

    context.current = null;
    expect((await call(loaded.id, "html")).status).toBe(401);

    context.current = org.ctx;
    const html = await call(loaded.id, "html");
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("application/octet-stream");
    expect(html.headers.get("content-disposition")).toMatch(/^attachment; filename="privacy-127\.0\.0\.1-/);
    expect(html.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await html.text();
    expect(createHash("sha256").update(body, "utf8").digest("hex")).toBe(loaded.contentHash);

    const text = await call(loaded.id, "text");
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await text.text()).toContain("No mobile information will be shared");
    expect((await call(refused.id, "html")).status).toBe(404);

    context.current = other.ctx;
    expect((await call(loaded.id, "html")).status).toBe(404);
    expect((await call(loaded.id, "text")).status).toBe(404);
  });
});
