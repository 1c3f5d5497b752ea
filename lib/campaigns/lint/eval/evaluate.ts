/**
 * Measured evaluation of the compliance check on a corpus of legitimate and flawed campaigns
 * (corpus.json; see its "about"). Pure: the CLI (cli.ts) and the test (evaluate.test.ts) share it.
 *
 * - recall: flawed campaigns on which the named rule fires on the named field (at block or warn);
 * - false-block rate: legitimate campaigns with any blocking finding;
 * - flag precision: flagged campaigns (any block or warn) that are flawed;
 * - block precision: blocked campaigns that are flawed.
 */
import { z } from "zod";
import { MnoMetadataMap } from "@/lib/tcr/schemas/common";
import { lintCampaign } from "../engine";
import type { CampaignLintFields, CampaignLintInput, Finding } from "../types";

const Brand = z.object({
  displayName: z.string().nullish(),
  companyName: z.string().nullish(),
  entityType: z.string().nullish(),
  website: z.string().nullish(),
});
const Fields = z.record(z.string(), z.unknown());
/** Carrier metadata patches, keyed by network id, or "*" for every carrier. */
const MnoPatch = z.record(z.string(), z.record(z.string(), z.unknown()));

const Legitimate = z.object({
  id: z.string().min(1),
  brand: Brand,
  campaign: Fields,
  note: z.string().optional(),
  mnoMetadata: MnoPatch.optional(),
});
const Flawed = z.object({
  id: z.string().min(1),
  base: z.string().min(1),
  rule: z.string().min(1),
  field: z.string().min(1),
  cause: z.string().min(5),
  patch: Fields,
  brandPatch: Brand.partial().optional(),
  mnoMetadata: MnoPatch.optional(),
});
export const Corpus = z.object({
  about: z.array(z.string()).optional(),
  defaults: z.object({ campaign: Fields, mnoMetadata: MnoMetadataMap }),
  legitimate: z.array(Legitimate).min(1),
  flawed: z.array(Flawed).min(1),
});
export type Corpus = z.infer<typeof Corpus>;

export interface Case {
  id: string;
  kind: "legitimate" | "flawed";
  usecase: string;
  input: CampaignLintInput;
  /** Flawed only: the rule and field the campaign breaks. */
  expect?: { rule: string; field: string; cause: string };
}

function applyMno(base: MnoMetadataMap, patch: z.infer<typeof MnoPatch> | undefined): MnoMetadataMap {
  const out: MnoMetadataMap = structuredClone(base);
  for (const [id, p] of Object.entries(patch ?? {})) {
    for (const key of id === "*" ? Object.keys(out) : [id]) out[key] = { ...out[key], ...p } as MnoMetadataMap[string];
  }
  return out;
}

