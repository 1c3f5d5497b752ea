import { db } from "@/lib/db";
import { formatAgo, formatDateTime } from "@/lib/format";
import { checkEveryMinutes } from "@/lib/mirror/cadence";
import { capabilitiesOf } from "@/lib/providers/capabilities";
import { providerKindOf } from "@/lib/providers/kinds";
import { cn } from "@/lib/utils";

/**
 * How current the lists are: pushed by webhooks (TCR), or polled (an upstream without webhooks), and when the
 * upstream was last checked. One line under a list's header.
 */
export async function SyncStatus({ orgId, className }: { orgId: string; className?: string }) {
  const c = await db().registryConnection.findUnique({ where: { orgId }, select: { provider: true, authMode: true, lastCheckedAt: true, lastCheckOk: true } });
  if (!c) return null;
  const caps = capabilitiesOf(providerKindOf(c));
  const every = checkEveryMinutes(c);
  const how = caps.has("webhooks")
    ? `Kept current by ${caps.label}'s webhooks, with a full check every ${every} minutes.`
    : `${caps.label} sends no webhooks: checked every ${every} minutes and after each change made here.`;
  const when = c.lastCheckedAt
    ? <time dateTime={c.lastCheckedAt.toISOString()} title={formatDateTime(c.lastCheckedAt)}>{formatAgo(c.lastCheckedAt)}</time>
    : null;
  return (
    <p className={cn("text-xs text-muted-foreground", c.lastCheckOk === false && "text-warning-foreground", className)} data-testid="sync-status">
      {how}{" "}
      {when ? (c.lastCheckOk === false ? <>The last check failed {when}; the next one retries.</> : <>Last checked {when}.</>) : "Not checked yet."}
    </p>
  );
}
