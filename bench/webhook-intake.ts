// Webhook intake throughput and processing lag.
//   npx tsx bench/webhook-intake.ts            (in-process PGlite)
//   TEST_DATABASE_URL=postgresql://… npx tsx bench/webhook-intake.ts   (a real PostgreSQL)
// Intake: signed events through receiveWebhook (signature check, dedupe insert) at a fixed concurrency.
// Processing lag: brand events from the sandbox, each refreshed from the registry into the mirror.
import { performance } from "node:perf_hooks";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createTcrClient } from "@/lib/tcr/client";
import { receiveWebhook } from "@/lib/webhooks/intake";
import { processRegistryEvent } from "@/lib/webhooks/process";
import { registrySignature } from "@/lib/webhooks/signature";
import { createSandbox } from "@/sandbox/server";
import { createTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

// The bench builds its own database; these only satisfy lib/env.ts for the code under test.
process.env.LOG_LEVEL ??= "silent";
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
const N = Number(process.env.BENCH_EVENTS ?? 3000);
const CONCURRENCY = 20;
const BRANDS = Number(process.env.BENCH_BRANDS ?? 200);

const t = await createTestDb();
const { org, ctx } = await makeOrg(t.db);
const sandbox = await createSandbox({ port: 0, apiKey: "k", apiSecret: "s", rateLimits: false });
await saveConnection(t.db, ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: "k", webhookSecret: "s" }));
const endpoint = `https://portal.example/api/webhooks/tcr/${org.key}`;

const bodies = Array.from({ length: N }, (_, i) => ({ eventType: "MNO_CAMPAIGN_OPERATION_REVIEW", campaignId: `C${String(i).padStart(6, "0")}`, mnoId: 10017, description: `e${i}` }));
let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  for (let i = next++; i < N; i = next++) {
    const body = bodies[i]!;
    const r = await receiveWebhook(t.db, { orgKey: org.key, endpoint, rawBody: JSON.stringify(body), signature: registrySignature("s", endpoint, body) });
    if (r.status !== 200) throw new Error(`intake failed: ${r.status}`);
  }
}));
const intakeMs = performance.now() - t0;

// Acknowledgement latency at a steady 200 events/s (issue 18): open loop, each event leaves at its slot whether or not
// earlier ones were answered, for BENCH_PACED_S seconds (60 by default).
const RATE = 200;
const PACED_S = Number(process.env.BENCH_PACED_S ?? 60);
const acks: number[] = [];
let notAcked = 0;
const paced0 = performance.now();
const inFlight: Promise<void>[] = [];
for (let i = 0; i < RATE * PACED_S; i++) {
  const wait = paced0 + (i * 1000) / RATE - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const body = { eventType: "MNO_COMPLAINT", campaignId: `P${String(i).padStart(6, "0")}`, description: `paced ${i}` };
  const sent = performance.now();
  inFlight.push(receiveWebhook(t.db, { orgKey: org.key, endpoint, rawBody: JSON.stringify(body), signature: registrySignature("s", endpoint, body) }).then(
    (r) => { acks.push(performance.now() - sent); if (r.status !== 200) notAcked++; },
    () => { notAcked++; },
  ));
}
await Promise.all(inFlight);
acks.sort((a, b) => a - b);
const ackPct = (p: number) => acks[Math.min(acks.length - 1, Math.ceil((p / 100) * acks.length) - 1)] ?? NaN;
const stored = await t.db.registryEvent.count({ where: { orgId: org.id, eventType: "MNO_COMPLAINT" } });
const pacedFigure = {
  bench: "webhook-ack", db: t.kind, rate: RATE, seconds: PACED_S, events: RATE * PACED_S, p50_ms: +ackPct(50).toFixed(1), p99_ms: +ackPct(99).toFixed(1),
  max_ms: +(acks.at(-1) ?? NaN).toFixed(1), dropped: notAcked + (RATE * PACED_S - notAcked - stored),
};

// Processing lag: events as the sandbox sends them, processed one by one as a single worker would.
const client = createTcrClient({ baseUrl: sandbox.apiUrl, auth: { mode: "bearer", apiKey: "k" } });
const brandBodies = [];
for (let i = 0; i < BRANDS; i++) {
  const b = await client.brands.create({
    entityType: "PRIVATE_PROFIT", displayName: `Bench ${i}`, companyName: `Bench ${i} Inc.`, ein: String(100000000 + i), phone: "+12024567890",
    street: "1 Main St", city: "New York", state: "NY", postalCode: "10001", country: "US", email: "ops@bench.example", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT",
  }, { idempotencyKey: `bench-${i}` });
  brandBodies.push({ eventType: "BRAND_ADD", brandId: b.brandId, description: "Brand registered" });
}
const ids: string[] = [];
for (const body of brandBodies) {
  const r = await receiveWebhook(t.db, { orgKey: org.key, endpoint, rawBody: JSON.stringify(body), signature: registrySignature("s", endpoint, body) });
  if (r.status === 200) ids.push(r.eventId);
}
const lags: number[] = [];
const p0 = performance.now();
for (const id of ids) {
  await processRegistryEvent(t.db, async () => client, id);
  lags.push(performance.now() - p0);
}
const processMs = performance.now() - p0;
const pct = (p: number) => [...lags].sort((a, b) => a - b)[Math.min(lags.length - 1, Math.floor((p / 100) * lags.length))]!;

console.log(`database: ${t.kind}`);
console.log(`intake: ${N} events at concurrency ${CONCURRENCY} in ${(intakeMs / 1000).toFixed(2)} s = ${(N / (intakeMs / 1000)).toFixed(0)} events/s accepted`);
console.log(`processing: ${ids.length} brand events (registry fetch + mirror write) in ${(processMs / 1000).toFixed(2)} s = ${(ids.length / (processMs / 1000)).toFixed(0)} events/s per worker`);
console.log(`lag from a burst's arrival to processed (one worker, no registry rate limit): p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${pct(100).toFixed(0)} ms`);
console.log(`at the registry's 20 reads/s a worker refreshes at most 20 brand events/s (10 campaign events/s: two reads each)`);
console.log(`acknowledgement at ${RATE}/s for ${PACED_S} s: p50 ${pacedFigure.p50_ms} ms, p99 ${pacedFigure.p99_ms} ms, max ${pacedFigure.max_ms} ms, dropped ${pacedFigure.dropped}`);
console.log(JSON.stringify(pacedFigure));
await sandbox.close();
await t.close();
process.exit(0);
