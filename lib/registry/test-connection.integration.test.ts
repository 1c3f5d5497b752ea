import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDb } from "@/lib/db";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { testConnection } from "@/lib/registry/test-connection";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
let sandbox: Sandbox;
beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  sandbox = await createSandbox({ port: 0, apiKey: "it-key", apiSecret: "it-secret" });
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

describe("Test connection against the sandbox", () => {
  it.each([
    ["BEARER", { apiKey: "it-key" }],
    ["BASIC", { apiKey: "it-key", apiSecret: "it-secret" }],
  ] as const)("reaches the registry in %s mode and names the account", async (authMode, creds) => {
    const { org, ctx } = await makeOrg(t.db);
    await saveConnection(t.db, ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode, ...creds }));
    const r = await testConnection(t.db, ctx);
    expect(r).toMatchObject({ ok: true, summary: expect.stringMatching(/^Registry version \S*\d.*; CSP account S[A-Z0-9]{6}/) });
    const row = await t.db.registryConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.lastTestOk).toBe(true);
  });

  it("shows the exact error for a wrong key and records the failure", async () => {
    const { org, ctx } = await makeOrg(t.db);
    await saveConnection(t.db, ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: "wrong-key" }));
    const r = await testConnection(t.db, ctx);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/refused this organization's credentials \(HTTP 401\)/) });
    expect((await t.db.auditLog.findFirst({ where: { orgId: org.id, action: "registry.connection.test" } }))?.outcome).toBe("FAILURE");
  });

  it("says plainly when nothing answers at the URL", async () => {
    const { ctx } = await makeOrg(t.db);
    await saveConnection(t.db, ctx, registryConnectionSchema.parse({ baseUrl: "http://127.0.0.1:9/v2", authMode: "BEARER", apiKey: "k" }));
    const r = await testConnection(t.db, ctx);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/could not be reached/) });
  });
});

describe("the registry account", () => {
  it("reads the CSP profile and updates its contact emails, audited", async () => {
    const { readAccount, updateProfileEmails } = await import("@/lib/registry/account");
    const { org, ctx } = await makeOrg(t.db);
    await saveConnection(t.db, ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: "it-key" }));
    const before = await readAccount(t.db, org.id);
    expect(before.cspId).toMatch(/^S[A-Z0-9]{6}$/);
    const emails = { email: "ops@csp.example", techEmail: "tech@csp.example", financeEmail: "billing@csp.example", escalateEmail: "oncall@csp.example" };
    await updateProfileEmails(t.db, ctx, emails);
    expect(await readAccount(t.db, org.id)).toMatchObject(emails);
    expect((await t.db.auditLog.findFirst({ where: { orgId: org.id, action: "registry.profile.update" } }))?.outcome).toBe("SUCCESS");
  });
});
