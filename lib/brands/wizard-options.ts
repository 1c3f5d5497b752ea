import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { UnsupportedByProviderError } from "@/lib/providers/port";
import { registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import { knownAltBusinessIdTypes } from "@/lib/tcr/schemas/enums";
import type { WizardOptions } from "@/lib/brands/wizard";

/**
 * The open lists the wizard offers (verticals, alternative id types, countries) as the registry publishes
 * them (/enum/*). When the registry cannot answer, the form falls back to free text for those fields.
 */
export async function loadWizardOptions(
  db: Db,
  orgId: string,
  clientFor: (db: Db, orgId: string) => Promise<TcrClient> = registryClientFor,
): Promise<WizardOptions> {
  let client: TcrClient;
  try {
    client = await clientFor(db, orgId);
  } catch (e) {
    return { verticals: null, altBusinessIdTypes: [...knownAltBusinessIdTypes], countries: null, problem: e instanceof Error ? e.message : "The registry is not configured." };
  }
  const [verticals, altTypes, countries] = await Promise.allSettled([client.enums.vertical(), client.enums.altBusinessIdType(), client.enums.country()]);
  // A list the upstream does not publish (countries on Telnyx) is free text by design, not a failure to report.
  const failed = [verticals, altTypes, countries].filter((r) => r.status === "rejected" && !(r.reason instanceof UnsupportedByProviderError));
  if (failed.length) log().warn({ orgId, failed: failed.length }, "wizard enum lists unavailable");
  const label = (v: unknown, fallback: string) =>
    v && typeof v === "object" && typeof (v as { displayName?: unknown }).displayName === "string" ? (v as { displayName: string }).displayName : fallback;
  return {
    verticals: verticals.status === "fulfilled" ? Object.entries(verticals.value).map(([value, v]) => ({ value, label: label(v, value) })).sort((a, b) => a.label.localeCompare(b.label)) : null,
    altBusinessIdTypes: altTypes.status === "fulfilled" && altTypes.value.length ? altTypes.value : [...knownAltBusinessIdTypes],
    countries: countries.status === "fulfilled" ? Object.entries(countries.value).map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)) : null,
    problem: failed.length ? "Some lists could not be loaded from the registry; type those values instead." : undefined,
  };
}
