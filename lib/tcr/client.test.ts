import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { createTcrClient, type TcrClientConfig } from "./index";
import type { TcrClient } from "./client";
import { TcrError, TcrNetworkError, TcrResponseError, TcrTimeoutError, parseTcrErrorBody, tcrErrorToFieldErrors } from "./errors";
import { InMemoryIntentStore, billableCall } from "./billable";
import { encodeQuery, parseRetryAfter } from "./http";
import { paginate } from "./paginate";
import type { Reseller } from "./schemas/reseller";
import { startFakeServer, type FakeServer } from "./testServer";
import pino from "pino";
import { Writable } from "node:stream";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const noSleep = async () => undefined;
function client(extra: Partial<TcrClientConfig> = {}) {
  return createTcrClient({ baseUrl: server.baseUrl, auth: { mode: "bearer", apiKey: "test-key" }, sleep: noSleep, timeoutMs: 2_000, ...extra });
}
const brand = (over: Record<string, unknown> = {}) => ({ brandId: "B123ABC", entityType: "PRIVATE_PROFIT", status: "ACTIVE", ...over });

const privateBrand = {
  entityType: "PRIVATE_PROFIT" as const,
  displayName: "ABC Mobile",
  companyName: "ABC Inc.",
  ein: "111111111",
  phone: "+12024567890",
  street: "123 6th Ave",
  city: "New York",
  state: "NY",
  postalCode: "10001",
  country: "US",
  email: "johndoe@abc.com",
  brandRelationship: "BASIC_ACCOUNT" as const,
  vertical: "RETAIL",
};

