/**
 * The HTTP core of the TCR client: auth, timeout, rate limiting, retries, body encoding, response
 * validation, and logging. Every registry call in the portal passes through `TcrHttp.call`.
 */
import type { z } from "zod";
import { buildPath, endpoints, type OperationDef, type OperationId } from "./endpoints";
import { TcrError, TcrNetworkError, TcrResponseError, TcrTimeoutError, parseTcrErrorBody } from "./errors";
import type { RateLimiter } from "./limiter";
import type { IntentStore } from "./billable";
import type { DownloadedAttachment } from "./schemas/attachment";
import { networkFailure, retryPolicy } from "./retry";

export type TcrAuth = { mode: "bearer"; apiKey: string } | { mode: "basic"; apiKey: string; apiSecret: string };

type LogFn = (obj: Record<string, unknown>, msg?: string) => void;
/** pino-compatible (object first). */
export interface TcrLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface RetryConfig {
  /** Total attempts for reads (GET) on 429/5xx/timeout/network errors. Default 4. */
  readAttempts?: number;
  /** Total attempts for writes, used only on 429 and on errors proving the request was not sent. Default 3. */
  writeAttempts?: number;
  /** First backoff step; doubles per attempt, full jitter. Default 300 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff wait (also caps Retry-After). Default 30 s. */
  maxDelayMs?: number;
}

