import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaIntentStore } from "@/lib/registry/intents";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

const past = () => new Date(Date.now() - 60_000);

describe("billable intents in the database", () => {
  it("lets exactly one of several concurrent callers own a new key", async () => {
    const { org } = await makeOrg(t.db);
    const store = new PrismaIntentStore(t.db, org.id);
    const claims = await Promise.all(Array.from({ length: 5 }, () => store.begin({ key: "k1", operationId: "brand.create", referenceId: "R1", staleBefore: past() })));
    expect(claims.filter((c) => c.owned)).toHaveLength(1);
  });

  it("does not hand out a key that is in flight, done, or sent by a live sender; reclaims failed, ambiguous and stale", async () => {
    const { org } = await makeOrg(t.db);
    const store = new PrismaIntentStore(t.db, org.id);
    await store.begin({ key: "k", operationId: "brand.create", context: { before: 1 }, staleBefore: past() });
    await store.markSent("k");
    expect((await store.begin({ key: "k", operationId: "brand.create", staleBefore: past() })).owned).toBe(false);
    // A sender that went quiet before staleBefore is presumed dead.
    expect((await store.begin({ key: "k", operationId: "brand.create", staleBefore: new Date(Date.now() + 1000) })).owned).toBe(true);
    await store.markAmbiguous("k", "timeout");
    const again = await Promise.all([1, 2, 3].map(() => store.begin({ key: "k", operationId: "brand.create", context: { before: 2 }, staleBefore: past() })));
    expect(again.filter((c) => c.owned)).toHaveLength(1);
    expect((await store.find("k"))?.context).toEqual({ before: 1 });
    await store.markDone("k", { objectId: "BABC123", result: { brandId: "BABC123" } });
    const done = await store.begin({ key: "k", operationId: "brand.create", staleBefore: new Date(Date.now() + 1000) });
    expect(done).toMatchObject({ owned: false, intent: { status: "done", objectId: "BABC123", sendCount: 1 } });
    await store.markFailed("k", "422");
    expect((await store.begin({ key: "k", operationId: "brand.create", staleBefore: past() })).owned).toBe(true);
  });

  it("keeps each organization's keys apart", async () => {
    const a = await makeOrg(t.db);
    const b = await makeOrg(t.db);
    await new PrismaIntentStore(t.db, a.org.id).begin({ key: "same", operationId: "brand.create", staleBefore: past() });
    expect((await new PrismaIntentStore(t.db, b.org.id).begin({ key: "same", operationId: "brand.create", staleBefore: past() })).owned).toBe(true);
    expect(await new PrismaIntentStore(t.db, b.org.id).find("nope")).toBeNull();
  });
});
