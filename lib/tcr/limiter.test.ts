import { describe, expect, it } from "vitest";
import { InMemoryRateLimiter, TCR_DEFAULT_BUDGETS } from "./limiter";
import { createTcrClient } from "./index";
import { startFakeServer } from "./testServer";

/** Largest number of timestamps inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && (sorted[j] ?? 0) - (sorted[i] ?? 0) < windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

describe("InMemoryRateLimiter", () => {
  it("defaults to the registry budget: 20 reads/s and 20 writes/10 s", () => {
    expect(TCR_DEFAULT_BUDGETS).toEqual({ read: { points: 20, durationMs: 1000 }, write: { points: 20, durationMs: 10_000 } });
  });

  it("waits (never fails) and keeps every window within budget", async () => {
    const limiter = new InMemoryRateLimiter({ budgets: { read: { points: 3, durationMs: 150 } } });
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 8 }, () => limiter.acquire("read").then(() => times.push(Date.now()))));
    expect(times).toHaveLength(8);
    expect(maxInWindow(times, 130)).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290); // 8 calls at 3 per 150 ms need ≥ 2 full windows
  });

  it("keeps reads and writes in separate budgets", async () => {
    let now = 0;
    const slept: number[] = [];
    const limiter = new InMemoryRateLimiter({
      budgets: { read: { points: 1, durationMs: 1000 }, write: { points: 1, durationMs: 10_000 } },
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    await limiter.acquire("read");
    await limiter.acquire("write"); // not blocked by the read
    expect(slept).toEqual([]);
    await limiter.acquire("write");
    expect(slept).toEqual([10_000]);
  });

  it("throttles a client's requests as seen by the server", async () => {
    const server = await startFakeServer(() => ({ status: 200, body: ["ACTIVE"] }));
    try {
      const sent: number[] = [];
      const tcr = createTcrClient({
        baseUrl: server.baseUrl,
        auth: { mode: "bearer", apiKey: "k" },
        fetch: (input, init) => {
          sent.push(Date.now());
          return fetch(input, init);
        },
        limiter: new InMemoryRateLimiter({ budgets: { read: { points: 2, durationMs: 100 } } }),
      });
      await Promise.all(Array.from({ length: 6 }, () => tcr.enums.brandStatus()));
      expect(server.requests).toHaveLength(6);
      // Measured where requests leave the client; 20 ms of slack for event-loop delay after a grant.
      expect(maxInWindow(sent, 80)).toBeLessThanOrEqual(2);
      expect(Math.max(...sent) - Math.min(...sent)).toBeGreaterThanOrEqual(190);
    } finally {
      await server.close();
    }
  });
});
