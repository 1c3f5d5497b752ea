import { describe, expect, it } from "vitest";
import { canonicalJson, registrySignature, verifyRegistrySignature } from "@/lib/webhooks/signature";

describe("registry webhook signature", () => {
  it("canonicalises key order and whitespace", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 1.5, y: "é" } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":"é","z":1.5}}');
    expect(canonicalJson(JSON.parse('{ "eventType" : "BRAND_ADD",\n "brandId":"B1" }'))).toBe('{"brandId":"B1","eventType":"BRAND_ADD"}');
  });
  it("verifies a signature over endpoint + canonical body and refuses any change", () => {
    const body = { eventType: "BRAND_ADD", brandId: "BABCDEF", mock: false };
    const url = "https://portal.example.com/api/webhooks/tcr/KEY";
    const sig = registrySignature("secret", url, body);
    expect(sig).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(verifyRegistrySignature("secret", url, { mock: false, brandId: "BABCDEF", eventType: "BRAND_ADD" }, sig)).toBe(true);
    expect(verifyRegistrySignature("other", url, body, sig)).toBe(false);
    expect(verifyRegistrySignature("secret", url + "x", body, sig)).toBe(false);
    expect(verifyRegistrySignature("secret", url, { ...body, mock: true }, sig)).toBe(false);
    expect(verifyRegistrySignature("secret", url, body, null)).toBe(false);
    expect(verifyRegistrySignature("secret", url, body, "short")).toBe(false);
  });
});
