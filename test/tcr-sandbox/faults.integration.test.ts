import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FaultInput } from "@/sandbox/core/faults";
import { TcrError } from "@/lib/tcr";
import { brandInput, campaignInput, DAY, key, MIN, startHarness, type Harness } from "./setup";

/**
 * Faults injected by the sandbox (control API): reads must succeed through the client's retries, and
 * billable creates must be charged exactly once per intent whatever happens to the request or its answer.
 * Timeout 300 ms; the latency fault delays the answer 500 ms, and the client waits 600 ms before asking
 * the registry whether the object exists (reconcileDelayMs), so a late-processed request would be seen.
 */
let h: Harness;
/**
 * The sandbox's faults all strike before the request is processed (a latency fault reads the body only
 * after the delay, so a client that timed out has taken the request with it). The case that really risks
 * a double charge, "processed but the answer was lost", is therefore injected on the client's transport:
 * the next write whose path matches `loseAnswerOf` reaches the sandbox, and its answer is discarded.
 */
let loseAnswerOf: RegExp | null = null;
const lossyFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  const path = new URL(String(input)).pathname;
  if (loseAnswerOf && (init?.method ?? "GET") !== "GET" && loseAnswerOf.test(path)) {
    loseAnswerOf = null;
    await res.arrayBuffer();
    throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
  }
  return res;
};
beforeAll(async () => {
  h = await startHarness("it-faults", { timeoutMs: 300, reconcileDelayMs: 600, fetch: lossyFetch, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
});
afterAll(() => h.sb.close());
beforeEach(() => {
  h.sb.control.clearFaults();
  loseAnswerOf = null;
});

/** `sends` = billable sends the intent needs: 2 when the first request never reached the registry, 1 when it did. */
type Scenario = { name: string; fault: Omit<FaultInput, "method" | "path"> | "lose-answer"; sends: number | null };
/** What can go wrong with one write; each scenario is one distinct intent. */
const WRITE_FAULTS: Scenario[] = [
  { name: "dropped connection (not processed)", fault: { kind: "drop", times: 1 }, sends: 2 },
  { name: "injected 503 (not processed)", fault: { kind: "status", status: 503, times: 1 }, sends: 2 },
  { name: "injected 429 twice (HTTP-layer retry)", fault: { kind: "status", status: 429, times: 2 }, sends: 1 },
  { name: "hang until the client times out (not processed)", fault: { kind: "hang", times: 1 }, sends: 2 },
  // Not asserted: whether the sandbox processes a request whose client timed out during the delay is its own business.
  { name: "answer later than the client timeout", fault: { kind: "latency", latencyMs: 500, times: 1 }, sends: null },
  { name: "processed, answer lost on the way back (client transport)", fault: "lose-answer", sends: 1 },
];

const counters = () => h.sb.control.counters();
/** Every injected fault fired as many times as it was allowed to, and the intent sent as expected. */
async function checkScenario(s: Scenario, k: string) {
  expect(h.sb.control.faults().every((f) => f.times === 0), s.name).toBe(true);
  expect(loseAnswerOf, s.name).toBeNull();
  const intent = await h.intents.find(k);
  expect(intent?.status, s.name).toBe("done");
  if (s.sends !== null) expect(intent?.sendCount, s.name).toBe(s.sends);
}
function inject(s: Scenario, method: string, path: string, pathRe: RegExp) {
  if (s.fault === "lose-answer") loseAnswerOf = pathRe;
  else h.sb.control.addFault({ ...s.fault, method, path });
}

describe("reads succeed through retries", () => {
  it.each([
    ["503 twice", { kind: "status", status: 503, times: 2 }],
    ["500 once", { kind: "status", status: 500, times: 1 }],
    ["429 twice", { kind: "status", status: 429, times: 2 }],
    ["dropped connection", { kind: "drop", times: 1 }],
    ["hang (timeout)", { kind: "hang", times: 1 }],
  ] as const)("brand.get and brand.search with %s", async (_n, fault) => {
    const b = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: key("read") });
    h.sb.control.addFault({ ...fault, method: "GET", path: "/brand/:brandId" });
    expect((await h.tcr.brands.get(b.brandId)).brandId).toBe(b.brandId);
    h.sb.control.addFault({ ...fault, method: "GET", path: "/brand" });
    expect((await h.tcr.brands.search({ referenceId: b.referenceId! })).records[0]?.brandId).toBe(b.brandId);
    expect(h.sb.control.faults().every((f) => f.times === 0)).toBe(true); // every fault did fire
  });

  it("a read gives up with the registry's error after its attempts are used up (no silent success)", async () => {
    h.sb.control.addFault({ kind: "status", status: 503, method: "GET", path: "/enum/entityType" });
    const e = await h.tcr.enums.entityType().then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(TcrError);
    expect((e as TcrError).status).toBe(503);
    expect((e as TcrError).hasCode(590)).toBe(true);
    expect(h.sb.control.faults()[0]!.fired).toBe(4); // readAttempts default
  });
});

