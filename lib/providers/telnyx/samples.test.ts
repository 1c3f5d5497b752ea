import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Sandbox } from "@/sandbox/server";
import { KEY, startSandbox } from "@/sandbox/testing/helpers";
import { fromTelnyxBrand, fromTelnyxFeedback, fromTelnyxListRecord, fromTelnyxVetting } from "./mapping";
import { telnyxEndpoints } from "./http";
import * as T from "./schemas";

/**
 * The sample walk: every request and response sample of the Telnyx reference, extracted from the text itself
 * (fixtures/ holds a verbatim copy of /work/shared/reference/telnyx-10dlc-brand-api.txt), parses in the adapter's
 * schemas, and every request sample is accepted by the sandbox's /10dlc profile, whose answer parses too.
 */
const REFERENCE = "/work/shared/reference/telnyx-10dlc-brand-api.txt";
const COPY = join(import.meta.dirname, "fixtures", "telnyx-10dlc-brand-api.txt");
const text = readFileSync(COPY, "utf8");

interface Operation {
  method: string;
  path: string;
  line: number;
  /** JSON request body sample, when the reference prints one. */
  requestJson?: unknown;
  /** The Python request sample's method and URL, when it prints one. */
  python?: { method: string; url: string };
  response?: unknown;
}

/** Reads a JSON sample starting at `lines[i]`: Redoc's "•" bullets are dropped, the block ends at its column-0 closer. */
function readJsonBlock(lines: string[], i: number): { value: unknown; next: number } {
  const first = lines[i]!.trim();
  if (first === "null") return { value: null, next: i + 1 };
  const closer = first === "{" ? "}" : first === "[" ? "]" : null;
  if (!closer) throw new Error(`line ${i + 1}: not a JSON sample: ${first}`);
  const out: string[] = [];
  let j = i;
  for (; j < lines.length; j++) {
    out.push(lines[j]!.replace(/•/g, ""));
    if (j > i && lines[j] === closer) break;
  }
  return { value: JSON.parse(out.join("\n")), next: j + 1 };
}

function extract(source: string): Operation[] {
  const lines = source.split("\n");
  const ops: Operation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(get|post|put|delete)(\/\S*)$/.exec(lines[i]!);
    if (!m) continue;
    const op: Operation = { method: m[1]!.toUpperCase(), path: m[2]!, line: i + 1 };
    let j = i + 1;
    expect(lines[j], `line ${j + 1}`).toBe("Request samples");
    j++;
    if (lines[j] === "application/json") {
      const r = readJsonBlock(lines, j + 1);
      op.requestJson = r.value;
      j = r.next;
    } else {
      const start = j;
      while (j < lines.length && lines[j] !== "Response samples") j++;
      const code = lines.slice(start, j).join("\n");
      const url = /url = '([^']+)'/.exec(code)?.[1];
      const method = /requests\.request\('(\w+)'/.exec(code)?.[1];
      if (url && method) op.python = { method: method.toUpperCase(), url };
    }
    expect(lines[j], `line ${j + 1}`).toBe("Response samples");
    expect(lines[j + 1]).toBe("application/json");
    op.response = readJsonBlock(lines, j + 2).value;
    ops.push(op);
  }
  return ops;
}

const ops = extract(text);
const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
const find = (method: string, path: string) => ops.find((o) => o.method === method && o.path === path)!;

/** The adapter's response schema and TCR mapping per documented operation. */
const responses: Record<string, { schema: z.ZodType; toTcr: (v: never) => unknown }> = {
  "POST /brand": { schema: T.TelnyxBrand, toTcr: (v: T.TelnyxBrand) => fromTelnyxBrand(v) },
  "GET /brand": { schema: T.TelnyxBrandList, toTcr: (v: T.TelnyxBrandList) => v.records.map(fromTelnyxListRecord) },
  "GET /brand/{brandId}": { schema: T.TelnyxBrand, toTcr: (v: T.TelnyxBrand) => fromTelnyxBrand(v) },
  "PUT /brand/{brandId}": { schema: T.TelnyxBrand, toTcr: (v: T.TelnyxBrand) => fromTelnyxBrand(v, "from-the-path") },
  "DELETE /brand/{brandId}": { schema: T.TelnyxDeleteResponse, toTcr: (v: undefined) => v },
  "PUT /brand/{brandId}/revet": { schema: T.TelnyxBrand, toTcr: (v: T.TelnyxBrand) => fromTelnyxBrand(v) },
  "GET /brand/{brandId}/externalVetting": { schema: T.TelnyxExternalVettingList, toTcr: (v: T.TelnyxExternalVetting[]) => v.map(fromTelnyxVetting) },
  "POST /brand/{brandId}/externalVetting": { schema: T.TelnyxExternalVetting, toTcr: (v: T.TelnyxExternalVetting) => fromTelnyxVetting(v) },
  "GET /brand/feedback/{brandId}": { schema: T.TelnyxBrandFeedback, toTcr: (v: T.TelnyxBrandFeedback) => fromTelnyxFeedback(v) },
};
const requests: Record<string, z.ZodType> = {
  "POST /brand": T.TelnyxBrandCreateRequestWire,
  "PUT /brand/{brandId}": T.TelnyxBrandUpdateRequest,
  "POST /brand/{brandId}/externalVetting": T.TelnyxExternalVettingOrderRequest,
};

/**
 * The two ways the printed samples are not literal values: the page was scraped through Cloudflare's e-mail
 * protection, which replaced every address with "[email protected]" (with a no-break space), and Redoc prints the type name "string"
 * where a field has no example. Only these fields get a usable value; the sandbox must refuse the raw sample at
 * exactly them.
 */
