// Issue 15's brand journey on a Telnyx organization, through the portal's own commands and server actions against
// the sandbox's /10dlc profile over HTTP: every entity type, identity feedback, revet, vetting order and list, and a
// double-clicked create that registers one brand. (Telnyx's API has no campaigns: see telnyx.integration.test.ts.)
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { revetBrand } from "@/lib/brands/lifecycle";
import { loadBrandOverview, loadBrandVetting } from "@/lib/brands/lifecycle-queries";
import { loadBrandEditContext } from "@/lib/brands/update";
import { orderVetting } from "@/lib/brands/vetting";
import { orderVettingSchema } from "@/lib/brands/vetting-schemas";
import { useDb } from "@/lib/db";
import { refreshBrand } from "@/lib/mirror/refresh";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { journeyKit } from "./journey.testkit";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ ORG_COOKIE: "cd_org", currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
const brandActions = await import("@/lib/brands/actions");

const KEY = "telnyx-journey-key";
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: "telnyx-journey-secret", rateLimits: false, seed: "telnyx-journey" });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.telnyxUrl, provider: "TELNYX", authMode: "BEARER", apiKey: KEY }));
  context.current = { ...org.ctx, sid: "sid-owner", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "OWNER" }] };
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});


const { brandRow, audits, brandDraft, brand } = journeyKit(() => ({ db: t.db, org }));

