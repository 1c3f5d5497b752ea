"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { dryRunAction, startBulkJobAction } from "@/lib/migrations/actions";
import { CONFIRM_COUNT_ABOVE, type BulkParams, type OutgoingFilter, type Selection } from "@/lib/migrations/schemas";
import type { DryRun } from "@/lib/migrations/commands";
import type { OutgoingRow } from "@/lib/migrations/queries";

export function OutgoingTable({ rows, total, filter, targets, canAct }: { rows: OutgoingRow[]; total: number; filter: OutgoingFilter; targets: { id: string; label: string }[]; canAct: boolean }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [target, setTarget] = useState("");
  const [kind, setKind] = useState<"MIGRATE" | "CANCEL_MIGRATION">("MIGRATE");
  const [dry, setDry] = useState<DryRun | null>(null);
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const selection: Selection = allMatching ? { outgoing: filter } : { campaignIds: [...chosen] };
  const count = allMatching ? total : chosen.size;
  const params: BulkParams | null = kind === "MIGRATE" ? (target ? { kind, upstreamCnpId: target } : null) : { kind, explanation: "" };
  const pageAll = rows.length > 0 && rows.every((r) => chosen.has(r.campaignId));
  const toggle = (id: string) => {
    setAllMatching(false);
    setDry(null);
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
    else setError(r.error);
  });
  const execute = () => params && start(async () => {
    setError(null);
    const r = await startBulkJobAction({ params, selection, confirmCount: dry && dry.total > CONFIRM_COUNT_ABOVE ? Number(confirm) : undefined });
    if (r.ok) router.push(`/jobs/${r.data.jobId}`);
    else setError(Object.values(r.fieldErrors ?? {})[0] ?? r.error);
  });
  return (
    <div className="space-y-3">
      {canAct ? (
        <section aria-label="Bulk action" className="space-y-3 rounded-md border p-3">
          <div className="flex flex-wrap items-end gap-3">
            <p className="text-sm" data-testid="selection-count">{count} selected{allMatching ? " (all matching the filter)" : ""}</p>
            {!allMatching && total > 0 ? <Button variant="outline" size="sm" onClick={() => { setAllMatching(true); setDry(null); }}>Select all {total} matching</Button> : null}
            <label className="grid gap-1 text-sm">Action
              <select className="h-9 rounded-md border px-2" value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); setDry(null); }}>
                <option value="MIGRATE">Migrate to CNP…</option><option value="CANCEL_MIGRATION">Cancel migration</option>
              </select>
            </label>
            {kind === "MIGRATE" ? (
              <label className="grid gap-1 text-sm">Target CNP
                <select className="h-9 rounded-md border px-2" value={target} onChange={(e) => { setTarget(e.target.value); setDry(null); }}>
                  <option value="">Choose…</option>
                  {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
                </select>
              </label>
            ) : null}
            <Button disabled={pending || count === 0 || !params} onClick={runDry}>Dry run</Button>
          </div>
          {kind === "MIGRATE" ? <p className="text-xs text-muted-foreground">A migration the target does not complete within 30 days is cancelled by the registry.</p> : null}
          {dry ? (
            <div className="space-y-2" data-testid="dry-run">
              <p className="text-sm font-medium">Dry run: {dry.eligible} of {dry.total} eligible. No request was sent.</p>
              {Object.entries(dry.byReason).length ? (
                <ul className="list-disc pl-5 text-sm">{Object.entries(dry.byReason).map(([k, v]) => <li key={k}>{v.count} × {v.message}</li>)}</ul>
              ) : null}
              <Table>
                <TableHeader><TableRow><TableHead>Campaign</TableHead><TableHead>Eligible</TableHead><TableHead>Why not</TableHead></TableRow></TableHeader>
                <TableBody>
                  {dry.rows.slice(0, 20).map((r) => (
                    <TableRow key={r.campaignId} className={r.eligible ? "" : "bg-danger-subtle"}>
                      <TableCell className="font-mono">{r.campaignId}</TableCell><TableCell>{r.eligible ? "Yes" : "No"}</TableCell><TableCell>{r.eligible ? "" : r.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {dry.rows.length > 20 ? <p className="text-xs text-muted-foreground">First 20 rows (ineligible first); the job reports every row.</p> : null}
              {dry.total > CONFIRM_COUNT_ABOVE ? (
                <label className="grid max-w-xs gap-1 text-sm">Type {dry.total} to confirm
                  <input className="h-9 rounded-md border px-2" inputMode="numeric" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
                </label>
              ) : null}
              <Button disabled={pending || dry.eligible === 0 || (dry.total > CONFIRM_COUNT_ABOVE && Number(confirm) !== dry.total)} onClick={execute}>
                Execute for {dry.eligible} eligible ({dry.total - dry.eligible} will be skipped)
              </Button>
            </div>
          ) : null}
          {error ? <p role="status" className="text-sm text-danger-foreground">{error}</p> : null}
        </section>
      ) : null}
      <Table>
        <TableHeader>
          <TableRow>
            {canAct ? (
              <TableHead className="w-8">
                <Checkbox aria-label="Select this page" checked={pageAll} onCheckedChange={() => { setAllMatching(false); setDry(null); setChosen(pageAll ? new Set() : new Set(rows.map((r) => r.campaignId))); }} />
              </TableHead>
            ) : null}
            <TableHead>Campaign</TableHead><TableHead>Brand</TableHead><TableHead>Use case</TableHead><TableHead>TCR status</TableHead>
            <TableHead>Chain (you → upstream)</TableHead><TableHead>Upstream sharing</TableHead><TableHead>Migration</TableHead><TableHead>Target</TableHead><TableHead className="text-right">Days left</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.campaignId}>
              {canAct ? <TableCell><Checkbox aria-label={`Select ${r.campaignId}`} checked={allMatching || chosen.has(r.campaignId)} onCheckedChange={() => toggle(r.campaignId)} /></TableCell> : null}
              <TableCell className="font-mono">{r.campaignId}</TableCell>
              <TableCell>{r.brandName ?? r.brandId}</TableCell>
              <TableCell>{r.usecase}</TableCell>
              <TableCell>{r.status}{r.suspended ? " (suspended)" : ""}</TableCell>
              <TableCell>You → {r.upstreamCnpId ?? "N/A"}</TableCell>
              <TableCell>{r.sharingStatus ?? "–"}</TableCell>
              <TableCell>{r.migrationStatus}</TableCell>
              <TableCell>{r.targetCnpId ?? "–"}</TableCell>
              <TableCell className="text-right">{r.daysLeft ?? "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
