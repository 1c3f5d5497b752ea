import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportButton } from "@/components/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { jobItems, jobProgress, PAGE_SIZE } from "@/lib/migrations/queries";
import { describeBulkAction, isImportJobKind, ITEM_STATES } from "@/lib/migrations/schemas";
import { JobProgressPanel } from "./_components/job-progress";

export const metadata: Metadata = { title: "Bulk job" };

const STATE_TONE: Record<string, "success" | "warning" | "danger" | "info" | "neutral"> = { SUCCEEDED: "success", SKIPPED: "warning", FAILED: "danger", RUNNING: "info", PENDING: "neutral" };

export default async function JobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const { jobId } = await params;
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const state = (ITEM_STATES as readonly string[]).includes(sp.state ?? "") ? sp.state : undefined;
  let progress;
  try {
    progress = await jobProgress(db(), ctx.org.id, jobId);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const items = await jobItems(db(), ctx.org.id, jobId, page, state);
  const href = (p: { page?: number; state?: string }) => {
    const q = new URLSearchParams();
    if (p.state) q.set("state", p.state);
    if (p.page && p.page > 1) q.set("page", String(p.page));
    return `/jobs/${jobId}${q.size ? `?${q}` : ""}`;
  };
  // An import's items are file rows ("brand:2", "campaign:5"); each links to what it registered, once it has.
  const imported = isImportJobKind(progress.kind);
  const rowLabel = (key: string) => key.replace(/^(brand|campaign):(\d+)$/, (_, type: string, line: string) => `${type === "brand" ? "Brand" : "Campaign"} row, line ${line}`);
  const registeredHref = (key: string, id: string) => (key.startsWith("brand:") ? `/brands/${id}` : `/campaigns/${id}`);
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${describeBulkAction(progress.kind, progress.params)}: ${progress.total} ${imported ? (progress.total === 1 ? "row" : "rows") : progress.total === 1 ? "campaign" : "campaigns"}`}
        description={imported
          ? "Each valid row of the file ends succeeded (with what it registered), skipped (with the reason) or failed (with the error, after the job's own retries); a campaign row waits while its brand is registered and verified. A failed row keeps its draft, to fix and submit by hand."
          : "Each campaign ends succeeded, skipped (with the reason) or failed (with the registry's error, after the job's own retries). Job runs counts how often the job took the campaign up, e.g. after Retry failed."}
      />
      <JobProgressPanel initial={progress} canAct={can(ctx.role, "registry.act")} />
      <section aria-labelledby="results" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="results" className="text-lg font-semibold">Results</h2>
          <ExportButton report="bulk-job-results" params={{ jobId, state }} label={state ? `Download ${state} results (CSV)` : "Download all results (CSV)"} />
        </div>
        <nav aria-label="Filter results by state" className="flex flex-wrap gap-3 text-sm">
          <Link href={href({})} aria-current={!state ? "page" : undefined} className={!state ? "font-semibold underline" : "underline"}>All</Link>
          {ITEM_STATES.map((s) => (
            <Link key={s} href={href({ state: s })} aria-current={state === s ? "page" : undefined} className={state === s ? "font-semibold underline" : "underline"}>{s}</Link>
          ))}
        </nav>
        <Table>
          <TableHeader>
            <TableRow><TableHead>{imported ? "Row" : "Campaign"}</TableHead><TableHead>Result</TableHead><TableHead>Reason or registry error</TableHead><TableHead className="text-right">Job runs</TableHead></TableRow>
          </TableHeader>
          <TableBody>
            {items.rows.map((r) => (
              <TableRow key={r.campaignId}>
                {imported ? (
                  <TableCell>
                    {rowLabel(r.campaignId)}
                    {r.registeredId ? <>{": "}<Link className="font-mono underline" href={registeredHref(r.campaignId, r.registeredId)}>{r.registeredId}</Link></> : null}
                  </TableCell>
                ) : (
                  <TableCell className="font-mono"><Link className="underline" href={`/migrations/${r.campaignId}`}>{r.campaignId}</Link></TableCell>
                )}
                <TableCell><Badge tone={STATE_TONE[r.state] ?? "neutral"}>{r.state}</Badge></TableCell>
                <TableCell className="max-w-xl whitespace-normal">{r.error ?? r.reason ?? ""}</TableCell>
                <TableCell className="text-right">{r.attempts}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <p className="text-sm text-muted-foreground">
          {items.total} {items.total === 1 ? "item" : "items"}{state ? ` ${state}` : ""}.{" "}
          {page > 1 ? <Link className="underline" href={href({ state, page: page - 1 })}>Previous page</Link> : null}{" "}
          {page * PAGE_SIZE < items.total ? <Link className="underline" href={href({ state, page: page + 1 })}>Next page</Link> : null}
        </p>
      </section>
    </div>
  );
}
