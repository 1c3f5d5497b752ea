/**
 * Billable creates (brand create, campaign create, external vetting order, campaign resubmit) go
 * through `billableCall` so that a charge is never incurred twice:
 *   1. an intent is recorded before sending (IntentStore);
 *   2. the request is sent once (the HTTP layer only retries 429 and errors proving it was not sent);
 *   3. after an ambiguous failure (timeout, connection reset, 5xx, unreadable 2xx) the registry is
 *      FIRST asked whether the object exists; only a definite "no" allows another send;
 *   4. a later call with the same key returns the stored result or reconciles first.
 */
import { ZodError } from "zod";
import type { OperationId } from "./endpoints";
import { TcrAmbiguousBillableError, TcrError, TcrNetworkError } from "./errors";
import type { TcrLogger } from "./http";

export type IntentStatus = "begun" | "sent" | "ambiguous" | "done" | "failed";

export interface BillableIntent {
  key: string;
  operationId: OperationId;
  /** The referenceId sent to TCR, when the operation has one (brand, campaign). */
  referenceId: string | null;
  status: IntentStatus;
  /** Data captured before sending, used to recognise our object later (e.g. existing vetting ids). */
  context: unknown;
  /** TCR id of the created object (brandId, campaignId, vettingId) once known. */
  objectId: string | null;
  /** The registry's answer, stored so a repeated call returns it without sending. */
  result: unknown;
  lastError: string | null;
  sendCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Persistence for billable intents. `begin` is the only ownership gate and must be atomic in a
 * persistent implementation (e.g. INSERT … ON CONFLICT DO NOTHING, then a conditional UPDATE … WHERE
 * status IN (…) RETURNING): two processes with the same key must never both get `owned: true`.
 */
export interface IntentStore {
  /**
   * Claim the right to send. Owned when the key is new, or its intent is `failed` or `ambiguous`, or
   * it is `begun`/`sent` but last updated before `staleBefore` (the sender died). On a claim the
   * status becomes `begun`; an existing `context` is kept (it was captured before the first send).
   * Not owned: the current record is returned untouched.
   */
  begin(input: { key: string; operationId: OperationId; referenceId?: string | null; context?: unknown; staleBefore: Date }): Promise<{ intent: BillableIntent; owned: boolean }>;
  /** Called right before the request leaves; increments sendCount. */
  markSent(key: string): Promise<void>;
  markDone(key: string, outcome: { objectId: string | null; result: unknown }): Promise<void>;
  markAmbiguous(key: string, error: string): Promise<void>;
  /** A definite rejection (validation error, 4xx, never sent): a new attempt may start fresh. */
  markFailed(key: string, error: string): Promise<void>;
  find(key: string): Promise<BillableIntent | null>;
}

export class InMemoryIntentStore implements IntentStore {
  private readonly intents = new Map<string, BillableIntent>();

