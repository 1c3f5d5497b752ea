/**
 * HTTP layer of the Vonage adapter: Basic api_key:api_secret, a per-attempt timeout, and the retry
 * policy of lib/tcr/http.ts (reads retry on 429, 5xx, timeouts and network errors; writes retry only
 * on 429 and on errors proving the request never left). Failures become lib/tcr/errors.ts errors so
 * the portal's handling (billable reconciliation, form errors) works unchanged: an HTTP error is a
 * `VonageApiError` (a TcrError) whose items carry our camelCase field names.
 */
import type { z } from "zod";
import { encodeQuery, parseRetryAfter, type TcrClientConfig } from "@/lib/tcr/http";
import { TcrError, TcrNetworkError, TcrResponseError, TcrTimeoutError, type TcrErrorItem } from "@/lib/tcr/errors";
import type { DownloadedAttachment } from "@/lib/tcr/schemas/attachment";
import { VonageErrorBody } from "./schemas";
import { networkFailure, retryPolicy } from "@/lib/tcr/retry";

export type VonageMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A Vonage error answer. `code` is Vonage's error code (e.g. "brand-parameters"), from `type`'s fragment. */
export class VonageApiError extends TcrError {
  readonly vonageCode: string | null;
  readonly title: string | null;
  constructor(status: number, items: TcrErrorItem[], ctx: { operationId: string; method: string; path: string }, retryAfterMs: number | null, vonageCode: string | null, title: string | null) {
    super(status, items, ctx, retryAfterMs);
    this.name = "VonageApiError";
    this.vonageCode = vonageCode;
    this.title = title;
  }
}

export interface VonageCallOptions {
  /** Operation name for logs and errors, e.g. "vonage.brand.create". */
  op: string;
  /** Path template for logs (ids are never logged). */
  template: string;
  query?: object;
  body?: unknown;
  signal?: AbortSignal;
}

export interface VonageHttp {
  readonly config: Readonly<TcrClientConfig>;
  call<S extends z.ZodType>(method: VonageMethod, path: string, schema: S, opts: VonageCallOptions): Promise<z.output<S>>;
  /** For 204 answers. */
  callEmpty(method: VonageMethod, path: string, opts: VonageCallOptions): Promise<void>;
  /** For application/octet-stream answers (evidence download); the name comes from Content-Disposition. */
  callBinary(method: VonageMethod, path: string, opts: VonageCallOptions): Promise<DownloadedAttachment>;
}


/**
 * Vonage's problem-details body → TcrErrorItems. `fieldName` maps Vonage's snake_case parameter
 * names to ours (see mapping.ts); items without a parameter carry `detail`.
 */
export function parseVonageErrorBody(body: unknown, fallbackText: string, fieldName: (snake: string) => string): { items: TcrErrorItem[]; code: string | null; title: string | null } {
  const parsed = VonageErrorBody.safeParse(body);
  if (!parsed.success) return { items: fallbackText.trim() ? [{ code: null, field: null, description: fallbackText.trim().slice(0, 500) }] : [], code: null, title: null };
  const e = parsed.data;
  const code = e.type?.includes("#") ? e.type.slice(e.type.lastIndexOf("#") + 1) : null;
  const items: TcrErrorItem[] = (e.invalid_parameters ?? []).map((p) => ({ code: null, field: fieldName(p.name), description: p.reason ?? e.detail ?? e.title ?? "" }));
  if (items.length === 0) items.push({ code: null, field: null, description: e.detail ?? e.title ?? fallbackText.slice(0, 500) });
  return { items, code, title: e.title ?? null };
}

