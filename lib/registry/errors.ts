import { TcrAmbiguousBillableError, TcrError, TcrNetworkError, TcrResponseError, TcrTimeoutError, tcrErrorToFieldErrors } from "@/lib/tcr/errors";
import type { FieldErrors } from "@/lib/errors";

/**
 * What a registry failure means for the person who clicked: the registry's own words and codes when it
 * answered, or plainly that it could not be reached. Returns null for errors that are not the registry's.
 */
export function describeRegistryError(e: unknown): { message: string; fieldErrors?: FieldErrors } | null {
  if (e instanceof TcrError) {
    if (e.status === 401 || e.status === 403) {
      return { message: "The registry refused this organization's credentials (HTTP " + e.status + "). Check the API key and secret in Settings → Registry." };
    }
    if (e.status === 429) return { message: "The registry is rate-limiting this account. Try again in a moment." };
    const first = e.items[0];
    const detail = first ? `${first.code !== null ? `[${first.code}] ` : ""}${first.description}` : `HTTP ${e.status}`;
    return { message: `The registry rejected the request: ${detail}`, fieldErrors: tcrErrorToFieldErrors(e) };
  }
  if (e instanceof TcrTimeoutError) return { message: `The registry did not answer within ${Math.round(e.timeoutMs / 1000)} s. Nothing was changed on our side; try again.` };
  if (e instanceof TcrNetworkError) return { message: `The registry could not be reached (${e.code ?? e.message}).` };
  if (e instanceof TcrResponseError) return { message: "The registry answered with data this portal does not understand. The response was logged for support." };
  if (e instanceof TcrAmbiguousBillableError) return { message: e.message };
  return null;
}
