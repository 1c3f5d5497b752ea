"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { mnoName } from "@/lib/campaigns/carriers";
import { formatDate } from "@/lib/format";
import type { IncomingRow } from "@/lib/migrations/queries";
import { BULK_KIND_LABELS, REJECTION_CATEGORIES, REJECTION_CATEGORY_LABELS, type BulkParams, type IncomingFilter } from "@/lib/migrations/schemas";
import { DryRunPanel } from "../../migrations/_components/dry-run-panel";
import { useBulkSelection } from "../../migrations/_components/use-bulk-selection";

type Partner = { id: string; label: string; isDca: boolean; cnpMigrationSupported: boolean };
type Category = (typeof REJECTION_CATEGORIES)[number];

const sharingTone = (s: string | null) => (s === "PENDING" ? "info" : s === "ACCEPTED" ? "success" : s === "DECLINED" ? "danger" : "neutral");

export function IncomingTable({ rows, total, filter, partners, canAct }: { rows: IncomingRow[]; total: number; filter: IncomingFilter; partners: Partner[]; canAct: boolean }) {
  const [kind, setKind] = useState<"ELECT" | "DECLINE">("ELECT");
  const [upstream, setUpstream] = useState("");
  const [categories, setCategories] = useState<Category[]>([]);
  const [explanation, setExplanation] = useState("");
  const params: BulkParams | null =
    kind === "ELECT" ? (upstream ? { kind, upstreamCnpId: upstream } : null)
      : categories.length && explanation.trim() ? { kind, rejectionCategory: categories, explanation: explanation.trim() } : null;
  const bulk = useBulkSelection({ rowIds: rows.map((r) => r.campaignId), total, matching: { incoming: filter }, params });
  const reset = bulk.reset;
  const toggleCategory = (c: Category) => { reset(); setCategories((cs) => (cs.includes(c) ? cs.filter((x) => x !== c) : [...cs, c])); };
  const missing = kind === "ELECT" ? (upstream ? null : "Choose whom to share on to.") : !categories.length ? "Choose at least one category." : !explanation.trim() ? "Explain why." : null;
  return (
    <div className="space-y-3">
      {canAct ? (
        <section aria-labelledby="bulk-incoming" className="space-y-3 rounded-md border p-3">
          <h2 id="bulk-incoming" className="text-base font-semibold">Bulk action</h2>
          <div className="flex flex-wrap items-end gap-3">
            <p className="text-sm" data-testid="selection-count">
              <span className="font-medium tabular-nums">{bulk.count.toLocaleString("en-US")}</span> selected{bulk.allMatching ? " (all shares matching the filter, on every page)" : ""}
            </p>
            {!bulk.allMatching && total > 0 ? <Button variant="outline" size="sm" onClick={bulk.selectAllMatching}>Select all {total.toLocaleString("en-US")} matching</Button> : null}
            {bulk.allMatching || bulk.chosen.size ? <Button variant="ghost" size="sm" onClick={bulk.clear}>Clear selection</Button> : null}
          </div>
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="sr-only">Action</legend>
            <label className="flex items-center gap-2"><input type="radio" name="incoming-kind" className="accent-primary" checked={kind === "ELECT"} onChange={() => { setKind("ELECT"); reset(); }} />Accept and share on (elect)</label>
            <label className="flex items-center gap-2"><input type="radio" name="incoming-kind" className="accent-primary" checked={kind === "DECLINE"} onChange={() => { setKind("DECLINE"); reset(); }} />Decline</label>
          </fieldset>
          {kind === "ELECT" ? (
            <div className="space-y-1">
              <label className="grid max-w-md gap-1 text-sm font-medium">Share on to (your upstream CNP, or a DCA to elect it)
                <NativeSelect value={upstream} onChange={(e) => { setUpstream(e.target.value); reset(); }}>
                  <option value="">Choose…</option>
                  {partners.map((p) => <option key={p.id} value={p.id}>{p.label}{p.cnpMigrationSupported ? "" : " – no CNP migration"}</option>)}
                </NativeSelect>
              </label>
              <p className="text-xs text-muted-foreground">Accepting is sharing on: the share with you becomes ACCEPTED and a new PENDING share goes to this partner. For a migration share the partner must support CNP migration.</p>
            </div>
          ) : (
            <div className="space-y-2">
              <fieldset className="grid gap-1 text-sm sm:grid-cols-2">
                <legend className="mb-1 font-medium">Rejection category (the registry&apos;s list; at least one)</legend>
                {REJECTION_CATEGORIES.map((c) => (
                  <label key={c} className="flex items-start gap-2">
                    <input type="checkbox" className="mt-0.5 size-4 accent-primary" checked={categories.includes(c)} onChange={() => toggleCategory(c)} />
                    <span><code className="text-xs">{c}</code> <span className="text-xs text-muted-foreground">{REJECTION_CATEGORY_LABELS[c]}</span></span>
                  </label>
                ))}
              </fieldset>
              <label className="grid max-w-xl gap-1 text-sm font-medium">Explanation (sent to the partner who shared it)
                <Textarea maxLength={2048} rows={2} value={explanation} onChange={(e) => { setExplanation(e.target.value); reset(); }} />
              </label>
              <p className="text-xs text-muted-foreground">The registry removes a declined request; the partner may share it again later.</p>
            </div>
          )}
          <div className="flex items-center gap-3">
            <Button disabled={bulk.pending || bulk.count === 0 || !params} onClick={bulk.runDry}>Dry run</Button>
            {bulk.count > 0 && missing ? <span className="text-xs text-muted-foreground">{missing}</span> : null}
          </div>
          {bulk.dry && params ? <DryRunPanel dry={bulk.dry} actionLabel={BULK_KIND_LABELS[params.kind] + (params.kind === "ELECT" ? ` → ${params.upstreamCnpId}` : "")} pending={bulk.pending} onExecute={bulk.execute} /> : null}
          {bulk.error ? <p role="status" className="text-sm text-danger-foreground">{bulk.error}</p> : null}
        </section>
      ) : null}
      <Table>
        <TableHeader>
          <TableRow>
            {canAct ? (
              <TableHead className="w-8">
                <Checkbox aria-label="Select this page" checked={bulk.allMatching || bulk.pageAll} onCheckedChange={bulk.togglePage} />
              </TableHead>
            ) : null}
            <TableHead>Campaign</TableHead><TableHead>Shared by, when</TableHead><TableHead>Use case, brand</TableHead>
            <TableHead>Kind</TableHead><TableHead>Carriers</TableHead><TableHead>Sharing status</TableHead><TableHead>Shared on to</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow><TableCell colSpan={canAct ? 8 : 7} className="py-6 text-center text-muted-foreground">No partner campaigns match these filters.</TableCell></TableRow>
          ) : null}
          {rows.map((r) => (
            <TableRow key={r.campaignId}>
              {canAct ? <TableCell><Checkbox aria-label={`Select ${r.campaignId}`} checked={bulk.isChosen(r.campaignId)} onCheckedChange={() => bulk.toggle(r.campaignId)} /></TableCell> : null}
              <TableCell className="font-mono"><Link className="underline" href={`/migrations/${r.campaignId}`}>{r.campaignId}</Link></TableCell>
              <TableCell><span className="font-mono">{r.downstreamCnpId ?? "–"}</span><span className="block text-xs text-muted-foreground">{formatDate(r.sharedAt)}</span></TableCell>
              <TableCell>
                {r.usecase ?? "–"}{r.status && r.status !== "ACTIVE" ? <Badge tone="warning" className="ml-1">{r.status}</Badge> : null}
                <span className="block font-mono text-xs text-muted-foreground">{r.brandId ?? "–"}</span>
              </TableCell>
              <TableCell className="whitespace-normal">
                {r.cnpMigration ? (
                  <span>
                    <Badge tone="info">Migration</Badge>
                    {r.previouslyAccepted ? <span className="block text-xs text-muted-foreground">You accepted it before</span> : null}
                    {r.daysLeft !== null ? <span className="block text-xs text-muted-foreground">{r.daysLeft} days left</span> : r.migrationStatus ? <span className="block text-xs text-muted-foreground">{r.migrationStatus}</span> : null}
                  </span>
                ) : "Share"}
              </TableCell>
              <TableCell className="whitespace-normal text-xs">{r.carriers.length ? r.carriers.map((c) => mnoName(c, true)).join(", ") : "–"}</TableCell>
              <TableCell><Badge tone={sharingTone(r.sharingStatus)}>{r.sharingStatus ?? "–"}</Badge></TableCell>
              <TableCell className="font-mono">{r.upstreamCnpId ?? "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
