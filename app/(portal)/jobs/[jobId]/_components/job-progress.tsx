"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cancelBulkJobAction, retryFailedAction } from "@/lib/migrations/actions";
import type { JobProgress } from "@/lib/migrations/queries";

const FINISHED = new Set(["COMPLETED", "CANCELLED"]);

export function JobProgressPanel({ initial, canAct }: { initial: JobProgress; canAct: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const { data, refetch } = useQuery({
    queryKey: ["bulk-job", initial.id],
    queryFn: async () => {
      const res = await fetch(`/api/jobs/${initial.id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as JobProgress;
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data && FINISHED.has(q.state.data.status) ? false : 1000),
  });
  const p = data ?? initial;
  const lastStatus = useRef(initial.status);
  // The results table is server-rendered: refresh it when the job finishes.
  useEffect(() => {
    if (p.status !== lastStatus.current) {
      lastStatus.current = p.status;
      router.refresh();
    }
  }, [p.status, router]);
  const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
  const act = (f: () => Promise<{ ok: true } | { ok: false; error: string }>) =>
    start(async () => {
      const r = await f();
      setMessage(r.ok ? null : (r.error ?? "That did not work."));
      // Polling stops once a job has finished; a retry or cancel changes that, so ask again at once.
      if (r.ok) await refetch();
      router.refresh();
    });
  return (
    <section aria-labelledby="progress" className="space-y-3 rounded-md border p-4">
      <h2 id="progress" className="text-lg font-semibold">Progress</h2>
      <div className="flex items-center gap-3">
        <progress className="h-3 w-full max-w-xl" max={p.total} value={p.done} aria-label="Items finished">{pct}%</progress>
        <span className="text-sm tabular-nums">{p.done} / {p.total} ({pct}%)</span>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-6">
        <div><dt className="text-muted-foreground">Status</dt><dd data-testid="job-status">{p.status}</dd></div>
        <div><dt className="text-muted-foreground">Succeeded</dt><dd data-testid="job-succeeded">{p.succeeded}</dd></div>
        <div><dt className="text-muted-foreground">Skipped</dt><dd data-testid="job-skipped">{p.skipped}</dd></div>
        <div><dt className="text-muted-foreground">Failed</dt><dd data-testid="job-failed">{p.failed}</dd></div>
        <div><dt className="text-muted-foreground">Rate</dt><dd>{p.itemsPerSecond === null ? "–" : `${p.itemsPerSecond} items/s`}</dd></div>
        <div><dt className="text-muted-foreground">Remaining</dt><dd>{p.total - p.done}</dd></div>
      </dl>
      {canAct ? (
        <div className="flex gap-2">
          {!FINISHED.has(p.status) ? (
            <Button variant="outline" disabled={pending || p.cancelRequested} onClick={() => act(() => cancelBulkJobAction({ jobId: p.id }))}>
              {p.cancelRequested ? "Cancelling…" : "Cancel job"}
            </Button>
          ) : null}
          {FINISHED.has(p.status) && p.failed > 0 ? (
            <Button disabled={pending} onClick={() => act(() => retryFailedAction({ jobId: p.id }))}>Retry {p.failed} failed</Button>
          ) : null}
        </div>
      ) : null}
      {message ? <p role="status" className="text-sm text-destructive">{message}</p> : null}
    </section>
  );
}
