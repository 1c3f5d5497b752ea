import { createSandbox, DEV_API_KEY, DEV_API_SECRET } from "./server";

/**
 * `npm run sandbox`: the simulator as a standalone process, clock in real time.
 * Env: SANDBOX_PORT (4010), SANDBOX_HOST (127.0.0.1), SANDBOX_API_KEY, SANDBOX_API_SECRET,
 * SANDBOX_DATA_DIR (.data/sandbox), SANDBOX_SEED, SANDBOX_CLOCK_SPEED (1), SANDBOX_SCENARIO (loaded when empty),
 * SANDBOX_RATE_LIMITS=off to disable the registry rate limits.
 */
const env = process.env;
const apiKey = env.SANDBOX_API_KEY || DEV_API_KEY;
const apiSecret = env.SANDBOX_API_SECRET || DEV_API_SECRET;

const sandbox = await createSandbox({
  port: Number(env.SANDBOX_PORT || 4010),
  host: env.SANDBOX_HOST || "127.0.0.1",
  dataDir: env.SANDBOX_DATA_DIR || ".data/sandbox",
  apiKey,
  apiSecret,
  seed: env.SANDBOX_SEED || undefined,
  clock: { mode: "real", speed: Number(env.SANDBOX_CLOCK_SPEED || 1) },
  // A fresh store starts at the current time so dates look current in the portal.
  startAt: Date.now(),
  scenario: env.SANDBOX_SCENARIO || undefined,
  rateLimits: env.SANDBOX_RATE_LIMITS === "off" ? false : undefined,
});

console.log(`[sandbox] TCR CSP API 7.8.0 simulator on ${sandbox.apiUrl}`);
console.log(`[sandbox] Telnyx 10DLC brand API profile on ${sandbox.telnyxUrl} (Bearer apiKey)`);
console.log(`[sandbox] Vonage 10DLC API profile on ${sandbox.vonageUrl} (Basic apiKey:apiSecret)`);
console.log(`[sandbox] control API on ${sandbox.url}/_sandbox/ (see sandbox/README.md)`);
if (!env.SANDBOX_API_KEY || !env.SANDBOX_API_SECRET) {
  console.log(`[sandbox] development credentials: apiKey=${apiKey} apiSecret=${apiSecret}`);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[sandbox] ${signal}: saving state and stopping`);
  await sandbox.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
