"use client";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ACK_REASON_MIN, acknowledge, findingKey, matchAcknowledgements, withdraw, type Acknowledgement } from "@/lib/campaigns/lint/acknowledge";
import type { Finding } from "@/lib/campaigns/lint/types";

/**
 * The review step's warnings, each of which the user may acknowledge with a short reason before
 * submitting. Blocks are not listed here: they cannot be acknowledged, only fixed.
 */
export function AcknowledgeWarnings({ findings, acks, onChange }: {
  findings: Finding[];
  acks: Acknowledgement[];
  onChange: (next: Acknowledgement[]) => void;
}) {
  const m = matchAcknowledgements(findings, acks);
  const reasonOf = new Map(m.acknowledged.map((a) => [findingKey(a.finding), a.reason]));
  // One row per occurrence (rule and detail), however many fields it touches.
  const seen = new Set<string>();
  const warnings = findings.filter((f) => f.severity === "warn" && !seen.has(findingKey(f)) && seen.add(findingKey(f)));
  if (warnings.length === 0) return null;
  return (
    <section aria-label="Acknowledge warnings" className="grid gap-2">
      <p className="text-sm text-muted-foreground">
        {m.acknowledged.length} of {warnings.length} warning{warnings.length === 1 ? "" : "s"} acknowledged. An acknowledgement and its reason are recorded in the audit log when you submit.
      </p>
      <ul className="grid gap-2">
        {warnings.map((f) => (
          <WarningRow key={findingKey(f)} finding={f} reason={reasonOf.get(findingKey(f))}
            onAcknowledge={(reason) => onChange(acknowledge(acks, f, reason))}
            onWithdraw={() => onChange(withdraw(acks, f))} />
        ))}
      </ul>
    </section>
  );
}

function WarningRow({ finding: f, reason, onAcknowledge, onWithdraw }: {
  finding: Finding;
  reason: string | undefined;
  onAcknowledge: (reason: string) => void;
  onWithdraw: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const ready = draft.trim().length >= ACK_REASON_MIN;
  return (
    <li className="grid gap-1.5 rounded-md border p-2 text-sm" data-ack-rule={f.ruleId} data-acknowledged={reason ? "true" : "false"}>
      <div className="flex items-start gap-2">
        <Badge tone={reason ? "info" : "warning"} className="mt-0.5">{reason ? "Acknowledged" : "Warning"}</Badge>
        <span>
          {f.message}
          {f.detail ? <span className="text-muted-foreground"> ({f.detail})</span> : null}
          <code className="ml-1.5 font-mono text-xs text-muted-foreground">{f.ruleId}</code>
        </span>
      </div>
      {reason ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-muted-foreground">Reason: {reason}</span>
          <Button type="button" variant="outline" size="sm" onClick={onWithdraw}>Withdraw</Button>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-reason`} className="sr-only">Reason for acknowledging {f.ruleId}</label>
          <Input id={`${id}-reason`} className="min-w-64 flex-1" placeholder={`Why this is fine (at least ${ACK_REASON_MIN} characters)`} maxLength={500}
            value={draft} onChange={(e) => setDraft(e.target.value)} />
          <Button type="button" variant="outline" size="sm" disabled={!ready} onClick={() => { onAcknowledge(draft); setDraft(""); }}>Acknowledge</Button>
        </div>
      )}
    </li>
  );
}
