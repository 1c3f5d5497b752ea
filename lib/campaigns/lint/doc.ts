/**
 * Renders docs/compliance-rules.md from the rule metadata, so the doc cannot drift from the code
 * (doc.test.ts compares them). Regenerate: `npx tsx lib/campaigns/lint/write-doc.ts`.
 */
import { PAGE_KIND_LABELS, PAGE_RULES } from "../pages/check";
import { rules } from "./engine";
import { ALL_USECASES, levelFor, RESPONSIVE_USECASES } from "./policy";
import type { Level, RuleMeta, Severity } from "./types";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

const HEADINGS: Record<Severity, string> = {
  block: "Block: a certain rejection, the campaign cannot be submitted",
  warn: "Warn: a likely rejection or a best practice, submit at your own risk",
  info: "Info: good to know",
};

export const LEVEL_LETTER: Record<Level, string> = { block: "B", warn: "W", info: "I", off: "–" };

/** "block for MARKETING, MIXED; off for 2FA; consumer-initiated opt-in: warn", or "all use cases". */
export function severityPerUsecase(r: RuleMeta): string {
  const by = new Map<Level, string[]>();
  for (const [u, l] of Object.entries(r.policy?.byUsecase ?? {})) {
    if (l !== r.severity) by.set(l, [...(by.get(l) ?? []), u]);
  }
  const parts = [...by.entries()].map(([l, us]) => `${l} for ${us.sort().join(", ")}`);
  if (r.policy?.consumerInitiated) parts.push(`at most ${r.policy.consumerInitiated} for ${RESPONSIVE_USECASES.join(", ")} when every opt-in is consumer-initiated`);
  return parts.length ? parts.join("; ") : "all use cases";
}

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
    "(`spec/providers.md` §4).",
    "",
    "## Policy: a block means a certain rejection",
    "",
    "A finding **blocks** the submit only where the rejection is certain for the campaign's use case:",
    "",
    "- the registry refuses the request (field limits and required-if rules of the campaign builder's validation table);",
    "- the registry's per-carrier metadata says so (`mnoSupport`, `qualify`, `minMsgSamples`, `noEmbeddedLink`,",
    "  `noEmbeddedPhone`, `reqSubscriberOptin/Optout/Help`);",
    "- a published carrier rejection cause is unambiguous for that use case: content carriers refuse and do not",
    "  accept again (cannabis, sexual, gambling, hate, high-risk financial), undeclared links, phone numbers, lending",
    "  or age-gated content, public URL shorteners, samples that never name the brand, samples of recurring",
    "  promotional programs without opt-out language, a message flow that names no opt-in method, and the opt-in",
    "  notice's frequency, rates, HELP and STOP lines for recurring programs.",
    "",
    "The evaluation corpus (`lib/campaigns/lint/eval/corpus.json`, `npm run -s lint:eval`) measures this policy:",
    "no legitimate campaign may block, and the named rule must fire on at least 95 % of the flawed ones.",
    "",
    "Everything else **warns**: likely rejections whose detection is a heuristic or whose requirement depends on how",
    "the program is run, and best practices. A warning never stops a submit; on the review step it can be",
    "**acknowledged** with a short reason, which the submit records in the audit log",
    "(`campaign.warnings.acknowledge`) and the campaign page shows. A block cannot be acknowledged. **Info** findings are notes",
    "(manual review ahead, number pooling). Severity may depend on the use case: one-time codes (2FA) carry no",
    "frequency, HELP or opt-out lines (the registry's own 2FA request sample has none), a conversation the consumer",
    "starts has no opt-in notice at all (for use cases whose messages are all replies to it), and relayed,",
    "machine or platform traffic has no public call to action.",
    "The table below gives each rule's default severity and where it differs; the matrix after it spells the",
    "severity out for every use case.",
    "",
    `${list.length} rules.`,
    "",
  ];
  for (const sev of ["block", "warn", "info"] as const) {
    const rs = list.filter((r) => r.severity === sev);
    lines.push(`## ${HEADINGS[sev]} (${rs.length})`, "", "| Rule | Default | Per use case | Fields | What to do | Source |", "|---|---|---|---|---|---|");
    for (const r of rs) {
      lines.push(`| \`${r.id}\` ${cell(r.title)} | ${r.severity} | ${cell(severityPerUsecase(r))} | ${r.fields.join(", ")} | ${cell(r.message)} | ${cell(r.source)} |`);
    }
    lines.push("");
  }
  lines.push(
    "## Severity per use case",
    "",
    "B = block, W = warn, I = info, – = does not apply. A rule marked * is at most a warning for",
    `${RESPONSIVE_USECASES.join(" and ")} when every opt-in is consumer-initiated (the consumer texts first).`,
    "",
    `| Rule | ${ALL_USECASES.join(" | ")} |`,
    `|---|${ALL_USECASES.map(() => ":-:").join("|")}|`,
  );
  for (const r of list) {
    const mark = r.policy?.consumerInitiated ? "*" : "";
    lines.push(`| \`${r.id}\`${mark} | ${ALL_USECASES.map((u) => LEVEL_LETTER[levelFor(r, u)]).join(" | ")} |`);
  }
  lines.push(
    "",
    "## Published pages",
    "",
    "Before submission the review step fetches the privacy policy, the terms and the opt-in pages (the registry's",
    "link fields, the consent builder's links and evidence URLs, links in the message flow) through a guarded",
    "fetcher (`lib/campaigns/pages/fetch.ts`: http/https only, public addresses only unless `PAGE_CHECK_ALLOW`",
    "names the host:port, each redirect re-checked, at most 5 redirects, 5 s, 2 MB, HTML or plain text) and keeps",
    "a snapshot of each on the campaign (final URL, status, time, sha256, text, HTML). The same policy applies:",
    "a page that does not load is a certain rejection and blocks, and so does a privacy policy that says it",
    "shares or sells mobile numbers, SMS data or opt-in consent (negations such as \"will not be shared\" and the",
    "carriers' standard clause read as good); wording whose reading is a heuristic warns. The submit refuses while",
    "the latest check of the draft's current URLs has a block. These rules are the same for every use case.",
    "",
    "| Severity | Rule | Pages | Source |",
    "|---|---|---|---|",
    ...PAGE_RULES.map((r) => `| ${r.severity} | \`${r.id}\` ${cell(r.title)} | ${r.pages.map((k) => PAGE_KIND_LABELS[k]).join(", ")} | ${cell(r.source)} |`),
    "",
  );
  return lines.join("\n");
}
