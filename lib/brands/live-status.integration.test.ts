import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { audit } from "@/lib/audit";
import { brandLiveStatus } from "@/lib/brands/live-status";
import { useDb } from "@/lib/db";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const actions = await import("@/lib/brands/lifecycle-actions");

let t: TestDb;
let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
const HOUR = 3_600_000;
let n = 0;

async function brand(over: { entityType?: string; identityStatus?: string | null; ageMs?: number; data?: Record<string, unknown>; deleted?: boolean; orgId?: string } = {}) {
  const brandId = `BLIVE${String(++n).padStart(2, "0")}`;
  await t.db.brand.create({
    data: {
      orgId: over.orgId ?? org.org.id, brandId, entityType: over.entityType ?? "PRIVATE_PROFIT", displayName: brandId,
      identityStatus: over.identityStatus === undefined ? "SELF_DECLARED" : over.identityStatus, status: over.deleted ? "DELETED" : "ACTIVE",
      registryCreatedAt: new Date(Date.now() - (over.ageMs ?? 60_000)), data: { brandId, ...over.data }, confirmedAt: new Date(), deletedAt: over.deleted ? new Date() : null,
    },
  });
  return brandId;
}

const event = (brandId: string, eventType: string, at = new Date()) =>
  t.db.registryEvent.create({ data: { orgId: org.org.id, dedupeKey: `${brandId}-${eventType}-${at.getTime()}-${++n}`, eventType, brandId, payload: { brandId }, receivedAt: at } });
const live = (brandId: string, now?: Date) => brandLiveStatus(t.db, org.org.id, brandId, now);

beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  org = await makeOrg(t.db);
  other = await makeOrg(t.db);
});
afterAll(async () => t?.close());

describe("brandLiveStatus", () => {
  it("waits for the identity check of a new brand, and stops once the registry answered or a day has passed", async () => {
    const b = await brand();
    const before = await live(b);
    expect(before).toMatchObject({ identityStatus: "SELF_DECLARED", waitingFor: ["identity"] });
    expect((await live(await brand({ ageMs: 25 * HOUR })))!.waitingFor).toEqual([]);

    await t.db.brand.update({ where: { orgId_brandId: { orgId: org.org.id, brandId: b } }, data: { identityStatus: "VERIFIED" } });
    await event(b, "BRAND_IDENTITY_STATUS_UPDATE");
    const after = await live(b);
    expect(after).toMatchObject({ identityStatus: "VERIFIED", waitingFor: [] });
    expect(after!.version).not.toBe(before!.version);
    // Reading again without a change gives the same version: the page is not reloaded for nothing.
    expect((await live(b))!.version).toBe(after!.version);
  });

  it("waits after a revet until an identity event arrives", async () => {
    const b = await brand({ identityStatus: "UNVERIFIED", ageMs: 90 * 24 * HOUR });
    expect((await live(b))!.waitingFor).toEqual([]);
    await event(b, "BRAND_IDENTITY_STATUS_UPDATE", new Date(Date.now() - HOUR));
    await audit(t.db, { orgId: org.org.id, actor: org.owner, action: "brand.revet", targetType: "brand", targetId: b, outcome: "SUCCESS" });
    const waiting = await live(b);
    expect(waiting!.waitingFor).toEqual(["identity"]);
    await event(b, "BRAND_IDENTITY_STATUS_UPDATE", new Date(Date.now() + 1_000));
    const answered = await live(b);
    expect(answered!.waitingFor).toEqual([]);
    expect(answered!.version).not.toBe(waiting!.version);
  });

  it("waits for a sole proprietor's passcode for its 24-hour lifetime, not after verification", async () => {
    const b = await brand({ entityType: "SOLE_PROPRIETOR" });
    expect((await live(b))!.waitingFor).toEqual([]);
    await audit(t.db, { orgId: org.org.id, actor: org.owner, action: "brand.otp.send", targetType: "brand", targetId: b, outcome: "SUCCESS", detail: { referenceId: "r1" } });
    expect((await live(b))!.waitingFor).toEqual(["otp"]);
    expect((await live(b, new Date(Date.now() + 25 * HOUR)))!.waitingFor).toEqual([]);
    await t.db.brand.update({ where: { orgId_brandId: { orgId: org.org.id, brandId: b } }, data: { identityStatus: "VERIFIED" } });
    expect((await live(b))!.waitingFor).toEqual([]);
  });

  it("waits for Authentication+ on a verified public company until the business contact completes it", async () => {
    const b = await brand({ entityType: "PUBLIC_PROFIT", identityStatus: "VERIFIED" });
    expect((await live(b))!.waitingFor).toEqual(["authplus"]);
    await t.db.brand.update({ where: { orgId_brandId: { orgId: org.org.id, brandId: b } }, data: { data: { brandId: b, businessContactEmailVerifiedDate: new Date().toISOString() } } });
    expect((await live(b))!.waitingFor).toEqual([]);
    const expired = await brand({ entityType: "PUBLIC_PROFIT", identityStatus: "VERIFIED" });
    await t.db.brandVetting.create({ data: { orgId: org.org.id, brandId: expired, evpId: "AEGIS", vettingClass: "AUTHPLUS", vettingStatus: "EXPIRED", data: {}, confirmedAt: new Date() } });
    expect((await live(expired))!.waitingFor).toEqual([]);
  });

  it("waits for a pending external vet and a pending appeal, and the version follows their statuses", async () => {
    const b = await brand({ identityStatus: "VERIFIED" });
    expect((await live(b))!.waitingFor).toEqual([]);
    const vet = await t.db.brandVetting.create({ data: { orgId: org.org.id, brandId: b, evpId: "AEGIS", vettingClass: "STANDARD", vettingStatus: "PENDING", data: {}, confirmedAt: new Date() } });
    await t.db.brandAppeal.create({ data: { orgId: org.org.id, brandId: b, key: "IDENTITY:1", kind: "IDENTITY", appealStatus: "PENDING", data: {}, confirmedAt: new Date() } });
    const pending = await live(b);
    expect(pending!.waitingFor).toEqual(["vetting", "appeal"]);
    await t.db.brandVetting.update({ where: { id: vet.id }, data: { vettingStatus: "ACTIVE", vettingScore: 85 } });
    const scored = await live(b);
    expect(scored!.waitingFor).toEqual(["appeal"]);
    expect(scored!.version).not.toBe(pending!.version);
  });

  it("waits for nothing on a deleted brand and knows no other organization's brand", async () => {
    expect((await live(await brand({ deleted: true })))!.waitingFor).toEqual([]);
    const theirs = await brand({ orgId: other.org.id });
    expect(await live(theirs)).toBeNull();
  });
});

describe("brandLiveStatusAction", () => {
  it("answers any member of the organization (a viewer too), and not for another organization's brand", async () => {
    const viewer = await addUserToOrg(t.db, org.org, "VIEWER");
    context.current = { ...ctxFor(org.org, viewer.user, "VIEWER"), sid: "s", memberships: [] } as OrgContext;
    const b = await brand();
    expect(await actions.brandLiveStatusAction({ brandId: b })).toMatchObject({ ok: true, data: { waitingFor: ["identity"] } });
    const theirs = await brand({ orgId: other.org.id });
    expect(await actions.brandLiveStatusAction({ brandId: theirs })).toMatchObject({ ok: false, error: "That brand was not found." });
  });
});
