import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, SECRET, startReceiver, startSandbox } from "../testing/helpers";
import { jcs } from "./webhooks";

let sb: Sandbox;
let api: ReturnType<typeof apiClient>;
let rx: Awaited<ReturnType<typeof startReceiver>>;
let status = 200;
beforeAll(async () => {
  sb = await startSandbox();
  api = apiClient(sb);
  rx = await startReceiver(() => status);
});
afterAll(async () => {
  await sb.close();
  await rx.close();
});
beforeEach(async () => {
  await sb.control.reset();
  rx.received.length = 0;
  status = 200;
});
afterEach(() => {
  status = 200;
});

const verify = (url: string, body: string, sig: string) => createHmac("sha1", SECRET).update(url + body).digest("base64") === sig;

describe("JCS", () => {
  it("sorts keys recursively and writes no whitespace", () => {
    expect(jcs({ b: 1, a: [{ d: true, c: null }, "x"], "é": 1.5 })).toBe('{"a":[{"c":null,"d":true},"x"],"b":1,"é":1.5}');
  });
});

describe("webhook subscriptions and delivery", () => {
  it("manages one endpoint per category and validates input", async () => {
    expect((await api("PUT", "/webhook/subscription", { eventCategory: "BRAND", webhookEndpoint: rx.url })).body).toEqual({ eventCategory: "BRAND", webhookEndpoint: rx.url });
    await api("PUT", "/webhook/subscription", { eventCategory: "BRAND", webhookEndpoint: `${rx.url}?v=2` });
    expect((await api("GET", "/webhook/subscription")).body).toEqual([{ eventCategory: "BRAND", webhookEndpoint: `${rx.url}?v=2` }]);
    expect((await api("PUT", "/webhook/subscription", { eventCategory: "DCA", webhookEndpoint: rx.url })).body[0].field).toBe("eventCategory");
    expect((await api("PUT", "/webhook/subscription", { eventCategory: "CSP", webhookEndpoint: "ftp://x" })).body[0].field).toBe("webhookEndpoint");
    expect((await api("DELETE", "/webhook/subscription/BRAND")).status).toBe(204);
    expect((await api("DELETE", "/webhook/subscription/BRAND")).status).toBe(404);
    expect((await api("GET", "/webhook/eventType")).body.find((e: { eventType: string }) => e.eventType === "BRAND_OTP_VERIFIED")).toMatchObject({ eventCategory: "BRAND" });
  });

  it("POSTs signed, JCS-canonical events to the subscribed URL", async () => {
    await api("PUT", "/webhook/subscription", { eventCategory: "BRAND", webhookEndpoint: rx.url });
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT", { referenceId: "ref-42" }))).body;
    await sb.control.flush();
    expect(rx.received).toHaveLength(1);
    const r = rx.received[0]!;
    const payload = JSON.parse(r.body);
    expect(payload).toMatchObject({ eventType: "BRAND_ADD", brandId: b.brandId, brandName: "ABC Mobile", brandReferenceId: "ref-42", mock: false, cspId: b.cspId });
    expect(r.body).toBe(jcs(payload));
    expect(verify(rx.url, r.body, String(r.headers["x-registry-signature"]))).toBe(true);
    expect(verify(rx.url, r.body.replace("ABC", "XYZ"), String(r.headers["x-registry-signature"]))).toBe(false);
    await sb.control.advance(2 * 60_000);
    expect(rx.received.map((x) => JSON.parse(x.body).eventType)).toEqual(["BRAND_ADD", "BRAND_IDENTITY_STATUS_UPDATE"]);
    expect(JSON.parse(rx.received[1]!.body).brandIdentityStatus).toBe("VERIFIED");
    const log = sb.control.deliveries();
    expect(log.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED"]);
  });

  it("retries with backoff until the receiver accepts, and gives up after the last attempt", async () => {
    await api("PUT", "/webhook/subscription", { eventCategory: "BRAND", webhookEndpoint: rx.url });
    status = 500;
    await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT"));
    await sb.control.flush();
    expect(rx.received).toHaveLength(1);
    await sb.control.advance(29_000);
    expect(rx.received).toHaveLength(1); // first backoff is 30 s
    status = 200;
    await sb.control.advance(1_000);
    expect(rx.received).toHaveLength(2);
    const [d] = sb.control.deliveries({ eventType: "BRAND_ADD" });
    expect(d!.status).toBe("DELIVERED");
    expect(d!.attempts.map((a) => a.httpStatus)).toEqual([500, 200]);

    await sb.control.reset();
    rx.received.length = 0;
    await api("PUT", "/webhook/subscription", { eventCategory: "VETTING", webhookEndpoint: "http://127.0.0.1:9/unreachable" });
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
    await api("PUT", `/brand/${b.brandId}/externalVetting`, { evpId: "WMC", vettingId: "tx-1" });
    await sb.control.advance(24 * 3_600_000);
    const [failed] = sb.control.deliveries({ eventType: "EVP_REPORT_IMPORT" });
    expect(failed!.status).toBe("FAILED");
    expect(failed!.attempts).toHaveLength(6);
    expect(failed!.attempts[0]!.error).toBeTruthy();
  });

  it("delivers duplicates and out-of-order events on request", async () => {
    await api("PUT", "/webhook/subscription", { eventCategory: "BRAND", webhookEndpoint: rx.url });
    sb.control.setWebhookChaos({ duplicateProbability: 1 });
    const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT"))).body;
    await sb.control.flush();
    expect(rx.received).toHaveLength(2);
    expect(rx.received[0]!.body).toBe(rx.received[1]!.body);
    expect(sb.control.deliveries().filter((d) => d.duplicateOf !== null)).toHaveLength(1);

    rx.received.length = 0;
    sb.control.setWebhookChaos({ duplicateProbability: 0, reorder: true, reorderWindowMs: 5_000 });
    await api("PUT", `/brand/${b.brandId}`, { displayName: "First" });
    await api("DELETE", `/brand/${b.brandId}`);
    const c = (await api("POST", "/brand/nonBlocking", brandBody("NON_PROFIT"))).body;
    await sb.control.advance(10_000);
    const order = rx.received.map((x) => JSON.parse(x.body)).map((p) => `${p.eventType}:${p.brandId}`);
    expect(order).toEqual([`BRAND_ADD:${c.brandId}`, `BRAND_DELETE:${b.brandId}`]);
  });

  it("sends a mock event synchronously and reports the exchange", async () => {
    expect((await api("GET", "/webhook/subscription/eventType/CAMPAIGN_SHARE_ADD/mock")).body[0].code).toBe(902);
    await api("PUT", "/webhook/subscription", { eventCategory: "CAMPAIGN", webhookEndpoint: rx.url });
    const r = await api("GET", "/webhook/subscription/eventType/CAMPAIGN_SHARE_ADD/mock");
    expect(r.body).toMatchObject({ endpoint: rx.url, status: 200, response: "ok" });
    expect(JSON.parse(r.body.request)).toMatchObject({ eventType: "CAMPAIGN_SHARE_ADD", mock: true, campaignId: expect.any(String) });
    expect(rx.received).toHaveLength(1);
    expect(verify(rx.url, rx.received[0]!.body, String(rx.received[0]!.headers["x-registry-signature"]))).toBe(true);
    const http = await (await fetch(`${sb.url}/_sandbox/webhooks?eventType=CAMPAIGN_SHARE_ADD`)).json();
    expect(http).toHaveLength(1);
    expect(http[0]).toMatchObject({ source: "MOCK", status: "DELIVERED" });
  });
});
