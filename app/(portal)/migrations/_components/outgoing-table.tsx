"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OutgoingRow } from "@/lib/migrations/queries";
import { BULK_KIND_LABELS, type BulkParams, type OutgoingFilter } from "@/lib/migrations/schemas";
import { DryRunPanel } from "./dry-run-panel";
import { useBulkSelection } from "./use-bulk-selection";

const migrationTone = (s: string) => (s === "Open" ? "info" : s === "Complete" ? "success" : s === "Canceled" ? "warning" : "neutral");

export function OutgoingTable({ rows, total, filter, targets, canAct }: { rows: OutgoingRow[]; total: number; filter: OutgoingFilter; targets: { id: string; label: string }[]; canAct: boolean }) {
  const [target, setTarget] = useState("");
  const [explanation, setExplanation] = useState("");
  const [kind, setKind] = useState<"MIGRATE" | "CANCEL_MIGRATION">("MIGRATE");
  const params: BulkParams | null = kind === "MIGRATE" ? (target ? { kind, upstreamCnpId: target } : null) : { kind, explanation };
  const bulk = useBulkSelection({ rowIds: rows.map((r) => r.campaignId), total, matching: { outgoing: filter }, params });
  return (
    <div className="space-y-3">
      {canAct ? (
        <section aria-labelledby="bulk-outgoing" className="space-y-3 rounded-md border p-3">
          <h2 id="bulk-outgoing" className="text-base font-semibold">Bulk action</h2>
          <div className="flex flex-wrap items-end gap-3">
            <p className="text-sm" data-testid="selection-count">
              <span className="font-medium tabular-nums">{bulk.count.toLocaleString("en-US")}</span> selected{bulk.allMatching ? " (all campaigns matching the filter, on every page)" : ""}
            </p>
            {!bulk.allMatching && total > 0 ? <Button variant="outline" size="sm" onClick={bulk.selectAllMatching}>Select all {total.toLocaleString("en-US")} matching</Button> : null}
            {bulk.allMatching || bulk.chosen.size ? <Button variant="ghost" size="sm" onClick={bulk.clear}>Clear selection</Button> : null}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <label className="grid gap-1 text-sm font-medium">Action
              <NativeSelect className="w-56" value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); bulk.reset(); }}>
                <option value="MIGRATE">Migrate to another CNP…</option><option value="CANCEL_MIGRATION">Cancel open migration</option>
              </NativeSelect>
            </label>
            {kind === "MIGRATE" ? (
              <label className="grid gap-1 text-sm font-medium">Target connectivity partner
                <NativeSelect className="w-72" value={target} onChange={(e) => { setTarget(e.target.value); bulk.reset(); }}>
                  <option value="">Choose…</option>
                  {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
                </NativeSelect>
              </label>
            ) : (
              <label className="grid gap-1 text-sm font-medium">Explanation (sent to the partners)
                <Input className="w-72" maxLength={2048} value={explanation} onChange={(e) => { setExplanation(e.target.value); bulk.reset(); }} />
              </label>
            )}
            <Button disabled={bulk.pending || bulk.count === 0 || !params} onClick={bulk.runDry}>Dry run</Button>
          </div>
          {kind === "MIGRATE" ? <p className="text-xs text-muted-foreground">Only partners that support CNP migration are listed. A migration not completed within 30 days is canceled by the registry.</p> : null}
          {bulk.dry && params ? <DryRunPanel dry={bulk.dry} actionLabel={BULK_KIND_LABELS[params.kind] + (params.kind === "MIGRATE" ? ` ${params.upstreamCnpId}` : "")} pending={bulk.pending} onExecute={bulk.execute} /> : null}
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
            <TableHead>Campaign</TableHead><TableHead>Brand</TableHead><TableHead>Use case</TableHead><TableHead>TCR status</TableHead>
            <TableHead>Chain (you → upstream)</TableHead><TableHead>Migration</TableHead><TableHead>Migrating to</TableHead><TableHead className="text-right">Days left</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow><TableCell colSpan={canAct ? 9 : 8} className="py-6 text-center text-muted-foreground">No campaigns match these filters.</TableCell></TableRow>
          ) : null}
          {rows.map((r) => (
            <TableRow key={r.campaignId}>
              {canAct ? <TableCell><Checkbox aria-label={`Select ${r.campaignId}`} checked={bulk.isChosen(r.campaignId)} onCheckedChange={() => bulk.toggle(r.campaignId)} /></TableCell> : null}
              <TableCell className="font-mono"><Link className="underline" href={`/migrations/${r.campaignId}`}>{r.campaignId}</Link></TableCell>
              <TableCell>{r.brandName ?? r.brandId}</TableCell>
              <TableCell>{r.usecase}</TableCell>
              <TableCell>{r.status}{r.suspended ? <Badge tone="danger" className="ml-1">Suspended</Badge> : null}</TableCell>
              <TableCell>
                You → {r.upstreamCnpId ?? "nobody"}{" "}
                {r.sharingStatus ? <Badge tone={r.sharingStatus === "ACCEPTED" ? "success" : r.sharingStatus === "PENDING" ? "info" : "warning"}>{r.sharingStatus}</Badge> : null}
              </TableCell>
              <TableCell><Badge tone={migrationTone(r.migrationStatus)}>{r.migrationStatus}</Badge></TableCell>
              <TableCell>{r.targetCnpId ?? "–"}</TableCell>
              <TableCell className="text-right tabular-nums">{r.daysLeft ?? "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
