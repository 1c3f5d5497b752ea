import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentContext } from "@/lib/auth/context";
import type { Finding } from "@/lib/campaigns/lint/types";
import { PAGE_KIND_LABELS, type PageKind } from "@/lib/campaigns/pages/check";
import { getPageSnapshot } from "@/lib/campaigns/pages/snapshots";
import { db } from "@/lib/db";
import { formatDateTime, routeSegment } from "@/lib/format";

type Params = { params: Promise<{ campaignId: string; snapshotId: string }> };

export const metadata: Metadata = { title: "Published page snapshot" };

/** The extracted text of one snapshot, shown as text (never the page's HTML) on the campaign it belongs to. */
export default async function PageSnapshotPage({ params }: Params) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const p = await params;
  const campaignId = routeSegment(p.campaignId);
  const s = await getPageSnapshot(db(), ctx.org.id, routeSegment(p.snapshotId));
  if (!s || s.campaignId !== campaignId) notFound();
  const findings = (s.findings ?? []) as unknown as Finding[];
  const back = `/campaigns/${encodeURIComponent(campaignId)}`;
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumb={<Link href={back} className="inline-flex items-center gap-1 hover:text-foreground"><ArrowLeft aria-hidden="true" className="size-4" /> Campaign <span className="font-mono">{campaignId}</span></Link>}
        title={`${PAGE_KIND_LABELS[s.kind as PageKind] ?? s.kind} at submission`}
        description={<>Fetched {formatDateTime(s.fetchedAt)} from <span className="break-all font-mono text-xs">{s.finalUrl}</span>{s.status !== null ? ` (HTTP ${s.status})` : ""}.</>}
        actions={<>
          <a className="text-sm text-primary underline" href={`/api/page-snapshots/${encodeURIComponent(s.id)}?format=text`} download>Download text</a>
          {s.html !== null ? <a className="text-sm text-primary underline" href={`/api/page-snapshots/${encodeURIComponent(s.id)}?format=html`} download>Download HTML</a> : null}
        </>}
      />
      <Card>
        <CardHeader>
          <CardTitle asChild><h2>Evidence</h2></CardTitle>
          <CardDescription>
            Requested <span className="break-all font-mono text-xs">{s.requestedUrl}</span>
            {s.contentHash ? <> · sha256 <span className="break-all font-mono text-xs">{s.contentHash}</span> of the page as received</> : null}
            {s.reason ? <> · {s.reason}</> : null}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {findings.length ? (
            <ul className="grid gap-1.5 text-sm" aria-label="Findings">
              {findings.map((f, i) => (
                <li key={`${f.ruleId}-${i}`} className="flex items-start gap-2" data-rule={f.ruleId}>
                  <Badge tone={f.severity === "block" ? "danger" : f.severity === "warn" ? "warning" : "info"}>{f.severity === "block" ? "Blocks submit" : f.severity === "warn" ? "Warning" : "Note"}</Badge>
                  <span>{f.message}{f.detail ? <span className="text-muted-foreground"> ({f.detail})</span> : null}</span>
                </li>
              ))}
            </ul>
          ) : <p className="text-sm">The check found no problems on this page.</p>}
          <pre className="max-h-[70vh] overflow-auto rounded-md border bg-muted/40 p-3 text-sm whitespace-pre-wrap" data-testid="snapshot-text">{s.text || "(no text)"}</pre>
        </CardContent>
      </Card>
    </div>
  );
}
