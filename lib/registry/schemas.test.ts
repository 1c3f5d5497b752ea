import { describe, expect, it } from "vitest";
import { registryConnectionSchema } from "./schemas";

describe("registryConnectionSchema", () => {
  it("keeps TCR as the upstream when none is named (connections saved before providers existed)", () => {
    expect(registryConnectionSchema.parse({ baseUrl: "https://csp-api.example.com/v2/", authMode: "BASIC" })).toMatchObject({ provider: "TCR", baseUrl: "https://csp-api.example.com/v2" });
  });
  it.each([
    ["VONAGE", "BEARER", /Vonage uses Basic authentication/],
    ["TELNYX", "BASIC", /Telnyx uses a Bearer API key/],
  ] as const)("refuses %s with %s authentication at the authentication field", (provider, authMode, message) => {
    const r = registryConnectionSchema.safeParse({ baseUrl: "https://api.example.com/x", provider, authMode, apiKey: "k" });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ["authMode"], message: expect.stringMatching(message) })]);
  });
  it("accepts each CPaaS upstream with its own scheme", () => {
    expect(registryConnectionSchema.safeParse({ baseUrl: "https://api-eu.vonage.com/v1/10dlc", provider: "VONAGE", authMode: "BASIC" }).success).toBe(true);
    expect(registryConnectionSchema.safeParse({ baseUrl: "https://api.telnyx.com/10dlc", provider: "TELNYX", authMode: "BEARER" }).success).toBe(true);
  });
});
