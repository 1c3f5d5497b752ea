import type { Db } from "@/lib/db";

/**
 * Who runs a bulk job right now. pg-boss 10 has no heartbeat: a slice whose worker was killed stays "active" until
 * its queue entry expires (15 minutes), and the singleton policy refuses a new entry until then, so one crash would
 * stall the job for a quarter of an hour. Instead the running slice holds a lease on the job row and renews it while
 * it works; a lease not renewed for LEASE_TTL_MS belongs to a dead runner, whose queue entry is then cancelled and
 * the job queued again. A live runner that lost its lease (it stalled past the TTL) stops before its next item.
 */
export const LEASE_TTL_MS = 30_000;

export type Lease = {
  readonly owner: string;
  /** False once another runner took the job over (or the row is gone): stop before claiming another item. */
  held(): boolean;
  release(): Promise<void>;
};

/** Takes the job's lease when it is free, expired or already ours; null when a live runner holds it. */
export async function acquireLease(
  db: Db,
  jobId: string,
  owner: string,
  queueJobId: string | null,
  opts: { ttlMs?: number; now?: () => Date } = {},
): Promise<Lease | null> {
  const ttl = opts.ttlMs ?? LEASE_TTL_MS;
  const now = opts.now ?? (() => new Date());
  const t = now();
  const took = await db.bulkJob.updateMany({
    where: { id: jobId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: t } }, { leaseOwner: owner }] },
    data: { leaseOwner: owner, leaseUntil: new Date(t.getTime() + ttl), leaseQueueJobId: queueJobId },
  });
  if (took.count === 0) return null;
  let held = true;
  const renew = async () => {
    try {
      const r = await db.bulkJob.updateMany({ where: { id: jobId, leaseOwner: owner }, data: { leaseUntil: new Date(now().getTime() + ttl) } });
      if (r.count === 0) held = false;
    } catch {
      // The database is unreachable: the runner cannot work either; the next renewal decides.
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1_000, Math.floor(ttl / 3)));
  timer.unref();
  return {
    owner,
    held: () => held,
    release: async () => {
      clearInterval(timer);
      await db.bulkJob.updateMany({ where: { id: jobId, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null, leaseQueueJobId: null } });
    },
  };
}

/**
 * Unfinished jobs whose runner died: the lease ran out. Clears the lease and returns the dead runner's queue entry
 * so the caller can cancel it and queue the job again.
 */
export async function takeExpiredLeases(db: Db, now = new Date()): Promise<{ jobId: string; queueJobId: string | null }[]> {
  const rows = await db.bulkJob.findMany({
    where: { status: { in: ["QUEUED", "RUNNING", "CANCELLING"] }, leaseUntil: { lt: now } },
    select: { id: true, leaseOwner: true, leaseQueueJobId: true },
  });
  const out: { jobId: string; queueJobId: string | null }[] = [];
  for (const r of rows) {
    // Only if nobody renewed or took it meanwhile.
    const cleared = await db.bulkJob.updateMany({
      where: { id: r.id, leaseOwner: r.leaseOwner, leaseUntil: { lt: now } },
      data: { leaseOwner: null, leaseUntil: null, leaseQueueJobId: null },
    });
    if (cleared.count === 1) out.push({ jobId: r.id, queueJobId: r.leaseQueueJobId });
  }
  return out;
}
