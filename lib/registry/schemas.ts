import { z } from "zod";
import { CspProfileUpdateRequest } from "@/lib/tcr/schemas/settings";

export const AUTH_MODES = ["BEARER", "BASIC"] as const;

export const registryConnectionSchema = z
  .object({
    baseUrl: z
      .string()
      .trim()
      .pipe(z.url({ protocol: /^https?$/, error: "Enter the API base URL, e.g. https://csp-api.campaignregistry.com/v2" }))
      .transform((u) => u.replace(/\/+$/, "")),
    authMode: z.enum(AUTH_MODES, { error: "Choose how this portal authenticates." }),
    // Blank means "keep the stored value": secrets are never sent back to the browser to be re-submitted.
    apiKey: z.string().trim().max(512, "That key is too long.").optional().default(""),
    apiSecret: z.string().trim().max(512, "That secret is too long.").optional().default(""),
    webhookSecret: z.string().trim().max(512, "That secret is too long.").optional().default(""),
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
