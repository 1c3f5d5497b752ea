/**
 * The registry client for one upstream. TCR (either auth) is the full TCR client; a CPaaS upstream is its adapter's
 * parts composed into the same shape (lib/providers/port.ts). An upstream appears in Settings → Registry only once
 * its adapter is listed here.
 */
import { createTcrClient } from "@/lib/tcr/client";
import type { TcrClientConfig } from "@/lib/tcr/http";
import { PROVIDER_KINDS, type ProviderKind } from "./kinds";
import { composePort, type AdapterFactory, type RegistryPort } from "./port";
import { createTelnyxClient } from "./telnyx";
import { telnyxEnums } from "./telnyx/enums";
import { ConsentSchema } from "@/lib/campaigns/consent";
import { ValidationFailedError } from "@/lib/errors";
import { createVonageClient } from "./vonage";

const ADAPTERS: Partial<Record<ProviderKind, AdapterFactory>> = {
  TELNYX: (config) => ({ ...createTelnyxClient(config), enums: telnyxEnums }),
  VONAGE: (config) => {
    const v = createVonageClient(config);
    // Reconciliation pages through TCR's account-wide campaign listing; Vonage's campaign search is that listing.
    return {
      brands: v.brands,
      campaigns: { ...v.campaigns, searchDeprecated: v.campaigns.search },
      campaignBuilder: {
        ...v.campaignBuilder,
        // The builder's structured consent goes to Vonage as message_flow_details (Vonage no longer accepts the text).
        create: (input, opts) => {
          const parsed = opts.consent === undefined ? null : ConsentSchema.safeParse(opts.consent);
          if (parsed && !parsed.success) {
            throw new ValidationFailedError(Object.fromEntries(parsed.error.issues.map((i) => [`consent.${i.path.join(".")}`, i.message])), "Complete the consent section: Vonage registers it field by field.");
          }
          const consent = parsed?.data;
          return v.campaignBuilder.create(input, { idempotencyKey: opts.idempotencyKey, ...(consent ? { consent } : {}) });
        },
      },
    };
  },
};

export function isAvailable(kind: ProviderKind): boolean {
  return kind === "TCR_BASIC" || kind === "TCR_BEARER" || Boolean(ADAPTERS[kind]);
}
export const availableKinds = (): ProviderKind[] => PROVIDER_KINDS.filter(isAvailable);

export function clientForKind(kind: ProviderKind, config: TcrClientConfig): RegistryPort {
  if (kind === "TCR_BASIC" || kind === "TCR_BEARER") return createTcrClient(config);
  const factory = ADAPTERS[kind];
  if (!factory) throw new Error(`No adapter for ${kind}`);
  return composePort(kind, factory(config), config);
}
