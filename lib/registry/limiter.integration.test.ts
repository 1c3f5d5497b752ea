import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbRateLimiter } from "@/lib/registry/limiter";
import { createTestDb, type TestDb } from "@/test/db";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

function maxInWindow(times: number[], windowMs: number): number {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe("shared registry rate limiter", () => {
  it("never schedules more than the budget in any window, for callers in different 'processes'", async () => {
    const budget = { write: { points: 20, durationMs: 10_000 } };
    const a = new DbRateLimiter(t.db, "cred-1", budget);
    const b = new DbRateLimiter(t.db, "cred-1", budget);
    const slots = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).reserve("write")));
    const times = slots.map((s) => s.slotAt);
    expect(maxInWindow(times, 10_000)).toBeLessThanOrEqual(20);
    // Served in order, with 5% headroom under the budget: 60 writes take 59 intervals of 525 ms.
    expect(Math.max(...times) - Math.min(...times)).toBe(59 * 525);
    // The first slot is free at once: no caller waits when the budget is unused.
    expect(Math.min(...times)).toBeLessThanOrEqual(Math.min(...slots.map((s) => s.now)) + 525);
  });

  it("makes callers wait for their slot", async () => {
    const l = new DbRateLimiter(t.db, "cred-wait", { read: { points: 5, durationMs: 1000 } });
    const started = Date.now();
    await Promise.all([l.acquire("read"), l.acquire("read"), l.acquire("read")]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("keeps separate budgets per credential and per kind", async () => {
    const budget = { read: { points: 1, durationMs: 5000 }, write: { points: 1, durationMs: 5000 } };
    const started = Date.now();
    await Promise.all([
      new DbRateLimiter(t.db, "cred-A", budget).acquire("read"),
      new DbRateLimiter(t.db, "cred-A", budget).acquire("write"),
      new DbRateLimiter(t.db, "cred-B", budget).acquire("read"),
      new DbRateLimiter(t.db, "cred-C", budget).acquire("write"),
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
