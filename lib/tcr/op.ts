/** Small helpers shared by the resource modules. */
import { createHash } from "node:crypto";
import type { OperationId } from "./endpoints";
import type { TcrHttp, TcrLogger } from "./http";
import type { IntentStore } from "./billable";
import type { UploadFile } from "./schemas/common";

export interface ResourceDeps {
  http: TcrHttp;
  intents: IntentStore;
  logger?: TcrLogger;
  reconcileDelayMs?: number;
  maxSends?: number;
  staleAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The billableCall dependencies derived from the resource deps. */
export function billableDeps(deps: ResourceDeps) {
  return {
    store: deps.intents,
    logger: deps.logger,
    reconcileDelayMs: deps.reconcileDelayMs,
    maxSends: deps.maxSends,
    staleAfterMs: deps.staleAfterMs,
    sleep: deps.sleep,
  };
}

/** A client function tagged with the operation it performs (used by coverage and paginate). */
export type TcrOperationFn<F> = F & { readonly operationId: OperationId };

export function bind<F extends (...args: never[]) => Promise<unknown>>(operationId: OperationId, fn: F): TcrOperationFn<F> {
  return Object.assign(fn, { operationId });
}

/** Options every billable function takes: the caller's idempotency key (e.g. a draft id). */
export interface BillableOptions {
  idempotencyKey: string;
}

/**
 * A referenceId derived from the idempotency key: the same key always yields the same referenceId,
 * so the registry's own referenceId uniqueness guards against a duplicate even across processes.
 */
export function deriveReferenceId(idempotencyKey: string, maxLength = 50): string {
  return `cd${createHash("sha256").update(idempotencyKey).digest("hex")}`.slice(0, Math.min(maxLength, 34));
}

export function toFormData(fields: Record<string, string | undefined>, file?: UploadFile): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  if (file) {
    const blob = file.data instanceof Blob ? file.data : new Blob([file.data as BlobPart], file.mimeType ? { type: file.mimeType } : {});
    form.append("file", blob, file.fileName);
  }
  return form;
}
