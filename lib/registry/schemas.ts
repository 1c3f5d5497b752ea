import { z } from "zod";
import { CspProfileUpdateRequest } from "@/lib/tcr/schemas/settings";

export const AUTH_MODES = ["BEARER", "BASIC"] as const;
export const REGISTRY_PROVIDERS = ["TCR", "VONAGE", "TELNYX"] as const;
/** The authentication each CPaaS upstream uses (its reference documents one scheme only). */
const PROVIDER_AUTH = { VONAGE: "BASIC", TELNYX: "BEARER" } as const;

export const registryConnectionSchema = z
  .object({
    baseUrl: z
      .string()
      .trim()
      .pipe(z.url({ protocol: /^https?$/, error: "Enter the API base URL, e.g. https://csp-api.campaignregistry.com/v2" }))
      .transform((u) => u.replace(/\/+$/, "")),
    provider: z.enum(REGISTRY_PROVIDERS, { error: "Choose the upstream this organization registers through." }).default("TCR"),
    authMode: z.enum(AUTH_MODES, { error: "Choose how this portal authenticates." }),
    // Blank means "keep the stored value": secrets are never sent back to the browser to be re-submitted.
    apiKey: z.string().trim().max(512, "That key is too long.").optional().default(""),
    apiSecret: z.string().trim().max(512, "That secret is too long.").optional().default(""),
    webhookSecret: z.string().trim().max(512, "That secret is too long.").optional().default(""),
  })
  .superRefine((v, ctx) => {
    const required = v.provider === "TCR" ? null : PROVIDER_AUTH[v.provider];
    if (required && v.authMode !== required) {
      ctx.addIssue({ code: "custom", path: ["authMode"], message: `${v.provider === "VONAGE" ? "Vonage" : "Telnyx"} uses ${required === "BASIC" ? "Basic authentication (API key and secret)" : "a Bearer API key"}.` });
    }
  });
export type RegistryConnectionInput = z.input<typeof registryConnectionSchema>;

/** The four contact emails are the part of the CSP profile the registry lets a CSP change through the API. */
export const profileEmailsSchema = CspProfileUpdateRequest.required();
export const PROFILE_EMAILS = [
  ["email", "Primary contact email"],
  ["techEmail", "Technical contact email"],
  ["financeEmail", "Finance contact email"],
  ["escalateEmail", "Escalation email"],
] as const;
