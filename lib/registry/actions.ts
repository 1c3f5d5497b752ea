"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { boss, enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { log } from "@/lib/log";
import { orgAction } from "@/lib/safe-action";
import { updateProfileEmails } from "@/lib/registry/account";
import { saveConnection } from "@/lib/registry/connection";
import { profileEmailsSchema, registryConnectionSchema } from "@/lib/registry/schemas";
import { testConnection } from "@/lib/registry/test-connection";

export const saveConnectionAction = orgAction(
  { name: "registry.connection.save", permission: "settings.manage", schema: registryConnectionSchema },
  async (input, ctx) => {
    await saveConnection(db(), ctx, input);
    // A new or changed connection imports (or re-checks) everything the account holds.
    try {
      await enqueue(await boss(), QUEUES.reconcileOrg, { orgId: ctx.org.id, reason: "connection" }, { singletonKey: `reconcile:${ctx.org.id}` });
    } catch (err) {
      log().warn({ err, orgId: ctx.org.id }, "could not queue the first import; the scheduled reconciliation will do it");
    }
    revalidatePath("/settings/registry");
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
