import type { Db } from "@/lib/db";
import { ValidationFailedError } from "@/lib/errors";
import { log } from "@/lib/log";
import { feesFor, type UpstreamFees } from "@/lib/billing/fees";
import { PROVIDERS, providerKindOf } from "@/lib/providers/kinds";
import { loadCredentials } from "@/lib/registry/connection";
import { PrismaIntentStore } from "@/lib/registry/intents";
import { clientForKind } from "@/lib/providers/adapters";
import { capabilitiesOf, type Capabilities } from "@/lib/providers/capabilities";
import type { TcrClient } from "@/lib/tcr/client";
import { DbRateLimiter } from "@/lib/registry/limiter";
import { createVonageClient, type VonageClient } from "@/lib/providers/vonage";

export class RegistryNotConfiguredError extends ValidationFailedError {
  constructor() {
    super({ baseUrl: "Set up the registry connection first." }, "This organization has no registry connection yet: an admin can add it in Settings → Registry.");
  }
}

/**
 * The registry client for one organization: its upstream's adapter (TCR itself, or a CPaaS behind the provider
 * port) with its credentials, the shared limiter and its billable intents.
 */
export async function registryClientFor(
  db: Db,
  orgId: string,
  overrides: { timeoutMs?: number; billable?: { staleAfterMs?: number } } = {},
): Promise<TcrClient> {
  const creds = await loadCredentials(db, orgId);
  if (!creds) throw new RegistryNotConfiguredError();
  return clientForKind(creds.kind, {
    baseUrl: creds.baseUrl,
    auth: creds.auth,
    // Keyed by the credential row: every process using this key shares one budget.
    limiter: new DbRateLimiter(db, creds.id),
    logger: log().child({ component: "tcr", orgId }),
    intentStore: new PrismaIntentStore(db, orgId),
    timeoutMs: overrides.timeoutMs,
    billable: overrides.billable,
  });
}

/** What this organization's upstream offers; with no connection yet, the TCR default (the first-run sandbox). */
export async function capabilitiesFor(db: Db, orgId: string): Promise<Capabilities> {
  const c = await db.registryConnection.findUnique({ where: { orgId }, select: { provider: true, authMode: true } });
  return capabilitiesOf(c ? providerKindOf(c) : "TCR_BEARER");
}

/** The fees shown before billable actions for this organization's upstream (null where it states none). */
export async function upstreamFeesFor(db: Db, orgId: string): Promise<UpstreamFees> {
  return feesFor(PROVIDERS[(await capabilitiesFor(db, orgId)).kind].provider);
}

/**
 * The Vonage adapter itself, for what Vonage has beyond the TCR client's shape (reseller review, partner-campaign
 * import, OTP status by brand). Only for an organization connected to Vonage: anything else is refused.
 */
export async function vonageClientFor(db: Db, orgId: string): Promise<VonageClient> {
  const creds = await loadCredentials(db, orgId);
  if (!creds) throw new RegistryNotConfiguredError();
  if (creds.kind !== "VONAGE") throw new ValidationFailedError({}, `This organization is connected to ${PROVIDERS[creds.kind].label}, not Vonage.`);
  return createVonageClient({
    baseUrl: creds.baseUrl,
    auth: creds.auth,
    limiter: new DbRateLimiter(db, creds.id),
    logger: log().child({ component: "tcr", orgId }),
    intentStore: new PrismaIntentStore(db, orgId),
  });
}
