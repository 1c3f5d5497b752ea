import { env } from "@/lib/env";

/**
 * The URL this portal subscribes at the registry for one organization. The registry signs over exactly this
 * string, so intake verifies against it rather than against whatever Host header a proxy passed on.
 */
export function webhookEndpointFor(orgKey: string): string {
  const base = (env().PUBLIC_URL ?? env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}/api/webhooks/tcr/${orgKey}`;
}
