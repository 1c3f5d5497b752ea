/**
 * When the worker's schedule checks an organization's upstream again. An upstream that pushes webhooks (TCR) is
 * checked every 15 minutes as a safety net; one that pushes nothing (Vonage, Telnyx) is polled every 2 minutes, and
 * after every change the portal makes. The first check after 03:00 UTC each day is a deep one.
 */
import { RECONCILE_EVERY_MINUTES } from "@/lib/jobs/queues";
import { capabilitiesOf } from "@/lib/providers/capabilities";
import { providerKindOf, type StoredAuthMode, type StoredProvider } from "@/lib/providers/kinds";

type Conn = { provider: StoredProvider; authMode: StoredAuthMode; lastCheckedAt: Date | null };

export function checkEveryMinutes(conn: Pick<Conn, "provider" | "authMode">): number {
  return capabilitiesOf(providerKindOf(conn)).has("webhooks") ? RECONCILE_EVERY_MINUTES.webhooks : RECONCILE_EVERY_MINUTES.polled;
}

export function dueForCheck(conn: Conn, now: Date): { deep: boolean } | null {
  const last = conn.lastCheckedAt;
  // Half a minute of slack: a check that took a few seconds must not push the next one a whole cron tick later.
  if (last && now.getTime() - last.getTime() < checkEveryMinutes(conn) * 60_000 - 30_000) return null;
  const today3 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3);
  return { deep: now.getTime() >= today3 && (!last || last.getTime() < today3) };
}
