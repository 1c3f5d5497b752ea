"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DryRun } from "@/lib/migrations/commands";
import { CONFIRM_COUNT_ABOVE } from "@/lib/migrations/schemas";

const SHOWN = 20;

/**
 * The answer of a dry run (no request sent): how many campaigns are eligible, why the others are not, the
 * first rows (ineligible first), and the button that starts the bulk job. Above CONFIRM_COUNT_ABOVE campaigns
 * the count must be typed first.
 */
export function DryRunPanel({ dry, actionLabel, pending, onExecute }: { dry: DryRun; actionLabel: string; pending: boolean; onExecute: (confirmCount?: number) => void }) {
  const [confirm, setConfirm] = useState("");
  const needsCount = dry.total > CONFIRM_COUNT_ABOVE;
  const skipped = dry.total - dry.eligible;
  return (
    <div className="space-y-3 rounded-md border border-info-border bg-info-subtle/40 p-3" data-testid="dry-run">
      <h3 className="text-sm font-semibold">
        Dry run: {dry.eligible.toLocaleString("en-US")} of {dry.total.toLocaleString("en-US")} eligible for “{actionLabel}”. Nothing was sent to the registry.
      </h3>
      {Object.entries(dry.byReason).length ? (
        <div className="text-sm">
          <p>Will be skipped:</p>
          <ul className="list-disc pl-5">
            {Object.entries(dry.byReason).map(([k, v]) => <li key={k}><span className="font-medium tabular-nums">{v.count}</span> × {v.message}</li>)}
          </ul>
        </div>
      ) : <p className="text-sm">Every selected campaign is eligible.</p>}
      <Table>
        <TableHeader><TableRow><TableHead>Campaign</TableHead><TableHead>Eligible</TableHead><TableHead>Why not</TableHead></TableRow></TableHeader>
        <TableBody>
          {dry.rows.slice(0, SHOWN).map((r) => (
            <TableRow key={r.campaignId} className={r.eligible ? "" : "bg-danger-subtle"}>
              <TableCell className="font-mono">{r.campaignId}</TableCell>
              <TableCell>{r.eligible ? "Yes" : "No"}</TableCell>
              <TableCell className="whitespace-normal">{r.eligible ? "" : r.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {dry.total > SHOWN ? <p className="text-xs text-muted-foreground">First {SHOWN} of {dry.total.toLocaleString("en-US")} rows, ineligible first. The job reports every row.</p> : null}
      {needsCount ? (
        <label className="grid max-w-xs gap-1 text-sm font-medium">Type {dry.total} to confirm an action on {dry.total.toLocaleString("en-US")} campaigns
          <Input inputMode="numeric" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
      ) : null}
      <Button disabled={pending || dry.eligible === 0 || (needsCount && Number(confirm) !== dry.total)} onClick={() => onExecute(needsCount ? Number(confirm) : undefined)}>
        {actionLabel}: run for {dry.eligible.toLocaleString("en-US")} eligible{skipped ? ` (${skipped.toLocaleString("en-US")} will be skipped)` : ""}
      </Button>
      <p className="text-xs text-muted-foreground">Runs as a bulk job at the registry&apos;s write rate; eligibility is checked again for each campaign just before it is sent.</p>
    </div>
  );
}