const SCRAPED_EMAIL = "[email\u00a0protected]";
function usable(sample: Record<string, unknown>, fills: Record<string, string>): { body: Record<string, unknown>; changed: string[] } {
  const body = { ...sample };
  const changed: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (v === SCRAPED_EMAIL) {
      body[k] = "support@examplecompany.com";
      changed.push(k);
    } else if (v === "string" && fills[k]) {
      body[k] = fills[k];
      changed.push(k);
    }
  }
  return { body, changed };
}

describe("the reference's samples", () => {
  it("are a verbatim copy of the source document", () => {
    if (existsSync(REFERENCE)) expect(text).toBe(readFileSync(REFERENCE, "utf8"));
  });

  it("cover exactly the adapter's 9 operations, with the Python samples' methods and URLs", () => {
    const documented = ops.map(key).sort();
    const adapter = Object.values(telnyxEndpoints).map(key).sort();
    expect(documented).toEqual(adapter);
    expect(ops).toHaveLength(9);
    for (const o of ops.filter((x) => x.python)) {
      expect(o.python!.method, `line ${o.line}`).toBe(o.method);
      expect(o.python!.url, `line ${o.line}`).toBe(`https://api.telnyx.com/10dlc${o.path}`);
    }
    expect(ops.filter((o) => o.requestJson !== undefined).map(key).sort()).toEqual(Object.keys(requests).sort());
    // list, get, revet and the vetting list print Python; delete and feedback print no request sample.
    expect(ops.filter((o) => o.python).map(key).sort()).toEqual(["GET /brand", "GET /brand/{brandId}", "GET /brand/{brandId}/externalVetting", "PUT /brand/{brandId}/revet"]);
  });

  it.each(ops.map((o) => [key(o), o] as const))("response sample of %s parses in the adapter's schema and maps to TCR's", (k, o) => {
    const { schema, toTcr } = responses[k]!;
    const parsed = schema.safeParse(o.response);
    expect(parsed.success, `${k} (reference line ${o.line}): ${parsed.error?.message}`).toBe(true);
    expect(() => toTcr(parsed.data as never)).not.toThrow();
  });

  it.each(Object.keys(requests))("request sample of %s parses in the adapter's request schema", (k) => {
    const o = ops.find((x) => key(x) === k)!;
    const parsed = requests[k]!.safeParse(o.requestJson);
    expect(parsed.success, `${k} (reference line ${o.line}): ${parsed.error?.message}`).toBe(true);
  });

  it("keeps unknown response fields", () => {
    const b = T.TelnyxBrand.parse({ ...(find("GET", "/brand/{brandId}").response as object), newField: 1 });
    expect((b as Record<string, unknown>).newField).toBe(1);
  });
});

describe("the sandbox accepts every request sample and answers in the documented shapes", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  async function send(method: string, path: string, body?: unknown) {
    const res = await fetch(`${sb.telnyxUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEY}`, accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const t = await res.text();
    return { status: res.status, body: t ? (JSON.parse(t) as unknown) : undefined };
  }

  /** Sends a JSON request sample: raw (refused at the placeholder fields only), then usable (accepted). */
  async function sendSample(o: Operation, path: string, fills: Record<string, string> = {}) {
    const { body, changed } = usable(o.requestJson as Record<string, unknown>, fills);
    expect(changed.length).toBeGreaterThan(0);
    const raw = await send(o.method, path, o.requestJson);
    expect(raw.status).toBe(422);
    const refused = (raw.body as { detail: { loc: string[] }[] }).detail.map((d) => d.loc[1]!);
    for (const f of refused) expect(changed).toContain(f);
    const ok = await send(o.method, path, body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    return ok.body;
  }

  function parses(o: Operation, value: unknown) {
    const { schema, toTcr } = responses[key(o)]!;
    const parsed = schema.safeParse(value);
    expect(parsed.success, `${key(o)}: ${parsed.error?.message}`).toBe(true);
    expect(() => toTcr(parsed.data as never)).not.toThrow();
    return parsed.data;
  }

  it("walks the 9 operations in the reference's order, samples as printed", async () => {
    const create = find("POST", "/brand");
    const created = parses(create, await sendSample(create, "/brand")) as T.TelnyxBrand;
    const id = created.brandId!;
    // The sample's own brandId is registry-assigned, not taken from the body.
    expect(id).not.toBe((create.requestJson as { brandId: string }).brandId);
    const fill = (p: string) => p.replace("{brandId}", encodeURIComponent(id));

    for (const o of ops.filter((x) => x.python)) {
      const r = await send(o.python!.method, fill(o.path));
      expect(r.status, `${key(o)}: ${JSON.stringify(r.body)}`).toBe(200);
      parses(o, r.body);
    }

    const update = find("PUT", "/brand/{brandId}");
    const updated = parses(update, await sendSample(update, fill(update.path))) as T.TelnyxBrand;
    expect(updated).toMatchObject({ displayName: "Example Company Updated", city: "San Francisco" });

    const order = find("POST", "/brand/{brandId}/externalVetting");
    parses(order, await sendSample(order, fill(order.path), { evpId: "AEGIS", vettingClass: "STANDARD" }));

    const feedback = find("GET", "/brand/feedback/{brandId}");
    parses(feedback, (await send("GET", fill(feedback.path))).body);
    const del = find("DELETE", "/brand/{brandId}");
    const gone = await send("DELETE", fill(del.path));
    expect(gone).toEqual({ status: 200, body: null });
    parses(del, gone.body);
  });
});