describe("brands on Telnyx", () => {
  it.each(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"] as const)("registers a %s brand through the wizard's command and mirrors it", async (entityType) => {
    const before = sandbox.control.counters().brands;
    // Telnyx requires a vertical of every brand, sole proprietors included (the other types' fixtures have one).
    const brandId = await brand(entityType, `Telnyx Journey ${entityType}`, entityType === "SOLE_PROPRIETOR" ? { vertical: "TECHNOLOGY" } : {});
    expect(sandbox.control.counters().brands).toBe(before + 1);
    expect(await brandRow(brandId)).toMatchObject({ entityType, displayName: `Telnyx Journey ${entityType}`, deletedAt: null });
    await sandbox.control.advance(2 * MIN);
    const live = await (await registryClientFor(t.db, org.org.id)).brands.get(brandId);
    expect(live).toMatchObject({ brandId, entityType, identityStatus: entityType === "SOLE_PROPRIETOR" ? "SELF_DECLARED" : "VERIFIED" });
  });

  it("refuses a sole proprietor without the vertical Telnyx requires at the vertical field, sending nothing", async () => {
    const before = sandbox.control.counters().brands;
    const r = await brandActions.submitBrandDraftAction({ draftId: await brandDraft("SOLE_PROPRIETOR", "Telnyx SP No Vertical") });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fieldErrors ?? {})).toContain("vertical");
    expect(sandbox.control.counters().brands).toBe(before);
  });

  it("a double-clicked create (two concurrent submissions of one draft through the server action) registers one brand", async () => {
    const draftId = await brandDraft("PRIVATE_PROFIT", "Telnyx Double Click");
    const before = sandbox.control.counters().brands;
    const [a, b] = await Promise.all([brandActions.submitBrandDraftAction({ draftId }), brandActions.submitBrandDraftAction({ draftId })]);
    const ids = [a, b].flatMap((r) => (r.ok ? [r.data.brandId] : []));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(1);
    expect(sandbox.control.counters().brands).toBe(before + 1);
    const listed = await (await registryClientFor(t.db, org.org.id)).brands.search({ displayName: "Telnyx Double Click" });
    expect(listed.records.filter((r) => r.displayName === "Telnyx Double Click")).toHaveLength(1);
    expect(await t.db.brand.count({ where: { orgId: org.org.id, displayName: "Telnyx Double Click" } })).toBe(1);
    expect(await audits("brand.create", ids[0]!)).toHaveLength(1);
  });

  it("shows Telnyx's identity feedback for an unverified brand on the brand page and the edit form, with the fields it affects", async () => {
    // The sandbox's Telnyx profile fails the identity check of EIN 142530000 on the tax id.
    const brandId = await brand("PRIVATE_PROFIT", "Telnyx Unverified", { ein: "142530000" });
    await sandbox.control.advance(2 * MIN);
    await refreshBrand(t.db, await registryClientFor(t.db, org.org.id), org.org.id, brandId);
    const row = await brandRow(brandId);
    expect(row.identityStatus).toBe("UNVERIFIED");
    const overview = await loadBrandOverview(t.db, org.org.id, row);
    expect(overview.errors).toEqual([]);
    expect(overview.feedback.map((f) => f.id)).toEqual(["TAX_ID"]);
    expect(overview.feedback[0]!.fields).toEqual(expect.arrayContaining(["ein", "companyName"]));
    const edit = await loadBrandEditContext(t.db, org.org.id, brandId);
    expect(edit?.registryProblem).toBeNull();
    expect(edit?.feedback?.map((f) => f.id)).toEqual(["TAX_ID"]);
  });

  it("revets through the portal's command once per confirmation, records it, and reports Telnyx's 3-month spacing", async () => {
    const brandId = await brand("PRIVATE_PROFIT", "Telnyx Revet");
    await sandbox.control.advance(2 * MIN);
    const before = sandbox.control.counters().revets;
    const r = await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}-1` });
    expect(r).toMatchObject({ brandId, identityStatus: expect.any(String) });
    await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}-1` });
    expect(sandbox.control.counters().revets).toBe(before + 1);
    expect(await audits("brand.revet", brandId)).toHaveLength(1);
    const overview = await loadBrandOverview(t.db, org.org.id, await brandRow(brandId));
    expect(overview).toMatchObject({ lastRevet: expect.any(Date), revetRecent: true });
    // A second revet within 3 months: Telnyx refuses it, and nothing is recorded as done.
    await expect(revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}-2` })).rejects.toThrow();
    expect(sandbox.control.counters().revets).toBe(before + 1);
    await sandbox.control.advance(91 * DAY);
    await revetBrand(t.db, org.ctx, { brandId, idempotencyKey: `revet-${brandId}-3` });
    expect(sandbox.control.counters().revets).toBe(before + 2);
    expect(await audits("brand.revet", brandId)).toHaveLength(2);
  });

  it("offers the order form Telnyx's providers, orders a vet once per click and lists it with its outcome", async () => {
    const brandId = await brand("PRIVATE_PROFIT", "Telnyx Vetted");
    await sandbox.control.advance(2 * MIN);
    const empty = await loadBrandVetting(t.db, org.org.id, await brandRow(brandId));
    expect(empty.errors).toEqual([]);
    // What the order form offers: without a provider and class to pick, nothing could be ordered.
    const aegis = empty.providers.find((p) => p.evpId === "AEGIS");
    expect(aegis?.vettingClasses).toContain("STANDARD");
    expect(empty.classes.map((c) => c.id)).toContain("STANDARD");
    const before = sandbox.control.counters().vettingOrders;
    const input = orderVettingSchema.parse({ brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: `vet-${brandId}` });
    const ordered = await orderVetting(t.db, org.ctx, input);
    expect(ordered.vettingId).toBeTruthy();
    expect((await orderVetting(t.db, org.ctx, input)).vettingId).toBe(ordered.vettingId);
    expect(sandbox.control.counters().vettingOrders).toBe(before + 1);
    expect(await audits("brand.vetting.order", brandId)).toHaveLength(1);
    await sandbox.control.advance(15 * MIN);
    const tab = await loadBrandVetting(t.db, org.org.id, await brandRow(brandId));
    expect(tab.errors).toEqual([]);
    expect(tab.vettings).toHaveLength(1);
    // Telnyx's vetting records carry no status: the tab shows the score and the date it was vetted.
    expect(tab.vettings[0]).toMatchObject({ evpId: "AEGIS", vettingClass: "STANDARD", vettingId: ordered.vettingId, vettingScore: expect.any(Number), vettedDate: expect.anything() });
  });
});
