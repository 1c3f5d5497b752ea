/**
 * The retry policy every upstream's HTTP layer shares (TCR, and the Vonage and Telnyx adapters): reads retry on 429,
 * 5xx, timeouts and network errors; writes only on 429 and on connection errors proving nothing was sent. 429 waits
 * Retry-After or exponential backoff with full jitter, capped.
 */
import { TcrError, TcrNetworkError, type TcrTimeoutError } from "./errors";
import type { TcrClientConfig, TcrLogger } from "./http";

/** Connection errors that prove the request never reached the server, so even a write may be sent again. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

const silentLogger: TcrLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorCodes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== "object" || depth > 4) return [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const out: string[] = typeof e.code === "string" ? [e.code] : [];
  if (e.cause) out.push(...errorCodes(e.cause, depth + 1));
  if (Array.isArray(e.errors)) for (const inner of e.errors) out.push(...errorCodes(inner, depth + 1));
  return out;
}

/** The error codes of a failed fetch (through causes and aggregates), and whether they prove nothing was sent. */
export function networkFailure(err: unknown): { codes: string[]; notSent: boolean } {
  const codes = errorCodes(err);
  return { codes, notSent: codes.some((c) => NOT_SENT_CODES.has(c)) };
}

export function retryPolicy(config: TcrClientConfig) {
  const random = config.random ?? Math.random;
  const readAttempts = Math.max(1, config.retry?.readAttempts ?? 4);
  const writeAttempts = Math.max(1, config.retry?.writeAttempts ?? 3);
  const baseDelay = config.retry?.baseDelayMs ?? 300;
  const maxDelay = config.retry?.maxDelayMs ?? 30_000;
  const backoff = (attempt: number) => Math.floor(random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)));
  return {
    log: config.logger ?? silentLogger,
    sleep: config.sleep ?? realSleep,
    maxDelay,
    /** How long to wait before another attempt after `attempt` failed with `error`, or null: do not retry. */
    delay(isRead: boolean, error: TcrError | TcrNetworkError | TcrTimeoutError, attempt: number): number | null {
      if (attempt >= (isRead ? readAttempts : writeAttempts)) return null;
      if (error instanceof TcrError) {
        if (error.status === 429) return Math.min(maxDelay, error.retryAfterMs ?? backoff(attempt + 1));
        return isRead && error.status >= 500 ? backoff(attempt + 1) : null;
      }
      if (error instanceof TcrNetworkError) return isRead || error.notSent ? backoff(attempt + 1) : null;
      return isRead ? backoff(attempt + 1) : null; // timeout: a write may have been processed
    },
  };
}
