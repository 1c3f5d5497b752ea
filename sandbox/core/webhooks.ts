import { createHmac } from "node:crypto";
import type { SandboxClock } from "./clock";
import type { DeliveryRecord, EventRecord, Store } from "./store";
import { localRng, type Rng } from "./rng";
import { EVENT_CATEGORY_OF } from "../data/events";

/**
 * Webhook delivery. An event goes to the endpoint subscribed for its category as an HTTP POST whose
 * body is the JCS-canonical JSON of the flat payload, signed with
 * X-Registry-Signature = base64(HMAC-SHA1(apiSecret, webhookEndpoint + body)) (anchors-mission §5.8).
 * Delivery is at least once: each attempt is a task on the sandbox clock; a non-2xx answer, a
 * timeout or a connection error schedules the next attempt after the backoff. Chaos modes (control
 * API) add duplicate copies and reverse the order of events emitted close together.
 */

/** RFC 8785 JSON Canonicalization Scheme for the values a payload can hold. */
export function jcs(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => jcs(v === undefined ? null : v)).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // UTF-16 code unit order, as JCS requires
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(obj[k])}`).join(",")}}`;
}

export function signWebhook(secret: string, webhookEndpoint: string, body: string): string {
  return createHmac("sha1", secret).update(webhookEndpoint + body, "utf8").digest("base64");
}

export interface WebhookChaos {
  /** Probability (0..1) that an event is delivered twice. */
  duplicateProbability: number;
  /** When on, events emitted close together are delivered in reverse order (groups of `reorderGroup`). */
  reorder: boolean;
  reorderWindowMs: number;
  reorderGroup: number;
}

export interface WebhookConfig {
  timeoutMs: number;
  /** Delay before attempt n+1 (index n-1); its length + 1 is the number of attempts. */
  backoffMs: number[];
}

export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = {
  timeoutMs: 5000,
  backoffMs: [30_000, 120_000, 600_000, 3_600_000, 14_400_000],
};

export class Webhooks {
  chaos: WebhookChaos = { duplicateProbability: 0, reorder: false, reorderWindowMs: 10_000, reorderGroup: 10 };
  private chaosRng: Rng;
  private reorderIndex = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: SandboxClock,
    private readonly secret: () => string,
    readonly config: WebhookConfig = DEFAULT_WEBHOOK_CONFIG,
  ) {
    this.chaosRng = localRng(`${store.data.seed}:webhook-chaos`);
    clock.register("webhook.deliver", (p) => this.attempt(String(p.deliveryId)));
  }

  setChaos(c: Partial<WebhookChaos>): WebhookChaos {
    this.chaos = { ...this.chaos, ...c };
    this.reorderIndex = 0;
    return this.chaos;
  }

  /** Records the event and queues a delivery if its category has a subscription. */
  emit(eventType: string, fields: Record<string, unknown>): EventRecord {
    const d = this.store.data;
    const eventCategory = EVENT_CATEGORY_OF[eventType] ?? "OTHER";
    const payload: Record<string, unknown> = {
      eventType,
      cspId: d.account.cspId,
      cspName: d.account.cspName,
      ...fields,
    };
    for (const k of Object.keys(payload)) if (payload[k] === undefined) delete payload[k];
    const ev: EventRecord = {
      eventSeq: d.nextEventSeq++,
      eventType,
      eventCategory,
      payload,
      createDate: this.clock.nowIso(),
      deliveryIds: [],
    };
    this.store.pushEvent(ev);
    const sub = d.subscriptions[eventCategory];
    if (sub) {
      const copies = this.chaos.duplicateProbability > 0 && this.chaosRng.next() < this.chaos.duplicateProbability ? 2 : 1;
      let first: string | null = null;
      for (let i = 0; i < copies; i++) {
        const rec = this.newDelivery(ev, sub.webhookEndpoint, "EVENT", first);
        first ??= rec.deliveryId;
        ev.deliveryIds.push(rec.deliveryId);
        this.clock.schedule("webhook.deliver", { deliveryId: rec.deliveryId }, this.initialDelay());
      }
    }
    this.store.markDirty();
    return ev;
  }

  private initialDelay(): number {
    if (!this.chaos.reorder) return 0;
    // Decreasing delays inside each group: later events overtake earlier ones, deterministically.
    const g = Math.max(2, this.chaos.reorderGroup);
    const pos = this.reorderIndex++ % g;
    return Math.round((this.chaos.reorderWindowMs * (g - 1 - pos)) / (g - 1));
  }

  private newDelivery(ev: EventRecord, endpoint: string, source: "EVENT" | "MOCK", duplicateOf: string | null): DeliveryRecord {
    const body = jcs(ev.payload);
    const rec: DeliveryRecord = {
      deliveryId: this.store.rng.uuid(),
      eventSeq: ev.eventSeq,
      eventType: ev.eventType,
      eventCategory: ev.eventCategory,
      webhookEndpoint: endpoint,
      body,
      signature: signWebhook(this.secret(), endpoint, body),
      status: "PENDING",
      attempts: [],
      createDate: this.clock.nowIso(),
      duplicateOf,
      source,
    };
    this.store.data.deliveries[rec.deliveryId] = rec;
    return rec;
  }

  private async post(rec: DeliveryRecord): Promise<{ status: number | null; error: string | null; response: string }> {
    const started = Date.now();
    try {
      const res = await fetch(rec.webhookEndpoint, {
        method: "POST",
        headers: { "content-type": "application/json", "x-registry-signature": rec.signature },
        body: rec.body,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      const response = await res.text();
      rec.attempts.push({ at: this.clock.nowIso(), httpStatus: res.status, error: null, durationMs: Date.now() - started });
      return { status: res.status, error: null, response };
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      rec.attempts.push({ at: this.clock.nowIso(), httpStatus: null, error, durationMs: Date.now() - started });
      return { status: null, error, response: "" };
    }
  }

  private async attempt(deliveryId: string): Promise<void> {
    const rec = this.store.data.deliveries[deliveryId];
    if (!rec || rec.status !== "PENDING") return;
    const r = await this.post(rec);
    if (r.status !== null && r.status >= 200 && r.status < 300) {
      rec.status = "DELIVERED";
    } else if (rec.attempts.length <= this.config.backoffMs.length) {
      this.clock.schedule("webhook.deliver", { deliveryId }, this.config.backoffMs[rec.attempts.length - 1] ?? 0);
    } else {
      rec.status = "FAILED";
    }
    this.store.markDirty();
  }

  /** GET /webhook/subscription/eventType/{eventType}/mock: one synchronous POST, no retry. */
  async sendMock(eventType: string, payload: Record<string, unknown>, endpoint: string) {
    const d = this.store.data;
    const ev: EventRecord = {
      eventSeq: d.nextEventSeq++,
      eventType,
      eventCategory: EVENT_CATEGORY_OF[eventType] ?? "OTHER",
      payload: { eventType, cspId: d.account.cspId, cspName: d.account.cspName, ...payload },
      createDate: this.clock.nowIso(),
      deliveryIds: [],
    };
    this.store.pushEvent(ev);
    const rec = this.newDelivery(ev, endpoint, "MOCK", null);
    ev.deliveryIds.push(rec.deliveryId);
    const r = await this.post(rec);
    rec.status = r.status !== null && r.status >= 200 && r.status < 300 ? "DELIVERED" : "FAILED";
    this.store.markDirty();
    return { endpoint, status: r.status ?? 0, request: rec.body, response: r.error ?? r.response };
  }
}
