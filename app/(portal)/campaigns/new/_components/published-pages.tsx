"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { checkPublishedPagesAction } from "@/lib/campaigns/actions";
import { PAGE_KIND_LABELS } from "@/lib/campaigns/pages/check";
import type { PageSnapshotView } from "@/lib/campaigns/pages/snapshots";
import { FieldFindings } from "./findings";

const OUTCOME = {
  loaded: { tone: "success", word: "Loaded" },
  refused: { tone: "danger", word: "Refused" },
  failed: { tone: "danger", word: "Did not load" },
} as const;

/**
 * The review step's "Check published pages": saves the draft, fetches its privacy policy, terms and opt-in
 * pages on the server (guarded fetcher) and lists each URL with what happened and what was found. The
 * submit refuses while the latest check of the current URLs has a blocking finding.
 */
export function PublishedPagesCheck({ saveDraft, titleId }: { saveDraft: () => Promise<string | null>; titleId: string }) {
  const [pages, setPages] = useState<PageSnapshotView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setError(null);
    setRunning(true);
    try {
      const draftId = await saveDraft();
      if (!draftId) return setError("Save the draft first: choose a brand.");
      const r = await checkPublishedPagesAction({ draftId });
      if (!r.ok) return setError(r.error);
      setPages(r.data.pages);
    } finally {
      setRunning(false);
    }
  };

  const blocks = pages?.reduce((n, p) => n + p.findings.filter((f) => f.severity === "block").length, 0) ?? 0;
  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle asChild><h3 id={titleId}>Published pages</h3></CardTitle>
        <CardDescription>
          Carrier reviewers open the privacy policy, the terms and the opt-in page. Check them as the reviewer will; a
          snapshot of each (address, status, time, hash, text and HTML) is kept with the campaign as evidence.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <div>
          <Button type="button" variant="outline" onClick={run} disabled={running}>
            {running ? "Checking pages…" : pages ? "Check published pages again" : "Check published pages"}
          </Button>
        </div>
        {error ? <p role="alert" className="text-destructive">{error}</p> : null}
        {pages ? (
          <div aria-live="polite" className="grid gap-3">
            <p>
              {pages.length === 0
                ? "The draft has no privacy policy, terms or opt-in page address yet."
                : blocks
                  ? `${blocks} problem${blocks === 1 ? "" : "s"} would get this campaign rejected; the submit is refused until a new check passes.`
                  : `${pages.length} page${pages.length === 1 ? "" : "s"} checked; nothing blocks.`}
            </p>
            <ul className="grid gap-3" aria-label="Checked pages">
              {pages.map((p) => (
                <li key={p.id} className="grid gap-1.5 rounded-md border p-3" data-testid="page-check" data-outcome={p.outcome}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={OUTCOME[p.outcome].tone}>{OUTCOME[p.outcome].word}</Badge>
                    <span className="font-medium">{PAGE_KIND_LABELS[p.kind]}</span>
                    <span className="break-all font-mono text-xs">{p.requestedUrl}</span>
                  </div>
                  {p.finalUrl !== p.requestedUrl ? <p className="break-all text-muted-foreground">Ended at <span className="font-mono text-xs">{p.finalUrl}</span></p> : null}
                  <p className="text-muted-foreground">
                    {p.status !== null ? `HTTP ${p.status}` : "No response"}
                    {p.reason ? ` · ${p.reason}` : ""}
                    {p.contentHash ? <> · sha256 <span className="font-mono text-xs">{p.contentHash.slice(0, 12)}…</span></> : null}
                  </p>
                  {p.findings.length ? <FieldFindings findings={p.findings} /> : p.outcome === "loaded" ? <p>No problems found.</p> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
