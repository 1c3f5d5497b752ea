// Issue 15 on a Vonage organization, against the sandbox's /v1/10dlc profile: number linking (LINKING → LINKED or
// REJECTED, unlink through UNLINKING), throughputs per carrier and the message-flow preview, through the portal's
// commands and its server actions (role gate, field errors).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { saveBrandDraft } from "@/lib/brands/drafts";
import { submitBrandDraft } from "@/lib/brands/submit";
import { orderVetting } from "@/lib/brands/vetting";
import { orderVettingSchema } from "@/lib/brands/vetting-schemas";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import { linkCampaignNumberAction, previewMessageFlowAction, unlinkCampaignNumberAction } from "@/lib/campaigns/actions";
import { kitCampaignDraft } from "@/lib/campaigns/campaign.testkit";
import { saveCampaignDraft, submitCampaignDraft } from "@/lib/campaigns/commands";
import { linkCampaignNumber, previewVonageMessageFlow, unlinkCampaignNumber, vonageCampaignLive } from "@/lib/campaigns/numbers";
import { linkNumberSchema, previewMessageFlowSchema, usNumber } from "@/lib/campaigns/numbers-schemas";
import type { CampaignDraftData } from "@/lib/campaigns/schemas";
import { useDb } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ ORG_COOKIE: "cd_org", currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const KEY = "vonage-numbers-key";
const SECRET = "vonage-numbers-secret";
const MIN = 60_000;
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let owner: OrgContext;
let viewer: OrgContext;
let active: string;
let pending: string;

function campaignDraft(brandId: string, over: Partial<CampaignDraftData> = {}): CampaignDraftData {
  const d = kitCampaignDraft(brandId, over);
  const consent = d.consent as { mechanisms: Record<string, unknown>[] };
  // Vonage asks an evidence URL for every opt-in method but text-to-join.
  return { ...d, consent: { ...consent, mechanisms: consent.mechanisms.map((m) => ({ ...m, evidenceUrl: "https://www.kit-outdoors.com/sms-signup.png" })) }, ...over };
}
async function submitCampaign(data: CampaignDraftData) {
  const { draftId } = await saveCampaignDraft(t.db, org.ctx, { step: "review", data });
  return (await submitCampaignDraft(t.db, org.ctx, { draftId })).campaignId;
}
const audits = (action: string) => t.db.auditLog.findMany({ where: { orgId: org.org.id, action, outcome: "SUCCESS" }, orderBy: { createdAt: "asc" } });
const live = async (campaignId: string) => {
  const r = await vonageCampaignLive(t.db, org.org.id, campaignId);
  if (!r.numbers.ok || !r.throughputs.ok) throw new Error(`live read failed: ${JSON.stringify(r)}`);
  return { numbers: r.numbers.value, throughputs: r.throughputs.value };
};
const as = (who: OrgContext) => {
  context.current = who;
};

beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "vonage-numbers" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.vonageUrl, provider: "VONAGE", authMode: "BASIC", apiKey: KEY, apiSecret: SECRET }));
  owner = { ...org.ctx, sid: "sid-owner", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "OWNER" }] };
  const v = await addUserToOrg(t.db, org.org, "VIEWER");
  viewer = { ...ctxFor(org.org, v.user, "VIEWER"), sid: "sid-viewer", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "VIEWER" }] };

  // A vetted brand (Vonage qualifies MARKETING only after a vet), one campaign approved by Vonage and the carriers, one still in review.
  const { draftId } = await saveBrandDraft(t.db, org.ctx, { step: "review", values: wizardValuesFor("PRIVATE_PROFIT", { displayName: "Kit Outdoors" }) });
  const { brandId } = await submitBrandDraft(t.db, org.ctx, { draftId });
  await sandbox.control.advance(5 * MIN);
  await orderVetting(t.db, org.ctx, orderVettingSchema.parse({ brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: `vet-${brandId}` }));
  await sandbox.control.advance(15 * MIN);
  active = await submitCampaign(campaignDraft(brandId));
  await sandbox.control.advance(2 * 24 * 60 * MIN);
  pending = await submitCampaign(campaignDraft(brandId, { description: "Kit Outdoors sends back-in-stock alerts and store event reminders to customers who asked for them online." }));
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

