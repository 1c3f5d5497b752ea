// `npm run worker`: the job worker as its own process (production); the launcher starts it in development.
import { db } from "@/lib/db";
import { env, EnvError } from "@/lib/env";
import { log } from "@/lib/log";
import { startBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";

try {
  env();
} catch (e) {
  console.error(e instanceof EnvError ? e.message : String(e));
  process.exit(1);
}

const b = await startBoss({ worker: true });
await startWorker(b, { db: db() });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log().info({ component: "worker", signal }, "worker stopping; finishing active jobs");
  // Graceful: active jobs get time to finish; anything cut off is expired and retried by pg-boss.
  await b.stop({ graceful: true, timeout: 20_000, wait: true });
  await db().$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