  async begin(input: { key: string; operationId: OperationId; referenceId?: string | null; context?: unknown; staleBefore: Date }): Promise<{ intent: BillableIntent; owned: boolean }> {
    const existing = this.intents.get(input.key);
    const claimable =
      !existing ||
      existing.status === "failed" ||
      existing.status === "ambiguous" ||
      ((existing.status === "begun" || existing.status === "sent") && existing.updatedAt < input.staleBefore);
    if (!claimable) return { intent: { ...existing }, owned: false };
    const now = new Date();
    const intent: BillableIntent = {
      key: input.key,
      operationId: input.operationId,
      referenceId: input.referenceId ?? existing?.referenceId ?? null,
      status: "begun",
      context: existing?.context ?? input.context ?? null,
      objectId: null,
      result: null,
      lastError: existing?.lastError ?? null,
      sendCount: existing?.sendCount ?? 0,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    this.intents.set(input.key, intent);
    return { intent: { ...intent }, owned: true };
  }

  private update(key: string, patch: Partial<BillableIntent>): void {
    const cur = this.intents.get(key);
    if (!cur) throw new Error(`Unknown billable intent ${key}`);
    this.intents.set(key, { ...cur, ...patch, updatedAt: new Date() });
  }

  async markSent(key: string): Promise<void> {
    const cur = this.intents.get(key);
    this.update(key, { status: "sent", sendCount: (cur?.sendCount ?? 0) + 1 });
  }
  async markDone(key: string, outcome: { objectId: string | null; result: unknown }): Promise<void> {
    this.update(key, { status: "done", objectId: outcome.objectId, result: outcome.result, lastError: null });
  }
  async markAmbiguous(key: string, error: string): Promise<void> {
    this.update(key, { status: "ambiguous", lastError: error });
  }
  async markFailed(key: string, error: string): Promise<void> {
    this.update(key, { status: "failed", lastError: error });
  }
  async find(key: string): Promise<BillableIntent | null> {
    const cur = this.intents.get(key);
    return cur ? { ...cur } : null;
  }
}

export interface BillableSpec<T> {
  /** Caller-chosen idempotency key (e.g. the wizard draft id). */
  key: string;
  operationId: OperationId;
  referenceId?: string | null;
  /** Runs once before the first send; its result is stored as the intent's `context`. */
  prepare?: () => Promise<unknown>;
  send: () => Promise<T>;
  /** Ask the registry whether the object of this intent exists; null = it does not. */
  lookup: (intent: BillableIntent) => Promise<T | null>;
  objectId: (result: T) => string | null;
}

export interface BillableDeps {
  store: IntentStore;
  logger?: TcrLogger;
  /** Most sends per call (the first plus resends after a definite "not found"). Default 2. */
  maxSends?: number;
  reconcileDelayMs?: number;
  /**
   * A `begun`/`sent` intent untouched for this long belongs to a dead sender and may be reconciled
   * and taken over. Must exceed the request timeout × attempts. Default 5 minutes.
   */
  staleAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** True when the registry certainly did not create anything. */
export function isDefiniteFailure(e: unknown): boolean {
  if (e instanceof ZodError) return true;
  if (e instanceof TcrNetworkError) return e.notSent;
  if (e instanceof TcrError) return e.status >= 400 && e.status < 500 && e.status !== 408;
  return false; // timeouts, resets, 5xx, unreadable 2xx bodies: it may exist
}

/** For logs and the intent record: TCR descriptions may echo submitted PII, so only codes are kept. */
const describe = (e: unknown): string => {
  if (e instanceof TcrError) return `TcrError: HTTP ${e.status} codes=${e.items.map((i) => i.code ?? "?").join(",")} fields=${e.items.map((i) => i.field ?? "-").join(",")}`;
  if (e instanceof ZodError) return `ZodError: ${e.issues.map((i) => i.path.join(".")).join(",")}`.slice(0, 500);
  return e instanceof Error ? `${e.name}${"code" in e && e.code ? ` (${String(e.code)})` : ""}` : "unknown error";
};

export async function billableCall<T>(deps: BillableDeps, spec: BillableSpec<T>): Promise<T> {
  const { store } = deps;
  const log = deps.logger;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;
  const staleAfterMs = deps.staleAfterMs ?? 5 * 60_000;
  const maxSends = Math.max(1, deps.maxSends ?? 2);
  const logBase = { op: spec.operationId, intent: spec.key };
  const inFlight = () =>
    new TcrAmbiguousBillableError(spec.key, `${spec.operationId} for this key is being sent by another caller; retry later with the same key`);

  const reconcile = async (intent: BillableIntent, cause: unknown): Promise<T | null> => {
    if (deps.reconcileDelayMs) await sleep(deps.reconcileDelayMs);
    let found: T | null;
    try {
      found = await spec.lookup(intent);
    } catch (e) {
      log?.error({ ...logBase, error: describe(e) }, "billable reconcile lookup failed");
      throw new TcrAmbiguousBillableError(spec.key, `Could not confirm whether ${spec.operationId} was processed; retry later with the same key`, cause ?? e);
    }
    if (found !== null) {
      await store.markDone(spec.key, { objectId: spec.objectId(found), result: found });
      log?.info({ ...logBase, reconciled: true }, "billable call found existing object");
    }
    return found;
  };

  /** Atomically take the right to send; only one caller per key can hold it. */
  const claim = async (context: unknown) =>
    store.begin({ key: spec.key, operationId: spec.operationId, referenceId: spec.referenceId ?? null, context, staleBefore: new Date(now() - staleAfterMs) });

  const existing = await store.find(spec.key);
  if (existing?.status === "done") return existing.result as T;
  const stale = existing ? existing.updatedAt.getTime() < now() - staleAfterMs : false;
  if (existing && (existing.status === "begun" || existing.status === "sent") && !stale) throw inFlight();
  if (existing && (existing.status === "sent" || existing.status === "ambiguous")) {
    // An earlier attempt may have reached the registry (or its process died mid-flight): ask first.
    const found = await reconcile(existing, null);
    if (found !== null) return found;
  }

  const context = existing?.context ?? (spec.prepare ? await spec.prepare() : null);
  let { intent, owned } = await claim(context);

  for (let sends = 1; ; sends++) {
    if (!owned) {
      if (intent.status === "done") return intent.result as T;
      throw inFlight();
    }
    await store.markSent(spec.key);
    try {
      const result = await spec.send();
      await store.markDone(spec.key, { objectId: spec.objectId(result), result });
      log?.info({ ...logBase, sends }, "billable call done");
      return result;
    } catch (e) {
      if (isDefiniteFailure(e)) {
        // A resend rejected as a duplicate (e.g. referenceId in use) means an earlier send landed.
        if (sends > 1 || (existing?.sendCount ?? 0) > 0) {
          const found = await reconcile(intent, e);
          if (found !== null) return found;
        }
        await store.markFailed(spec.key, describe(e));
        throw e;
      }
      await store.markAmbiguous(spec.key, describe(e));
      log?.warn({ ...logBase, sends, error: e instanceof Error ? e.name : "unknown" }, "billable call ambiguous; checking the registry");
      const found = await reconcile(intent, e);
      if (found !== null) return found;
      if (sends >= maxSends) {
        throw new TcrAmbiguousBillableError(spec.key, `${spec.operationId} failed ambiguously ${sends} time(s) and the object was not found; retry later with the same key`, e);
      }
      // Re-claim before resending: a concurrent caller reconciling the same key must not also send.
      ({ intent, owned } = await claim(intent.context));
    }
  }
}