export function createVonageHttp(config: TcrClientConfig, fieldName: (snake: string) => string): VonageHttp {
  if (config.auth.mode !== "basic") throw new TypeError("Vonage authenticates with HTTP Basic (api_key:api_secret)");
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = config.timeoutMs ?? 30_000;
  const policy = retryPolicy(config);
  const { log, sleep } = policy;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const authorization = `Basic ${Buffer.from(`${config.auth.apiKey}:${config.auth.apiSecret}`, "utf8").toString("base64")}`;

  type Attempt = { ok: true; status: number; text: string; bytes?: Uint8Array; headers: Headers } | { ok: false; error: TcrError | TcrNetworkError | TcrTimeoutError };

  async function attemptOnce(method: VonageMethod, url: string, opts: VonageCallOptions, attempt: number, binary: boolean): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const isForm = opts.body instanceof FormData;
    const headers: Record<string, string> = { Authorization: authorization, Accept: binary ? "*/*" : "application/json" };
    if (opts.body !== undefined && !isForm) headers["Content-Type"] = "application/json";
    const logBase = { op: opts.op, method, path: opts.template, attempt };
    const started = Date.now();
    try {
      const res = await doFetch(url, {
        method, headers, signal: controller.signal,
        body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
      });
      // The body is read under the same timeout: a stalled body is a timeout too.
      const bytes = binary && res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
      const text = bytes ? "" : await res.text();
      const durationMs = Date.now() - started;
      if (res.ok) {
        log.info({ ...logBase, status: res.status, durationMs }, "vonage request");
        return { ok: true, status: res.status, text, bytes, headers: res.headers };
      }
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      const { items, code, title } = parseVonageErrorBody(parsed, parsed === undefined ? text : "", fieldName);
      const error = new VonageApiError(res.status, items, { operationId: opts.op, method, path: opts.template }, parseRetryAfter(res.headers.get("retry-after")), code, title);
      log.warn({ ...logBase, status: res.status, durationMs, code, fields: items.map((i) => i.field) }, "vonage request failed");
      return { ok: false, error };
    } catch (e) {
      if (timedOut) {
        log.warn({ ...logBase, status: "timeout" }, "vonage request timed out");
        return { ok: false, error: new TcrTimeoutError(opts.op, timeoutMs) };
      }
      if (opts.signal?.aborted) throw e;
      const { codes, notSent } = networkFailure(e);
      log.warn({ ...logBase, status: "network-error", codes, notSent }, "vonage request network error");
      return { ok: false, error: new TcrNetworkError(`Vonage ${opts.op} network error${codes[0] ? ` (${codes[0]})` : ""}`, { operationId: opts.op, notSent, code: codes[0], cause: e }) };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    }
  }

  const retryDelay = (isRead: boolean, error: TcrError | TcrNetworkError | TcrTimeoutError, attempt: number) => policy.delay(isRead, error, attempt);

  async function execute(method: VonageMethod, path: string, opts: VonageCallOptions, binary = false): Promise<{ status: number; text: string; bytes?: Uint8Array; headers: Headers }> {
    const url = `${baseUrl}${path}${encodeQuery(opts.query)}`;
    const isRead = method === "GET";
    for (let attempt = 1; ; attempt++) {
      if (config.limiter) await config.limiter.acquire(isRead ? "read" : "write");
      const r = await attemptOnce(method, url, opts, attempt, binary);
      if (r.ok) return r;
      const delay = retryDelay(isRead, r.error, attempt);
      if (delay === null) throw r.error;
      await sleep(delay);
    }
  }

  return {
    config,
    async call(method, path, schema, opts) {
      const { status, text } = await execute(method, path, opts);
      let value: unknown = undefined;
      if (text.trim() !== "") {
        try {
          value = JSON.parse(text);
        } catch {
          throw new TcrResponseError(opts.op, status, [{ code: "custom", path: [], message: "Body is not JSON", input: undefined }]);
        }
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        log.error({ op: opts.op, path: opts.template, status, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`) }, "vonage response did not match schema");
        throw new TcrResponseError(opts.op, status, parsed.error.issues);
      }
      return parsed.data;
    },
    async callEmpty(method, path, opts) {
      await execute(method, path, opts);
    },
    async callBinary(method, path, opts) {
      const { bytes, headers } = await execute(method, path, opts, true);
      const disposition = headers.get("content-disposition");
      const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
      return { data: bytes ?? new Uint8Array(), contentType: headers.get("content-type"), fileName: match?.[1] ? decodeURIComponent(match[1]) : null };
    },
  };
}
