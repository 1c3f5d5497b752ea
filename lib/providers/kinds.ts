/**
 * The upstreams an organization can register through. TCR is reached directly (Basic key:secret) or through an
 * aggregator (Bearer key); Vonage and Telnyx are CPaaS providers that wrap TCR in their own APIs.
 * Stored as RegistryConnection.provider + authMode; the kind is what the rest of the portal reasons about.
 */
export const PROVIDER_KINDS = ["TCR_BASIC", "TCR_BEARER", "VONAGE", "TELNYX"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export type StoredProvider = "TCR" | "VONAGE" | "TELNYX";
export type StoredAuthMode = "BASIC" | "BEARER";

export interface ProviderInfo {
  label: string;
  /** One sentence for Settings → Registry. */
  summary: string;
  provider: StoredProvider;
  authMode: StoredAuthMode;
  /** What the base URL field should hold (the sandbox URL is added by the form). */
  baseUrlHint: string;
  /** Path on the built-in sandbox that serves this upstream's shape. */
  sandboxPath: string;
}

export const PROVIDERS: Record<ProviderKind, ProviderInfo> = {
  TCR_BASIC: {
    label: "TCR direct (Basic)",
    summary: "The Campaign Registry's CSP API with your registry API key and secret.",
    provider: "TCR", authMode: "BASIC",
    baseUrlHint: "https://csp-api.campaignregistry.com/v2", sandboxPath: "/v2",
  },
  TCR_BEARER: {
    label: "TCR through an aggregator (Bearer)",
    summary: "The Campaign Registry's CSP API reached through an aggregator that gave you one API key.",
    provider: "TCR", authMode: "BEARER",
    baseUrlHint: "https://your-aggregator.example/v2", sandboxPath: "/v2",
  },
  VONAGE: {
    label: "Vonage 10DLC",
    summary: "Vonage's 10DLC Brand and Campaign Provisioning API with your Vonage API key and secret.",
    provider: "VONAGE", authMode: "BASIC",
    baseUrlHint: "https://api-eu.vonage.com/v1/10dlc", sandboxPath: "/v1/10dlc",
  },
  TELNYX: {
    label: "Telnyx 10DLC",
    summary: "Telnyx's 10DLC brand API with your Telnyx API key (brands only: campaigns stay in Telnyx's console).",
    provider: "TELNYX", authMode: "BEARER",
    baseUrlHint: "https://api.telnyx.com/10dlc", sandboxPath: "/10dlc",
  },
};

export function providerKindOf(c: { provider: StoredProvider; authMode: StoredAuthMode }): ProviderKind {
  if (c.provider === "VONAGE") return "VONAGE";
  if (c.provider === "TELNYX") return "TELNYX";
  return c.authMode === "BASIC" ? "TCR_BASIC" : "TCR_BEARER";
}
