import { describe, expect, it } from "vitest";
import { createTcrClient } from "@/lib/tcr/client";
import { CAPABILITIES, CAPABILITY_TABLE, capabilitiesOf, type Capability } from "./capabilities";
import { adapterPartsFor } from "./adapters";
import { PROVIDER_KINDS, providerKindOf } from "./kinds";
import { capabilityOfOperation, composePort, UnsupportedByProviderError, type Namespace } from "./port";

const config = { baseUrl: "http://127.0.0.1:1/10dlc", auth: { mode: "bearer" as const, apiKey: "k" } };
const methodsOf = (client: object) =>
  Object.entries(client).filter(([ns]) => ns !== "http").flatMap(([ns, v]) => Object.keys(v as object).map((m) => `${ns}.${m}`)).sort();

describe("provider port", () => {
  it("composes a client with every method the TCR client has", () => {
    const port = composePort("TELNYX", {}, config);
    expect(methodsOf(port)).toEqual(methodsOf(createTcrClient(config)));
  });

  it("uses the adapter's methods and rejects the rest with the upstream's one-sentence reason", async () => {
    const get = async (brandId: string) => ({ brandId, entityType: "PRIVATE_PROFIT" }) as never;
    const port = composePort("TELNYX", { brands: { get } }, config);
    await expect(port.brands.get("B1")).resolves.toMatchObject({ brandId: "B1" });
    // Tagged with the TCR operation it stands for, as paging and the coverage checks expect.
    expect(port.brands.get.operationId).toBe("brand.get");
    const campaign = await port.campaigns.get("C1").catch((e: unknown) => e);
    expect(campaign).toBeInstanceOf(UnsupportedByProviderError);
    expect((campaign as Error).message).toBe(CAPABILITY_TABLE.TELNYX["campaign.manage"]);
    const otp = await port.brands.triggerSmsOtp("B1", {} as never).catch((e: unknown) => e);
    expect(otp).toMatchObject({ capability: "brand.smsOtp", operation: "brands.triggerSmsOtp", kind: "TELNYX" });
  });

  it("names the operation when no capability covers it", async () => {
    const err = await composePort("VONAGE", {}, config).platform.version().catch((e: unknown) => e);
    expect((err as Error).message).toBe("Vonage 10DLC does not offer this registry operation (platform.version).");
  });

  it("maps every method of the billable and lifecycle paths to a capability", () => {
    for (const op of ["brands.create", "brands.orderExternalVetting", "campaignBuilder.create", "campaigns.resubmit", "cnpMigration.initiate", "webhooks.subscribe"]) {
      const [ns, m] = op.split(".") as [Namespace, string];
      expect(capabilityOfOperation(ns, m), op).not.toBeNull();
    }
  });
});

describe("capabilities", () => {
  it("has a row for every upstream and, for every capability it does not offer, a sentence saying why", () => {
    for (const kind of PROVIDER_KINDS) {
      const row = CAPABILITY_TABLE[kind];
      expect(Object.keys(row).sort()).toEqual(Object.keys(CAPABILITIES).sort());
      for (const [c, v] of Object.entries(row)) {
        if (v !== true) expect(v, `${kind} ${c}`).toMatch(/^[A-Z].{20,}\.$/);
      }
    }
  });

  it("says what the references say: Telnyx has brands and vetting only, Vonage no webhooks, TCR everything but number linking", () => {
    const offered = (kind: (typeof PROVIDER_KINDS)[number]) => (Object.keys(CAPABILITIES) as Capability[]).filter((c) => capabilitiesOf(kind).has(c));
    expect(offered("TELNYX")).toEqual(["brand.register", "brand.identityStatus", "brand.feedback", "brand.revet", "brand.externalVetting"]);
    expect(capabilitiesOf("VONAGE").has("webhooks")).toBe(false);
    expect(capabilitiesOf("VONAGE").has("campaign.manage")).toBe(true);
    expect(capabilitiesOf("VONAGE").has("brand.identityStatus")).toBe(false);
    expect(offered("TCR_BASIC")).toEqual((Object.keys(CAPABILITIES) as Capability[]).filter((c) => c !== "campaign.numbers" && c !== "partner.import"));
    // Vonage documents POST/GET /resellers and POST /partnercampaigns/import.
    expect(capabilitiesOf("VONAGE").has("resellers")).toBe(true);
    expect(capabilitiesOf("VONAGE").has("partner.import")).toBe(true);
    expect(capabilitiesOf("VONAGE").has("migration.cnp")).toBe(false);
    // Vonage documents POST/GET/DELETE /brands/:brand_id/campaigns/:campaign_id/numbers (LINKING → LINKED/REJECTED).
    expect(capabilitiesOf("VONAGE").has("campaign.numbers")).toBe(true);
    expect(capabilitiesOf("TCR_BEARER").why("campaign.numbers")).toMatch(/connectivity partner/);
  });

  it("derives the kind from the stored provider and authentication", () => {
    expect(providerKindOf({ provider: "TCR", authMode: "BASIC" })).toBe("TCR_BASIC");
    expect(providerKindOf({ provider: "TCR", authMode: "BEARER" })).toBe("TCR_BEARER");
    expect(providerKindOf({ provider: "VONAGE", authMode: "BASIC" })).toBe("VONAGE");
    expect(providerKindOf({ provider: "TELNYX", authMode: "BEARER" })).toBe("TELNYX");
  });
});

describe("the capability table against the adapters' code", () => {
  // docs/providers.md prints CAPABILITY_TABLE (doc.test.ts); this keeps the table honest about what each adapter implements.
  const offeredByCode = (kind: "VONAGE" | "TELNYX") => {
    const parts = adapterPartsFor(kind, kind === "VONAGE" ? { ...config, auth: { mode: "basic", apiKey: "k", apiSecret: "s" } } : config)!;
    const caps = new Set<Capability>();
    for (const [ns, methods] of Object.entries(parts)) {
      for (const [m, f] of Object.entries(methods as object)) {
        const c = typeof f === "function" ? capabilityOfOperation(ns as Namespace, m) : null;
        if (c) caps.add(c);
      }
    }
    return caps;
  };
  // Offered through methods outside the TCR client's shape (Vonage's number links and partner import), or a field of
  // the brand (the identity status), so no TCR-shaped method stands for them.
  const NOT_A_PORT_METHOD: Capability[] = ["brand.identityStatus", "campaign.numbers", "partner.import"];
  // Vonage's reseller review (PENDING → APPROVED/REJECTED, no edit or delete) has its own page and module
  // (lib/resellers/vonage.ts, tested in vonage-misc.integration.test.ts) instead of TCR's reseller methods.
  const OWN_MODULE: Record<"VONAGE" | "TELNYX", Capability[]> = { VONAGE: ["resellers"], TELNYX: [] };

  it.each(["VONAGE", "TELNYX"] as const)("%s: every capability marked 'works' has adapter methods, and none marked 'not offered' has any", (kind) => {
    const code = offeredByCode(kind);
    const table = (Object.keys(CAPABILITIES) as Capability[]).filter((c) => !NOT_A_PORT_METHOD.includes(c) && !OWN_MODULE[kind].includes(c));
    expect(table.filter((c) => CAPABILITY_TABLE[kind][c] === true && !code.has(c)), "marked works, not implemented").toEqual([]);
    expect(table.filter((c) => CAPABILITY_TABLE[kind][c] !== true && code.has(c)), "implemented, marked not offered").toEqual([]);
  });
});
