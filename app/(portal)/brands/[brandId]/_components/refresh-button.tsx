"use client";
import { useTransition } from "react";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { refreshBrandAction } from "@/lib/brands/actions";

const RESULT: Record<string, string> = {
  created: "The registry's copy was added.",
  updated: "Updated with the registry's latest answer.",
  unchanged: "Already up to date with the registry.",
  stale: "A newer answer had already arrived; nothing changed.",
  deleted: "The registry no longer has this brand; it is now marked deleted.",
};

export function RefreshButton({ brandId }: { brandId: string }) {
  const [pending, startTransition] = useTransition();
  const refresh = () =>
    startTransition(async () => {
      const r = await refreshBrandAction({ brandId });
      if (r.ok) toast.success(RESULT[r.data.outcome] ?? "Refreshed from the registry.");
      else toast.error(r.error);
    });
  return (
    <Button variant="outline" onClick={refresh} disabled={pending} aria-busy={pending || undefined}>
      <RefreshCw aria-hidden="true" className={pending ? "animate-spin" : undefined} />
      {pending ? "Refreshing…" : "Refresh from registry"}
    </Button>
  );
}
