"use client";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { replayEventAction } from "@/lib/webhooks/actions";

type Event = { id: string; eventType: string; brandId: string | null; campaignId: string | null; status: string; deliveries: number; error: string | null; lastDeliveredAt: string };

const TONE: Record<string, "success" | "neutral" | "danger" | "info"> = { PROCESSED: "success", IGNORED: "neutral", FAILED: "danger", RECEIVED: "info" };
const LABEL: Record<string, string> = { PROCESSED: "Applied", IGNORED: "Stored", FAILED: "Failed", RECEIVED: "Queued" };

export function DeliveriesTable({ events, canReplay }: { events: Event[]; canReplay: boolean }) {
  const [pending, start] = useTransition();
  if (events.length === 0) return <EmptyState title="No events yet" description="Events appear here as soon as the registry sends them." />;
  return (
    <Table label="Recent webhook events">
      <TableHeader>
        <TableRow>
          <TableHead>Last delivered</TableHead>
          <TableHead>Event</TableHead>
          <TableHead>About</TableHead>
          <TableHead>Deliveries</TableHead>
          <TableHead>Status</TableHead>
          <TableHead><span className="sr-only">Actions</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="whitespace-nowrap">{formatDateTime(e.lastDeliveredAt)}</TableCell>
            <TableCell className="font-mono text-xs">{e.eventType}</TableCell>
            <TableCell className="font-mono text-xs">{[e.brandId, e.campaignId].filter(Boolean).join(" · ") || "—"}</TableCell>
            <TableCell className="tabular-nums">{e.deliveries}</TableCell>
            <TableCell>
              <Badge tone={TONE[e.status] ?? "neutral"} title={e.error ?? undefined}>{LABEL[e.status] ?? e.status}</Badge>
              {e.error ? <span className="mt-1 block max-w-xs truncate text-xs text-muted-foreground">{e.error}</span> : null}
            </TableCell>
            <TableCell className="text-right">
              {canReplay ? (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={pending}
                  aria-label={`Replay ${e.eventType} event`}
                  onClick={() =>
                    start(async () => {
                      const r = await replayEventAction({ eventId: e.id });
                      if (r.ok) toast.success("Queued again: the objects it names will be re-read from the registry.");
                      else toast.error(r.error);
                    })
                  }
                >
                  Replay
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