describe("billable creates are charged once per intent under faults", () => {
  it("brand create (POST /brand/nonBlocking)", async () => {
    const before = counters().brands;
    const ids: string[] = [];
    for (const s of WRITE_FAULTS) {
      inject(s, "POST", "/brand/nonBlocking", /\/brand\/nonBlocking$/);
      const k = key("brand");
      const b = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: k });
      ids.push(b.brandId);
      await checkScenario(s, k);
      // The same intent again (e.g. a double-click) returns the same brand without sending.
      expect((await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: k })).brandId).toBe(b.brandId);
    }
    expect(new Set(ids).size).toBe(WRITE_FAULTS.length);
    expect(counters().brands - before).toBe(WRITE_FAULTS.length);
  });

  it("campaign create (POST /campaignBuilder)", async () => {
    const brands: string[] = [];
    for (let i = 0; i < WRITE_FAULTS.length; i++) brands.push((await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: key("cb") })).brandId);
    await h.sb.control.advance(2 * MIN);
    const before = counters().campaigns;
    const ids: string[] = [];
    for (const [i, s] of WRITE_FAULTS.entries()) {
      inject(s, "POST", "/campaignBuilder", /\/campaignBuilder$/);
      const k = key("camp");
      const c = await h.tcr.campaignBuilder.create(campaignInput(brands[i]!), { idempotencyKey: k });
      ids.push(c.campaignId);
      await checkScenario(s, k);
      expect((await h.tcr.campaignBuilder.create(campaignInput(brands[i]!), { idempotencyKey: k })).campaignId).toBe(c.campaignId);
      expect((await h.tcr.campaigns.search({ brandId: brands[i]! })).totalRecords).toBe(1);
    }
    expect(new Set(ids).size).toBe(WRITE_FAULTS.length);
    expect(counters().campaigns - before).toBe(WRITE_FAULTS.length);
  });

  it("external vetting order (POST /brand/{brandId}/externalVetting)", async () => {
    const b = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: key("vb") });
    await h.sb.control.advance(2 * MIN);
    const before = counters().vettingOrders;
    const ids: string[] = [];
    for (const s of WRITE_FAULTS) {
      inject(s, "POST", "/brand/:brandId/externalVetting", /\/externalVetting$/);
      const k = key("vet");
      const v = await h.tcr.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: k });
      ids.push(v.vettingId!);
      await checkScenario(s, k);
      expect((await h.tcr.brands.orderExternalVetting(b.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: k })).vettingId).toBe(v.vettingId);
      await h.sb.control.advance(11 * MIN);
    }
    expect(new Set(ids).size).toBe(WRITE_FAULTS.length);
    expect(counters().vettingOrders - before).toBe(WRITE_FAULTS.length);
    expect((await h.tcr.brands.listExternalVetting(b.brandId)).length).toBe(WRITE_FAULTS.length);
  });

  it("campaign resubmit (PUT /campaign/{campaignId}/resubmit)", async () => {
    const campaigns: string[] = [];
    for (let i = 0; i < WRITE_FAULTS.length; i++) {
      const b = await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: key("rb") });
      await h.sb.control.advance(2 * MIN);
      const c = await h.tcr.campaignBuilder.create(campaignInput(b.brandId, { mnoIds: [10017, 10035] }), { idempotencyKey: key("rc") });
      expect(Object.keys(c.mnoMetadata ?? {}).sort()).toEqual(["10017", "10035"]);
      campaigns.push(c.campaignId);
    }
    const before = counters().resubmissions;
    for (const [i, s] of WRITE_FAULTS.entries()) {
      inject(s, "PUT", "/campaign/:campaignId/resubmit", /\/resubmit$/);
      const k = key("re");
      const r = await h.tcr.campaigns.resubmit(campaigns[i]!, { mnoIds: [10038] }, { idempotencyKey: k });
      expect(r.campaignId).toBe(campaigns[i]);
      await checkScenario(s, k);
      await h.tcr.campaigns.resubmit(campaigns[i]!, { mnoIds: [10038] }, { idempotencyKey: k });
      expect(Object.keys(await h.tcr.campaigns.getMnoMetadata(campaigns[i]!)).sort()).toEqual(["10017", "10035", "10038"]);
    }
    expect(counters().resubmissions - before).toBe(WRITE_FAULTS.length);
    await h.sb.control.advance(DAY);
  });
});
