import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { maskHint, open, seal } from "@/lib/crypto";
import type { Db } from "@/lib/db";
import { ValidationFailedError } from "@/lib/errors";
import { PROVIDERS, providerKindOf, type ProviderKind } from "@/lib/providers/kinds";
import type { registryConnectionSchema } from "@/lib/registry/schemas";

type Ctx = Pick<OrgContext, "user" | "org">;

/** What pages may see of the connection: never the key or secret themselves. */
export async function getConnectionView(db: Db, orgId: string) {
  const c = await db.registryConnection.findUnique({ where: { orgId } });
  if (!c) return null;
  return {
    baseUrl: c.baseUrl,
    provider: c.provider,
    authMode: c.authMode,
    kind: providerKindOf(c),
    apiKeyHint: c.apiKeyHint,
    hasSecret: Boolean(c.apiSecretEnc),
    hasWebhookSecret: Boolean(c.webhookSecretEnc),
    lastTestedAt: c.lastTestedAt,
    lastTestOk: c.lastTestOk,
    lastTestMessage: c.lastTestMessage,
    updatedAt: c.updatedAt,
  };
}
export type ConnectionView = NonNullable<Awaited<ReturnType<typeof getConnectionView>>>;

export async function saveConnection(db: Db, ctx: Ctx, input: z.infer<typeof registryConnectionSchema>) {
  return db.$transaction(async (tx) => {
    const current = await tx.registryConnection.findUnique({ where: { orgId: ctx.org.id } });
    const errors: Record<string, string> = {};
    if (!input.apiKey && !current) errors.apiKey = "Enter the API key.";
    if (input.authMode === "BASIC" && !input.apiSecret && !current?.apiSecretEnc) {
      errors.apiSecret = "The registry's Basic authentication needs the API secret too.";
    }
    if (Object.keys(errors).length) throw new ValidationFailedError(errors);

    const apiKeyEnc = input.apiKey ? seal(input.apiKey) : current!.apiKeyEnc;
    const apiKeyHint = input.apiKey ? maskHint(input.apiKey) : current!.apiKeyHint;
    // Bearer (aggregator) mode has no secret; drop a stale one so it cannot be used by mistake.
    const apiSecretEnc = input.authMode === "BEARER" ? null : input.apiSecret ? seal(input.apiSecret) : current!.apiSecretEnc;
    const webhookSecretEnc = input.webhookSecret ? seal(input.webhookSecret) : (current?.webhookSecretEnc ?? null);
    const data = { baseUrl: input.baseUrl, provider: input.provider, authMode: input.authMode, apiKeyEnc, apiKeyHint, apiSecretEnc, webhookSecretEnc, lastTestedAt: null, lastTestOk: null, lastTestMessage: null };
    await tx.registryConnection.upsert({ where: { orgId: ctx.org.id }, create: { orgId: ctx.org.id, ...data }, update: data });
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "registry.connection.save", targetType: "registry_connection",
      targetId: ctx.org.id, outcome: "SUCCESS",
      detail: { baseUrl: input.baseUrl, provider: input.provider, authMode: input.authMode, keyChanged: Boolean(input.apiKey), secretChanged: Boolean(input.apiSecret), webhookSecretChanged: Boolean(input.webhookSecret) },
    });
  });
}

/** Server-side only: the decrypted credentials for the registry client. */
export async function loadCredentials(db: Db, orgId: string) {
  const c = await db.registryConnection.findUnique({ where: { orgId } });
  if (!c) return null;
  const base = { id: c.id, baseUrl: c.baseUrl, kind: providerKindOf(c) };
  return c.authMode === "BASIC"
    ? { ...base, auth: { mode: "basic" as const, apiKey: open(c.apiKeyEnc), apiSecret: open(c.apiSecretEnc ?? "") } }
    : { ...base, auth: { mode: "bearer" as const, apiKey: open(c.apiKeyEnc) } };
}

/**
 * The secret this organization's webhooks are signed with: the one entered for webhooks, else (registry
 * Basic mode) the API secret, which is what the registry signs with.
 */
export async function loadWebhookSecret(db: Db, orgId: string): Promise<string | null> {
  const c = await db.registryConnection.findUnique({ where: { orgId }, select: { webhookSecretEnc: true, apiSecretEnc: true, authMode: true } });
  if (!c) return null;
  if (c.webhookSecretEnc) return open(c.webhookSecretEnc);
  return c.authMode === "BASIC" && c.apiSecretEnc ? open(c.apiSecretEnc) : null;
}

/** The built-in sandbox's origin, when the launcher runs it alongside this portal (it sets SANDBOX_PORT and the key). */
export function sandboxOrigin(): string | null {
  return process.env.SANDBOX_PORT && process.env.SANDBOX_API_KEY ? `http://127.0.0.1:${process.env.SANDBOX_PORT}` : null;
}

/** The connection input that reaches the built-in sandbox in `kind`'s shape, or null without a sandbox. */
export function sandboxConnection(kind: ProviderKind) {
  const origin = sandboxOrigin();
  if (!origin) return null;
  const p = PROVIDERS[kind];
  const secret = process.env.SANDBOX_API_SECRET ?? "";
  return {
    baseUrl: `${origin}${p.sandboxPath}`, provider: p.provider, authMode: p.authMode, apiKey: process.env.SANDBOX_API_KEY ?? "",
    apiSecret: p.authMode === "BASIC" ? secret : "",
    // The sandbox signs its TCR webhooks with its API secret; the CPaaS shapes push none.
    webhookSecret: p.provider === "TCR" ? secret : "",
  };
}
