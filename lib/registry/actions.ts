"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { boss, enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { log } from "@/lib/log";
import { orgAction } from "@/lib/safe-action";
import { updateProfileEmails } from "@/lib/registry/account";
import { ValidationFailedError } from "@/lib/errors";
import { isAvailable } from "@/lib/providers/adapters";
import { PROVIDER_KINDS, PROVIDERS } from "@/lib/providers/kinds";
import { saveConnection, sandboxConnection } from "@/lib/registry/connection";
import { profileEmailsSchema, registryConnectionSchema } from "@/lib/registry/schemas";
import { testConnection } from "@/lib/registry/test-connection";

async function afterConnectionChange(orgId: string) {
  // A new or changed connection imports (or re-checks) everything the account holds.
  try {
    await enqueue(await boss(), QUEUES.reconcileOrg, { orgId, reason: "connection" }, { singletonKey: `reconcile:${orgId}` });
  } catch (err) {
    log().warn({ err, orgId }, "could not queue the first import; the scheduled reconciliation will do it");
  }
  revalidatePath("/settings/registry");
}

export const saveConnectionAction = orgAction(
  { name: "registry.connection.save", permission: "settings.manage", schema: registryConnectionSchema },
  async (input, ctx) => {
    await saveConnection(db(), ctx, input);
    await afterConnectionChange(ctx.org.id);
    return null;
  },
);

/**
 * Connects the organization to the built-in sandbox in the chosen upstream's shape (a demo organization on the
 * Vonage profile in one click). Only where the launcher runs the sandbox: it knows the sandbox's key and port.
 */
export const connectSandboxAction = orgAction(
  { name: "registry.connection.sandbox", permission: "settings.manage", schema: z.object({ kind: z.enum(PROVIDER_KINDS) }) },
  async ({ kind }, ctx) => {
    const sandbox = sandboxConnection(kind);
    if (!sandbox) throw new ValidationFailedError({ kind: "The built-in sandbox is not running with this portal." });
    if (!isAvailable(kind)) throw new ValidationFailedError({ kind: `${PROVIDERS[kind].label} is not available in this portal yet.` });
    await saveConnection(db(), ctx, registryConnectionSchema.parse(sandbox));
    await afterConnectionChange(ctx.org.id);
    return null;
  },
);

export const testConnectionAction = orgAction(
  { name: "registry.connection.test", permission: "settings.read", schema: z.object({}) },
  async (_input, ctx) => {
    const r = await testConnection(db(), ctx);
    revalidatePath("/settings/registry");
    return r;
  },
);

export const updateProfileAction = orgAction(
  { name: "registry.profile.update", permission: "settings.manage", schema: profileEmailsSchema },
  async (input, ctx) => {
    await updateProfileEmails(db(), ctx, input);
    revalidatePath("/settings/registry");
    return null;
  },
);

/**
 * Queues a full reconciliation of the mirror with the registry (brands, campaigns, shares, migrations,
 * vetting records, appeals, phone numbers), run by the worker; for when webhooks were missed.
 */
export const syncWithRegistryAction = orgAction(
  { name: "registry.sync", permission: "registry.act", schema: z.object({}) },
  async (_input, ctx) => {
    await enqueue(await boss(), QUEUES.reconcileOrg, { orgId: ctx.org.id, reason: "manual" }, { singletonKey: `reconcile:${ctx.org.id}` });
    return { queued: true };
  },
);
