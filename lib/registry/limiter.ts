import type { Db } from "@/lib/db";
import type { RateKind } from "@/lib/tcr/endpoints";
import { TCR_DEFAULT_BUDGETS, type RateBudgets, type RateLimiter } from "@/lib/tcr/limiter";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The registry's budget (20 reads/s, 20 writes per 10 s by default) shared by every process through the
 * database, as a generic cell rate algorithm without burst: each call atomically reserves the next slot,
 * slots are duration/points apart, and the caller waits for its slot. So no window of `duration` ever holds
 * more than `points` calls, across window boundaries too, and waiting callers are served in order. A burst
 * allowance would let points + duration/interval calls into one window, which the registry may count as
 * over its limit. Time is the database's clock, so processes on different hosts agree.
 */
export class DbRateLimiter implements RateLimiter {
  private readonly budgets: RateBudgets;
  constructor(private readonly db: Db, private readonly credentialId: string, budgets: Partial<RateBudgets> = {}) {
    this.budgets = { ...TCR_DEFAULT_BUDGETS, ...budgets };
  }

  async acquire(kind: RateKind): Promise<void> {
    const { slotAt, now } = await this.reserve(kind);
    if (slotAt > now) await sleep(slotAt - now);
  }

  /** Reserves the next slot: when (database clock, ms) the caller may send, and the database's now. */
  async reserve(kind: RateKind): Promise<{ slotAt: number; now: number }> {
    const { points, durationMs } = this.budgets[kind];
    // 5% wider than the budget: requests leave on their slots but arrive with network jitter, and the
    // registry counts arrivals.
    const interval = Math.max(1, Math.ceil((durationMs / points) * 1.05));
    const key = `${this.credentialId}:${kind}`;
    const rows = await this.db.$queryRaw<{ tat: bigint; now: bigint }[]>`
      INSERT INTO "RegistryRateLimit" ("key", "tat")
      VALUES (${key}, (extract(epoch from clock_timestamp()) * 1000)::bigint + ${interval})
      ON CONFLICT ("key") DO UPDATE
        SET "tat" = GREATEST("RegistryRateLimit"."tat", (extract(epoch from clock_timestamp()) * 1000)::bigint) + ${interval}
      RETURNING "tat", (extract(epoch from clock_timestamp()) * 1000)::bigint AS "now"`;
    const row = rows[0];
    if (!row) throw new Error("rate limiter: no slot returned");
    // The reserved slot starts one interval before the new theoretical arrival time.
    return { slotAt: Number(row.tat) - interval, now: Number(row.now) };
  }
}
