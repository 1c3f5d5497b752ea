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

describe("sandboxConnection", () => {
  it("is null unless the launcher runs the sandbox, and otherwise reaches it in each upstream's shape", async () => {
    const { sandboxConnection } = await import("./connection");
    const saved = { port: process.env.SANDBOX_PORT, key: process.env.SANDBOX_API_KEY, secret: process.env.SANDBOX_API_SECRET };
    try {
      delete process.env.SANDBOX_PORT;
      expect(sandboxConnection("VONAGE")).toBeNull();
      Object.assign(process.env, { SANDBOX_PORT: "4010", SANDBOX_API_KEY: "sk", SANDBOX_API_SECRET: "ss" });
      expect(registryConnectionSchema.parse(sandboxConnection("VONAGE"))).toMatchObject({ baseUrl: "http://127.0.0.1:4010/v1/10dlc", provider: "VONAGE", authMode: "BASIC", apiKey: "sk", apiSecret: "ss", webhookSecret: "" });
      expect(registryConnectionSchema.parse(sandboxConnection("TELNYX"))).toMatchObject({ baseUrl: "http://127.0.0.1:4010/10dlc", provider: "TELNYX", authMode: "BEARER", apiSecret: "" });
      expect(registryConnectionSchema.parse(sandboxConnection("TCR_BEARER"))).toMatchObject({ baseUrl: "http://127.0.0.1:4010/v2", webhookSecret: "ss" });
    } finally {
      for (const [k, v] of [["SANDBOX_PORT", saved.port], ["SANDBOX_API_KEY", saved.key], ["SANDBOX_API_SECRET", saved.secret]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
