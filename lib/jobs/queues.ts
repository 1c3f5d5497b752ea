import { z } from "zod";

// Every queue: its name, its payload schema and its retry policy. Handlers parse payloads with these schemas.
export const QUEUES = {
  webhookProcess: {
    name: "webhook-process",
    payload: z.object({ eventId: z.string().min(1) }),
    options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  },
  reconcileOrg: {
    name: "reconcile-org",
    payload: z.object({
      orgId: z.string().min(1),
      reason: z.enum(["schedule", "connection", "manual"]).default("schedule"),
      /** Also sweep per-brand records (vettings, appeals): first import, manual runs, once a day. */
      deep: z.boolean().default(false),
    }),
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600 },
  },
  /**
   * One slice of a bulk job (lib/migrations/bulk.ts): runs for at most BULK_SLICE_MS, then queues the next slice.
   * "singleton" with singletonKey = job id: never two active runs of the same bulk job. A slice cut off by a crash
   * expires and is retried; the run re-checks its interrupted item at the registry before anything else.
   */
  bulkRun: {
    name: "bulk-run",
    payload: z.object({ jobId: z.string().min(1) }),
    options: { retryLimit: 50, retryDelay: 10, retryBackoff: true, expireInSeconds: 900, policy: "singleton" as const },
  },
  reconcileAll: {
    name: "reconcile-all",
    payload: z.object({}).passthrough(),
    options: { retryLimit: 0, expireInSeconds: 300 },
  },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];
/** The schedule wakes every minute; each organization is checked when its cadence says it is due. */
export const RECONCILE_CRON = "* * * * *";
/** Minutes between scheduled checks: upstreams that push webhooks need only a safety net; the others are polled. */
export const RECONCILE_EVERY_MINUTES = { webhooks: 15, polled: 2 } as const;
export const BULK_SLICE_MS = 10 * 60_000;