export interface TcrClientConfig {
  /** e.g. https://csp-api.campaignregistry.com/v2 (must end in /v2; paths are relative to it). */
  baseUrl: string;
  auth: TcrAuth;
  fetch?: typeof fetch;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  limiter?: RateLimiter;
  logger?: TcrLogger;
  retry?: RetryConfig;
  intentStore?: IntentStore;
  /** Billable reconciliation: wait before asking the registry whether the object exists. Default 1 s. */
  reconcileDelayMs?: number;
  /** Billable calls: most sends per call (default 2) and when a begun/sent intent counts as abandoned (default 5 min). */
  billable?: { maxSends?: number; staleAfterMs?: number };
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface CallOptions {
  path?: Record<string, string | number>;
  query?: object;
  /** JSON value, FormData (multipart) or a flat record (form-urlencoded), per the operation's `body`. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface TcrHttp {
  readonly config: Readonly<TcrClientConfig>;
  call<S extends z.ZodType>(operationId: OperationId, schema: S, opts?: CallOptions): Promise<z.output<S>>;
  callText(operationId: OperationId, opts?: CallOptions): Promise<string>;
  callBinary(operationId: OperationId, opts?: CallOptions): Promise<DownloadedAttachment>;
}

export function encodeQuery(query: object | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Retry-After as seconds or an HTTP date → ms (null when absent/unparseable). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function authHeader(auth: TcrAuth): string {
  if (auth.mode === "bearer") return `Bearer ${auth.apiKey}`;
  return `Basic ${btoa(`${auth.apiKey}:${auth.apiSecret}`)}`; // TCR keys and secrets are ASCII
}

function encodeBody(def: OperationDef, body: unknown): { body?: BodyInit; contentType?: string } {
  if (body === undefined || !def.body) return {};
  if (def.body === "json") return { body: JSON.stringify(body), contentType: "application/json" };
  if (def.body === "multipart") {
    if (!(body instanceof FormData)) throw new TypeError("multipart operations take a FormData body");
    return { body }; // fetch sets the boundary
  }
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (v !== undefined && v !== null) form.append(k, String(v));
  return { body: form, contentType: "application/x-www-form-urlencoded" };
}

type Attempt =
  | { ok: true; status: number; res: Response; text: string; bytes?: Uint8Array }
  | { ok: false; error: TcrError | TcrNetworkError | TcrTimeoutError };

export function createTcrHttp(config: TcrClientConfig): TcrHttp {
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = config.timeoutMs ?? 30_000;
  const policy = retryPolicy(config);
  const { log, sleep } = policy;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const authorization = authHeader(config.auth);

  async function attemptOnce(operationId: OperationId, def: OperationDef, url: string, opts: CallOptions, binary: boolean, attempt: number): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const { body, contentType } = encodeBody(def, opts.body);
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: def.response === "binary" || def.response === "text" ? "*/*" : "application/json",
    };
    if (contentType) headers["Content-Type"] = contentType;
    const started = Date.now();
    const logBase = { op: operationId, method: def.method, path: def.path, attempt };
    try {
      const res = await doFetch(url, { method: def.method, headers, body, signal: controller.signal });
      // The body is read under the same timeout: a stalled body is a timeout too.
      let text = "";
      let bytes: Uint8Array | undefined;
      if (binary && res.ok) bytes = new Uint8Array(await res.arrayBuffer());
      else text = await res.text();
      const durationMs = Date.now() - started;
      if (res.ok) {
        log.info({ ...logBase, status: res.status, durationMs }, "tcr request");
        return { ok: true, status: res.status, res, text, bytes };
      }
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      const items = parseTcrErrorBody(parsed, parsed === undefined ? text : "");
      const error = new TcrError(res.status, items, { operationId, method: def.method, path: def.path }, parseRetryAfter(res.headers.get("retry-after")));
      // Only codes and fields are logged: descriptions can echo submitted values (PII).
      log.warn({ ...logBase, status: res.status, durationMs, codes: items.map((i) => i.code), fields: items.map((i) => i.field) }, "tcr request failed");
      return { ok: false, error };
    } catch (e) {
      const durationMs = Date.now() - started;
      if (timedOut) {
        log.warn({ ...logBase, status: "timeout", durationMs }, "tcr request timed out");
        return { ok: false, error: new TcrTimeoutError(operationId, timeoutMs) };
      }
      if (opts.signal?.aborted) throw e; // the caller cancelled: not a registry failure
      const { codes, notSent } = networkFailure(e);
      log.warn({ ...logBase, status: "network-error", durationMs, codes, notSent }, "tcr request network error");
      return {
        ok: false,
        error: new TcrNetworkError(`TCR ${operationId} network error${codes[0] ? ` (${codes[0]})` : ""}`, { operationId, notSent, code: codes[0], cause: e }),
      };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    }
  }

  const retryDelay = (def: OperationDef, error: TcrError | TcrNetworkError | TcrTimeoutError, attempt: number) => policy.delay(def.kind === "read", error, attempt);

  async function execute(operationId: OperationId, opts: CallOptions, binary: boolean): Promise<{ status: number; res: Response; text: string; bytes?: Uint8Array }> {
    const def = endpoints[operationId];
    const url = `${baseUrl}${buildPath(def.path, opts.path)}${encodeQuery(opts.query)}`;
    for (let attempt = 1; ; attempt++) {
      if (config.limiter) await config.limiter.acquire(def.kind);
      const result = await attemptOnce(operationId, def, url, opts, binary, attempt);
      if (result.ok) return result;
      const delay = retryDelay(def, result.error, attempt);
      if (delay === null) {
        const entry = { op: operationId, method: def.method, path: def.path, attempt, error: result.error.name };
        // Called as methods: pino's log functions need their `this`.
        if (result.error instanceof TcrError && result.error.status < 500) log.warn(entry, "tcr request gave up");
        else log.error(entry, "tcr request gave up");
        throw result.error;
      }
      await sleep(delay);
    }
  }

  return {
    config,
    async call(operationId, schema, opts = {}) {
      const { status, text } = await execute(operationId, opts, false);
      let value: unknown = undefined;
      if (text.trim() !== "") {
        try {
          value = JSON.parse(text);
        } catch {
          throw new TcrResponseError(operationId, status, [{ code: "custom", path: [], message: "Body is not JSON", input: undefined }]);
        }
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        log.error({ op: operationId, path: endpoints[operationId].path, status, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`) }, "tcr response did not match schema");
        throw new TcrResponseError(operationId, status, parsed.error.issues);
      }
      return parsed.data;
    },
    async callText(operationId, opts = {}) {
      return (await execute(operationId, opts, false)).text;
    },
    async callBinary(operationId, opts = {}) {
      const { res, bytes } = await execute(operationId, opts, true);
      const disposition = res.headers.get("content-disposition");
      const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
      return {
        data: bytes ?? new Uint8Array(),
        contentType: res.headers.get("content-type"),
        fileName: match?.[1] ? decodeURIComponent(match[1]) : null,
      };
    },
  };
}

// The composed client lives in client.ts (it needs every resource module); re-exported here so
// `createTcrClient` is importable from the HTTP module as well as from the package index.
export { createTcrClient, type TcrClient } from "./client";
