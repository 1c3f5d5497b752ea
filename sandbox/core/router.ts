import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A tiny router: method + path pattern (`/brand/:brandId/appeal`). Segments are split on the raw
 * path and decoded afterwards, so a URL-encoded slash inside an id stays inside its parameter.
 * When several patterns match, the one with literal segments earliest wins
 * (`/brand/feedback/:brandId` beats `/brand/:brandId/...`).
 */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Raw body bytes (already read). */
  body: Buffer;
  /** Credential that authenticated the call (the API key). */
  apiKey: string | null;
}

export type Reply =
  | { status: number; json: unknown }
  | { status: number; empty: true }
  | { status: number; bytes: Buffer; contentType: string; headers?: Record<string, string> }
  | { status: number; text: string };

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

export interface Match {
  route: { method: string; pattern: string };
  handler: Handler;
  params: Record<string, string>;
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

export class Router {
  private routes: Route[] = [];

  constructor(readonly prefix: string = "") {}

  add(method: string, pattern: string, handler: Handler): void {
    const m = method.toUpperCase();
    if (this.routes.some((r) => r.method === m && r.pattern === pattern)) {
      throw new Error(`route registered twice: ${m} ${pattern}`);
    }
    this.routes.push({ method: m, pattern, segments: split(pattern), handler });
  }

  get(p: string, h: Handler): void {
    this.add("GET", p, h);
  }
  put(p: string, h: Handler): void {
    this.add("PUT", p, h);
  }
  post(p: string, h: Handler): void {
    this.add("POST", p, h);
  }
  delete(p: string, h: Handler): void {
    this.add("DELETE", p, h);
  }

  list(): { method: string; pattern: string }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: r.pattern }));
  }

  /** Returns the match, "method" when only the method is wrong, or null. */
  match(method: string, path: string): Match | "method" | null {
    const segs = split(path);
    let best: { route: Route; params: Record<string, string>; score: number[] } | null = null;
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.segments.length !== segs.length) continue;
      const params: Record<string, string> = {};
      const score: number[] = [];
      let ok = true;
      for (let i = 0; i < segs.length; i++) {
        const pat = route.segments[i]!;
        const seg = segs[i]!;
        if (pat.startsWith(":")) {
          let v: string;
          try {
            v = decodeURIComponent(seg);
          } catch {
            ok = false;
            break;
          }
          params[pat.slice(1)] = v;
          score.push(0);
        } else if (pat === seg) {
          score.push(1);
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      if (!best || compare(score, best.score) > 0) best = { route, params, score };
    }
    if (best) return { route: { method: best.route.method, pattern: best.route.pattern }, handler: best.route.handler, params: best.params };
    return pathMatched ? "method" : null;
  }
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Does a concrete path match a pattern (`:param` segments, or a trailing `*` for any rest)? */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === "*") return true;
  const p = split(pattern);
  const s = split(path);
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg === "*") return true;
    if (i >= s.length) return false;
    if (!seg.startsWith(":") && seg !== s[i]) return false;
  }
  return p.length === s.length;
}
