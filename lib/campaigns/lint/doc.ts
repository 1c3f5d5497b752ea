/**
 * Renders docs/compliance-rules.md from the rule metadata, so the doc cannot drift from the code
 * (doc.test.ts compares them). Regenerate: `npx tsx lib/campaigns/lint/write-doc.ts`.
 */
import { rules } from "./engine";
import type { RuleMeta, Severity } from "./types";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

const HEADINGS: Record<Severity, string> = {
  block: "Block: the campaign cannot be submitted",
  warn: "Warn: likely rejection, submit at your own risk",
  info: "Info: good to know",
};

export function rulesDocMarkdown(list: readonly RuleMeta[] = rules): string {
  const lines: string[] = [
    "# Campaign compliance rules",
    "",
    "<!-- Generated from lib/campaigns/lint (npx tsx lib/campaigns/lint/write-doc.ts); do not edit by hand. -->",
    "",
    "The compliance check (`lib/campaigns/lint`) runs in the campaign builder while the user types, on the",
    "server before the billable campaign create, and from the command line. Each finding carries the rule id,",
    "its severity, the campaign fields it concerns (as the registry spells them), how to fix it, and where the",
    "rule comes from: the TCR CSP API reference (line numbers of `tcr-csp-api-7.8.0.txt`), a published carrier",
    "or provider rejection cause (codes as listed in `spec/anchors-mission.md` §3), or a provider rule",
    "(`spec/providers.md` §4). Heuristic checks (keyword lists) are warnings unless a miss costs a lost fee.",
    "",
    `${list.length} rules.`,
    "",
  ];
  for (const sev of ["block", "warn", "info"] as const) {
    const rs = list.filter((r) => r.severity === sev);
    lines.push(`## ${HEADINGS[sev]} (${rs.length})`, "", "| Rule | Severity | Fields | What to do | Source |", "|---|---|---|---|---|");
    for (const r of rs) {
      lines.push(`| \`${r.id}\` ${cell(r.title)} | ${r.severity} | ${r.fields.join(", ")} | ${cell(r.message)} | ${cell(r.source)} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
