import { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { registryClientFor } from "@/lib/registry/client";
import { SubscribableEventCategory } from "@/lib/tcr/schemas/enums";
import { webhookEndpointFor } from "@/lib/webhooks/endpoint";

type Ctx = Pick<OrgContext, "org" | "user">;

export const categorySchema = z.object({ eventCategory: SubscribableEventCategory });
export const mockSchema = z.object({ eventType: z.string().trim().regex(/^[A-Z0-9_]{3,80}$/, "Choose an event type.") });
export const replaySchema = z.object({ eventId: z.string().min(1) });

/** What the registry holds for this organization next to the address this portal listens on. */
export async function webhookOverview(db: Db, ctx: Ctx) {
  const endpoint = webhookEndpointFor(ctx.org.key);
  const client = await registryClientFor(db, ctx.org.id);
  const [subscriptions, eventTypes] = await Promise.all([client.webhooks.listSubscriptions(), client.webhooks.listEventTypes()]);
  return {
    endpoint,
    categories: SubscribableEventCategory.options.map((category) => {
      const sub = subscriptions.find((s) => s.eventCategory === category);
      return { category, subscribedTo: sub?.webhookEndpoint ?? null, isThisPortal: sub?.webhookEndpoint === endpoint };
    }),
    eventTypes: eventTypes.filter((e) => e.eventType).map((e) => ({ eventType: e.eventType!, category: e.eventCategory ?? null, description: e.description ?? null })),
  };
}

export async function subscribeAll(db: Db, ctx: Ctx) {
  const endpoint = webhookEndpointFor(ctx.org.key);
  const client = await registryClientFor(db, ctx.org.id);
  for (const eventCategory of SubscribableEventCategory.options) await client.webhooks.subscribe({ eventCategory, webhookEndpoint: endpoint });
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "webhooks.subscribe", targetType: "webhook_subscription", targetId: "ALL", outcome: "SUCCESS", detail: { endpoint } });
}

export async function unsubscribe(db: Db, ctx: Ctx, input: z.infer<typeof categorySchema>) {
  const client = await registryClientFor(db, ctx.org.id);
  await client.webhooks.unsubscribe(input.eventCategory);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "webhooks.unsubscribe", targetType: "webhook_subscription", targetId: input.eventCategory, outcome: "SUCCESS" });
}

/**
 * Asks the registry to send a mock event and waits a few seconds for it to arrive here, so the page can say
 * whether the whole path (registry → network → signature check → storage) works.
 */
export async function sendMockAndWait(db: Db, ctx: Ctx, input: z.infer<typeof mockSchema>, waitMs = 8000) {
  const client = await registryClientFor(db, ctx.org.id);
  const sentAt = new Date(Date.now() - 1000);
  const answer = await client.webhooks.sendMock(input.eventType);
  let arrived = null as null | { id: string; receivedAt: Date };
  for (const until = Date.now() + waitMs; Date.now() < until; await new Promise((r) => setTimeout(r, 400))) {
    arrived = await db.registryEvent.findFirst({
      where: { orgId: ctx.org.id, eventType: input.eventType, lastDeliveredAt: { gte: sentAt } },
      select: { id: true, receivedAt: true },
    });
    if (arrived) break;
  }
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "webhooks.mock", targetType: "event_type", targetId: input.eventType, outcome: arrived ? "SUCCESS" : "FAILURE", detail: { registryStatus: answer.status ?? null } });
  return { arrived: Boolean(arrived), eventId: arrived?.id ?? null, registryStatus: answer.status ?? null, registryEndpoint: answer.endpoint ?? null };
}

/** Puts an event back in the queue; processing is idempotent, so a replay can only bring the mirror up to date. */
export async function markForReplay(db: Db, ctx: Ctx, input: z.infer<typeof replaySchema>) {
  const r = await db.registryEvent.updateMany({ where: { id: input.eventId, orgId: ctx.org.id }, data: { status: "RECEIVED", error: null } });
  if (r.count === 0) throw new NotFoundError("That event");
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "webhooks.replay", targetType: "registry_event", targetId: input.eventId, outcome: "SUCCESS" });
}

export async function recentEvents(db: Db, orgId: string, take = 50) {
  return db.registryEvent.findMany({ where: { orgId }, orderBy: [{ lastDeliveredAt: "desc" }, { id: "desc" }], take });
}