/** A patch value of null removes the field, as a CSP leaving it empty would. */
function applyFields(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The corpus as lint inputs; throws on a flawed case whose base does not exist. */
export function corpusCases(corpus: Corpus): Case[] {
  const legit = new Map<string, Case>();
  for (const l of corpus.legitimate) {
    if (legit.has(l.id)) throw new Error(`duplicate legitimate id ${l.id}`);
    const campaign = applyFields(corpus.defaults.campaign, l.campaign) as CampaignLintFields;
    legit.set(l.id, {
      id: l.id,
      kind: "legitimate",
      usecase: String(campaign.usecase ?? ""),
      input: { brand: l.brand, campaign, mno: applyMno(corpus.defaults.mnoMetadata, l.mnoMetadata) },
    });
  }
  const flawed = corpus.flawed.map((f): Case => {
    const base = legit.get(f.base);
    if (!base) throw new Error(`${f.id}: unknown base ${f.base}`);
    const campaign = applyFields(base.input.campaign as Record<string, unknown>, f.patch) as CampaignLintFields;
    return {
      id: f.id,
      kind: "flawed",
      usecase: String(campaign.usecase ?? "") || String(base.input.campaign.usecase ?? ""),
      input: { brand: { ...base.input.brand, ...f.brandPatch }, campaign, mno: applyMno(base.input.mno ?? {}, f.mnoMetadata) },
      expect: { rule: f.rule, field: f.field, cause: f.cause },
    };
  });
  return [...legit.values(), ...flawed];
}

export interface CaseResult {
  id: string;
  kind: Case["kind"];
  usecase: string;
  findings: Finding[];
  blocked: boolean;
  flagged: boolean;
  /** Flawed: the named rule fired on the named field. */
  caught?: boolean;
  expect?: Case["expect"];
}

export interface Metrics {
  legitimate: number;
  flawed: number;
  caught: number;
  falseBlocks: number;
  /** Legitimate campaigns with a warning (no block). */
  legitimateWarned: number;
  flawedBlocked: number;
  recall: number;
  falseBlockRate: number;
  flagPrecision: number;
  blockPrecision: number;
}

export interface Report {
  overall: Metrics;
  byUsecase: Record<string, Metrics>;
  results: CaseResult[];
}

export function runCase(c: Case): CaseResult {
  const findings = lintCampaign(c.input);
  const blocked = findings.some((f) => f.severity === "block");
  const flagged = blocked || findings.some((f) => f.severity === "warn");
  const r: CaseResult = { id: c.id, kind: c.kind, usecase: c.usecase, findings, blocked, flagged };
  if (c.expect) {
    const { rule, field } = c.expect;
    r.expect = c.expect;
    r.caught = findings.some((f) => f.ruleId === rule && f.severity !== "info" && (f.fields as string[]).includes(field));
  }
  return r;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function metrics(results: readonly CaseResult[]): Metrics {
  const legit = results.filter((r) => r.kind === "legitimate");
  const flawed = results.filter((r) => r.kind === "flawed");
  const caught = flawed.filter((r) => r.caught).length;
  const falseBlocks = legit.filter((r) => r.blocked).length;
  const flawedFlagged = flawed.filter((r) => r.flagged).length;
  const flawedBlocked = flawed.filter((r) => r.blocked).length;
  const legitFlagged = legit.filter((r) => r.flagged).length;
  return {
    legitimate: legit.length,
    flawed: flawed.length,
    caught,
    falseBlocks,
    legitimateWarned: legit.filter((r) => r.flagged && !r.blocked).length,
    flawedBlocked,
    recall: ratio(caught, flawed.length),
    falseBlockRate: legit.length ? falseBlocks / legit.length : 0,
    flagPrecision: ratio(flawedFlagged, flawedFlagged + legitFlagged),
    blockPrecision: ratio(flawedBlocked, flawedBlocked + falseBlocks),
  };
}

export function evaluate(corpus: Corpus): Report {
  const results = corpusCases(corpus).map(runCase);
  const byUsecase: Record<string, Metrics> = {};
  for (const u of [...new Set(results.map((r) => r.usecase || "(none)"))].sort()) {
    byUsecase[u] = metrics(results.filter((r) => (r.usecase || "(none)") === u));
  }
  return { overall: metrics(results), byUsecase, results };
}

/** The thresholds of issue 17: recall at least 95 %, no false block. */
export const THRESHOLDS = { minRecall: 0.95, maxFalseBlocks: 0 } as const;

export function meetsThresholds(m: Metrics): boolean {
  return m.recall >= THRESHOLDS.minRecall && m.falseBlocks <= THRESHOLDS.maxFalseBlocks;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: Report): string {
  const head = "| Use case | Legit | Flawed | Recall | False blocks | False-block rate | Flag precision | Block precision | Legit warned |";
  const row = (name: string, m: Metrics) =>
    `| ${name} | ${m.legitimate} | ${m.flawed} | ${m.flawed ? pct(m.recall) : "–"} | ${m.falseBlocks} | ${m.legitimate ? pct(m.falseBlockRate) : "–"} | ${pct(m.flagPrecision)} | ${pct(m.blockPrecision)} | ${m.legitimateWarned} |`;
  const lines = [head, "|---|--:|--:|--:|--:|--:|--:|--:|--:|"];
  for (const [u, m] of Object.entries(r.byUsecase)) lines.push(row(u, m));
  lines.push(row("**overall**", r.overall));
  const misses = r.results.filter((x) => x.kind === "flawed" && !x.caught);
  const falseBlocks = r.results.filter((x) => x.kind === "legitimate" && x.blocked);
  lines.push("");
  lines.push(`Recall ${pct(r.overall.recall)} (${r.overall.caught}/${r.overall.flawed}), false blocks ${r.overall.falseBlocks}/${r.overall.legitimate}, ` +
    `flawed campaigns blocked ${r.overall.flawedBlocked}/${r.overall.flawed}.`);
  for (const m of misses) lines.push(`MISSED ${m.id}: ${m.expect?.rule} on ${m.expect?.field} (${m.expect?.cause}); found ${m.findings.map((f) => f.ruleId).join(", ") || "nothing"}`);
  for (const b of falseBlocks) {
    lines.push(`FALSE BLOCK ${b.id}: ${b.findings.filter((f) => f.severity === "block").map((f) => `${f.ruleId}${f.detail ? ` (${f.detail})` : ""}`).join(", ")}`);
  }
  const verdict = meetsThresholds(r.overall) ? "PASS" : "FAIL";
  lines.push(`${verdict}: thresholds recall >= ${pct(THRESHOLDS.minRecall)}, false blocks <= ${THRESHOLDS.maxFalseBlocks}.`);
  return lines.join("\n");
}
