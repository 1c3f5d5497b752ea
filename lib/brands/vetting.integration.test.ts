import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBrandVetting } from "@/lib/brands/lifecycle-queries";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { appealVetting, importVetting, orderVetting, refreshVettingFromRegistry } from "@/lib/brands/vetting";
import { orderVettingSchema } from "@/lib/brands/vetting-schemas";
import { ConflictError } from "@/lib/errors";
import { registryClientFor } from "@/lib/registry/client";
import { TcrError } from "@/lib/tcr/errors";

let k: Kit;
beforeAll(async () => {
  k = await startKit();
}, 60_000);
afterAll(async () => k?.close());

const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x20), Buffer.from("\n%%EOF\n")]);
const asBrand = (b: { brandId: string }, entityType = "PRIVATE_PROFIT") => ({ brandId: b.brandId, entityType, identityStatus: "VERIFIED", status: "ACTIVE", deletedAt: null });

describe("external vetting", () => {
  it("orders once under a timeout: the retry asks the registry first, and the same click never orders twice", async () => {
    const b = await k.brand("PRIVATE_PROFIT", { ein: "111111185" });
    const before = k.sandbox.control.counters().vettingOrders;
    // The first POST never answers; the client gives up after 300 ms, finds no vet at the registry, sends again.
    k.sandbox.control.addFault({ kind: "hang", method: "POST", path: "/brand/*/externalVetting", times: 1 });
    const slow = (db: typeof k.db, orgId: string) => registryClientFor(db, orgId, { timeoutMs: 300 });
    const input = orderVettingSchema.parse({ brandId: b.brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: "order-click-0001" });
    const r = await orderVetting(k.db, k.ctx, input, slow);
    expect(r.vettingStatus).toBe("PENDING");
    expect(k.sandbox.control.counters().vettingOrders).toBe(before + 1);
    // The same confirmation again (double click, reload) answers from the stored intent.
    expect(await orderVetting(k.db, k.ctx, input)).toEqual(r);
    expect(k.sandbox.control.counters().vettingOrders).toBe(before + 1);
    expect((await k.client.brands.listExternalVetting(b.brandId)).filter((v) => v.evpId === "AEGIS")).toHaveLength(1);
    const audits = await k.audits("brand.vetting.order", b.brandId);
    expect(audits).toHaveLength(1); // one vet ordered, one audit row, however often it is confirmed
    expect(audits[0]).toMatchObject({ outcome: "SUCCESS", detail: { evpId: "AEGIS", vettingClass: "STANDARD", feeUsd: 40 } });

    // Mirrored at once as PENDING; refreshed on view once the provider scored it.
    const row = await k.db.brandVetting.findFirstOrThrow({ where: { orgId: k.org.org.id, brandId: b.brandId, evpId: "AEGIS" } });
    expect(row).toMatchObject({ vettingClass: "STANDARD", vettingStatus: "PENDING", vettingId: r.vettingId });
    await k.sandbox.control.advance(12 * 60_000);
    const view = await loadBrandVetting(k.db, k.org.org.id, asBrand(b));
    expect(view.errors).toEqual([]);
    expect(view.vettings.find((v) => v.evpId === "AEGIS")).toMatchObject({ vettingStatus: "ACTIVE", vettingScore: 85 });
    expect(view.providers.map((p) => p.evpId)).toEqual(expect.arrayContaining(["AEGIS", "WMC", "CV"]));
    expect(view.classes.map((c) => c.id)).toContain("ENHANCED");
    const after = await k.db.brandVetting.findFirstOrThrow({ where: { id: row.id } });
    expect(after.confirmedAt.getTime()).toBeGreaterThan(row.confirmedAt.getTime());
  });

  it("imports an existing WMC vet, and refuses an AEGIS import without its certificate", async () => {
    const b = await k.brand("PRIVATE_PROFIT", { ein: "111111177" });
    await expect(importVetting(k.db, k.ctx, { brandId: b.brandId, evpId: "AEGIS", vettingId: "aegis-123" })).rejects.toBeInstanceOf(TcrError);
    const r = await importVetting(k.db, k.ctx, { brandId: b.brandId, evpId: "WMC", vettingId: "wmc-tx-42" });
    expect(r).toMatchObject({ vettingClass: "STANDARD", vettingStatus: "ACTIVE" });
    const row = await k.db.brandVetting.findFirstOrThrow({ where: { orgId: k.org.org.id, brandId: b.brandId, evpId: "WMC" } });
    expect(row).toMatchObject({ vettingId: "wmc-tx-42", vettingStatus: "ACTIVE", vettingScore: 77 });
    const brand = await k.db.brand.findUniqueOrThrow({ where: { orgId_brandId: { orgId: k.org.org.id, brandId: b.brandId } } });
    expect(brand.identityStatus).toBe("VETTED_VERIFIED");
  });

  it("appeals a completed vet with an evidence file; the appeal is mirrored with its provider and vetting id", async () => {
    const b = await k.brand("PRIVATE_PROFIT", { ein: "111111140" });
    const { vettingId } = await orderVetting(k.db, k.ctx, orderVettingSchema.parse({ brandId: b.brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: "order-click-0002" }));
    await k.sandbox.control.advance(12 * 60_000);
    const f = await k.file("APPEAL_EVIDENCE", "score-letter.pdf", pdf);
    await appealVetting(k.db, k.ctx, { brandId: b.brandId, evpId: "AEGIS", vettingId: vettingId!, appealCategories: ["LOW_SCORE"], explanation: "Score too low", fileIds: [f.id] }, { storage: () => k.storage });
    const [appeal] = await k.client.brands.listExternalVettingAppeals(b.brandId);
    const attachment = await k.db.evidenceAttachment.findFirstOrThrow({ where: { fileId: f.id, targetType: "BRAND_APPEAL_EVIDENCE", targetId: b.brandId } });
    expect(appeal!.attachmentUuids).toEqual([attachment.registryUuid]);
    const mirrored = await k.db.brandAppeal.findMany({ where: { orgId: k.org.org.id, brandId: b.brandId } });
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]).toMatchObject({ kind: "VETTING", appealStatus: "PENDING", categories: ["LOW_SCORE"], evpId: "AEGIS", vettingId });
    expect(mirrored[0]!.key).toBe(`VETTING|${appeal!.createDate}|AEGIS|${vettingId}`);

    // Decided after two days; the refresh moves the mirror (appeal COMPLETE, score + 20).
    await k.sandbox.control.advance(2 * 24 * 3_600_000 + 60_000);
    await refreshVettingFromRegistry(k.db, k.ctx, { brandId: b.brandId });
    expect(await k.db.brandAppeal.findFirstOrThrow({ where: { id: mirrored[0]!.id } })).toMatchObject({ appealStatus: "COMPLETE" });
    expect(await k.db.brandVetting.findFirstOrThrow({ where: { orgId: k.org.org.id, brandId: b.brandId, evpId: "AEGIS" } })).toMatchObject({ vettingScore: 60 });
  });

  it("refuses to order for a sole proprietor or an AUTHPLUS vet, before anything is billed", async () => {
    const sp = await k.brand("SOLE_PROPRIETOR");
    const before = k.sandbox.control.counters().vettingOrders;
    await expect(orderVetting(k.db, k.ctx, orderVettingSchema.parse({ brandId: sp.brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: "order-sp-00001" }))).rejects.toBeInstanceOf(ConflictError);
    const pp = await k.brand("PRIVATE_PROFIT");
    await expect(orderVetting(k.db, k.ctx, orderVettingSchema.parse({ brandId: pp.brandId, evpId: "AEGIS", vettingClass: "AUTHPLUS", idempotencyKey: "order-auth-0001" }))).rejects.toBeInstanceOf(ConflictError);
    expect(orderVettingSchema.safeParse({ brandId: pp.brandId, evpId: "AEGIS", vettingClass: "POLITICAL", idempotencyKey: "order-pol-00001" }).success).toBe(false);
    expect(k.sandbox.control.counters().vettingOrders).toBe(before);
  });
});
