import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLease } from "@/lib/jobs/lease";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let orgId: string;
beforeAll(async () => {
  t = await createTestDb();
  orgId = (await makeOrg(t.db)).org.id;
});
afterAll(async () => t.close());

const newJob = async (status = "RUNNING") => (await t.db.bulkJob.create({ data: { orgId, kind: "MIGRATE", status, params: {} } })).id;
const at = (ms: number) => () => new Date(ms);

describe("bulk job lease", () => {
  it("lets one runner hold a job; a second is refused while the lease is live, and takes over once it expired", async () => {
    const jobId = await newJob();
    const a = await acquireLease(t.db, jobId, "runner-a", "q-a", { ttlMs: 30_000, now: at(1_000_000) });
    expect(a).not.toBeNull();
    expect(await acquireLease(t.db, jobId, "runner-b", "q-b", { ttlMs: 30_000, now: at(1_020_000) })).toBeNull();
    const b = await acquireLease(t.db, jobId, "runner-b", "q-b", { ttlMs: 30_000, now: at(1_031_000) });
    expect(b).not.toBeNull();
    expect(await t.db.bulkJob.findUnique({ where: { id: jobId }, select: { leaseOwner: true, leaseQueueJobId: true } })).toEqual({ leaseOwner: "runner-b", leaseQueueJobId: "q-b" });
    // a's release must not free b's lease
    await a!.release();
    expect((await t.db.bulkJob.findUniqueOrThrow({ where: { id: jobId } })).leaseOwner).toBe("runner-b");
    await b!.release();
    expect((await t.db.bulkJob.findUniqueOrThrow({ where: { id: jobId } })).leaseOwner).toBeNull();
  });

  it("a runner whose lease was taken over learns it at its next renewal and reports it no longer holds the job", async () => {
    const jobId = await newJob();
    const a = await acquireLease(t.db, jobId, "runner-a", null, { ttlMs: 3_000 });
    expect(a!.held()).toBe(true);
    await t.db.bulkJob.update({ where: { id: jobId }, data: { leaseOwner: "runner-b" } });
    await new Promise((r) => setTimeout(r, 1_300)); // renewal every ttl/3, at least 1 s
    expect(a!.held()).toBe(false);
    await a!.release();
  });
});
