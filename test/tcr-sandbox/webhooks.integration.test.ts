import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver } from "@/sandbox/testing/helpers";
import { brandInput, expectTcrError, key, MIN, SECRET, startHarness, type Harness } from "./setup";

let h: Harness;
let rx: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  h = await startHarness("it-webhooks");
  rx = await startReceiver();
});
afterAll(async () => {
  await rx.close();
  await h.sb.close();
});

describe("webhooks: client ↔ sandbox", () => {
  it("listEventCategories and listEventTypes", async () => {
    expect(await h.tcr.webhooks.listEventCategories()).toEqual(expect.arrayContaining(["BRAND", "CAMPAIGN", "VETTING"]));
    const types = await h.tcr.webhooks.listEventTypes();
    expect(types.map((t) => t.eventType)).toEqual(expect.arrayContaining(["BRAND_ADD", "BRAND_IDENTITY_STATUS_UPDATE", "CAMPAIGN_ADD"]));
  });

  it("subscribe → listSubscriptions → sendMock delivers to the endpoint → unsubscribe", async () => {
    await expectTcrError(h.tcr.webhooks.sendMock("BRAND_ADD"), 902, 400); // no subscription yet
    const sub = await h.tcr.webhooks.subscribe({ eventCategory: "BRAND", webhookEndpoint: rx.url });
    expect(sub).toEqual({ eventCategory: "BRAND", webhookEndpoint: rx.url });
    expect(await h.tcr.webhooks.listSubscriptions()).toEqual([{ eventCategory: "BRAND", webhookEndpoint: rx.url }]);
    const mock = await h.tcr.webhooks.sendMock("BRAND_ADD");
    expect(mock).toMatchObject({ endpoint: rx.url, status: 200 });
    const got = rx.received.at(-1)!;
    expect(JSON.parse(got.body)).toMatchObject({ eventType: "BRAND_ADD", mock: true });

    // A real event is delivered signed: base64(HMAC-SHA1(secret, endpoint + body)).
    const before = rx.received.length;
    await h.tcr.brands.create(brandInput("PRIVATE_PROFIT"), { idempotencyKey: key("wh") });
    await h.sb.control.advance(2 * MIN);
    const real = rx.received.slice(before).map((r) => ({ r, body: JSON.parse(r.body) as { eventType: string } }));
    expect(real.map((x) => x.body.eventType)).toEqual(expect.arrayContaining(["BRAND_ADD", "BRAND_IDENTITY_STATUS_UPDATE"]));
    const one = real[0]!.r;
    expect(one.headers["x-registry-signature"]).toBe(createHmac("sha1", SECRET).update(rx.url + one.body).digest("base64"));

    await h.tcr.webhooks.unsubscribe("BRAND");
    expect(await h.tcr.webhooks.listSubscriptions()).toEqual([]);
    await expectTcrError(h.tcr.webhooks.unsubscribe("BRAND"), 502, 404);
  });
});
