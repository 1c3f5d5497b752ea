"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { boss, enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { orgAction } from "@/lib/safe-action";
import { categorySchema, markForReplay, mockSchema, replaySchema, sendMockAndWait, subscribeAll, unsubscribe } from "@/lib/webhooks/subscriptions";

const PATH = "/settings/webhooks";

export const subscribeAllAction = orgAction({ name: "webhooks.subscribe", permission: "settings.manage", schema: z.object({}) }, async (_i, ctx) => {
  await subscribeAll(db(), ctx);
  revalidatePath(PATH);
  return null;
});

export const unsubscribeAction = orgAction({ name: "webhooks.unsubscribe", permission: "settings.manage", schema: categorySchema }, async (input, ctx) => {
  await unsubscribe(db(), ctx, input);
  revalidatePath(PATH);
  return null;
});

export const sendMockAction = orgAction({ name: "webhooks.mock", permission: "settings.manage", schema: mockSchema }, async (input, ctx) => {
  const r = await sendMockAndWait(db(), ctx, input);
  revalidatePath(PATH);
  return r;
});

export const replayEventAction = orgAction({ name: "webhooks.replay", permission: "settings.manage", schema: replaySchema }, async (input, ctx) => {
  await markForReplay(db(), ctx, input);
  await enqueue(await boss(), QUEUES.webhookProcess, input);
  revalidatePath(PATH);
  return null;
});
