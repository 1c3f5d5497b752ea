"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { cancelBulkJob, cancelMigration, dryRun, refreshMigration, retryFailedItems, startBulkJob, updateCnpSettings } from "./commands";
import { bulkParamsSchema, campaignIdSchema, cancelMigrationSchema, cnpSettingsSchema, createBulkJobSchema, jobIdSchema, selectionSchema } from "./schemas";

export const dryRunAction = orgAction({ name: "bulk.dryRun", permission: "org.read", schema: z.object({ params: bulkParamsSchema, selection: selectionSchema }) }, async (input, ctx) =>
  dryRun(db(), ctx, input));

export const startBulkJobAction = orgAction({ name: "bulk.start", permission: "registry.act", schema: createBulkJobSchema }, async (input, ctx) => {
  const r = await startBulkJob(db(), ctx, input);
  revalidatePath("/jobs");
  return r;
});

export const cancelBulkJobAction = orgAction({ name: "bulk.cancel", permission: "registry.act", schema: jobIdSchema, target: (i) => ({ type: "bulkJob", id: i.jobId }) }, async (input, ctx) =>
  cancelBulkJob(db(), ctx, input.jobId));

export const retryFailedAction = orgAction({ name: "bulk.retryFailed", permission: "registry.act", schema: jobIdSchema, target: (i) => ({ type: "bulkJob", id: i.jobId }) }, async (input, ctx) =>
  retryFailedItems(db(), ctx, input.jobId));

export const cancelMigrationAction = orgAction({ name: "migration.cancel", permission: "registry.act", schema: cancelMigrationSchema, target: (i) => ({ type: "campaign", id: i.campaignId }) }, async (input, ctx) => {
  const r = await cancelMigration(db(), ctx, input);
  revalidatePath(`/migrations/${input.campaignId}`);
  return r;
});

export const refreshMigrationAction = orgAction({ name: "migration.refresh", permission: "registry.act", schema: campaignIdSchema, target: (i) => ({ type: "campaign", id: i.campaignId }) }, async (input, ctx) => {
  const r = await refreshMigration(db(), ctx, input.campaignId);
  revalidatePath(`/migrations/${input.campaignId}`);
  return r;
});


export const updateCnpSettingsAction = orgAction({ name: "migration.settings.update", permission: "settings.manage", schema: cnpSettingsSchema }, async (input, ctx) => {
  const r = await updateCnpSettings(db(), ctx, input);
  revalidatePath("/migrations");
  return r;
});
