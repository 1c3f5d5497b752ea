import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { brandBody, KEY, startSandbox } from "@/sandbox/testing/helpers";
import { InMemoryIntentStore } from "@/lib/tcr/billable";
import { TcrAmbiguousBillableError } from "@/lib/tcr/errors";
import type { BrandCreateRequest } from "@/lib/tcr/schemas/brand";
import { createTelnyxClient } from ".";

/**
 * Billable calls never pay twice: a double create with one idempotency key makes exactly one brand, also when
 * the first send landed but its answer was lost (timeout, 5xx after the write, reset), and when a brand with the
 * same data already existed before.
 */
let sb: Sandbox;
let intents: InMemoryIntentStore;

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control.reset();
  intents = new InMemoryIntentStore();
});

const body = (over: Record<string, unknown> = {}) => brandBody("PRIVATE_PROFIT", over) as unknown as BrandCreateRequest;
const brandsOnSandbox = () => Object.values(sb.store.data.brands).filter((b) => b.status === "ACTIVE").length;

type Fetch = typeof fetch;
type Action = "pass" | "502" | "reset" | "hang" | "refuse";
/**
 * Passes requests to the sandbox, then may lose the answer: "502", "reset" and "hang" (until the client's
 * timeout) happen AFTER the sandbox processed the request, i.e. the write landed; "refuse" answers 503
 * without reaching the sandbox.
 */
function scriptedFetch(script: (req: { method: string; url: string; post: number }) => Action): Fetch {
  let posts = 0;
  return async (input, init) => {
    const method = init?.method ?? "GET";
    const action = script({ method, url: String(input), post: method === "POST" ? ++posts : posts });
    const error = (status: number) => new Response(JSON.stringify({ errors: [{ code: "10007", title: "Unexpected error" }] }), { status, headers: { "content-type": "application/json" } });
    if (action === "refuse") return error(503);
    const res = await fetch(input, init);
    if (action === "pass") return res;
    await res.text();
    if (action === "502") return error(502);
    if (action === "reset") throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
    return new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener("abort", () => reject(new DOMException("This operation was aborted", "AbortError")), { once: true });
    });
  };
}
const losePost = (kind: Action, which = 1) => scriptedFetch(({ method, post }) => (method === "POST" && post === which ? kind : "pass"));

function client(over: Partial<Parameters<typeof createTelnyxClient>[0]> = {}) {
  return createTelnyxClient({ baseUrl: sb.telnyxUrl, auth: { mode: "bearer", apiKey: KEY }, intentStore: intents, reconcileDelayMs: 0, retry: { baseDelayMs: 1 }, ...over });
}

describe("Telnyx brand create: one brand per idempotency key", () => {
  it("a repeated create returns the stored brand without sending", async () => {
    const c = client();
    const a = await c.brands.create(body(), { idempotencyKey: "draft-1" });
    const b = await c.brands.create(body(), { idempotencyKey: "draft-1" });
    expect(b).toEqual(a);
    expect(sb.control.counters().brands).toBe(1);
  });

  it("a double click (two concurrent creates) makes one brand", async () => {
    const c = client();
    const results = await Promise.allSettled([c.brands.create(body(), { idempotencyKey: "dbl" }), c.brands.create(body(), { idempotencyKey: "dbl" })]);
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(TcrAmbiguousBillableError);
    expect(sb.control.counters().brands).toBe(1);
    const again = await c.brands.create(body(), { idempotencyKey: "dbl" });
    expect(again.brandId).toBe((ok[0] as PromiseFulfilledResult<{ brandId: string }>).value.brandId);
  });

  it.each(["502", "reset", "hang"] as const)("finds the brand after a %s that came after the write, and never resends", async (kind) => {
    const c = client({ fetch: losePost(kind), timeoutMs: 300 });
    const b = await c.brands.create(body(), { idempotencyKey: `lost-${kind}` });
    expect(b.displayName).toBe("ABC Mobile");
    expect(sb.control.counters().brands).toBe(1);
    expect(await intents.find(`lost-${kind}`)).toMatchObject({ status: "done", sendCount: 1, objectId: b.brandId });
    expect(await c.brands.create(body(), { idempotencyKey: `lost-${kind}` })).toEqual(b);
    expect(sb.control.counters().brands).toBe(1);
  });

  it("a timeout before the write landed (sandbox latency fault): nothing is found, one resend makes the one brand", async () => {
    sb.control.addFault({ kind: "latency", latencyMs: 400, method: "POST", path: "/10dlc/brand", times: 1 });
    const c = client({ timeoutMs: 150, reconcileDelayMs: 600 });
    const b = await c.brands.create(body(), { idempotencyKey: "slow" });
    expect(sb.control.counters().brands).toBe(1);
    expect(brandsOnSandbox()).toBe(1);
    expect(await intents.find("slow")).toMatchObject({ status: "done", sendCount: 2, objectId: b.brandId });
  });

  it("does not mistake an older brand with the same data for the lost one", async () => {
    const c = client({ fetch: losePost("502", 2) });
    const older = await c.brands.create(body(), { idempotencyKey: "first" });
    const lost = await c.brands.create(body(), { idempotencyKey: "second" });
    expect(lost.brandId).not.toBe(older.brandId);
    expect(sb.control.counters().brands).toBe(2);
  });

  it("resends once after a 5xx that came before the write (nothing was found)", async () => {
    sb.control.addFault({ kind: "status", status: 503, method: "POST", path: "/10dlc/brand", times: 1 });
    const c = client();
    await c.brands.create(body(), { idempotencyKey: "early" });
    expect(sb.control.counters().brands).toBe(1);
    expect(await intents.find("early")).toMatchObject({ status: "done", sendCount: 2 });
  });

  it("a later call reconciles an ambiguous intent before sending anything", async () => {
    // The answer to the POST is lost and every read after it fails: the registry cannot be asked, so the call gives up.
    const c = client({ fetch: scriptedFetch(({ method, post }) => (method === "POST" ? "502" : post > 0 ? "refuse" : "pass")) });
    await expect(c.brands.create(body(), { idempotencyKey: "later" })).rejects.toBeInstanceOf(TcrAmbiguousBillableError);
    expect(await intents.find("later")).toMatchObject({ status: "ambiguous", sendCount: 1 });
    const b = await client().brands.create(body(), { idempotencyKey: "later" });
    expect(sb.control.counters().brands).toBe(1);
    expect(await intents.find("later")).toMatchObject({ status: "done", sendCount: 1, objectId: b.brandId });
  });
});

describe("Telnyx vetting order: one vet per idempotency key", () => {
  it("finds the vet after a 5xx that came after the write", async () => {
    const c = client({ fetch: scriptedFetch(({ method, url }) => (method === "POST" && url.endsWith("/externalVetting") ? "502" : "pass")) });
    const b = await c.brands.create(body(), { idempotencyKey: "brand" });
    const vet = await c.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: "vet" });
    expect(vet.vettingId).toEqual(expect.any(String));
    expect(sb.control.counters().vettingOrders).toBe(1);
    expect(await c.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: "vet" })).toEqual(vet);
    expect(sb.control.counters().vettingOrders).toBe(1);
  });
});
