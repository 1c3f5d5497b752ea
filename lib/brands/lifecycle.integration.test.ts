import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { deleteBrand, revetBrand } from "@/lib/brands/lifecycle";
import { loadBrandOverview } from "@/lib/brands/lifecycle-queries";
import { listBrands } from "@/lib/brands/queries";
import { parseBrandFilters } from "@/lib/brands/search-params";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { assignBrandTag, brandTags, removeBrandTag } from "@/lib/brands/tags";
import { useDb } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { refreshBrand } from "@/lib/mirror/refresh";
import { upsertCampaign } from "@/lib/mirror/upsert";
import { addUserToOrg, ctxFor } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const actions = await import("@/lib/brands/lifecycle-actions");

let k: Kit;
beforeAll(async () => {
  k = await startKit();
  useDb(k.db);
}, 60_000);
afterAll(async () => k?.close());

describe("revet", () => {
  it("asks the registry once per confirmation key, mirrors the answer and audits the fee", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    const before = k.sandbox.control.counters().revets;
    const r = await revetBrand(k.db, k.ctx, { brandId: b.brandId, idempotencyKey: "revet-click-0001" });
    expect(r.brandId).toBe(b.brandId);
    // The same click retried (double submit, reload) is answered from the stored intent, not sent again.
    await revetBrand(k.db, k.ctx, { brandId: b.brandId, idempotencyKey: "revet-click-0001" });
    expect(k.sandbox.control.counters().revets).toBe(before + 1);
    const audits = await k.audits("brand.revet", b.brandId);
    expect(audits.at(-1)).toMatchObject({ outcome: "SUCCESS", detail: { feeUsd: 4 } });
    // The page shows when the last revet happened (for the 3-month spacing).
    expect((await loadBrandOverview(k.db, k.org.org.id, { ...b, status: "ACTIVE", entityType: "PRIVATE_PROFIT", identityStatus: "VERIFIED", deletedAt: null })).lastRevet).toBeInstanceOf(Date);
  });

  it("refuses a sole proprietor (OTP verifies those) without calling the registry", async () => {
    const sp = await k.brand("SOLE_PROPRIETOR");
    const before = k.sandbox.control.counters().revets;
    await expect(revetBrand(k.db, k.ctx, { brandId: sp.brandId, idempotencyKey: "revet-sp-00001" })).rejects.toBeInstanceOf(ConflictError);
    expect(k.sandbox.control.counters().revets).toBe(before);
  });

  it("never resends after an ambiguous timeout, and says so", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    const before = k.sandbox.control.counters().revets;
    k.sandbox.control.addFault({ kind: "latency", latencyMs: 600, method: "PUT", path: "/brand/*/revet", times: 1 });
    const { registryClientFor } = await import("@/lib/registry/client");
    const slow = (db: typeof k.db, orgId: string) => registryClientFor(db, orgId, { timeoutMs: 200 });
    await expect(revetBrand(k.db, k.ctx, { brandId: b.brandId, idempotencyKey: "revet-slow-0001" }, slow)).rejects.toThrow(/did not confirm the revet/);
    // The same click again: still unconfirmable, so still not resent (a revet cannot be looked up).
    await expect(revetBrand(k.db, k.ctx, { brandId: b.brandId, idempotencyKey: "revet-slow-0001" }, slow)).rejects.toThrow(/did not confirm the revet/);
    // The sandbox drops a request whose caller has gone, so nothing was revetted; above all, nothing twice.
    expect(k.sandbox.control.counters().revets).toBe(before);
    const intent = await k.db.billableIntent.findFirstOrThrow({ where: { orgId: k.org.org.id, key: `brand.revet:${b.brandId}:revet-slow-0001` } });
    expect(intent.sendCount).toBe(1);
  });
});