describe("the number field", () => {
  it("takes a US number however it is typed and gives Vonage's form (E.164 without +)", () => {
    for (const typed of ["+1 415 555 0110", "+1 (415) 555-0110", "14155550110", "415.555.0110", "4155550110"]) expect(usNumber.parse(typed)).toBe("14155550110");
  });
  it("refuses anything that is not a US number, at the field", () => {
    for (const bad of ["", "555 0110", "+44 20 7946 0958", "+1 015 555 0110", "+1 415 155 0110", "+1 415 555 01101", "phone"]) {
      const r = linkNumberSchema.safeParse({ campaignId: "VC1", phoneNumber: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.path, bad).toEqual(["phoneNumber"]);
    }
  });
});

describe("number linking on Vonage", () => {
  it("links a number: LINKING at once, LINKED once Vonage has decided, listed, audited and mirrored", async () => {
    as(owner);
    const r = await linkCampaignNumberAction({ campaignId: active, phoneNumber: "+1 (415) 555-0110" });
    expect(r).toEqual({ ok: true, data: { campaignId: active, phoneNumber: "+14155550110", status: "LINKING" } });
    expect((await live(active)).numbers).toEqual([expect.objectContaining({ phoneNumber: "+14155550110", number: "14155550110", country: "US", status: "LINKING" })]);
    expect((await audits("campaign.number.link")).map((a) => a.detail)).toEqual([expect.objectContaining({ phoneNumber: "+14155550110", status: "LINKING" })]);

    await sandbox.control.advance(2 * MIN);
    expect((await live(active)).numbers).toEqual([expect.objectContaining({ phoneNumber: "+14155550110", status: "LINKED" })]);
    // Linking again is idempotent at Vonage: one number, one more audit row, still LINKED.
    expect(await linkCampaignNumber(t.db, org.ctx, linkNumberSchema.parse({ campaignId: active, phoneNumber: "4155550110" }))).toMatchObject({ status: "LINKED" });
    expect((await live(active)).numbers).toHaveLength(1);
    expect(await t.db.campaignPhoneNumber.findMany({ where: { orgId: org.org.id, campaignId: active }, select: { phoneNumber: true } })).toEqual([{ phoneNumber: "+14155550110" }]);
  });

  it("a link Vonage refuses ends REJECTED: the campaign in review has no traffic", async () => {
    const r = await linkCampaignNumber(t.db, org.ctx, linkNumberSchema.parse({ campaignId: pending, phoneNumber: "+1 415 555 0199" }));
    expect(r.status).toBe("LINKING");
    await sandbox.control.advance(2 * MIN);
    expect((await live(pending)).numbers).toEqual([expect.objectContaining({ phoneNumber: "+14155550199", status: "REJECTED" })]);
  });

  it("refuses a bad number at the field without asking Vonage, and a number linked elsewhere at the field with Vonage's reason", async () => {
    as(owner);
    const before = (await audits("campaign.number.link")).length;
    const bad = await linkCampaignNumberAction({ campaignId: active, phoneNumber: "+44 20 7946 0958" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { phoneNumber: expect.stringContaining("US number") } });
    const taken = await linkCampaignNumberAction({ campaignId: pending, phoneNumber: "+14155550110" });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { phoneNumber: expect.stringMatching(/already linked/i) } });
    expect((await audits("campaign.number.link")).length).toBe(before);
    expect((await live(active)).numbers.map((n) => n.phoneNumber)).toEqual(["+14155550110"]);
  });

  it("refuses a VIEWER, audits the refusal and changes nothing at Vonage", async () => {
    as(viewer);
    const forbidden = { ok: false, error: new ForbiddenError().message };
    expect(await linkCampaignNumberAction({ campaignId: active, phoneNumber: "+14155550123" })).toEqual(forbidden);
    expect(await unlinkCampaignNumberAction({ campaignId: active, phoneNumber: "+14155550110" })).toEqual(forbidden);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: { in: ["campaign.number.link", "campaign.number.unlink"] }, outcome: "DENIED", actorId: viewer.user.id } })).toBe(2);
    expect((await live(active)).numbers).toEqual([expect.objectContaining({ phoneNumber: "+14155550110", status: "LINKED" })]);
  });

  it("refuses a campaign that is not this organization's before asking Vonage", async () => {
    await expect(linkCampaignNumber(t.db, org.ctx, linkNumberSchema.parse({ campaignId: "VCNOTOURS", phoneNumber: "+14155550123" }))).rejects.toThrow(/not found/i);
  });

  it("unlinks: a LINKED number goes through UNLINKING and leaves the list; a REJECTED one is gone at once", async () => {
    as(owner);
    const r = await unlinkCampaignNumberAction({ campaignId: active, phoneNumber: "+14155550110" });
    expect(r).toEqual({ ok: true, data: { campaignId: active, phoneNumber: "+14155550110", status: "UNLINKING" } });
    expect((await live(active)).numbers).toEqual([expect.objectContaining({ status: "UNLINKING" })]);
    await sandbox.control.advance(2 * MIN);
    expect((await live(active)).numbers).toEqual([]);
    expect(await unlinkCampaignNumber(t.db, org.ctx, { campaignId: pending, phoneNumber: "14155550199" })).toMatchObject({ status: "UNLINKED" });
    expect((await live(pending)).numbers).toEqual([]);
    expect((await audits("campaign.number.unlink")).map((a) => (a.detail as { status: string }).status)).toEqual(["UNLINKING", "UNLINKED"]);
    // The mirror holds what Vonage said at our own write (UNLINKING, then nothing); reconciliation catches up later.
    expect(await t.db.campaignPhoneNumber.count({ where: { orgId: org.org.id, campaignId: pending } })).toBe(0);
    expect((await t.db.campaignPhoneNumber.findMany({ where: { orgId: org.org.id, campaignId: active } })).map((n) => (n.data as { status?: string }).status)).toEqual(["UNLINKING"]);
  });
});

