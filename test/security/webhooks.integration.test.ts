// The registry's webhook intake (app/api/webhooks/tcr/[orgKey]/route.ts), attacked through its route handler.
// What authenticates a delivery: X-Registry-Signature = base64(HMAC-SHA1(the org's webhook secret, the subscribed
// URL + the RFC 8785 canonical body)) — lib/webhooks/signature.ts. The scheme carries no timestamp (neither the
// header nor TCR's event payload has one), so a stale delivery cannot be told from a late retry: a replay is
// defended by deduplication instead (one row per organization and canonical body, queued for processing once).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDb } from "@/lib/db";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { webhookEndpointFor } from "@/lib/webhooks/endpoint";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/intake";
import { registrySignature } from "@/lib/webhooks/signature";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const queued = vi.hoisted(() => [] as { name: string; data: { eventId: string } }[]);
// pg-boss needs a PostgreSQL server; sends are recorded (enqueue still validates the payload). The latency
// measured below is therefore intake (lookup, signature, insert) without pg-boss's own INSERT.
vi.mock("@/lib/jobs/boss", async (orig) => ({
  ...(await orig<typeof import("@/lib/jobs/boss")>()),
  boss: async () => ({ send: async (name: string, data: { eventId: string }) => (queued.push({ name, data }), `job-${queued.length}`) }),
}));
const { POST } = await import("@/app/api/webhooks/tcr/[orgKey]/route");

let t: TestDb;
let a: Awaited<ReturnType<typeof makeOrg>>;
let b: Awaited<ReturnType<typeof makeOrg>>;
const SECRET_A = "secret-of-org-a";
const SECRET_B = "secret-of-org-b";

beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  a = await makeOrg(t.db);
  b = await makeOrg(t.db);
  for (const [o, secret] of [[a, SECRET_A], [b, SECRET_B]] as const) {
    await saveConnection(t.db, o.ctx, registryConnectionSchema.parse({ baseUrl: "https://csp-api-sandbox.campaignregistry.com/v2", authMode: "BEARER", apiKey: "k", webhookSecret: secret }));
  }
}, 60_000);
afterAll(async () => { await t?.close(); });

type Delivery = { orgKey: string; body?: string; headers?: Record<string, string>; method?: string };
async function deliver({ orgKey, body, headers = {}, method = "POST" }: Delivery) {
  const req = new NextRequest(`http://localhost:3000/api/webhooks/tcr/${encodeURIComponent(orgKey)}`, { method, body, headers: { "content-type": "application/json", ...headers } });
  const res = await POST(req, { params: Promise.resolve({ orgKey }) });
  return { status: res.status, json: (await res.json()) as { received?: boolean; duplicate?: boolean; error?: string } };
}
const sign = (orgKey: string, body: unknown, secret: string) => registrySignature(secret, webhookEndpointFor(orgKey), body);
const signed = (orgKey: string, body: unknown, secret = SECRET_A): Delivery => ({ orgKey, body: JSON.stringify(body), headers: { "x-registry-signature": sign(orgKey, body, secret) } });
const stored = async () => t.db.registryEvent.count();

