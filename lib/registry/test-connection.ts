import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { registryClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";

export type ConnectionTestResult =
  | { ok: true; version: string; cspId: string | null; email: string | null; testedAt: string }
  | { ok: false; message: string; testedAt: string };

/**
 * Reaches the registry with the stored credentials: the platform version (no auth needed on the real
 * registry, so it proves the URL) and the CSP profile (proves the credentials and names the account).
 */
export async function testConnection(db: Db, ctx: Pick<OrgContext, "org" | "user">): Promise<ConnectionTestResult> {
  const client = await registryClientFor(db, ctx.org.id, { timeoutMs: 10_000 });
  const testedAt = new Date();
  let result: ConnectionTestResult;
  try {
    const version = await client.platform.version();
    const profile = await client.settings.getProfile();
    result = { ok: true, version, cspId: profile.cspId ?? null, email: profile.email ?? null, testedAt: testedAt.toISOString() };
  } catch (e) {
    const described = describeRegistryError(e);
    if (!described) throw e;
    result = { ok: false, message: described.message, testedAt: testedAt.toISOString() };
  }
  const message = result.ok ? `Version ${result.version}; account ${result.cspId ?? "unknown"}` : result.message;
  await db.$transaction(async (tx) => {
    await tx.registryConnection.update({ where: { orgId: ctx.org.id }, data: { lastTestedAt: testedAt, lastTestOk: result.ok, lastTestMessage: message.slice(0, 500) } });
    await audit(tx, { orgId: ctx.org.id, actor: ctx.user, action: "registry.connection.test", targetType: "registry_connection", targetId: ctx.org.id, outcome: result.ok ? "SUCCESS" : "FAILURE", detail: { message } });
  });
  return result;
}
