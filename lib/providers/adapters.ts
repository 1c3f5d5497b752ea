/**
 * The registry client for one upstream. TCR (either auth) is the full TCR client; a CPaaS upstream is its adapter's
 * parts composed into the same shape (lib/providers/port.ts). An upstream appears in Settings → Registry only once
 * its adapter is listed here.
 */
import { createTcrClient } from "@/lib/tcr/client";
import type { TcrClientConfig } from "@/lib/tcr/http";
import { PROVIDER_KINDS, type ProviderKind } from "./kinds";
import { composePort, type AdapterFactory, type AdapterParts, type RegistryPort } from "./port";
import { createTelnyxClient } from "./telnyx";
import { telnyxEnums } from "./telnyx/enums";
import { vonagePort } from "./vonage/port";

const ADAPTERS: Partial<Record<ProviderKind, AdapterFactory>> = {
  TELNYX: (config) => ({ ...createTelnyxClient(config), enums: telnyxEnums }),
  VONAGE: vonagePort,
};

/** The methods an upstream's adapter itself supplies (before composePort fills the rest with refusals). */
export function adapterPartsFor(kind: ProviderKind, config: TcrClientConfig): AdapterParts | null {
  return ADAPTERS[kind]?.(config) ?? null;
}

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