describe("webhook intake refuses what it must and deduplicates replays", () => {
  const refusals: { name: string; status: number }[] = [];
  let replaysDeduped = 0;

  it("refuses forged, unsigned, misaddressed, oversize, malformed and mistyped deliveries, storing nothing", async () => {
    const event = { eventType: "BRAND_ADD", brandId: "BFORGE1", cspId: "S000001", description: "forged" };
    const ka = a.org.key;
    const cases: [string, Delivery, number][] = [
      ["forged signature (wrong secret)", signed(ka, event, "guessed-secret"), 401],
      ["forged signature (body altered after signing)", { ...signed(ka, event), body: JSON.stringify({ ...event, brandId: "BOTHER1" }) }, 401],
      ["signature for another URL", { orgKey: ka, body: JSON.stringify(event), headers: { "x-registry-signature": registrySignature(SECRET_A, "https://evil.example/hook", event) } }, 401],
      ["missing signature", { orgKey: ka, body: JSON.stringify(event) }, 401],
      ["empty signature", { orgKey: ka, body: JSON.stringify(event), headers: { "x-registry-signature": "" } }, 401],
      ["garbage signature", { orgKey: ka, body: JSON.stringify(event), headers: { "x-registry-signature": "A".repeat(10_000) } }, 401],
      // Org A's correctly signed event, posted to org B's address: B's secret and URL do not match it.
      ["wrong org key (another org's valid event)", { ...signed(ka, event), orgKey: b.org.key }, 401],
      ["unknown org key", signed("no-such-org", event), 404],
      ["org key with a NUL", signed("a\u0000", event), 404],
      ["oversize body, declared", { ...signed(ka, { ...event, description: "x".repeat(MAX_WEBHOOK_BYTES) }) }, 413],
      ["malformed JSON", { orgKey: ka, body: '{"eventType": "BRAND_ADD",', headers: { "x-registry-signature": sign(ka, event, SECRET_A) } }, 401],
      ["signed, but not an event (array)", signed(ka, [event]), 400],
      ["signed, but no eventType", signed(ka, { brandId: "B1" }), 400],
      ["wrong content-type (form post)", { ...signed(ka, event), headers: { ...signed(ka, event).headers, "content-type": "application/x-www-form-urlencoded" } }, 415],
      ["wrong content-type (text/plain)", { ...signed(ka, event), headers: { ...signed(ka, event).headers, "content-type": "text/plain" } }, 415],
    ];
    const before = await stored();
    for (const [name, d, status] of cases) {
      const r = await deliver(d);
      refusals.push({ name, status: r.status });
      expect.soft(r.status, name).toBe(status);
      expect.soft(r.json.received, name).toBeUndefined();
    }
    // An oversize body without a declared length (chunked) is cut off at the limit too, not read whole.
    const big = JSON.stringify({ ...event, description: "y".repeat(2 * MAX_WEBHOOK_BYTES) });
    const chunked = new NextRequest(`http://localhost:3000/api/webhooks/tcr/${ka}`, {
      method: "POST", headers: { "content-type": "application/json", "x-registry-signature": "x" },
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } }), duplex: "half",
    } as never);
    expect(chunked.headers.get("content-length")).toBeNull();
    const res = await POST(chunked, { params: Promise.resolve({ orgKey: ka }) });
    refusals.push({ name: "oversize body, undeclared length", status: res.status });
    expect(res.status).toBe(413);

    expect(await stored()).toBe(before);
    expect(queued).toHaveLength(0);
    expect(refusals.every((r) => r.status >= 400 && r.status < 500)).toBe(true);
  });

  it("stores a replayed event once and queues it once, however often or late it is replayed", async () => {
    const event = { eventType: "CAMPAIGN_ADD", campaignId: "CREPLAY", brandId: "BREPLAY", description: "first" };
    const first = await deliver(signed(a.org.key, event));
    expect(first).toEqual({ status: 200, json: { received: true, duplicate: false } });
    // Processed in the meantime: a replay must not put it back in the queue.
    await t.db.registryEvent.updateMany({ where: { orgId: a.org.id, campaignId: "CREPLAY" }, data: { status: "PROCESSED" } });
    const reordered = { description: "first", brandId: "BREPLAY", campaignId: "CREPLAY", eventType: "CAMPAIGN_ADD" };
    for (const d of [signed(a.org.key, event), signed(a.org.key, event), signed(a.org.key, reordered)]) {
      const r = await deliver(d);
      expect(r).toEqual({ status: 200, json: { received: true, duplicate: true } });
      replaysDeduped++;
    }
    const rows = await t.db.registryEvent.findMany({ where: { orgId: a.org.id, campaignId: "CREPLAY" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ deliveries: 4, status: "PROCESSED" });
    expect(queued.filter((q) => q.data.eventId === rows[0]!.id)).toHaveLength(1);
    // The same body is a different event for another organization (signed with its own secret).
    expect(await deliver(signed(b.org.key, event, SECRET_B))).toMatchObject({ status: 200, json: { duplicate: false } });
  });

  it("acknowledges a paced burst of 1,000 valid events at 200/s, each stored exactly once (latency printed; its goal is bench/webhook-intake.ts's)", async () => {
    const N = 1000;
    const RATE = 200;
    const before = await t.db.registryEvent.count({ where: { orgId: a.org.id, eventType: "MNO_COMPLAINT" } });
    const queuedBefore = queued.length;
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < N; i++) {
      // Open loop: each event leaves at its slot whether or not earlier ones were answered.
      const wait = start + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const d = signed(a.org.key, { eventType: "MNO_COMPLAINT", campaignId: `CB${i}`, description: `complaint ${i}` });
      const sent = performance.now();
      inFlight.push(deliver(d).then((r) => {
        latencies.push(performance.now() - sent);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }));
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((x, y) => x - y);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
    const rows = await t.db.registryEvent.findMany({ where: { orgId: a.org.id, eventType: "MNO_COMPLAINT" }, select: { campaignId: true, deliveries: true } });
    const dropped = N - (rows.length - before);
    const newQueued = queued.slice(queuedBefore);
    console.log(`[webhooks] refused=${refusals.length} (${refusals.map((r) => r.status).join(",")}) replays_deduped=${replaysDeduped} burst=${N} rate=${RATE}/s elapsed_s=${elapsed.toFixed(1)} p50_ms=${pct(50).toFixed(1)} p99_ms=${pct(99).toFixed(1)} max_ms=${latencies.at(-1)!.toFixed(1)} dropped=${dropped}`);
    expect(Object.fromEntries(statuses)).toEqual({ 200: N });
    expect(dropped).toBe(0);
    expect(new Set(rows.map((r) => r.campaignId)).size).toBe(rows.length);
    expect(rows.every((r) => r.deliveries === 1)).toBe(true);
    expect(new Set(newQueued.map((q) => q.data.eventId)).size).toBe(N);
  }, 60_000);
});
