// The import run route (issue 19): the cost is quoted before anything is sent, the job starts only for the
// confirmed cost, the gate refuses roles that cannot register, and the job holds exactly the ready rows.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { useDb } from "@/lib/db";
import { dryRunImport } from "@/lib/imports/run";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg } from "@/test/factories";

const state: { ctx: OrgContext | null } = { ctx: null };
const queued: string[] = [];
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => state.ctx }));
vi.mock("@/lib/migrations/commands", () => ({ queueBulkJob: async (jobId: string) => void queued.push(jobId) }));

const { POST } = await import("@/app/api/imports/run/route");
const fixture = (name: string) => readFileSync(new URL(`../../../../lib/imports/fixtures/${name}`, import.meta.url));

let t: TestDb;
let a: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  a = await makeOrg(t.db);
}, 60_000);
afterAll(async () => t?.close());

const post = (qs: string, body: BodyInit | null) => POST(new Request(`http://x/api/imports/run?${qs}`, { method: "POST", body }));

describe("POST /api/imports/run", () => {
  it("refuses without a session and for a viewer", async () => {
    state.ctx = null;
    expect((await post("kind=brands", fixture("brands-mixed.csv"))).status).toBe(401);
    const viewer = await addUserToOrg(t.db, a.org, "VIEWER");
    state.ctx = { ...ctxFor(a.org, viewer.user, "VIEWER"), sid: "s2", memberships: [] };
    expect((await post("kind=brands&confirm=4", fixture("brands-mixed.csv"))).status).toBe(403);
    expect(await t.db.bulkJob.count({ where: { orgId: a.org.id } })).toBe(0);
  });

  it("quotes without sending, refuses a cost other than the quote, then starts one job of the ready rows", async () => {
    state.ctx = { ...a.ctx, sid: "s1", memberships: [] };
    const dry = await dryRunImport(t.db, a.org.id, { brands: { csv: fixture("brands-mixed.csv").toString("utf8") } });
    const quote = await post("kind=brands", fixture("brands-mixed.csv"));
    expect(quote.status).toBe(200);
    const q = await quote.json();
    expect(q).toEqual({ brands: { ready: dry.brands!.totals.ok, withErrors: dry.brands!.totals.failed, costUsd: dry.brands!.totals.cost_usd }, campaigns: null, costUsd: dry.costUsd });
    expect(q.brands.ready).toBeGreaterThan(0);
    expect(await t.db.bulkJob.count({ where: { orgId: a.org.id } })).toBe(0);

    const wrong = await post(`kind=brands&confirm=${q.costUsd + 4}`, fixture("brands-mixed.csv"));
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).fieldErrors.costUsd).toMatch(/not the \$/);
    expect(await t.db.bulkJob.count({ where: { orgId: a.org.id } })).toBe(0);

    const ok = await post(`kind=brands&confirm=${q.costUsd}`, fixture("brands-mixed.csv"));
    expect(ok.status).toBe(201);
    const { jobId } = await ok.json();
    expect(queued).toEqual([jobId]);
    const job = await t.db.bulkJob.findUniqueOrThrow({ where: { id: jobId }, include: { items: true } });
    expect(job).toMatchObject({ orgId: a.org.id, kind: "IMPORT_BRANDS", total: q.brands.ready });
    expect(job.items).toHaveLength(q.brands.ready);
  });

  it("refuses a file that is not UTF-8 text with its reason", async () => {
    state.ctx = { ...a.ctx, sid: "s1", memberships: [] };
    const res = await post("kind=brands", new Uint8Array([0x65, 0x69, 0x6e, 0x0a, 0xff, 0xfe, 0x0a]));
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatch(/not UTF-8 text/);
  });
});
