"use client";
import { Check, Minus, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { carrierRows, vettingEffects, type CarrierRow } from "@/lib/campaigns/builder";
import { formatMoney } from "@/lib/campaigns/labels";
import type { UsecaseQualification } from "@/lib/tcr/schemas/campaignBuilder";

function YesNo({ value, good = true }: { value: boolean; good?: boolean }) {
  const ok = value === good;
  return (
    <span className={ok ? "inline-flex items-center gap-1 text-success-foreground" : "inline-flex items-center gap-1 text-destructive"}>
      {value ? <Check aria-hidden="true" className="size-3.5" /> : <X aria-hidden="true" className="size-3.5" />}
      {value ? "Yes" : "No"}
    </span>
  );
}
const dash = <Minus aria-label="not reported" className="size-3.5 text-muted-foreground" />;
const n = (v: number | null) => (v == null ? dash : v.toLocaleString("en-US"));

const ROWS: { label: string; cell: (r: CarrierRow) => React.ReactNode }[] = [
  { label: "Supports the use case", cell: (r) => <YesNo value={r.supported} /> },
  { label: "Brand qualifies", cell: (r) => (r.supported ? <YesNo value={r.qualifies} /> : dash) },
  { label: "Manual carrier review", cell: (r) => (r.review ? <Badge tone="info">Review</Badge> : "No") },
  { label: "Minimum samples", cell: (r) => n(r.minSamples) },
  { label: "Opt-in required", cell: (r) => (r.optinRequired ? "Yes" : "No") },
  { label: "Opt-out (STOP) required", cell: (r) => (r.optoutRequired ? "Yes" : "No") },
  { label: "HELP required", cell: (r) => (r.helpRequired ? "Yes" : "No") },
  { label: "Embedded links allowed", cell: (r) => <YesNo value={r.linksAllowed} /> },
  { label: "Embedded phone numbers allowed", cell: (r) => <YesNo value={r.phonesAllowed} /> },
  { label: "AT&T message class", cell: (r) => r.msgClass ?? dash },
  { label: "SMS / MMS per minute (AT&T)", cell: (r) => (r.tpm == null ? dash : `${n(r.tpm) as string} / ${r.mmsTpm == null ? "—" : r.mmsTpm.toLocaleString("en-US")}${r.tpmScope ? ` per ${r.tpmScope === "CAMPAIGN" ? "campaign" : "number"}` : ""}`) },
  { label: "T-Mobile brand tier", cell: (r) => r.brandTier ?? dash },
  { label: "Messages per day (T-Mobile)", cell: (r) => (r.brandTier ? (r.brandDailyCap == null ? "Uncapped" : n(r.brandDailyCap)) : dash) },
];

/** The registry's per-carrier answer for one brand and use case, as a criteria × carrier table. */
export function QualificationMatrix({ q, usecaseLabel }: { q: UsecaseQualification; usecaseLabel: string }) {
  const rows = carrierRows(q.mnoMetadata);
  const effects = vettingEffects(rows);
  const qualifying = rows.filter((r) => r.qualifies).length;
  return (
    <div className="space-y-3" data-testid="qualification-matrix" data-usecase={q.usecase}>
      <p className="text-sm">
        <strong>{usecaseLabel}</strong>: the brand qualifies on <strong>{qualifying} of {rows.length}</strong> carriers.
        {" "}Fee {formatMoney(q.monthlyFee)} a month
        {q.quarterlyFee != null ? ` (${formatMoney(q.quarterlyFee)} a quarter` : ""}
        {q.annualFee != null ? `, ${formatMoney(q.annualFee)} a year)` : q.quarterlyFee != null ? ")" : ""}.
      </p>
      <div className="overflow-x-auto rounded-md border" tabIndex={0} role="region" aria-label={`Carrier qualification for ${usecaseLabel}`}>
        <table className="w-full text-sm">
          <caption className="sr-only">What each carrier says about this brand and use case</caption>
          <thead className="bg-muted/50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">Carrier</th>
              {rows.map((r) => (
                <th key={r.mnoId} scope="col" className="px-3 py-2 text-left font-medium">
                  {r.name}
                  <div className="font-mono text-xs font-normal text-muted-foreground">{r.mnoId}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label} className="border-t">
                <th scope="row" className="px-3 py-1.5 text-left font-normal text-muted-foreground">{row.label}</th>
                {rows.map((r) => <td key={r.mnoId} className="px-3 py-1.5 tabular-nums">{row.cell(r)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {effects.length ? (
        <div className="rounded-md border border-info-border bg-info-subtle p-3 text-sm text-info-foreground">
          <p className="font-medium">What vetting would change</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {effects.map((e) => <li key={e}>{e}</li>)}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
