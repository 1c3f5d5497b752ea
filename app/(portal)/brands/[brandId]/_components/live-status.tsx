"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { LoaderCircle } from "lucide-react";
import { brandLiveStatusAction } from "@/lib/brands/lifecycle-actions";
import { LIVE_POLL_MAX_MS, LIVE_POLL_MS, WAITING_LABELS, type LiveStatus } from "@/lib/brands/live-status-schemas";

const list = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/**
 * Keeps the brand page current while the registry's answer is awaited (identity check, SMS passcode,
 * Authentication+, external vetting, appeal): asks the mirror every few seconds, reloads the page's server
 * data when anything it shows changed, and stops once nothing is awaited any more (or after a while; the
 * Refresh button remains). Renders only a short status line.
 */
export function LiveStatusWatcher({ brandId, initial, pollMs = LIVE_POLL_MS, maxMs = LIVE_POLL_MAX_MS }: {
  brandId: string;
  /** The status the page was rendered with. */
  initial: LiveStatus;
  pollMs?: number;
  maxMs?: number;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const queryKey = ["brand-live-status", brandId];
  // Watching stops maxMs after the page last changed; each new render of the page starts the wait again.
  const [expiredAt, setExpiredAt] = useState<string | null>(null);
  const expired = expiredAt === initial.version;
  const requested = useRef<string | null>(null);

  // A fresh render of the page (after a refresh or an action) is the newest answer: start from it.
  useEffect(() => {
    queryClient.setQueryData(["brand-live-status", brandId], initial);
  }, [queryClient, brandId, initial]);

  const waiting = initial.waitingFor.length > 0;
  const query = useQuery({
    queryKey,
    queryFn: async (): Promise<LiveStatus> => {
      const r = await brandLiveStatusAction({ brandId });
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
    initialData: initial,
    // A settled brand is not asked about at all; one that is waited on is asked at once, then every pollMs.
    enabled: waiting && !expired,
    refetchInterval: (q) => (!expired && (q.state.data?.waitingFor.length ?? 0) > 0 && q.state.fetchFailureCount < 3 ? pollMs : false),
    refetchOnWindowFocus: true,
    retry: false,
  });

  useEffect(() => {
    if (!waiting || expired) return;
    const t = setTimeout(() => setExpiredAt(initial.version), maxMs);
    return () => clearTimeout(t);
  }, [waiting, expired, initial.version, maxMs]);

  const current = query.data;
  useEffect(() => {
    // Read back what the effect above stored: a page rendered after an action is not a change to reload for.
    const latest = queryClient.getQueryData<LiveStatus>(["brand-live-status", brandId]) ?? current;
    if (latest.version === initial.version || requested.current === latest.version) return;
    requested.current = latest.version;
    router.refresh();
  }, [current, initial.version, router, queryClient, brandId]);

  const changing = current.version !== initial.version;
  if (!waiting && !changing) return null;
  return (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
      {changing ? (
        <>
          <LoaderCircle aria-hidden="true" className="size-3.5 motion-safe:animate-spin" /> The registry answered: updating the page…
        </>
      ) : expired ? (
        <>Waiting for {list(initial.waitingFor.map((w) => WAITING_LABELS[w]))}: stopped checking automatically; use Refresh from registry.</>
      ) : query.isError ? (
        <>Waiting for {list(initial.waitingFor.map((w) => WAITING_LABELS[w]))}: automatic updates paused ({query.error.message}).</>
      ) : (
        <>
          <LoaderCircle aria-hidden="true" className="size-3.5 motion-safe:animate-spin" /> Waiting for {list(initial.waitingFor.map((w) => WAITING_LABELS[w]))}; this page updates by itself.
        </>
      )}
    </span>
  );
}