describe("throughputs on Vonage", () => {
  it("reads each carrier's throughput of an active campaign with its value, period and scope; none before approval", async () => {
    const { throughputs } = await live(active);
    expect(throughputs.length).toBeGreaterThan(0);
    for (const x of throughputs) {
      expect(x).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), campaignId: active, carriers: [expect.any(String)], shared: expect.any(Number) });
      expect(["minute", "day"]).toContain(x.period);
      expect(["campaign", "brand", "number"]).toContain(x.scope);
    }
    expect(throughputs.map((x) => x.carriers[0])).toEqual(expect.arrayContaining(["AT&T"]));
    expect((await live(pending)).throughputs).toEqual([]);
  });
});

describe("message-flow preview on Vonage", () => {
  it("shows the text Vonage computes from the builder's structured consent", async () => {
    const consent = campaignDraft("B1").consent;
    const { messageFlow } = await previewVonageMessageFlow(t.db, org.org.id, previewMessageFlowSchema.parse({ consent }));
    expect(messageFlow).toMatch(/^Brand: /);
    expect(messageFlow).toContain("Consent mechanisms:");
    expect(messageFlow).toContain("Text HELP for help. Text STOP to opt-out.");
    expect(messageFlow).toContain(`Privacy Policy: ${(consent as { privacyPolicyUrl: string }).privacyPolicyUrl}`);
  });

  it("answers with errors, not throws: an incomplete consent at its field, an organization not on Vonage with why", async () => {
    as(owner);
    const r = await previewMessageFlowAction({ consent: { ...(campaignDraft("B1").consent as object), privacyPolicyUrl: "nope" } as never });
    expect(r).toMatchObject({ ok: false, fieldErrors: { "consent.privacyPolicyUrl": expect.any(String) } });
    const other = await makeOrg(t.db);
    as({ ...other.ctx, sid: "sid-other", memberships: [{ orgId: other.org.id, orgName: other.org.name, role: "OWNER" }] });
    const off = await previewMessageFlowAction({ consent: campaignDraft("B1").consent as never });
    expect(off).toMatchObject({ ok: false, error: expect.stringMatching(/registry connection/i) });
    expect((off as { logId?: string }).logId).toBeUndefined();
  });
});