describe("delete", () => {
  it("refuses while the mirror shows an active campaign, naming it", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    await upsertCampaign(k.db, k.org.org.id, { campaignId: "CDETAIL1", brandId: b.brandId, status: "ACTIVE" } as never, null, new Date());
    await expect(deleteBrand(k.db, k.ctx, { brandId: b.brandId })).rejects.toThrow(/CDETAIL1/);
    expect((await k.client.brands.get(b.brandId)).status).toBe("ACTIVE");
  });

  it("deletes at the registry, marks the mirror DELETED, audits, and refuses a second delete", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    await deleteBrand(k.db, k.ctx, { brandId: b.brandId });
    expect((await k.client.brands.get(b.brandId)).status).toBe("DELETED");
    const row = await k.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: k.org.org.id, brandId: b.brandId } } });
    expect(row.status).toBe("DELETED");
    expect(await k.audits("brand.delete", b.brandId)).toHaveLength(1);
    await expect(deleteBrand(k.db, k.ctx, { brandId: b.brandId })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("tags", () => {
  it("assigns (stored lowercase) and removes a tag at the registry", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    await assignBrandTag(k.db, k.ctx, { brandId: b.brandId, name: "Holiday2026" });
    expect(await brandTags(k.client, b.brandId)).toEqual(["holiday2026"]);
    await removeBrandTag(k.db, k.ctx, { brandId: b.brandId, name: "holiday2026" });
    expect(await brandTags(k.client, b.brandId)).toEqual([]);
    expect((await k.audits("brand.tag.assign", b.brandId))[0]).toMatchObject({ outcome: "SUCCESS", detail: { tag: "holiday2026" } });
  });

  it("reads the brand back into the mirror, so the Brands list filters by the new tag at once", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    const listed = async (tag: string) => (await listBrands(k.db, k.org.org.id, parseBrandFilters({ tag }))).rows.map((r) => r.brandId);
    expect(await listed("mirrortag")).toEqual([]);
    await assignBrandTag(k.db, k.ctx, { brandId: b.brandId, name: "MirrorTag" });
    expect(await listed("mirrortag")).toEqual([b.brandId]);
    expect((await listBrands(k.db, k.org.org.id, parseBrandFilters({ tag: "mirrortag" }))).rows[0]!.tags).toEqual(["mirrortag"]);
    // A webhook or reconciliation refresh replaces the mirrored object, whose registry form has no tags: they stay.
    await refreshBrand(k.db, k.client, k.org.org.id, b.brandId);
    expect(await listed("mirrortag")).toEqual([b.brandId]);
    await removeBrandTag(k.db, k.ctx, { brandId: b.brandId, name: "mirrortag" });
    expect(await listed("mirrortag")).toEqual([]);
  });
});

describe("role rules", () => {
  it("refuses a VIEWER every detail action, audits the refusal, and sends nothing to the registry", async () => {
    const b = await k.brand("PRIVATE_PROFIT");
    const viewer = await addUserToOrg(k.db, k.org.org, "VIEWER");
    context.current = { ...ctxFor(k.org.org, viewer.user, "VIEWER"), sid: "s", memberships: [] } as OrgContext;
    const counters = k.sandbox.control.counters();
    const calls = [
      actions.revetBrandAction({ brandId: b.brandId, idempotencyKey: "viewer-revet-1" }),
      actions.deleteBrandAction({ brandId: b.brandId }),
      actions.orderVettingAction({ brandId: b.brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: "viewer-vet-01" }),
      actions.fileIdentityAppealAction({ brandId: b.brandId, appealCategories: ["VERIFY_TAX_ID"] }),
      actions.sendBrandOtpAction({ brandId: b.brandId, pinSms: "Code @OTP_PIN@" }),
      actions.assignBrandTagAction({ brandId: b.brandId, name: "nope" }),
      actions.deleteBrandAssetAction({ brandId: b.brandId, name: "logo" }),
    ];
    for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: "Your role does not allow this action." });
    expect(k.sandbox.control.counters()).toEqual(counters);
    expect((await k.client.brands.get(b.brandId)).status).toBe("ACTIVE");
    const denied = await k.db.auditLog.count({ where: { orgId: k.org.org.id, outcome: "DENIED", actorId: viewer.user.id } });
    expect(denied).toBe(calls.length);

    // An operator may act.
    const op = await addUserToOrg(k.db, k.org.org, "OPERATOR");
    context.current = { ...ctxFor(k.org.org, op.user, "OPERATOR"), sid: "s", memberships: [] } as OrgContext;
    expect(await actions.assignBrandTagAction({ brandId: b.brandId, name: "ok" })).toMatchObject({ ok: true });
  });
});
