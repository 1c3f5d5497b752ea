"use client";
import { Badge } from "@/components/ui/badge";
import type { Finding } from "@/lib/campaigns/lint/types";
import { cn } from "@/lib/utils";

const TONE = { block: "danger", warn: "warning", info: "info" } as const;
const WORD = { block: "Blocks submit", warn: "Warning", info: "Note" } as const;

/** Compliance findings for one or more fields, shown right under them while the user types. */
export function FieldFindings({ findings, className }: { findings: Finding[]; className?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className={cn("grid gap-1.5", className)} aria-label="Compliance check">
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} className="flex items-start gap-2 text-sm" data-rule={f.ruleId} data-severity={f.severity}>
          <Badge tone={TONE[f.severity]} className="mt-0.5">{WORD[f.severity]}</Badge>
          <span className={cn(f.severity === "block" ? "text-destructive" : "text-foreground")}>
            {f.message}
            {f.detail ? <span className="text-muted-foreground"> ({f.detail})</span> : null}
            <code className="ml-1.5 font-mono text-xs text-muted-foreground">{f.ruleId}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Findings touching any of these fields, deduplicated by rule and detail, most severe first. */
export function findingsFor(all: Finding[], fields: readonly string[]): Finding[] {
  const seen = new Set<string>();
  const order = { block: 0, warn: 1, info: 2 };
  return all
    .filter((f) => f.fields.some((x) => fields.includes(x)))
    .filter((f) => {
      const k = `${f.ruleId}|${f.detail ?? ""}|${f.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => order[a.severity] - order[b.severity]);
}
