import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { QUEUES } from "@/lib/jobs/queues";
import type { z } from "zod";

type QueueDef = (typeof QUEUES)[keyof typeof QUEUES];

const holder = globalThis as unknown as { __campaigndeskBoss?: Promise<PgBoss> };

/** Starts pg-boss on the portal database and makes sure every queue exists. */
export async function startBoss(opts: { connectionString?: string; worker: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: opts.connectionString ?? env().DATABASE_URL,
    // Only the worker does pg-boss housekeeping and cron; web processes just send.
    supervise: opts.worker,
    schedule: opts.worker,
    max: opts.worker ? 4 : 2,
  });
  boss.on("error", (err) => log().error({ err, component: "pg-boss" }, "job queue error"));
  await boss.start();
  for (const q of Object.values(QUEUES)) await boss.createQueue(q.name, { name: q.name, ...q.options });
  return boss;
}

/** The sending side for web processes, started once per process. */
export function boss(): Promise<PgBoss> {
  holder.__campaigndeskBoss ??= startBoss({ worker: false }).catch((e) => {
    holder.__campaigndeskBoss = undefined;
    throw e;
  });
  return holder.__campaigndeskBoss;
}

export async function enqueue<Q extends QueueDef>(b: PgBoss, queue: Q, payload: z.input<Q["payload"]>, options: PgBoss.SendOptions = {}) {
  return b.send(queue.name, queue.payload.parse(payload) as object, options);
}
