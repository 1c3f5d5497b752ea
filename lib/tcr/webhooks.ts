/** Webhook subscriptions (tcr-api-part2.md §15). */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { NoContent } from "./schemas/common";
import type { EventCategory } from "./schemas/enums";
import {
  EventCategoryList, EventTypeList, MockWebhookResponse, WebhookSubscription, WebhookSubscriptionList, WebhookSubscriptionRequest,
} from "./schemas/webhook";

export function webhooksApi({ http }: ResourceDeps) {
  return {
    listEventCategories: bind("webhook.listEventCategories", () => http.call("webhook.listEventCategories", EventCategoryList)),
    listEventTypes: bind("webhook.listEventTypes", () => http.call("webhook.listEventTypes", EventTypeList)),
    listSubscriptions: bind("webhook.listSubscriptions", () => http.call("webhook.listSubscriptions", WebhookSubscriptionList)),
    subscribe: bind("webhook.subscribe", (input: z.input<typeof WebhookSubscriptionRequest>) =>
      http.call("webhook.subscribe", WebhookSubscription, { body: WebhookSubscriptionRequest.parse(input) })),
    sendMock: bind("webhook.sendMock", (eventType: string) =>
      http.call("webhook.sendMock", MockWebhookResponse, { path: { eventType } })),
    unsubscribe: bind("webhook.unsubscribe", (eventCategory: EventCategory) =>
      http.call("webhook.unsubscribe", NoContent, { path: { eventCategory } })),
  };
}
export type WebhooksApi = ReturnType<typeof webhooksApi>;
