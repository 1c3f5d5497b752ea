/**
 * Errors raised by the TCR client. TCR reports failures as a JSON array of
 * `{code, field?, description}` (anchors-mission.md §5.4, model ApiErrorCSP); the codes are TCR codes,
 * not HTTP statuses (e.g. 501 invalid field, 502 not found, 503 referenceId in use, 509 not qualified).
 */
import type { z } from "zod";

export interface TcrErrorItem {
  code: number | null;
  field: string | null;
  description: string;
}

interface ErrorContext {
  operationId: string;
  method: string;
  /** Path template, never the filled-in path (it may carry ids the logs must not join with PII). */
  path: string;
}

export class TcrError extends Error {
  readonly status: number;
  readonly items: TcrErrorItem[];
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly retryAfterMs: number | null;

  constructor(status: number, items: TcrErrorItem[], ctx: ErrorContext, retryAfterMs: number | null = null) {
    // Codes and field names only: descriptions can echo submitted values (PII) and messages get logged.
    const summary = items.map((i) => `${i.code ?? "?"}${i.field ? ` ${i.field}` : ""}`).join(", ");
    super(`TCR ${ctx.method} ${ctx.path} failed with HTTP ${status}${summary ? ` [${summary}]` : ""}`);
    this.name = "TcrError";
    this.status = status;
    this.items = items;
    this.operationId = ctx.operationId;
    this.method = ctx.method;
    this.path = ctx.path;
    this.retryAfterMs = retryAfterMs;
  }

  /** True when any item carries the given TCR error code (e.g. 503 = referenceId already used). */
  hasCode(code: number): boolean {
    return this.items.some((i) => i.code === code);
  }
}

/** The request never produced an HTTP response. `notSent` = proven not to have reached the server. */
export class TcrNetworkError extends Error {
  readonly operationId: string;
  readonly notSent: boolean;
  readonly code: string | undefined;
  constructor(message: string, ctx: { operationId: string; notSent: boolean; code?: string; cause?: unknown }) {
    super(message, { cause: ctx.cause });
    this.name = "TcrNetworkError";
    this.operationId = ctx.operationId;
    this.notSent = ctx.notSent;
    this.code = ctx.code;
  }
}

export class TcrTimeoutError extends Error {
  readonly operationId: string;
  readonly timeoutMs: number;
  constructor(operationId: string, timeoutMs: number) {
    super(`TCR ${operationId} timed out after ${timeoutMs} ms`);
    this.name = "TcrTimeoutError";
    this.operationId = operationId;
    this.timeoutMs = timeoutMs;
  }
}

/** The registry answered 2xx but the body did not match the operation's response schema. */
export class TcrResponseError extends Error {
  readonly operationId: string;
  readonly status: number;
  readonly issues: z.core.$ZodIssue[];
  constructor(operationId: string, status: number, issues: z.core.$ZodIssue[]) {
    const summary = issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    super(`TCR ${operationId} returned an unexpected body: ${summary}`);
    this.name = "TcrResponseError";
    this.operationId = operationId;
    this.status = status;
    this.issues = issues;
  }
}

/**
 * A billable create failed ambiguously (timeout, reset, 5xx) and the registry could not (yet) tell
 * whether the object exists. The intent stays "ambiguous"; calling again with the same key
 * reconciles before any resend.
 */
export class TcrAmbiguousBillableError extends Error {
  readonly intentKey: string;
  constructor(intentKey: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "TcrAmbiguousBillableError";
    this.intentKey = intentKey;
  }
}

function toItem(raw: unknown): TcrErrorItem | null {
  if (!raw || typeof raw !== "object") return null;
  const o = raw as Record<string, unknown>;
  const codeRaw = o.code;
  const code = typeof codeRaw === "number" ? codeRaw : typeof codeRaw === "string" && /^\d+$/.test(codeRaw) ? Number(codeRaw) : null;
  const field = typeof o.field === "string" && o.field !== "" ? o.field : null;
  const description =
    typeof o.description === "string" ? o.description : typeof o.message === "string" ? o.message : typeof o.error === "string" ? o.error : "";
  if (code === null && !description) return null;
  return { code, field, description };
}

/**
 * Parse TCR's error body. The documented shape is an array of items; a single object or a
 * `{errors:[…]}` wrapper are tolerated because proxies (the VoiceTel front) may reshape it.
 */
export function parseTcrErrorBody(body: unknown, fallbackText = ""): TcrErrorItem[] {
  let list: unknown[] = [];
  if (Array.isArray(body)) list = body;
  else if (body && typeof body === "object") {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.errors)) list = o.errors;
    else list = [body];
  }
  const items = list.map(toItem).filter((i): i is TcrErrorItem => i !== null);
  if (items.length === 0 && fallbackText.trim()) {
    items.push({ code: null, field: null, description: fallbackText.trim().slice(0, 500) });
  }
  return items;
}

/**
 * Map TCR error items to form field errors `{ [field]: message }`. Items without a field go under
 * `formKey` ("_form" by default). Several messages for one field are joined.
 * `fieldMap` renames TCR field names to form paths (e.g. `{ subscriberOptIn: "subscriberOptin" }`).
 */
export function tcrErrorToFieldErrors(
  error: TcrError | TcrErrorItem[],
  opts: { formKey?: string; fieldMap?: Record<string, string> } = {},
): Record<string, string> {
  const items = Array.isArray(error) ? error : error.items;
  const formKey = opts.formKey ?? "_form";
  const out: Record<string, string> = {};
  for (const item of items) {
    const key = item.field ? (opts.fieldMap?.[item.field] ?? item.field) : formKey;
    const msg = item.description || (item.code !== null ? `TCR error ${item.code}` : "Rejected by the registry");
    out[key] = out[key] ? `${out[key]} ${msg}` : msg;
  }
  return out;
}
