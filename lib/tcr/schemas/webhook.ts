/** Webhook subscriptions (tcr-api-part2.md §15). */
import { z } from "zod";
import { SubscribableEventCategory } from "./enums";

export const WebhookSubscriptionRequest = z.strictObject({
  eventCategory: SubscribableEventCategory,
  webhookEndpoint: z.string().min(1).max(255),
});
export type WebhookSubscriptionRequest = z.infer<typeof WebhookSubscriptionRequest>;

export const WebhookSubscription = z.looseObject({
  eventCategory: z.string(),
  webhookEndpoint: z.string().nullable().optional(),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;
export const WebhookSubscriptionList = z.array(WebhookSubscription);

export const EventCategoryList = z.array(z.string());

export const EventTypeItem = z.looseObject({
  eventType: z.string().optional(),
  description: z.string().nullable().optional(),
  eventCategory: z.string().nullable().optional(),
});
export type EventTypeItem = z.infer<typeof EventTypeItem>;
export const EventTypeList = z.array(EventTypeItem);

/** The reference sample is `{}`; [old-client] WebhookResponse = {endpoint, status, request, response}. */
export const MockWebhookResponse = z.looseObject({
  endpoint: z.string().nullable().optional(),
  status: z.number().nullable().optional(),
  request: z.string().nullable().optional(),
  response: z.string().nullable().optional(),
});
export type MockWebhookResponse = z.infer<typeof MockWebhookResponse>;
