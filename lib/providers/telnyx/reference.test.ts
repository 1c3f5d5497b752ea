import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SCHEMA_REQUIRED, TELNYX_BRAND_FIELDS } from "@/sandbox/profiles/telnyx/fields";
import { TELNYX_WRITABLE_FIELDS } from "./mapping";
import * as T from "./schemas";

/**
 * Field names, required marks, length limits and enum values of every request schema, query and response
 * schema, read from the reference's text (fixtures/ copy) and compared with the adapter's zod schemas and the
 * sandbox profile's field table, so neither can drift from the source document.
 */
const text = readFileSync(join(import.meta.dirname, "fixtures", "telnyx-10dlc-brand-api.txt"), "utf8");
const lines = text.split("\n");

interface RefField { name: string; required: boolean; max?: number; enum?: string[] }
interface RefOperation { key: string; request: RefField[]; query: RefField[]; response: RefField[] }

const TYPE = /^(string|any|integer|number|boolean|Array of)\b/;

/** Fields listed from `start` until a line in `stop`. */
function fieldsFrom(start: number, stop: (l: string) => boolean): RefField[] {
  const out: RefField[] = [];
  for (let i = start; i < lines.length && !stop(lines[i]!); i++) {
    const l = lines[i]!;
    if (!/^[a-z][A-Za-z]+$/.test(l) || l === "required" || l === "any") continue;
    const required = lines[i + 1] === "required";
    const typeLine = lines[i + (required ? 2 : 1)] ?? "";
    if (!TYPE.test(typeLine)) continue;
    const f: RefField = { name: l, required };
    const max = /<= (\d+) characters/.exec(typeLine);
    if (max) f.max = Number(max[1]);
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      if (lines[j]!.startsWith("Enum: ")) f.enum = [...lines[j]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    }
    out.push(f);
  }
  return out;
}

function operations(): RefOperation[] {
  const ops: RefOperation[] = [];
  let sectionStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = /^(get|post|put|delete)(\/\S*)$/.exec(lines[i]!);
    if (!m) continue;
    const chunk = (pred: (l: string) => boolean) => {
      for (let j = sectionStart; j < i; j++) if (pred(lines[j]!)) return j;
      return -1;
    };
    const body = chunk((l) => l === "Request Body schema: application/json");
    const query = chunk((l) => l === "query Parameters");
    const response = chunk((l) => l === "Response Schema: application/json");
    const endOfResponse = (l: string) => /^(4\d\d|get|post|put|delete)(\/|$)/.test(l);
    ops.push({
      key: `${m[1]!.toUpperCase()} ${m[2]}`,
      request: body < 0 ? [] : fieldsFrom(body + 1, (l) => l === "Responses"),
      query: query < 0 ? [] : fieldsFrom(query + 1, (l) => l === "Responses"),
      response: response < 0 ? [] : fieldsFrom(response + 1, endOfResponse),
    });
    // The next operation's text starts after this one's samples.
    sectionStart = i + 1;
  }
  return ops;
}

const ops = operations();
const op = (key: string) => ops.find((o) => o.key === key)!;

type Shape = Record<string, z.ZodType>;
const shapeOf = (s: z.ZodType): Shape => {
  let cur: z.ZodType = s;
  while (!(cur instanceof z.ZodObject) && "in" in (cur as object)) cur = (cur as unknown as { in: z.ZodType }).in;
  return (cur as z.ZodObject).shape as Shape;
};
const inner = (s: z.ZodType): z.ZodType => (s instanceof z.ZodOptional || s instanceof z.ZodNullable ? inner(s.unwrap() as z.ZodType) : s);
const maxOf = (s: z.ZodType) => { const i = inner(s); return i instanceof z.ZodString ? (i.maxLength ?? undefined) : undefined; };
function enumOf(s: z.ZodType): string[] | undefined {
  const i = inner(s);
  if (i instanceof z.ZodEnum) return i.options as string[];
  if (i instanceof z.ZodUnion) for (const o of i.options as z.ZodType[]) { const e = enumOf(o); if (e) return e; }
  return undefined;
}

/**
 * The reference's fields vs a zod object: same names and enums; for requests also the required marks and
 * length limits (responses are deliberately lenient: a longer value from Telnyx must not fail a read).
 */
