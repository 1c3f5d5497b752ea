// Running an import (issue 19) against the in-process sandbox: the valid rows of a brand file and a campaign
// file become one bulk job; brands are registered once, campaigns wait for their brand, a crash mid-run
// registers nothing twice, a changed cost and a VIEWER are refused.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, ValidationFailedError } from "@/lib/errors";
import { useDb } from "@/lib/db";
import { main } from "@/lib/imports/cli";
import { createImportJob, dryRunImport } from "@/lib/imports/run";
import { runBulkJob } from "@/lib/migrations/bulk";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg } from "@/test/factories";

const KEY = "import-run-key";
const SECRET = "import-run-secret";
let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const files = () => ({ brands: { csv: fixture("run-brands.csv") }, campaigns: { csv: fixture("run-campaigns.csv") } });
const fast = { retryDelayMs: 1, sleep: async () => {}, maxAttempts: 2 };
const owner = () => ({ ...org.ctx, role: "OWNER" as const });

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false });
  org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

const items = (jobId: string) => t.db.bulkJobItem.findMany({ where: { jobId }, orderBy: { id: "asc" } });

describe("import run", () => {
  it("refuses a VIEWER and a cost other than the dry run's, before anything is created", async () => {
    const dry = await dryRunImport(t.db, org.org.id, files());
    // Valid: 3 brands × $4 + one AEGIS vet ($40); campaigns of brands not yet registered have no fee yet.
    expect(dry.costUsd).toBe(52);
    expect(dry.brands!.totals).toMatchObject({ rows: 4, ok: 3, failed: 1 });
    expect(dry.campaigns!.totals).toMatchObject({ rows: 3, ok: 2, failed: 1 });

    const viewer = await addUserToOrg(t.db, org.org, "VIEWER");
    await expect(createImportJob(t.db, ctxFor(org.org, viewer.user, "VIEWER"), { ...files(), costUsd: 52 })).rejects.toBeInstanceOf(ForbiddenError);
    const mismatch = createImportJob(t.db, owner(), { ...files(), costUsd: 48 });
    await expect(mismatch).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(mismatch).rejects.toMatchObject({ fieldErrors: { costUsd: expect.stringMatching(/\$52\.00.*\$48\.00/) } });
    expect(await t.db.bulkJob.count({ where: { orgId: org.org.id } })).toBe(0);
    expect(await t.db.brandDraft.count({ where: { orgId: org.org.id } })).toBe(0);
  }, 60_000);

  it("runs once: brands registered exactly once (a crash mid-run too), campaigns wait for their brand, a brand that failed skips its campaigns", async () => {
    const client = await registryClientFor(t.db, org.org.id);
    const before = sandbox.control.counters();
    const { jobId, total, kind } = await createImportJob(t.db, owner(), { ...files(), costUsd: 52 });
    expect({ total, kind }).toEqual({ total: 5, kind: "IMPORT_BRANDS" });
    const created = await items(jobId);
    expect(created.map((i) => i.campaignId)).toEqual(["brand:2", "brand:3", "brand:5", "campaign:2", "campaign:3"]);
    // The item holds the normalised create request, not the raw CSV (the EIN without its dash, the phone in E.164).
    expect((created[1]!.input as { request: Record<string, unknown> }).request).toMatchObject({ entityType: "PRIVATE_PROFIT", ein: "123456789", phone: "+12025550123", companyName: "Acme Dental LLC" });
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "import.start", targetId: jobId } })).toBe(1);

    // The registry is down for the first brand row (every attempt answers 503), back for the next one (the fault
    // is lifted when the engine asks whether to go on before its second item); the run then "crashes" right
    // after the second brand's create.
    const outage = sandbox.control.addFault({ kind: "status", status: 503, method: "POST", path: "/brand/nonBlocking" });
    let asked = 0;
    const liftOutage = () => {
      if (++asked === 2) sandbox.control.removeFault(outage.id);
      return false;
    };
    let crashed = false;
    const crash = async (item: { campaignId: string }) => {
      if (item.campaignId === "brand:3" && !crashed) {
        crashed = true;
        throw new Error("simulated crash after the registry call");
      }
    };
    await expect(runBulkJob(t.db, client, jobId, { ...fast, afterCall: crash, shouldStop: liftOutage })).rejects.toThrow(/simulated crash/);
    expect((await items(jobId)).find((i) => i.campaignId === "brand:3")).toMatchObject({ state: "RUNNING" });

    // Restarted: the interrupted row runs again with the same keys; the campaigns find their brands' identity
    // check pending and wait, so the slice ends with more work for later, not a loop.
    const now = Date.now();
    const first = await runBulkJob(t.db, client, jobId, { ...fast, now: () => new Date(now) });
    expect(first).toMatchObject({ more: true, status: "RUNNING", succeeded: 2, failed: 1, skipped: 1 });
    expect(first.retryAt!.getTime()).toBeGreaterThan(now);
    let rows = await items(jobId);
    const by = (key: string) => rows.find((i) => i.campaignId === key)!;
    expect(by("brand:2")).toMatchObject({ state: "FAILED", error: expect.stringMatching(/failed ambiguously.*not found.*\(after 2 attempts\)$/) });
    expect(by("campaign:3")).toMatchObject({ state: "SKIPPED", reason: expect.stringMatching(/^Its brand \(row 2\) was not registered: TcrAmbiguousBillableError/) });
    expect(by("campaign:2")).toMatchObject({ state: "PENDING", attempts: 0, reason: expect.stringMatching(/^Waiting for brand B\w+: Identity check not finished/) });
    const acmeId = (by("brand:3").result as { brandId: string }).brandId;
    expect(by("brand:3").result).toMatchObject({ brandId: acmeId, vettingId: expect.any(String) });
    // Nothing is due before retryAt: a run now claims nothing and calls nothing.
    const again = await runBulkJob(t.db, client, jobId, { ...fast, now: () => new Date(now) });
    expect(again).toMatchObject({ more: true, succeeded: 2 });

    // The registry finishes the identity checks; the waiting campaign is due again and is created.
    await sandbox.control.advance(10 * 60_000);
    const done = await runBulkJob(t.db, client, jobId, { ...fast, now: () => new Date(now + 16 * 60_000) });
    expect(done).toMatchObject({ more: false, status: "COMPLETED", total: 5, succeeded: 3, failed: 1, skipped: 1 });
    rows = await items(jobId);
    expect(by("campaign:2")).toMatchObject({ state: "SUCCEEDED", result: { campaignId: expect.stringMatching(/^C/), brandId: acmeId } });

    // Exactly once at the registry: two brands (the one the outage hit never landed), one vet, one campaign.
    const after = sandbox.control.counters();
    expect(after.brands - before.brands).toBe(2);
    expect(after.vettingOrders - before.vettingOrders).toBe(1);
    expect(after.campaigns - before.campaigns).toBe(1);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "brand.create" } })).toBe(2);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "campaign.create" } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { orgId: org.org.id, action: "bulk.item.import_brands" } })).toBe(5);
    expect(await t.db.brand.count({ where: { orgId: org.org.id } })).toBe(2);
    // The failed row keeps its draft, for the user to fix in the wizard.
    const draftId = (by("brand:2").input as { draftId: string }).draftId;
    expect(await t.db.brandDraft.findUnique({ where: { id: draftId } })).toMatchObject({ brandId: null, displayName: "Refused Rides" });

    // Running a finished job again sends nothing.
    await runBulkJob(t.db, client, jobId, fast);
    expect(sandbox.control.counters()).toEqual(after);
  }, 120_000);

  // Last: the CLI disconnects the client it used when it ends.
  it("the CLI without --dry-run runs the job as the given member: only rows still valid (the others are in the mirror now)", async () => {
    useDb(t.db);
    const before = sandbox.control.counters().brands;
    const path = new URL("./fixtures/run-brands.csv", import.meta.url).pathname;
    let out = "";
    let err = "";
    const args = ["--kind", "brands", path, "--org", org.org.id, "--user", org.owner.email];
    // Acme and Helping Paws are registered now: only the row the outage hit is left, at $4, not the $52 of before.
    expect(await main([...args, "--confirm-cost", "52"], { write: () => true }, { write: (s: string) => (err += s) })).toBe(2);
    expect(err).toMatch(/^cannot import: The cost changed.*costUsd: The dry run now costs \$4\.00/);
    err = "";
    expect(await main([...args, "--confirm-cost", "4"], { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) })).toBe(0);
    const r = JSON.parse(out);
    expect(r).toEqual({ jobId: expect.any(String), status: "COMPLETED", total: 1, succeeded: 1, skipped: 0, failed: 0 });
    expect(err).toContain(`job ${r.jobId}: 1 rows\njob ${r.jobId}: 1 succeeded, 0 skipped, 0 failed of 1\n`);
    expect(sandbox.control.counters().brands - before).toBe(1);
  }, 60_000);
});
