"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatUsd } from "@/lib/billing/fees";

type Part = { ready: number; withErrors: number; costUsd: number } | null;
type Quote = { brands: Part; campaigns: Part; costUsd: number };

/**
 * Step 5: register the ready rows. The server quotes what the run registers and costs (the brand file a campaign
 * file refers to is registered too), the user confirms that total, and the server starts the job only if its own
 * dry run still costs exactly that. Then the job page shows the progress and each row's result.
 */
export function RunImport({ send }: { send: (confirm?: number) => Promise<Response> }) {
  const router = useRouter();
  const [quote, setQuote] = useState<Quote | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function ask() {
    setBusy(true);
    setError(null);
    try {
      const res = await send();
      const body = (await res.json().catch(() => null)) as (Quote & { error?: string }) | null;
      if (!res.ok || !body) return setError(body?.error ?? `The cost could not be worked out (HTTP ${res.status}).`);
      setQuote(body);
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    if (!quote) return;
    setBusy(true);
    setError(null);
    try {
      const res = await send(quote.costUsd);
      const body = (await res.json().catch(() => null)) as { jobId?: string; error?: string; fieldErrors?: Record<string, string> } | null;
      if (res.status === 201 && body?.jobId) return router.push(`/jobs/${body.jobId}`);
      setQuote(null);
      setError(body?.fieldErrors?.costUsd ?? body?.error ?? `The import did not start (HTTP ${res.status}).`);
    } finally {
      setBusy(false);
    }
  }

  const line = (label: string, p: Part) =>
    p ? <li>{label}: {p.ready.toLocaleString("en-US")} ready{p.withErrors ? `, ${p.withErrors.toLocaleString("en-US")} left out (errors)` : ""} — {formatUsd(p.costUsd)}</li> : null;

  return (
    <section aria-labelledby="import-run-heading" className="space-y-3">
      <h2 id="import-run-heading" className="text-lg font-semibold">5. Register the ready rows</h2>
      <p className="max-w-3xl text-sm text-muted-foreground">
        The ready rows become one job: each brand, vet and campaign is registered once, even if the portal restarts; campaigns whose brand is in the
        brand file wait until it is verified. Rows with errors are left out.
      </p>
      <Button type="button" onClick={() => void ask()} disabled={busy}>{busy && !quote ? <Spinner className="size-4" /> : null}Review the cost and register…</Button>
      {error ? (
        <Alert tone="danger">
          <AlertTitle>Nothing was registered</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <AlertDialog open={quote !== null} onOpenChange={(o) => { if (!o) setQuote(null); }}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Register and pay {quote ? formatUsd(quote.costUsd) : ""}?</AlertDialogTitle>
            <AlertDialogDescription>The registry charges these fees as each row is registered. Campaign fees recur as the registry bills them.</AlertDialogDescription>
          </AlertDialogHeader>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {quote ? line("Brands", quote.brands) : null}
            {quote ? line("Campaigns", quote.campaigns) : null}
          </ul>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={busy}>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={(e) => { e.preventDefault(); void start(); }} disabled={busy}>
              {busy ? <Spinner className="size-4" /> : null}Register and pay {quote ? formatUsd(quote.costUsd) : ""}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}
