import type { Metadata } from "next";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { describeRegistryError } from "@/lib/registry/errors";
import { recentEvents, webhookOverview } from "@/lib/webhooks/subscriptions";
import { Forbidden } from "../../_components/forbidden";
import { DeliveriesTable } from "./_components/deliveries-table";
import { MockEvent } from "./_components/mock-event";
import { Subscriptions } from "./_components/subscriptions";
import { providerGate } from "@/components/providers/provider-gate";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  const gate = await providerGate(ctx.org.id, "webhooks", "Webhooks", "Registry webhooks", false);
  if (gate) return gate;
  if (!can(ctx.role, "settings.read")) return <Forbidden what="Webhook settings" />;
  const canManage = can(ctx.role, "settings.manage");
  const [overview, events] = await Promise.all([
    webhookOverview(db(), ctx).then((o) => ({ ok: true as const, ...o }), (e: unknown) => ({ ok: false as const, message: describeRegistryError(e)?.message ?? (e as Error).message })),
    recentEvents(db(), ctx.org.id),
  ]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="subs-heading" className="space-y-3">
        <div>
          <h2 id="subs-heading" className="text-lg font-semibold">Subscriptions</h2>
          <p className="text-sm text-muted-foreground">
            The registry posts events for each category to one address. Subscribing this portal keeps brand and campaign
            statuses current within seconds; a reconciliation every 15 minutes repairs anything missed.
          </p>
        </div>
        {overview.ok ? (
          <Subscriptions endpoint={overview.endpoint} categories={overview.categories} canManage={canManage} />
        ) : (
          <Alert tone="warning">
            <AlertTitle>The registry&apos;s subscriptions could not be read</AlertTitle>
            <AlertDescription>{overview.message}</AlertDescription>
          </Alert>
        )}
      </section>
      {overview.ok && canManage ? (
        <section aria-labelledby="mock-heading" className="space-y-3">
          <div>
            <h2 id="mock-heading" className="text-lg font-semibold">Send a test event</h2>
            <p className="text-sm text-muted-foreground">The registry sends a mock event of the chosen type; this page waits for it to arrive.</p>
          </div>
          <MockEvent eventTypes={overview.eventTypes} />
        </section>
      ) : null}
      <section aria-labelledby="deliveries-heading" className="space-y-3">
        <div>
          <h2 id="deliveries-heading" className="text-lg font-semibold">Recent events</h2>
          <p className="text-sm text-muted-foreground">The last 50 events received, newest first. Repeated deliveries of the same event are counted, not stored twice.</p>
        </div>
        <DeliveriesTable
          events={events.map((e) => ({ id: e.id, eventType: e.eventType, brandId: e.brandId, campaignId: e.campaignId, status: e.status, deliveries: e.deliveries, error: e.error, lastDeliveredAt: e.lastDeliveredAt.toISOString() }))}
          canReplay={canManage}
        />
      </section>
    </div>
  );
}
