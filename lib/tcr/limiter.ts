/**
 * Client-side rate limiting to stay within the registry's budget (anchors-mission.md §5.2):
 * GET 20 requests/second, PUT/POST/DELETE 20 requests per 10 seconds. `acquire` WAITS until a slot
 * is free; it never fails for being over budget.
 */
import type { RateKind } from "./endpoints";

export interface RateLimiter {
  acquire(kind: RateKind): Promise<void>;
}

export interface RateBudget {
  points: number;
  durationMs: number;
}
export interface RateBudgets {
  read: RateBudget;
  write: RateBudget;
}

export const TCR_DEFAULT_BUDGETS: RateBudgets = {
  read: { points: 20, durationMs: 1_000 },
  write: { points: 20, durationMs: 10_000 },
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sliding-window limiter for one process. Waiters are served in arrival order per kind, so a burst
 * cannot starve an earlier caller.
 */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly budgets: RateBudgets;
  private readonly starts: Record<RateKind, number[]> = { read: [], write: [] };
  private readonly queue: Record<RateKind, Promise<void>> = { read: Promise.resolve(), write: Promise.resolve() };
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: { budgets?: Partial<RateBudgets>; now?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
    this.budgets = { ...TCR_DEFAULT_BUDGETS, ...opts.budgets };
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
  }

  acquire(kind: RateKind): Promise<void> {
    const turn = this.queue[kind].then(() => this.take(kind));
    // Keep the chain alive even if a take() throws (it does not, but a rejected link would block all).
    this.queue[kind] = turn.catch(() => undefined);
    return turn;
  }

  private async take(kind: RateKind): Promise<void> {
    const { points, durationMs } = this.budgets[kind];
    const starts = this.starts[kind];
    for (;;) {
      const now = this.now();
      while (starts.length > 0 && (starts[0] ?? 0) <= now - durationMs) starts.shift();
      if (starts.length < points) {
        starts.push(now);
        return;
      }
      const oldest = starts[0] ?? now;
      await this.sleep(Math.max(1, oldest + durationMs - now));
    }
  }
}
