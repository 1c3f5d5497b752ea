"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { dryRunAction, startBulkJobAction } from "@/lib/migrations/actions";
import type { DryRun } from "@/lib/migrations/commands";
import type { OutgoingRow } from "@/lib/migrations/queries";
import { BULK_KIND_LABELS, type BulkParams, type OutgoingFilter, type Selection } from "@/lib/migrations/schemas";
import { DryRunPanel } from "./dry-run-panel";

const migrationTone = (s: string) => (s === "Open" ? "info" : s === "Complete" ? "success" : s === "Canceled" ? "warning" : "neutral");

export function OutgoingTable({ rows, total, filter, targets, canAct }: { rows: OutgoingRow[]; total: number; filter: OutgoingFilter; targets: { id: string; label: string }[]; canAct: boolean }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [target, setTarget] = useState("");
  const [explanation, setExplanation] = useState("");
  const [kind, setKind] = useState<"MIGRATE" | "CANCEL_MIGRATION">("MIGRATE");
  const [dry, setDry] = useState<DryRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const selection: Selection = allMatching ? { outgoing: filter } : { campaignIds: [...chosen] };
  const count = allMatching ? total : chosen.size;
  const params: BulkParams | null = kind === "MIGRATE" ? (target ? { kind, upstreamCnpId: target } : null) : { kind, explanation };
  const pageAll = rows.length > 0 && rows.every((r) => chosen.has(r.campaignId));
  const reset = () => setDry(null);
  const toggle = (id: string) => {
    setAllMatching(false);
    reset();
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  };
  const runDry = () => params && start(async () => {
    setError(null);
    const r = await dryRunAction({ params, selection });
    if (r.ok) setDry(r.data);
    else setError(Object.values(r.fieldErrors ?? {})[0] ?? r.error);
  });
  const execute = (confirmCount?: number) => params && start(async () => {
    setError(null);
    const r = await startBulkJobAction({ params, selection, confirmCount });
    if (r.ok) router.push(`/jobs/${r.data.jobId}`);
    else setError(Object.values(r.fieldErrors ?? {})[0] ?? r.error);
  });
  return (
    <div className="space-y-3">
      {canAct ? (
        <section aria-labelledby="bulk-outgoing" className="space-y-3 rounded-md border p-3">
          <h2 id="bulk-outgoing" className="text-base font-semibold">Bulk action</h2>
          <div className="flex flex-wrap items-end gap-3">
            <p className="text-sm" data-testid="selection-count">
              <span className="font-medium tabular-nums">{count.toLocaleString("en-US")}</span> selected{allMatching ? " (all campaigns matching the filter, on every page)" : ""}
            </p>
            {!allMatching && total > 0 ? <Button variant="outline" size="sm" onClick={() => { setAllMatching(true); reset(); }}>Select all {total.toLocaleString("en-US")} matching</Button> : null}
            {allMatching || chosen.size ? <Button variant="ghost" size="sm" onClick={() => { setAllMatching(false); setChosen(new Set()); reset(); }}>Clear selection</Button> : null}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <label className="grid gap-1 text-sm font-medium">Action
              <NativeSelect className="w-56" value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); reset(); }}>
                <option value="MIGRATE">Migrate to another CNP…</option><option value="CANCEL_MIGRATION">Cancel open migration</option>
              </NativeSelect>
            </label>
            {kind === "MIGRATE" ? (
              <label className="grid gap-1 text-sm font-medium">Target connectivity partner
                <NativeSelect className="w-72" value={target} onChange={(e) => { setTarget(e.target.value); reset(); }}>
                  <option value="">Choose…</option>
                  {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
                </NativeSelect>
              </label>
            ) : (
              <label className="grid gap-1 text-sm font-medium">Explanation (sent to the partners)
                <Input className="w-72" maxLength={2048} value={explanation} onChange={(e) => { setExplanation(e.target.value); reset(); }} />
              </label>
            )}
            <Button disabled={pending || count === 0 || !params} onClick={runDry}>Dry run</Button>
          </div>
          {kind === "MIGRATE" ? <p className="text-xs text-muted-foreground">Only partners that support CNP migration are listed. A migration not completed within 30 days is canceled by the registry.</p> : null}
          {dry && params ? <DryRunPanel dry={dry} actionLabel={BULK_KIND_LABELS[params.kind] + (params.kind === "MIGRATE" ? ` ${params.upstreamCnpId}` : "")} pending={pending} onExecute={execute} /> : null}
          {error ? <p role="status" className="text-sm text-danger-foreground">{error}</p> : null}
        </section>
      ) : null}
      <Table>
        <TableHeader>
          <TableRow>
            {canAct ? (
              <TableHead className="w-8">
                <Checkbox aria-label="Select this page" checked={allMatching || pageAll} onCheckedChange={() => { setAllMatching(false); reset(); setChosen(pageAll ? new Set() : new Set(rows.map((r) => r.campaignId))); }} />
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
              {canAct ? <TableCell><Checkbox aria-label={`Select ${r.campaignId}`} checked={allMatching || chosen.has(r.campaignId)} onCheckedChange={() => toggle(r.campaignId)} /></TableCell> : null}
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