function compare(ref: RefField[], schema: z.ZodType, opts: { requestRequired?: boolean; extra?: string[] } = {}) {
  const shape = shapeOf(schema);
  expect(Object.keys(shape).filter((k) => !opts.extra?.includes(k)).sort()).toEqual(ref.map((f) => f.name).sort());
  for (const f of ref) {
    const s = shape[f.name]!;
    if (opts.requestRequired) expect(!s.isOptional(), `${f.name} required`).toBe(f.required);
    if (opts.requestRequired && f.max !== undefined) expect(maxOf(s), `${f.name} max`).toBe(f.max);
    if (f.enum) expect(enumOf(s), `${f.name} enum`).toEqual(f.enum);
  }
}

describe("schemas follow the reference field by field", () => {
  it("finds the 9 operations and their schemas", () => {
    expect(ops.map((o) => o.key)).toHaveLength(9);
    expect(op("POST /brand").request.map((f) => f.name)).toContain("universalEin");
    expect(op("POST /brand").request.filter((f) => f.enum).map((f) => f.name)).toEqual(["entityType", "stockExchange", "vertical", "altBusinessIdType"]);
    expect(op("POST /brand").request.filter((f) => f.required).map((f) => f.name)).toEqual(["entityType", "displayName", "country", "email", "vertical"]);
    expect(op("POST /brand").response.find((f) => f.name === "brandRelationship")?.enum).toHaveLength(5);
    expect(op("GET /brand").query.map((f) => f.name)).toEqual(["displayName", "entityType", "state", "country", "page", "recordsPerPage"]);
  });

  it("Create Brand request: the wire schema, and the adapter's writable set (less the registry-assigned three)", () => {
    const ref = op("POST /brand").request;
    compare(ref, T.TelnyxBrandCreateRequestWire, { requestRequired: true });
    compare(ref.filter((f) => !["cspId", "brandId", "universalEin"].includes(f.name)), T.TelnyxBrandCreateRequest, { requestRequired: true });
    expect([...TELNYX_WRITABLE_FIELDS].sort()).toEqual(ref.filter((f) => !["cspId", "brandId", "universalEin"].includes(f.name)).map((f) => f.name).sort());
  });

  it("Update Brand request", () => {
    compare(op("PUT /brand/{brandId}").request, T.TelnyxBrandUpdateRequest, { requestRequired: true });
  });

  it("Order External Vetting request", () => {
    compare(op("POST /brand/{brandId}/externalVetting").request, T.TelnyxExternalVettingOrderRequest, { requestRequired: true });
  });

  it("List Brands query", () => {
    compare(op("GET /brand").query, T.TelnyxBrandListQuery);
  });

  it.each(["POST /brand", "GET /brand/{brandId}", "PUT /brand/{brandId}/revet"])("%s response: the brand object (+ tcrBrandId)", (key) => {
    compare(op(key).response, T.TelnyxBrand, { extra: ["tcrBrandId"] });
  });

  it("Update Brand response is the brand object without brandId, cspId and universalEin", () => {
    const names = op("PUT /brand/{brandId}").response.map((f) => f.name);
    expect(names).not.toContain("brandId");
    compare(op("PUT /brand/{brandId}").response, T.TelnyxBrand, { extra: ["tcrBrandId", "brandId", "cspId", "universalEin"] });
  });

  it("vetting responses", () => {
    compare(op("GET /brand/{brandId}/externalVetting").response, T.TelnyxExternalVetting);
    compare(op("POST /brand/{brandId}/externalVetting").response, T.TelnyxExternalVetting);
  });

  it("the sandbox profile's field table has the same names, limits, enums and required marks", () => {
    const ref = op("PUT /brand/{brandId}").request;
    expect(Object.keys(TELNYX_BRAND_FIELDS).sort()).toEqual(ref.map((f) => f.name).sort());
    for (const f of ref) {
      const def = TELNYX_BRAND_FIELDS[f.name as keyof typeof TELNYX_BRAND_FIELDS] as { max?: number; enum?: readonly string[] };
      expect(def.max, `${f.name} max`).toBe(f.max);
      expect(def.enum ? [...def.enum] : undefined, `${f.name} enum`).toEqual(f.enum);
      expect(SCHEMA_REQUIRED.includes(f.name as never), `${f.name} required`).toBe(f.required);
    }
  });
});
