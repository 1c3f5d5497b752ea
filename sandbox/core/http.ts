import type { RequestContext, Reply } from "./router";
import { FieldErrors, invalid, TcrError, tcrError } from "./errors";

/** Helpers shared by route modules: replies, JSON/form/multipart bodies, query parsing. */

export const json = (value: unknown, status = 200): Reply => ({ status, json: value });
export const noContent = (): Reply => ({ status: 204, empty: true });

export function readJson(ctx: RequestContext, required = true): Record<string, unknown> {
  if (ctx.body.length === 0) {
    if (required) throw invalid("body", "Request body is required");
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body.toString("utf8"));
  } catch {
    throw invalid("body", "Malformed JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalid("body", "JSON object expected");
  }
  return parsed as Record<string, unknown>;
}

export function readForm(ctx: RequestContext): URLSearchParams {
  return new URLSearchParams(ctx.body.toString("utf8"));
}

export interface MultipartPart {
  name: string;
  fileName: string | null;
  contentType: string | null;
  data: Buffer;
}

/** Minimal multipart/form-data parser (node built-ins only). */
export function readMultipart(ctx: RequestContext): MultipartPart[] {
  const ct = ctx.req.headers["content-type"] ?? "";
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ct);
  if (!ct.toLowerCase().startsWith("multipart/form-data") || !m) {
    throw invalid("body", "multipart/form-data expected");
  }
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const body = ctx.body;
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(boundary);
  while (pos !== -1) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const headerEnd = body.indexOf("\r\n\r\n", start);
    if (headerEnd === -1) break;
    const headers = body.subarray(start + 2, headerEnd).toString("utf8");
    const next = body.indexOf(boundary, headerEnd + 4);
    if (next === -1) break;
    const data = body.subarray(headerEnd + 4, next - 2); // strip the CRLF before the boundary
    const disp = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disp)?.[1] ?? null;
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null;
    if (name !== undefined) parts.push({ name, fileName, contentType: type, data: Buffer.from(data) });
    pos = next;
  }
  return parts;
}

/** `tag=a&tag=b` and `tag=a,b` both give [a, b]. */
export function queryArray(q: URLSearchParams, name: string): string[] {
  return q
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function queryBool(q: URLSearchParams, name: string): boolean | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  if (v === "true") return true;
  if (v === "false") return false;
  throw invalid(name, `${name} must be true or false`);
}

export function queryInt(q: URLSearchParams, name: string, def: number, min: number, max: number): number {
  const v = q.get(name);
  if (v === null || v === "") return def;
  if (!/^-?\d+$/.test(v)) throw invalid(name, `${name} must be an integer`);
  const n = Number(v);
  if (n < min || n > max) throw invalid(name, `${name} must be between ${min} and ${max}`);
  return n;
}

/** The registry's page wrapper. */
export function paginate<T>(q: URLSearchParams, items: T[], maxPerPage = 500): { page: number; records: T[]; totalRecords: number } {
  const page = queryInt(q, "page", 1, 1, Number.MAX_SAFE_INTEGER);
  const per = queryInt(q, "recordsPerPage", 10, 1, maxPerPage);
  return { page, records: items.slice((page - 1) * per, page * per), totalRecords: items.length };
}

/** Field readers for JSON bodies: they record problems in `errs` rather than throwing. */
export class BodyReader {
  constructor(
    readonly body: Record<string, unknown>,
    readonly errs: FieldErrors,
  ) {}
  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null;
  }
  str(name: string, opts: { max?: number; min?: number; required?: boolean } = {}): string | null {
    const v = this.body[name];
    if (v === undefined || v === null || v === "") {
      if (opts.required) this.errs.add(name, `${name} is required`);
      return null;
    }
    if (typeof v !== "string") {
      this.errs.add(name, `${name} must be a string`);
      return null;
    }
    const s = v.trim();
    if (opts.max !== undefined && s.length > opts.max) this.errs.add(name, `${name} must be at most ${opts.max} characters`);
    if (opts.min !== undefined && s.length < opts.min) this.errs.add(name, `${name} must be at least ${opts.min} characters`);
    return s;
  }
  bool(name: string): boolean | null {
    const v = this.body[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== "boolean") {
      this.errs.add(name, `${name} must be a boolean`);
      return null;
    }
    return v;
  }
  strArray(name: string, opts: { required?: boolean } = {}): string[] | null {
    const v = this.body[name];
    if (v === undefined || v === null) {
      if (opts.required) this.errs.add(name, `${name} is required`);
      return null;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
      this.errs.add(name, `${name} must be an array of strings`);
      return null;
    }
    return v as string[];
  }
}

export function toErrorReply(err: unknown): Reply {
  if (err instanceof TcrError) return { status: err.httpStatus, json: err.items };
  console.error("[sandbox] unexpected error", err);
  const e = tcrError(590);
  return { status: e.httpStatus, json: e.items };
}
