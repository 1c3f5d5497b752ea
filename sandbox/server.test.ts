import { mkdtempSync, rmSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { apiClient, brandBody, KEY, SECRET, startSandbox } from "./testing/helpers";

let sb: Sandbox | null = null;
afterEach(async () => {
  await sb?.close();
  sb = null;
});

describe("auth", () => {
  it("accepts Bearer and Basic credentials and answers 401 in the registry format otherwise", async () => {
    sb = await startSandbox();
    expect((await apiClient(sb, "bearer")("GET", "/version")).body).toBe("7.8.0");
    expect((await apiClient(sb, "basic")("GET", "/version")).status).toBe(200);
    for (const authorization of [`Bearer wrong`, `Basic ${Buffer.from(`${KEY}:wrong`).toString("base64")}`, `Basic ${Buffer.from("x:" + SECRET).toString("base64")}`, ""]) {
      const res = await fetch(`${sb.apiUrl}/brand`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual([{ code: 202, description: "User not authenticated" }]);
    }
  });

  it("answers unknown operations with a registry error array", async () => {
    sb = await startSandbox();
    const r = await apiClient(sb)("GET", "/nothing/here");
    expect(r.status).toBe(404);
    expect(r.body[0].code).toBe(901);
  });
});

describe("platform and enums", () => {
  it("serves /error, enum lists in their shapes, and the webhook catalogue", async () => {
    sb = await startSandbox();
    const api = apiClient(sb);
    const errors = (await api("GET", "/error")).body;
    expect(errors).toMatchObject({ "202": "User not authenticated", "501": expect.any(String), "502": expect.any(String), "503": expect.any(String), "509": expect.any(String) });
    expect((await api("GET", "/enum/entityType")).body).toEqual(["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"]);
    expect((await api("GET", "/enum/stockExchange")).body).toHaveLength(43);
    expect((await api("GET", "/enum/sharingRejectionCategory")).body).toHaveLength(9);
    expect((await api("GET", "/enum/suspensionRuleCategory")).body).toHaveLength(12);
    expect((await api("GET", "/enum/usState")).body.NY).toBe("New York");
    expect((await api("GET", "/enum/country")).body.PT).toBe("Portugal");
    const usecases = (await api("GET", "/enum/usecase?validSubUsecase=true")).body;
    expect(usecases["2FA"]).toBeDefined();
    expect(usecases.MIXED).toBeUndefined();
    expect((await api("GET", "/enum/cnp?soleProprietorEnabled=false")).body).toEqual({ SCNP002: "Carrier Bridge" });
    const companies = (await api("GET", "/enum/approvedPublicCompany?exchange=NASDAQ&recordsPerPage=2")).body;
    expect(companies).toMatchObject({ page: 1, totalRecords: 3 });
    expect(companies.records).toHaveLength(2);
    expect((await api("GET", "/webhook/eventCategory")).body).toEqual(["BRAND", "CSP", "CAMPAIGN", "INCIDENCE", "VETTING"]);
  });
});

describe("ids", () => {
  it("mints registry-format ids deterministically from the seed", async () => {
    const ids: string[][] = [];
    for (let i = 0; i < 2; i++) {
      sb = await startSandbox({ seed: "same-seed" });
      const api = apiClient(sb);
      const a = await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"));
      const b = await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT"));
      ids.push([a.body.cspId, a.body.brandId, b.body.brandId]);
      await sb.close();
      sb = null;
    }
    expect(ids[0]).toEqual(ids[1]);
    expect(ids[0]![0]).toMatch(/^S[A-Z0-9]{6}$/);
    expect(ids[0]![1]).toMatch(/^B[A-Z0-9]{6}$/);
  });
});

describe("faults", () => {
  it("injects latency, 429, 5xx, hangs and dropped connections per route pattern, and clears them", async () => {
    sb = await startSandbox();
    const api = apiClient(sb);
    const c = sb.control;
    c.addFault({ kind: "status", status: 429, path: "/brand", method: "GET", times: 1 });
    const limited = await api("GET", "/brand");
    expect(limited.status).toBe(429);
    expect(limited.body[0].code).toBe(903);
    expect((await api("GET", "/brand")).status).toBe(200); // times: 1 used up

    c.addFault({ kind: "status", status: 503, path: "/enum/*" });
    expect((await api("GET", "/enum/entityType")).status).toBe(503);
    expect((await api("GET", "/version")).status).toBe(200);
    c.clearFaults();

    c.addFault({ kind: "latency", latencyMs: 150, path: "/version" });
    const t0 = Date.now();
    expect((await api("GET", "/version")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    c.clearFaults();

    c.addFault({ kind: "drop", path: "/version" });
    await expect(fetch(`${sb.apiUrl}/version`, { headers: { authorization: `Bearer ${KEY}` } })).rejects.toThrow();
    c.clearFaults();

    // lost: the write is carried out, but the answer never arrives.
    const before = c.counters().brands;
    c.addFault({ kind: "lost", path: "/brand/nonBlocking", method: "POST", times: 1 });
    await expect(
      fetch(`${sb.apiUrl}/brand/nonBlocking`, {
        method: "POST",
        headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ entityType: "PRIVATE_PROFIT", displayName: "Lost Answer", companyName: "Lost Answer LLC", ein: "111111111", einIssuingCountry: "US", phone: "+12025550100", street: "1 Main St", city: "Washington", state: "DC", postalCode: "20001", country: "US", email: "a@example.com", vertical: "TECHNOLOGY", website: "https://example.com", brandRelationship: "BASIC_ACCOUNT" }),
      }),
    ).rejects.toThrow();
    expect(c.counters().brands).toBe(before + 1);
    c.clearFaults();

    c.addFault({ kind: "hang", path: "/version" });
    await expect(
      fetch(`${sb.apiUrl}/version`, { headers: { authorization: `Bearer ${KEY}` }, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow(/aborted|timeout/i);
    c.clearFaults();
    expect((await api("GET", "/version")).status).toBe(200);
  });

  it("fires random faults with a seeded probability, reproducibly", async () => {
    const pattern: number[][] = [];
    for (let i = 0; i < 2; i++) {
      sb = await startSandbox({ seed: "fault-seed" });
      sb.control.addFault({ kind: "status", status: 500, path: "*", probability: 0.5 });
      const api = apiClient(sb);
      const statuses: number[] = [];
      for (let j = 0; j < 20; j++) statuses.push((await api("GET", "/version")).status);
      pattern.push(statuses);
      await sb.close();
      sb = null;
    }
    expect(pattern[0]).toEqual(pattern[1]);
    expect(pattern[0]).toContain(500);
    expect(pattern[0]).toContain(200);
  });

  it("enforces the registry rate limits when enabled", async () => {
    sb = await startSandbox({ rateLimits: { get: { limit: 3, windowMs: 60_000 }, write: { limit: 1, windowMs: 60_000 } } });
    const api = apiClient(sb);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await api("GET", "/version")).status);
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});

describe("control API over HTTP", () => {
  it("resets, loads scenarios (including the large one), advances the clock and reports counters", async () => {
    sb = await startSandbox();
    const ctl = (method: string, path: string, body?: unknown) =>
      fetch(`${sb!.url}/_sandbox${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const api = apiClient(sb);
    await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"));
    expect(await (await ctl("GET", "/counters")).json()).toMatchObject({ brands: 1, campaigns: 0, vettingOrders: 0, resubmissions: 0 });

    const t0 = Date.now();
    const large = await (await ctl("POST", "/scenarios/large", {})).json();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(large).toMatchObject({ brands: 5000, campaigns: 10000, partnerCampaigns: 2000 });
    const page = await api("GET", "/brand?recordsPerPage=500&page=3");
    expect(page.body.totalRecords).toBeGreaterThan(4000); // the default status=ACTIVE filter
    expect(page.body.records).toHaveLength(500);
    expect((await api("GET", "/brand?recordsPerPage=501")).status).toBe(400);
    // The scenario is not billable: counters were reset with the store.
    expect(await (await ctl("GET", "/counters")).json()).toMatchObject({ brands: 0 });

    const before = (await (await ctl("GET", "/clock")).json()).now;
    const adv = await (await ctl("POST", "/clock/advance", { ms: 3_600_000 })).json();
    expect(Date.parse(adv.now) - Date.parse(before)).toBe(3_600_000);

    await ctl("POST", "/reset", {});
    expect((await api("GET", "/brand")).body.totalRecords).toBe(0);
    const demo = await (await ctl("POST", "/reset", { scenario: "demo" })).json();
    expect(demo.scenario.brands).toBe(7);
    const fault = await (await ctl("POST", "/faults", { kind: "status", status: 502, path: "/version" })).json();
    expect((await api("GET", "/version")).status).toBe(502);
    expect((await ctl("DELETE", `/faults/${fault.id}`)).status).toBe(204);
    expect((await api("GET", "/version")).status).toBe(200);
    expect((await ctl("POST", "/faults", { kind: "status", status: 200 })).status).toBe(400);
  });
});

describe("persistence", () => {
  it("writes state.json atomically and reloads brands, clock and pending tasks after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tcr-sandbox-"));
    try {
      sb = await startSandbox({ dataDir: dir });
      const created = await apiClient(sb)("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"));
      const brandId = created.body.brandId as string;
      await sb.close();
      sb = null;
      expect(existsSync(join(dir, "state.json"))).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, "state.json"), "utf8")).brands[brandId]).toBeDefined();

      sb = await startSandbox({ dataDir: dir });
      const api = apiClient(sb);
      expect((await api("GET", `/brand/${brandId}`)).body.identityStatus).toBe("SELF_DECLARED");
      // The scoring task survived the restart and still runs on the clock.
      await sb.control.advance(5 * 60_000);
      expect((await api("GET", `/brand/${brandId}`)).body.identityStatus).toBe("VERIFIED");
      // New ids continue the seeded sequence rather than repeating it.
      const next = await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT"));
      expect(next.body.brandId).not.toBe(brandId);
    } finally {
      await sb?.close();
      sb = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
