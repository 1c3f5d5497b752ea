import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";

export type ConnectionTestResult =
  | { ok: true; summary: string; testedAt: string }
  | { ok: false; message: string; testedAt: string };

/**
 * Reaches the registry with the stored credentials: the platform version (no auth needed on the real
 * registry, so it proves the URL) and the CSP profile (proves the credentials and names the account).
 */
export async function testConnection(db: Db, ctx: Pick<OrgContext, "org" | "user">): Promise<ConnectionTestResult> {
  const client = await registryClientFor(db, ctx.org.id, { timeoutMs: 10_000 });
  const caps = await capabilitiesFor(db, ctx.org.id);
  const testedAt = new Date();
  let result: ConnectionTestResult;
  try {
    if (caps.has("account.profile")) {
      const version = await client.platform.version();
      const profile = await client.settings.getProfile();
      const summary = `Registry version ${version}; CSP account ${profile.cspId ?? "unknown"}${profile.email ? ` (${profile.email})` : ""}.`;
      result = { ok: true, summary, testedAt: testedAt.toISOString() };
    } else {
      // A CPaaS upstream has no CSP profile or version call: one page of brands proves the URL and the credentials.
      const page = await client.brands.search({ page: 1, recordsPerPage: 1 });
      const summary = `${caps.label} answered with these credentials; it holds ${page.totalRecords} brand${page.totalRecords === 1 ? "" : "s"} for this account.`;
      result = { ok: true, summary, testedAt: testedAt.toISOString() };
    }
  } catch (e) {
    const described = describeRegistryError(e);
    if (!described) throw e;
    result = { ok: false, message: described.message, testedAt: testedAt.toISOString() };
  }
  const message = result.ok ? result.summary : result.message;
  await db.$transaction(async (tx) => {
    await tx.registryConnection.update({ where: { orgId: ctx.org.id }, data: { lastTestedAt: testedAt, lastTestOk: result.ok, lastTestMessage: message.slice(0, 500) } });
    await audit(tx, { orgId: ctx.org.id, actor: ctx.user, action: "registry.connection.test", targetType: "registry_connection", targetId: ctx.org.id, outcome: result.ok ? "SUCCESS" : "FAILURE", detail: { message } });
  });
  return result;
}
