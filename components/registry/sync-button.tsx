"use client";
import { useState, useTransition } from "react";
import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { syncWithRegistryAction } from "@/lib/registry/actions";

/** Queues a full reconciliation of this organization's mirror with the registry (runs in the worker). */
export function SyncButton() {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Button variant="outline" disabled={pending} onClick={() => start(async () => {
        const r = await syncWithRegistryAction({});
        setMessage(r.ok ? "Refresh queued: reload in a minute to see the registry's latest state." : r.error);
      })}>
        <RefreshCw aria-hidden="true" />Refresh from registry
      </Button>
      {message ? <span role="status" className="text-xs text-muted-foreground">{message}</span> : null}
    </div>
  );
}
