/**
 * The HTTP core of the Telnyx adapter: Bearer auth, a per-attempt timeout, the optional shared limiter, and
 * the same retry policy as lib/tcr/http.ts (reads retry on 429, 5xx, timeouts and network errors; writes only
 * on 429 and on network errors proving the request was never sent). Failures are lib/tcr/errors.ts classes, so
 * billableCall, describeRegistryError and the forms treat Telnyx exactly like TCR.
 */
import type { z } from "zod";
import { encodeQuery, parseRetryAfter, type TcrClientConfig } from "@/lib/tcr/http";
import { buildPath, type RateKind } from "@/lib/tcr/endpoints";
import { TcrError, TcrNetworkError, TcrResponseError, TcrTimeoutError } from "@/lib/tcr/errors";
import { parseTelnyxErrorBody } from "./errors";
import { networkFailure, retryPolicy } from "@/lib/tcr/retry";

type Method = "GET" | "POST" | "PUT" | "DELETE";
interface TelnyxOperation {
  method: Method;
  /** Relative to the base URL, which ends in /10dlc. */
  path: string;
  kind: RateKind;
  billable?: boolean;
}

/** Every operation of the reference (9), with its documented method and path (all stated there). */
export const telnyxEndpoints = {
  "telnyx.brand.create": { method: "POST", path: "/brand", kind: "write", billable: true },
  "telnyx.brand.list": { method: "GET", path: "/brand", kind: "read" },
  "telnyx.brand.get": { method: "GET", path: "/brand/{brandId}", kind: "read" },
  "telnyx.brand.update": { method: "PUT", path: "/brand/{brandId}", kind: "write" },
  "telnyx.brand.delete": { method: "DELETE", path: "/brand/{brandId}", kind: "write" },
  "telnyx.brand.revet": { method: "PUT", path: "/brand/{brandId}/revet", kind: "write" },
  "telnyx.brand.listExternalVetting": { method: "GET", path: "/brand/{brandId}/externalVetting", kind: "read" },
  "telnyx.brand.orderExternalVetting": { method: "POST", path: "/brand/{brandId}/externalVetting", kind: "write", billable: true },
  "telnyx.brand.getFeedback": { method: "GET", path: "/brand/feedback/{brandId}", kind: "read" },
} as const satisfies Record<string, TelnyxOperation>;
export type TelnyxOperationId = keyof typeof telnyxEndpoints;

export interface TelnyxCallOptions {
  path?: Record<string, string>;
  query?: object;
  body?: unknown;
  signal?: AbortSignal;
}

export interface TelnyxHttp {
  readonly config: Readonly<TcrClientConfig>;
  call<S extends z.ZodType>(operationId: TelnyxOperationId, schema: S, opts?: TelnyxCallOptions): Promise<z.output<S>>;
}

type Failure = TcrError | TcrNetworkError | TcrTimeoutError;

export function createTelnyxHttp(config: TcrClientConfig): TelnyxHttp {
  // Telnyx authenticates with `Authorization: Bearer <API key>` only.
  if (config.auth.mode !== "bearer") throw new Error("The Telnyx 10DLC API takes a Bearer API key; Basic auth is not supported");
  const authorization = `Bearer ${config.auth.apiKey}`;
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = config.timeoutMs ?? 30_000;
  const policy = retryPolicy(config);
  const { log, sleep } = policy;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");

  async function attemptOnce(op: TelnyxOperationId, url: string, opts: TelnyxCallOptions, attempt: number): Promise<{ ok: true; status: number; text: string } | { ok: false; error: Failure }> {
    const def: TelnyxOperation = telnyxEndpoints[op];
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const headers: Record<string, string> = { Authorization: authorization, Accept: "application/json" };
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    const started = Date.now();
    const logBase = { op, method: def.method, path: def.path, attempt };
    try {
      const res = await doFetch(url, {
        method: def.method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: controller.signal,
      });
      const text = await res.text(); // under the same timeout: a stalled body is a timeout too
      const durationMs = Date.now() - started;
      if (res.ok) {
        log.info({ ...logBase, status: res.status, durationMs }, "telnyx request");
        return { ok: true, status: res.status, text };
      }
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      const items = parseTelnyxErrorBody(parsed, parsed === undefined ? text : "");
      const error = new TcrError(res.status, items, { operationId: op, method: def.method, path: def.path }, parseRetryAfter(res.headers.get("retry-after")));
      // Fields only: messages can echo submitted values (PII).
      log.warn({ ...logBase, status: res.status, durationMs, fields: items.map((i) => i.field) }, "telnyx request failed");
      return { ok: false, error };
    } catch (e) {
      const durationMs = Date.now() - started;
      if (timedOut) {
        log.warn({ ...logBase, status: "timeout", durationMs }, "telnyx request timed out");
        return { ok: false, error: new TcrTimeoutError(op, timeoutMs) };
      }
      if (opts.signal?.aborted) throw e;
      const { codes, notSent } = networkFailure(e);
      log.warn({ ...logBase, status: "network-error", durationMs, codes, notSent }, "telnyx request network error");
      return { ok: false, error: new TcrNetworkError(`Telnyx ${op} network error${codes[0] ? ` (${codes[0]})` : ""}`, { operationId: op, notSent, code: codes[0], cause: e }) };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    }
  }

  const retryDelay = (kind: RateKind, error: Failure, attempt: number) => policy.delay(kind === "read", error, attempt);

  return {
    config,
    async call(op, schema, opts = {}) {
      const def: TelnyxOperation = telnyxEndpoints[op];
      const url = `${baseUrl}${buildPath(def.path, opts.path)}${encodeQuery(opts.query)}`;
      for (let attempt = 1; ; attempt++) {
        if (config.limiter) await config.limiter.acquire(def.kind);
        const result = await attemptOnce(op, url, opts, attempt);
        if (result.ok) {
          let value: unknown = undefined;
          if (result.text.trim() !== "") {
            try {
              value = JSON.parse(result.text);
            } catch {
              throw new TcrResponseError(op, result.status, [{ code: "custom", path: [], message: "Body is not JSON", input: undefined }]);
            }
          }
          const parsed = schema.safeParse(value);
          if (!parsed.success) {
            log.error({ op, path: def.path, status: result.status, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`) }, "telnyx response did not match schema");
            throw new TcrResponseError(op, result.status, parsed.error.issues);
          }
          return parsed.data;
        }
        const delay = retryDelay(def.kind, result.error, attempt);
        if (delay === null) {
          const entry = { op, method: def.method, path: def.path, attempt, error: result.error.name };
          if (result.error instanceof TcrError && result.error.status < 500) log.warn(entry, "telnyx request gave up");
          else log.error(entry, "telnyx request gave up");
          throw result.error;
        }
        await sleep(delay);
      }
    },
  };
}