describe("auth and request shape", () => {
  it("sends a Bearer header, the /v2 path template filled and encoded, and JSON bodies", async () => {
    server.setHandler(() => ({ status: 200, body: { name: "a", recordType: "BRAND", recordId: "B1" } }));
    await client().tags.assign({ name: "vip", recordType: "BRAND", recordId: "B1" });
    const req = server.requests[0]!;
    expect(req.headers.authorization).toBe("Bearer test-key");
    expect(req.method).toBe("PUT");
    expect(req.url.pathname).toBe("/v2/tag");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body.toString())).toEqual({ name: "vip", recordType: "BRAND", recordId: "B1" });
  });

  it("sends HTTP Basic (key:secret) in basic mode", async () => {
    server.setHandler(() => ({ status: 200, body: brand() }));
    await client({ auth: { mode: "basic", apiKey: "KEY", apiSecret: "SECRET" } }).brands.get("B123ABC");
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from("KEY:SECRET").toString("base64")}`);
  });

  it("encodes array query params as repeated keys and URL-encodes path segments", async () => {
    server.setHandler(() => ({ status: 204 }));
    await client().tags.delete("a b/c", "BRAND", "B1");
    expect(server.requests[0]!.url.pathname).toBe("/v2/tag/name/a%20b%2Fc/recordType/BRAND/recordId/B1");
    server.setHandler(() => ({ status: 200, body: [] }));
    await client().brands.listExternalVetting("B1", { evpId: "AEGIS" });
    expect(server.requests[1]!.url.searchParams.getAll("vettingStatus")).toEqual(["PENDING", "UNSCORE", "ACTIVE", "FAILED", "EXPIRED"]);
  });

  it("uploads multipart files and form-encodes the mock CV token request", async () => {
    server.setHandler(() => ({ status: 200, body: { uuid: "u1", fileName: "a.png", mimeType: "image/png" } }));
    const up = await client().campaigns.uploadMmsMedia("C1", { data: new Uint8Array([1, 2, 3]), fileName: "a.png", mimeType: "image/png" });
    expect(up.uuid).toBe("u1");
    expect(server.requests[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.requests[0]!.body.toString("latin1")).toContain('filename="a.png"');
    server.setHandler(() => ({ status: 200, raw: "cv|1.0|token\n", headers: { "content-type": "text/plain" } }));
    const token = await client().mockCvToken.generate("B1", { locale: "federal", validUntil: "2030-01-31" });
    expect(token).toBe("cv|1.0|token");
    expect(server.requests[1]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.requests[1]!.body.toString()).toBe("locale=federal&validUntil=2030-01-31");
  });
});

describe("errors", () => {
  it("maps TCR's error array to TcrError items and form field errors", async () => {
    server.setHandler(() => ({
      status: 400,
      body: [
        { code: 501, field: "ein", description: "Invalid EIN" },
        { code: 503, field: "referenceId", description: "referenceId already in use" },
        { code: 590, description: "Internal" },
      ],
    }));
    const err = await client().brands.update("B1", { ...privateBrand }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TcrError);
    const e = err as TcrError;
    expect(e.status).toBe(400);
    expect(e.items).toEqual([
      { code: 501, field: "ein", description: "Invalid EIN" },
      { code: 503, field: "referenceId", description: "referenceId already in use" },
      { code: 590, field: null, description: "Internal" },
    ]);
    expect(e.hasCode(503)).toBe(true);
    expect(tcrErrorToFieldErrors(e)).toEqual({ ein: "Invalid EIN", referenceId: "referenceId already in use", _form: "Internal" });
    expect(server.requests).toHaveLength(1); // a 4xx is never retried
  });

  it("raises TcrResponseError when a 2xx body does not match the schema", async () => {
    server.setHandler(() => ({ status: 200, body: { notABrand: true } }));
    await expect(client().brands.get("B1")).rejects.toBeInstanceOf(TcrResponseError);
  });

  it("raises TcrTimeoutError when the registry does not answer in time (reads retried, bounded)", async () => {
    server.setHandler(() => ({ hang: true }));
    const err = await client({ timeoutMs: 80, retry: { readAttempts: 2 } }).brands.get("B1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TcrTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a write that timed out (it may have been processed)", async () => {
    server.setHandler(() => ({ hang: true }));
    await expect(client({ timeoutMs: 80 }).resellers.create({ companyName: "Acme", phone: "+15555555555", email: "a@acme.com" })).rejects.toBeInstanceOf(TcrTimeoutError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("retries", () => {
  it("retries reads on 5xx and 429, honouring Retry-After", async () => {
    const sleeps: number[] = [];
    let n = 0;
    server.setHandler(() => {
      n++;
      if (n === 1) return { status: 503, body: [{ code: 590, description: "busy" }] };
      if (n === 2) return { status: 429, body: [], headers: { "retry-after": "2" } };
      return { status: 200, body: brand() };
    });
    const b = await client({ sleep: async (ms) => void sleeps.push(ms) }).brands.get("B123ABC");
    expect(b.brandId).toBe("B123ABC");
    expect(server.requests).toHaveLength(3);
    expect(sleeps[1]).toBe(2000); // Retry-After: 2
  });

  it("gives up on reads after the configured attempts", async () => {
    server.setHandler(() => ({ status: 500, body: [{ code: 590, description: "down" }] }));
    await expect(client({ retry: { readAttempts: 3 } }).brands.get("B1")).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a non-idempotent write on 5xx, but does on 429", async () => {
    server.setHandler(() => ({ status: 502, body: [{ code: 590, description: "gateway" }] }));
    const input = { companyName: "Acme", phone: "+15555555555", email: "a@acme.com" };
    await expect(client().resellers.create(input)).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    let n = 0;
    server.setHandler(() => (++n === 1 ? { status: 429, body: [] } : { status: 200, body: { resellerId: "R123ABC", ...input } }));
    const r = await client().resellers.create(input);
    expect(r.resellerId).toBe("R123ABC");
    expect(server.requests).toHaveLength(2);
  });

  it("retries a write when the connection was refused (never sent), and not when reset after sending", async () => {
    let calls = 0;
    const refused: typeof fetch = async () => {
      calls++;
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    };
    const err = await client({ fetch: refused }).resellers.delete("R1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TcrNetworkError);
    expect((err as TcrNetworkError).notSent).toBe(true);
    expect(calls).toBe(3);

    server.setHandler(() => ({ destroy: true }));
    const reset = await client().resellers.delete("R1").catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(TcrNetworkError);
    expect((reset as TcrNetworkError).notSent).toBe(false);
    expect(server.requests).toHaveLength(1);
  });
});

describe("billableCall (brand create)", () => {
  function registry() {
    const brands: Record<string, unknown>[] = [];
    let createMode: "hang-after-create" | "reset-before-create" | "ok" = "ok";
    const handler = (req: { method: string; url: URL; body: Buffer }) => {
      if (req.method === "POST" && req.url.pathname === "/v2/brand/nonBlocking") {
        const input = JSON.parse(req.body.toString()) as Record<string, unknown>;
        if (createMode === "reset-before-create") {
          createMode = "ok";
          return { destroy: true as const };
        }
        const created = { ...input, brandId: `B00000${brands.length + 1}`, status: "ACTIVE" };
        brands.push(created);
        if (createMode === "hang-after-create") {
          createMode = "ok";
          return { hang: true as const };
        }
        return { status: 200, body: created };
      }
      if (req.method === "GET" && req.url.pathname === "/v2/brand") {
        const ref = req.url.searchParams.get("referenceId");
        const records = brands.filter((b) => !ref || String(b.referenceId).toLowerCase() === ref.toLowerCase());
        return { status: 200, body: { page: 1, totalRecords: records.length, records } };
      }
      return { status: 404, body: [{ code: 502, description: "not found" }] };
    };
    return { brands, handler, setMode: (m: typeof createMode) => (createMode = m) };
  }

  it("after a timeout it asks the registry first, finds the brand, and does not create twice", async () => {
    const reg = registry();
    server.setHandler(reg.handler);
    reg.setMode("hang-after-create");
    const store = new InMemoryIntentStore();
    const tcr = client({ timeoutMs: 150, intentStore: store, reconcileDelayMs: 0 });
    const result = await tcr.brands.create({ ...privateBrand, referenceId: "draft-1" }, { idempotencyKey: "draft-1" });
    expect(result.brandId).toBe("B000001");
    expect(reg.brands).toHaveLength(1);
    const posts = server.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    const lookup = server.requests.find((r) => r.method === "GET")!;
    expect(lookup.url.searchParams.get("referenceId")).toBe("draft-1");
    expect((await store.find("draft-1"))?.status).toBe("done");

    // Calling again with the same key returns the stored result without any request.
    const before = server.requests.length;
    const again = await tcr.brands.create({ ...privateBrand, referenceId: "draft-1" }, { idempotencyKey: "draft-1" });
    expect(again.brandId).toBe("B000001");
    expect(server.requests.length).toBe(before);
  });

  it("after a reset where nothing was created, it checks, then sends exactly once more", async () => {
    const reg = registry();
    server.setHandler(reg.handler);
    reg.setMode("reset-before-create");
    const tcr = client({ intentStore: new InMemoryIntentStore(), reconcileDelayMs: 0 });
    const result = await tcr.brands.create(privateBrand, { idempotencyKey: "draft-2" });
    expect(reg.brands).toHaveLength(1);
    expect(result.referenceId).toMatch(/^cd[0-9a-f]+$/); // derived from the idempotency key
    const methods = server.requests.map((r) => r.method);
    expect(methods).toEqual(["POST", "GET", "POST"]);
  });

  it("when the registry cannot confirm, it refuses to resend and reconciles on the next call", async () => {
    const reg = registry();
    const store = new InMemoryIntentStore();
    reg.setMode("hang-after-create");
    let lookupsDown = true;
    server.setHandler((req) => (req.method === "GET" && lookupsDown ? { status: 500, body: [{ code: 590, description: "down" }] } : reg.handler(req)));
    const tcr = client({ timeoutMs: 150, intentStore: store, reconcileDelayMs: 0, retry: { readAttempts: 1 } });
    await expect(tcr.brands.create(privateBrand, { idempotencyKey: "draft-3" })).rejects.toMatchObject({ name: "TcrAmbiguousBillableError" });
    expect((await store.find("draft-3"))?.status).toBe("ambiguous");

    lookupsDown = false;
    const b = await tcr.brands.create(privateBrand, { idempotencyKey: "draft-3" });
    expect(b.brandId).toBe("B000001");
    expect(reg.brands).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("a definite rejection (4xx) is not resent and marks the intent failed", async () => {
    server.setHandler(() => ({ status: 400, body: [{ code: 501, field: "ein", description: "bad" }] }));
    const store = new InMemoryIntentStore();
    await expect(client({ intentStore: store }).brands.create(privateBrand, { idempotencyKey: "draft-4" })).rejects.toBeInstanceOf(TcrError);
    expect(server.requests).toHaveLength(1);
    expect((await store.find("draft-4"))?.status).toBe("failed");
  });

  it("rejects an invalid body locally without calling the registry", async () => {
    server.setHandler(() => ({ status: 200, body: brand() }));
    const bad = { ...privateBrand, firstName: "John" } as unknown as typeof privateBrand;
    await expect(client().brands.create(bad, { idempotencyKey: "draft-5" })).rejects.toThrow();
    expect(server.requests).toHaveLength(0);
  });
});

describe("pagination", () => {
  it("walks every page at 500 per page", async () => {
    const total = 1234;
    server.setHandler((req) => {
      const page = Number(req.url.searchParams.get("page"));
      const per = Number(req.url.searchParams.get("recordsPerPage"));
      const start = (page - 1) * per;
      const records = Array.from({ length: Math.max(0, Math.min(per, total - start)) }, (_, i) => ({ resellerId: `R${start + i}` }));
      return { status: 200, body: { page, totalRecords: total, records } };
    });
    const tcr = client();
    const pages = [];
    for await (const p of paginate(tcr.resellers.search, { companyName: "acme" })) pages.push(p);
    expect(pages.map((p) => [p.page, p.records.length, p.totalRecords])).toEqual([[1, 500, total], [2, 500, total], [3, 234, total]]);
    expect(server.requests.map((r) => r.url.searchParams.get("recordsPerPage"))).toEqual(["500", "500", "500"]);
    expect(server.requests[0]!.url.searchParams.get("companyName")).toBe("acme");
  });

  it("uses 50 per page on the newer search endpoints", async () => {
    server.setHandler(() => ({ status: 200, body: { page: 0, totalRecords: 0, records: [] } }));
    const pages = [];
    for await (const p of paginate(client().campaigns.search, {})) pages.push(p);
    expect(pages).toHaveLength(1);
    expect(server.requests[0]!.url.searchParams.get("recordsPerPage")).toBe("50");
  });
});

describe("logging", () => {
  it("logs method, path template, status and duration, never the key or personal data", async () => {
    const lines: unknown[] = [];
    const logger = { info: (o: object) => void lines.push(o), warn: (o: object) => void lines.push(o), error: (o: object) => void lines.push(o) };
    server.setHandler((req) =>
      req.url.pathname === "/v2/brand" ? { status: 200, body: { page: 1, totalRecords: 0, records: [] } } : { status: 400, body: [{ code: 501, field: "email", description: "johndoe@abc.com is invalid" }] });
    const tcr = client({ logger, auth: { mode: "basic", apiKey: "KEY-123", apiSecret: "SECRET-456" } });
    await tcr.brands.search({ ein: "987654321", displayName: "Jane Doe" });
    await tcr.brands.update("B1", privateBrand).catch(() => undefined);
    const text = JSON.stringify(lines);
    expect(lines[0]).toMatchObject({ method: "GET", path: "/brand", status: 200, op: "brand.search" });
    expect(typeof (lines[0] as { durationMs: unknown }).durationMs).toBe("number");
    expect(text).toContain('"path":"/brand/{brandId}"');
    for (const secret of ["KEY-123", "SECRET-456", "Basic", "987654321", "Jane", "johndoe", "111111111", "+1202"]) expect(text).not.toContain(secret);
  });
});

describe("logging through pino", () => {
  it("works as a pino logger and keeps secrets out of the output", async () => {
    let out = "";
    const stream = new Writable({ write(chunk, _enc, cb) { out += String(chunk); cb(); } });
    server.setHandler(() => ({ status: 404, body: [{ code: 502, field: "brandId", description: "Brand B1 of jane@x.com not found" }] }));
    await client({ logger: pino({ level: "info" }, stream), auth: { mode: "bearer", apiKey: "SEKRIT" } }).brands.get("B1").catch(() => undefined);
    const lines = out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(["tcr request failed", "tcr request gave up"]);
    expect(lines[0]).toMatchObject({ op: "brand.get", path: "/brand/{brandId}", status: 404, codes: [502], fields: ["brandId"] });
    expect(out).not.toContain("SEKRIT");
    expect(out).not.toContain("jane@x.com");
  });
});

describe("billable creates (campaign, vetting, resubmit, billableCall)", () => {
  // Short timeout and no reconcile delay: these cases provoke ambiguous failures on purpose.
  const client = (extra: Partial<TcrClientConfig> = {}) =>
    createTcrClient({ baseUrl: server.baseUrl, auth: { mode: "bearer", apiKey: "k" }, sleep: async () => undefined, timeoutMs: 150, reconcileDelayMs: 0, intentStore: new InMemoryIntentStore(), ...extra });

  const campaignInput = {
    brandId: "B123ABC",
    usecase: "2FA",
    resellerId: "R000000",
    description: "This campaign serves as a 2FA messenger so customers can protect their accounts.",
    messageFlow: "Users opt in via a web form at https://www.mysite.com during registration with an unchecked box.",
    sample1: "Your 2FA code is 123456. Reply STOP to opt out.",
  };

  describe("campaignBuilder.create", () => {
    it("looks the campaign up by referenceId (real then mock search) after a timeout instead of resending", async () => {
      const campaigns: Record<string, unknown>[] = [];
      server.setHandler((req) => {
        const p = req.url.pathname;
        if (req.method === "POST" && p === "/v2/campaignBuilder") {
          const body = JSON.parse(req.body.toString()) as Record<string, unknown>;
          campaigns.push({ ...body, campaignId: "C000001", mock: true });
          return { hang: true };
        }
        if (p === "/v2/campaign/search") return { status: 200, body: { page: 1, totalRecords: 0, records: [] } };
        if (p === "/v2/campaign/mock") {
          const ref = req.url.searchParams.get("referenceId");
          return { status: 200, body: { page: 1, totalRecords: 1, records: campaigns.filter((c) => c.referenceId === ref) } };
        }
        if (p === "/v2/campaign/C000001/mnoMetadata") return { status: 200, body: { "10017": { mno: "AT&T", qualify: true } } };
        return { status: 404, body: [{ code: 502, description: "not found" }] };
      });
      const r = await client().campaignBuilder.create(campaignInput, { idempotencyKey: "camp-1" });
      expect(r.campaignId).toBe("C000001");
      expect(r.mnoMetadata?.["10017"]?.mno).toBe("AT&T");
      expect(campaigns).toHaveLength(1);
      expect(server.requests.map((q) => `${q.method} ${q.url.pathname}`)).toEqual([
        "POST /v2/campaignBuilder",
        "GET /v2/campaign/search",
        "GET /v2/campaign/mock",
        "GET /v2/campaign/C000001/mnoMetadata",
      ]);
      expect(server.requests[1]!.url.searchParams.get("brandId")).toBe("B123ABC");
    });
  });

  describe("brands.orderExternalVetting", () => {
    it("snapshots existing vets, and after a 5xx recognises the new one instead of ordering again", async () => {
      const vets = [{ evpId: "AEGIS", vettingId: "OLD-1", vettingClass: "STANDARD", vettingStatus: "ACTIVE" }];
      server.setHandler((req) => {
        if (req.method === "GET") return { status: 200, body: vets };
        vets.push({ evpId: "AEGIS", vettingId: "NEW-2", vettingClass: "STANDARD", vettingStatus: "PENDING" });
        return { status: 502, body: [{ code: 590, description: "gateway" }] };
      });
      const v = await client().brands.orderExternalVetting("B1", { evpId: "AEGIS", vettingClass: "STANDARD" }, { idempotencyKey: "vet-1" });
      expect(v.vettingId).toBe("NEW-2");
      expect(server.requests.filter((q) => q.method === "POST")).toHaveLength(1);
    });
  });

  describe("campaigns.resubmit", () => {
    it("treats the resubmit as done when every requested MNO is in the campaign's metadata", async () => {
      server.setHandler((req) =>
        req.method === "PUT" ? { hang: true } : { status: 200, body: { "10017": { qualify: true }, "10035": { qualify: true } } });
      const r = await client().campaigns.resubmit("C1", { mnoIds: [10017, 10035] }, { idempotencyKey: "resub-1" });
      expect(Object.keys(r.mnoMetadata ?? {})).toEqual(["10017", "10035"]);
      expect(server.requests.filter((q) => q.method === "PUT")).toHaveLength(1);
    });
  });

  describe("billableCall", () => {
    it("a duplicate-reference rejection on a resend means the first send landed: it returns the existing object", async () => {
      const store = new InMemoryIntentStore();
      const calls: string[] = [];
      let lookups = 0;
      const ctx = { operationId: "brand.create", method: "POST", path: "/brand/nonBlocking" };
      const result = await billableCall(
        { store },
        {
          key: "k1",
          operationId: "brand.create",
          send: async () => {
            calls.push("send");
            if (calls.length === 1) throw new TcrTimeoutError("brand.create", 10);
            throw new TcrError(400, [{ code: 503, field: "referenceId", description: "in use" }], ctx);
          },
          // Not yet visible after the timeout, visible after the duplicate rejection.
          lookup: async () => (++lookups >= 2 ? { id: "B1" } : null),
          objectId: (r) => r.id,
        },
      );
      expect(result).toEqual({ id: "B1" });
      expect(calls).toEqual(["send", "send"]);
      const intent = await store.find("k1");
      expect(intent?.status).toBe("done");
      expect(intent?.objectId).toBe("B1");
      expect(intent?.sendCount).toBe(2);
    });

    it("lets only one of two concurrent calls with the same key send", async () => {
      const store = new InMemoryIntentStore();
      let sends = 0;
      const spec = {
        key: "k3",
        operationId: "brand.create" as const,
        send: async () => {
          sends++;
          await new Promise((r) => setTimeout(r, 30));
          return { id: "B9" };
        },
        lookup: async () => null,
        objectId: (r: { id: string }) => r.id,
      };
      const results = await Promise.allSettled([billableCall({ store }, spec), billableCall({ store }, spec)]);
      expect(sends).toBe(1);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { name: "TcrAmbiguousBillableError" } });
      // Once done, the same key returns the stored result.
      expect(await billableCall({ store }, spec)).toEqual({ id: "B9" });
      expect(sends).toBe(1);
    });

    it("reconciles a stale 'sent' intent left by a dead process before sending", async () => {
      const store = new InMemoryIntentStore();
      let t = Date.now();
      await store.begin({ key: "k4", operationId: "brand.create", staleBefore: new Date(0) });
      await store.markSent("k4"); // the process died here
      const order: string[] = [];
      const spec = {
        key: "k4",
        operationId: "brand.create" as const,
        send: async () => { order.push("send"); return { id: "B5" }; },
        lookup: async () => { order.push("lookup"); return null; },
        objectId: (r: { id: string }) => r.id,
      };
      await expect(billableCall({ store, now: () => t }, spec)).rejects.toMatchObject({ name: "TcrAmbiguousBillableError" });
      expect(order).toEqual([]); // fresh: another sender may still be waiting for the answer
      t += 10 * 60_000;
      expect(await billableCall({ store, now: () => t }, spec)).toEqual({ id: "B5" });
      expect(order).toEqual(["lookup", "send"]);
      expect((await store.find("k4"))?.sendCount).toBe(2);
    });

    it("never sends more than maxSends times", async () => {
      let sends = 0;
      await expect(
        billableCall(
          { store: new InMemoryIntentStore(), maxSends: 2 },
          { key: "k2", operationId: "brand.create", send: async () => { sends++; throw new TcrTimeoutError("brand.create", 10); }, lookup: async () => null, objectId: () => null },
        ),
      ).rejects.toMatchObject({ name: "TcrAmbiguousBillableError", intentKey: "k2" });
      expect(sends).toBe(2);
    });
  });
});

describe("errors and http helpers", () => {
  describe("parseTcrErrorBody", () => {
    it("reads the documented array, string codes, a single object, an {errors} wrapper and plain text", () => {
      expect(parseTcrErrorBody([{ code: "509", field: "usecase", description: "not qualified" }])).toEqual([{ code: 509, field: "usecase", description: "not qualified" }]);
      expect(parseTcrErrorBody({ code: 502, description: "Brand not found" })).toEqual([{ code: 502, field: null, description: "Brand not found" }]);
      expect(parseTcrErrorBody({ errors: [{ code: 501, field: "tag", description: "bad tag" }] })).toHaveLength(1);
      expect(parseTcrErrorBody(undefined, "<html>Bad gateway</html>")).toEqual([{ code: null, field: null, description: "<html>Bad gateway</html>" }]);
      expect(parseTcrErrorBody([{}])).toEqual([]);
    });

    it("joins several messages for one field and renames fields for the form", () => {
      const e = new TcrError(400, [
        { code: 501, field: "subscriberOptIn", description: "required" },
        { code: 501, field: "subscriberOptIn", description: "must be true" },
      ], { operationId: "campaignBuilder.create", method: "POST", path: "/campaignBuilder" });
      expect(tcrErrorToFieldErrors(e, { fieldMap: { subscriberOptIn: "subscriberOptin" } })).toEqual({ subscriberOptin: "required must be true" });
    });
  });

  describe("http helpers", () => {
    it("parses Retry-After seconds and dates", () => {
      expect(parseRetryAfter("3")).toBe(3000);
      expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
      expect(parseRetryAfter("soon")).toBeNull();
      expect(parseRetryAfter(null)).toBeNull();
    });

    it("drops empty query values and repeats arrays", () => {
      expect(encodeQuery({ a: undefined, b: null, tag: ["x", "y"], mock: false, page: 2 })).toBe("?tag=x&tag=y&mock=false&page=2");
      expect(encodeQuery({})).toBe("");
    });

    it("types paginate's records from the operation", () => {
      expectTypeOf<ReturnType<typeof paginate<TcrClient["resellers"]["search"]>>>().toEqualTypeOf<
        AsyncGenerator<{ page: number; records: Reseller[]; totalRecords: number }, void, undefined>
      >();
    });
  });
});
