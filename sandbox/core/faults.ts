import { localRng, type Rng } from "./rng";
import { pathMatches } from "./router";

/**
 * Injectable faults for the TCR API (never for the control API). A rule matches by method and path
 * pattern (`/brand/:brandId`, `/brand/*`, `*`; paths are without the /v2 prefix) and fires with a
 * probability rolled on a seeded generator, optionally only `times` times.
 *  - latency: wait latencyMs, then answer normally
 *  - status:  answer with `status` (429 or 5xx) and a registry error body
 *  - hang:    never answer (the client's timeout is what is being tested)
 *  - drop:    destroy the socket without an answer (the request was never processed)
 *  - lost:    process the request in full, then destroy the socket instead of answering: the registry did the
 *             work (a brand was created, a fee charged) but the caller never hears of it — the case that tests
 *             whether a client's retry can charge twice
 */
export type FaultKind = "latency" | "status" | "hang" | "drop" | "lost";

export interface FaultRule {
  id: string;
  kind: FaultKind;
  method: string | null;
  path: string;
  probability: number;
  latencyMs: number;
  status: number;
  /** Remaining firings; null = unlimited. */
  times: number | null;
  fired: number;
}

export type FaultInput = Partial<Omit<FaultRule, "id" | "fired">> & { kind: FaultKind };

export class Faults {
  private rules: FaultRule[] = [];
  private rng: Rng;
  private seq = 0;

  constructor(seed: string) {
    this.rng = localRng(`${seed}:faults`);
  }

  reseed(seed: string): void {
    this.rng = localRng(`${seed}:faults`);
  }

  add(input: FaultInput): FaultRule {
    const kinds: FaultKind[] = ["latency", "status", "hang", "drop", "lost"];
    if (!kinds.includes(input.kind)) throw new Error(`kind must be one of ${kinds.join(", ")}`);
    const status = input.status ?? (input.kind === "status" ? 503 : 0);
    if (input.kind === "status" && !(status === 429 || (status >= 500 && status <= 599))) {
      throw new Error("status must be 429 or 5xx");
    }
    const probability = input.probability ?? 1;
    if (!(probability >= 0 && probability <= 1)) throw new Error("probability must be within 0..1");
    const rule: FaultRule = {
      id: `F${++this.seq}`,
      kind: input.kind,
      method: input.method ? input.method.toUpperCase() : null,
      path: input.path ?? "*",
      probability,
      latencyMs: input.latencyMs ?? (input.kind === "latency" ? 1000 : 0),
      status,
      times: input.times ?? null,
      fired: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  remove(id: string): boolean {
    const n = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== n;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The first matching rule that fires for this request, if any. */
  pick(method: string, path: string): FaultRule | null {
    for (const r of this.rules) {
      if (r.times !== null && r.times <= 0) continue;
      if (r.method && r.method !== method.toUpperCase()) continue;
      if (!pathMatches(r.path, path)) continue;
      if (r.probability < 1 && this.rng.next() >= r.probability) continue;
      r.fired++;
      if (r.times !== null) r.times--;
      return { ...r };
    }
    return null;
  }
}

/**
 * Registry rate limits (anchors-mission §5.2): GET 20 per second, writes 20 per 10 seconds, per
 * API key, on the wall clock (request rate is about real time, not simulated time).
 */
export interface RateLimits {
  get: { limit: number; windowMs: number };
  write: { limit: number; windowMs: number };
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  get: { limit: 20, windowMs: 1000 },
  write: { limit: 20, windowMs: 10_000 },
};

export class RateLimiter {
  private hits = new Map<string, number[]>();
  constructor(public limits: RateLimits | null) {}

  /** true when the call is allowed (and counted). */
  take(key: string, method: string): boolean {
    if (!this.limits) return true;
    const kind = method === "GET" ? "get" : "write";
    const { limit, windowMs } = this.limits[kind];
    const k = `${key}:${kind}`;
    const now = Date.now();
    const arr = (this.hits.get(k) ?? []).filter((t) => t > now - windowMs);
    if (arr.length >= limit) {
      this.hits.set(k, arr);
      return false;
    }
    arr.push(now);
    this.hits.set(k, arr);
    return true;
  }

  reset(): void {
    this.hits.clear();
  }
}
