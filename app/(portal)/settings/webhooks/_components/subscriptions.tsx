"use client";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { subscribeAllAction, unsubscribeAction } from "@/lib/webhooks/actions";

type Category = { category: "BRAND" | "CSP" | "CAMPAIGN" | "INCIDENCE" | "VETTING"; subscribedTo: string | null; isThisPortal: boolean };

export function Subscriptions({ endpoint, categories, canManage }: { endpoint: string; categories: Category[]; canManage: boolean }) {
  const [pending, start] = useTransition();
  const allHere = categories.every((c) => c.isThisPortal);
  return (
    <div className="space-y-3">
      <p className="text-sm">
        This portal listens at <code className="break-all rounded bg-muted px-1.5 py-0.5 text-xs">{endpoint}</code>
      </p>
      {canManage && !allHere ? (
        <Button
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await subscribeAllAction({});
              if (r.ok) toast.success("Every category now posts to this portal.");
              else toast.error(r.error);
            })
          }
        >
          {pending ? "Subscribing…" : "Subscribe this portal to every category"}
        </Button>
      ) : null}
      <Table label="Webhook subscriptions">
        <TableHeader>
          <TableRow>
            <TableHead>Category</TableHead>
            <TableHead>Posts to</TableHead>
            <TableHead><span className="sr-only">Actions</span></TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {categories.map((c) => (
            <TableRow key={c.category}>
              <TableCell className="font-mono text-xs">{c.category}</TableCell>
              <TableCell>
                {c.subscribedTo === null ? (
                  <Badge tone="neutral">Not subscribed</Badge>
                ) : c.isThisPortal ? (
                  <Badge tone="success">This portal</Badge>
                ) : (
                  <span className="break-all text-xs">{c.subscribedTo}</span>
                )}
              </TableCell>
              <TableCell className="text-right">
                {canManage && c.subscribedTo !== null ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    aria-label={`Unsubscribe ${c.category}`}
                    onClick={() =>
                      start(async () => {
                        const r = await unsubscribeAction({ eventCategory: c.category });
                        if (r.ok) toast.success(`${c.category} events are no longer sent.`);
                        else toast.error(r.error);
                      })
                    }
                  >
                    Unsubscribe
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
