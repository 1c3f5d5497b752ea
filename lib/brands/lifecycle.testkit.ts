// Shared setup of the brand detail commands' integration tests: a test database, an in-process sandbox on a
// manual clock, an organization connected to it, and brands created at the registry and mirrored.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DiskStorage } from "@/lib/evidence/storage";
import { storeUpload } from "@/lib/evidence/store";
import type { EvidenceKind } from "@/lib/evidence/kinds";
import { upsertBrand } from "@/lib/mirror/upsert";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import { InMemoryRateLimiter } from "@/lib/tcr/limiter";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { brandBody } from "@/sandbox/testing/helpers";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "detail-key";
const SECRET = "detail-secret";

export type Kit = Awaited<ReturnType<typeof startKit>>;

export async function startKit() {
  const t: TestDb = await createTestDb();
  const sandbox: Sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "brand-detail" });
  const org = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
  const client: TcrClient = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: KEY }, limiter: new InMemoryRateLimiter() });
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "cd-brand-detail-"));
  const storage = new DiskStorage(root);
  let n = 0;

  /** Registers a brand at the sandbox, lets identity scoring finish, and mirrors it for the organization. */
  async function brand(entityType: string, over: Record<string, unknown> = {}, opts: { score?: boolean } = {}) {
    const created = await client.brands.create(brandBody(entityType, { displayName: `Detail ${++n}`, ...over }) as never, { idempotencyKey: `kit-${n}-${Date.now()}` });
    if (opts.score !== false) await sandbox.control.advance(2 * 60_000);
    const current = await client.brands.get(created.brandId);
    await upsertBrand(t.db, org.org.id, current, new Date());
    return current;
  }

  async function file(kind: EvidenceKind, fileName: string, bytes: Buffer) {
    async function* body() {
      yield bytes;
    }
    return storeUpload({ db: t.db, storage }, { orgId: org.org.id, userId: org.owner.id, kind, fileName, body: body() });
  }

  return {
    t, db: t.db, sandbox, org, ctx: org.ctx, client, storage, brand, file,
    audits: (action: string, targetId: string) => t.db.auditLog.findMany({ where: { orgId: org.org.id, action, targetId }, orderBy: { createdAt: "asc" } }),
    async close() {
      await sandbox.close();
      await t.close();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
