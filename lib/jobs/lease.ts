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
 * Queue entries of bulk slices whose runner is gone: active in pg-boss for longer than a lease while their job
 * holds no live lease. A live runner takes the lease the moment it starts and renews it while it works, so such an
 * entry belongs to a process that was killed (before or after it took the lease) or stalled past its lease.
 * Reads pg-boss's own table (schema `pgboss`, pg-boss 10): its API has no lookup by singleton key.
 */
export async function stalledBulkRuns(db: Db, ttlMs = LEASE_TTL_MS): Promise<{ queueJobId: string; jobId: string }[]> {
  return db.$queryRaw<{ queueJobId: string; jobId: string }[]>`
    SELECT j.id::text AS "queueJobId", substr(j.singleton_key, 6) AS "jobId"
    FROM pgboss.job j
    WHERE j.name = 'bulk-run' AND j.state = 'active' AND j.singleton_key LIKE 'bulk:%'
      AND j.started_on < now() - make_interval(secs => ${ttlMs / 1000})
      AND NOT EXISTS (SELECT 1 FROM "BulkJob" b WHERE b.id = substr(j.singleton_key, 6) AND b."leaseUntil" >= now())`;
}
