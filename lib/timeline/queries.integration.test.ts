import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import { brandTimeline, campaignTimeline } from "@/lib/timeline/queries";
import { describeAuditAction, describeRegistryEvent } from "@/lib/timeline/describe";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let a: Awaited<ReturnType<typeof makeOrg>>;
let b: Awaited<ReturnType<typeof makeOrg>>;
const at = (min: number) => new Date(Date.UTC(2026, 10, 1, 12, min));

async function event(orgId: string, brandId: string | null, eventType: string, min: number, payload: Record<string, unknown> = {}, deliveries = 1) {
  await t.db.registryEvent.create({
    data: { orgId, brandId, eventType, dedupeKey: `${orgId}-${eventType}-${min}-${brandId}`, payload: { eventType, brandId, ...payload }, deliveries, receivedAt: at(min), status: "PROCESSED" },
  });
}

beforeAll(async () => {
  t = await createTestDb();
  a = await makeOrg(t.db);
  b = await makeOrg(t.db);
  await event(a.org.id, "B1", "BRAND_ADD", 0, { description: "Brand B1 created", cspName: "Acme CSP" });
  await event(a.org.id, "B1", "BRAND_IDENTITY_STATUS_UPDATE", 2, { brandIdentityStatus: "VERIFIED" }, 3);
  await event(a.org.id, "B1", "SOMETHING_NEW", 4);
  await event(a.org.id, "B2", "BRAND_ADD", 1);
  // The same brand id in another organization: must not appear.
  await event(b.org.id, "B1", "BRAND_DELETE", 3);
  await audit(t.db, { orgId: a.org.id, actor: a.owner, action: "brand.refresh", targetType: "brand", targetId: "B1", outcome: "SUCCESS", detail: { result: "updated" } });
  await audit(t.db, { orgId: a.org.id, actor: null, action: "brand.refresh", targetType: "brand", targetId: "B1", outcome: "FAILURE", detail: { reason: "Registry timed out" } });
  await audit(t.db, { orgId: b.org.id, actor: b.owner, action: "brand.refresh", targetType: "brand", targetId: "B1", outcome: "SUCCESS" });
  // Pin the audit rows' times between the events so the merge order is checked, not just concatenation.
  const rows = await t.db.auditLog.findMany({ where: { orgId: a.org.id, action: "brand.refresh" }, orderBy: { createdAt: "asc" } });
  await t.db.auditLog.update({ where: { id: rows[0]!.id }, data: { createdAt: at(1) } });
  await t.db.auditLog.update({ where: { id: rows[1]!.id }, data: { createdAt: at(3) } });
});
afterAll(async () => t?.close());

describe("brandTimeline", () => {
  it("merges registry events and audit rows for the brand, newest first, within the organization", async () => {
    const tl = await brandTimeline(t.db, a.org.id, "B1");
    expect(tl.map((e) => (e.kind === "registry" ? e.eventType : `${e.action}:${e.outcome}`))).toEqual([
      "SOMETHING_NEW", "brand.refresh:FAILURE", "BRAND_IDENTITY_STATUS_UPDATE", "brand.refresh:SUCCESS", "BRAND_ADD",
    ]);
  });

  it("says who or what caused each entry, in plain English", async () => {
    const tl = await brandTimeline(t.db, a.org.id, "B1");
    const add = tl.find((e) => e.kind === "registry" && e.eventType === "BRAND_ADD");
    expect(add).toMatchObject({ title: "Brand registered with the registry", actor: "The Campaign Registry (Acme CSP)", detail: "Brand B1 created", deliveries: 1 });
    expect(tl.find((e) => e.kind === "registry" && e.eventType === "BRAND_IDENTITY_STATUS_UPDATE")).toMatchObject({ deliveries: 3, actor: "The Campaign Registry" });
    expect(tl.find((e) => e.kind === "registry" && e.eventType === "SOMETHING_NEW")).toMatchObject({ title: "Registry notification" });
    const portal = tl.filter((e) => e.kind === "portal");
    expect(portal.map((e) => [e.actor, e.title, e.detail])).toEqual([
      ["System", "Refreshed the brand from the registry", "Registry timed out"],
      [a.owner.email, "Refreshed the brand from the registry", "Result: updated"],
    ]);
  });

  it("is empty for a brand with no history and honours the limit", async () => {
    expect(await brandTimeline(t.db, a.org.id, "BNONE")).toEqual([]);
    expect(await brandTimeline(t.db, a.org.id, "B1", 2)).toHaveLength(2);
    expect((await brandTimeline(t.db, b.org.id, "B1")).map((e) => e.kind)).toEqual(["portal", "registry"]);
  });
});

describe("descriptions", () => {
  it("fall back to a generic line or the action name for types it does not know", () => {
    expect(describeRegistryEvent("BRAND_SCORE_UPDATE")).toBe("Vetting score changed");
    expect(describeRegistryEvent("NEW_THING")).toBe("Registry notification");
    expect(describeAuditAction("brand.somethingElse")).toBe("brand.somethingElse");
  });
});

describe("campaignTimeline", () => {
  it("reads the campaign's own events in campaign words, names the carrier, and keeps other organizations out", async () => {
    const ev = (orgId: string, eventType: string, min: number, payload: Record<string, unknown>) =>
      t.db.registryEvent.create({
        data: { orgId, brandId: "B1", campaignId: "C1", eventType, dedupeKey: `${orgId}-${eventType}-${min}-C1`, payload: { eventType, campaignId: "C1", ...payload }, receivedAt: at(10 + min), status: "PROCESSED" },
      });
    await ev(a.org.id, "CAMPAIGN_ADD", 0, { description: "Campaign created" });
    await ev(a.org.id, "MNO_CAMPAIGN_OPERATION_REJECTED", 2, { mnoId: 10017, mnoName: "AT&T", description: "Campaign rejected by the MNO" });
    await ev(b.org.id, "CAMPAIGN_EXPIRED", 3, {});
    await audit(t.db, { orgId: a.org.id, actor: a.owner, action: "campaign.resubmit", targetType: "campaign", targetId: "C1", outcome: "SUCCESS", detail: { mnoIds: [10017] } });
    const entries = await campaignTimeline(t.db, a.org.id, "C1");
    expect(entries.map((e) => e.title)).toEqual(["Resubmitted the campaign to carriers", "Carrier rejected the campaign (AT&T)", "Campaign registered"]);
    expect(entries[1]).toMatchObject({ kind: "registry", detail: "Campaign rejected by the MNO", actor: "The Campaign Registry (AT&T)" });
    // The brand's own timeline keeps its brand wording for the same event types.
    expect(describeRegistryEvent("CAMPAIGN_ADD")).toBe("Campaign registered for this brand");
  });
});
