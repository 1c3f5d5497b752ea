import type { Sim } from "../core/context";
import { badState, FieldErrors, invalid, notFound } from "../core/errors";
import { BodyReader, json, noContent, readJson } from "../core/http";
import type { Router } from "../core/router";
import { ALL_EVENT_CATEGORIES, EVENT_CATEGORY_OF, EVENT_TYPES, SUBSCRIBABLE_CATEGORIES } from "../data/events";

/** Webhook group (tcr-api-part2 §15): categories, event types, subscriptions (one endpoint per category), mock send. */
export function registerWebhookRoutes(r: Router, sim: Sim): void {
  const { store } = sim;

  r.get("/webhook/eventCategory", () => json([...SUBSCRIBABLE_CATEGORIES]));
  r.get("/webhook/eventType", () => json(EVENT_TYPES.map((e, i) => ({ id: i + 1, ...e }))));
  r.get("/webhook/subscription", () => json(Object.values(store.data.subscriptions)));

  r.put("/webhook/subscription", (ctx) => {
    const errs = new FieldErrors();
    const body = new BodyReader(readJson(ctx), errs);
    const eventCategory = body.str("eventCategory", { required: true, max: 20 });
    const webhookEndpoint = body.str("webhookEndpoint", { required: true, min: 1, max: 255 });
    if (eventCategory && !(SUBSCRIBABLE_CATEGORIES as readonly string[]).includes(eventCategory)) {
      errs.add("eventCategory", `eventCategory must be one of ${SUBSCRIBABLE_CATEGORIES.join(", ")}`);
    }
    if (webhookEndpoint) {
      try {
        const u = new URL(webhookEndpoint);
        if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
      } catch {
        errs.add("webhookEndpoint", "webhookEndpoint must be an http(s) URL");
      }
    }
    errs.throwIfAny();
    // PUT replaces the category's endpoint: one endpoint per category.
    const sub = { eventCategory: eventCategory!, webhookEndpoint: webhookEndpoint! };
    store.data.subscriptions[sub.eventCategory] = sub;
    return json(sub);
  });

  r.get("/webhook/subscription/eventType/:eventType/mock", async (ctx) => {
    const eventType = ctx.params.eventType!;
    const category = EVENT_CATEGORY_OF[eventType];
    if (!category) throw invalid("eventType", "Unknown event type");
    const sub = store.data.subscriptions[category];
    if (!sub) throw badState(`Subscribe to the ${category} category first`);
    const sample: Record<string, unknown> = {
      description: `Mock ${eventType} event`,
      mock: true,
      brandId: "B123ABC",
      brandName: "ABC Mobile",
      brandReferenceId: "mock-reference",
    };
    if (category === "CAMPAIGN") Object.assign(sample, { campaignId: "C123ABC", campaignReferenceId: "mock-campaign" });
    if (category === "VETTING") Object.assign(sample, { evpId: "AEGIS", evpName: "Aegis Mobile", vettingId: "mock-vetting" });
    if (eventType === "BRAND_MOCK_OTP") sample.otpPin = "123456";
    return json(await sim.webhooks.sendMock(eventType, sample, sub.webhookEndpoint));
  });

  r.delete("/webhook/subscription/:eventCategory", (ctx) => {
    const c = ctx.params.eventCategory!;
    if (!(ALL_EVENT_CATEGORIES as readonly string[]).includes(c)) throw invalid("eventCategory", "Unknown event category");
    if (!store.data.subscriptions[c]) throw notFound("Subscription", "eventCategory");
    delete store.data.subscriptions[c];
    return noContent();
  });
}
