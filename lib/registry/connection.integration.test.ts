import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConnectionView, loadCredentials, saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { ValidationFailedError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

const input = (v: Record<string, string>) => registryConnectionSchema.parse(v);

describe("registry connection settings", () => {
  it("stores key and secret encrypted, shows only a hint, and decrypts for the client", async () => {
    const { org, ctx } = await makeOrg(t.db);
    await saveConnection(t.db, ctx, input({ baseUrl: "https://csp-api.example.com/v2/", authMode: "BASIC", apiKey: "KEY-1234567890ABCD", apiSecret: "s3cr3t-value-XYZ" }));
    const row = await t.db.registryConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.apiKeyEnc).not.toContain("KEY-1234567890ABCD");
    expect(row.apiSecretEnc).not.toContain("s3cr3t-value-XYZ");
    const view = await getConnectionView(t.db, org.id);
    expect(view).toMatchObject({ baseUrl: "https://csp-api.example.com/v2", authMode: "BASIC", apiKeyHint: "••••ABCD", hasSecret: true });
    expect(JSON.stringify(view)).not.toMatch(/s3cr3t|KEY-1234/);
    expect(await loadCredentials(t.db, org.id)).toMatchObject({ auth: { mode: "basic", apiKey: "KEY-1234567890ABCD", apiSecret: "s3cr3t-value-XYZ" } });
    const log = await t.db.auditLog.findFirstOrThrow({ where: { orgId: org.id, action: "registry.connection.save" } });
    expect(JSON.stringify(log.detail)).not.toMatch(/s3cr3t|KEY-1234/);
  });

  it("keeps stored secrets when the fields are left blank, and drops the secret in Bearer mode", async () => {
    const { org, ctx } = await makeOrg(t.db);
    await saveConnection(t.db, ctx, input({ baseUrl: "https://a.example.com/v2", authMode: "BASIC", apiKey: "first-key-0001", apiSecret: "first-secret" }));
    await saveConnection(t.db, ctx, input({ baseUrl: "https://b.example.com/v2", authMode: "BASIC" }));
    expect(await loadCredentials(t.db, org.id)).toMatchObject({ baseUrl: "https://b.example.com/v2", auth: { apiKey: "first-key-0001", apiSecret: "first-secret" } });
    await saveConnection(t.db, ctx, input({ baseUrl: "https://b.example.com/v2", authMode: "BEARER" }));
    expect(await getConnectionView(t.db, org.id)).toMatchObject({ hasSecret: false });
  });

  it("asks for the key and, in Basic mode, the secret on first save", async () => {
    const { ctx } = await makeOrg(t.db);
    const err = await saveConnection(t.db, ctx, input({ baseUrl: "https://a.example.com/v2", authMode: "BASIC" })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect(err.fieldErrors).toMatchObject({ apiKey: expect.any(String), apiSecret: expect.any(String) });
  });

  it("rejects a base URL that is not http(s)", () => {
    expect(registryConnectionSchema.safeParse({ baseUrl: "ftp://x", authMode: "BEARER", apiKey: "k" }).success).toBe(false);
    expect(registryConnectionSchema.safeParse({ baseUrl: "javascript:alert(1)", authMode: "BEARER", apiKey: "k" }).success).toBe(false);
  });
});
