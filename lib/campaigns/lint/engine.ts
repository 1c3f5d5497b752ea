/** Runs the rule families over one input and returns sorted findings. Pure and client-safe. */
import type { CampaignLintInput, Finding, LintContext, Rule, RuleMeta, SampleField, Severity } from "./types";
import { SAMPLE_FIELDS } from "./types";
import { brandNameVariants, isConsumerInitiated, str } from "./text";
import { levelFor, milder } from "./policy";
import { fieldRules } from "./rules/fields";
import { keywordRules } from "./rules/keywords";
import { sampleRules } from "./rules/samples";
import { attributeRules } from "./rules/attributes";
import { contentRules } from "./rules/content";
import { usecaseRules } from "./rules/usecase";
import { qualificationRules } from "./rules/qualification";
import { consentRules } from "./rules/consent";
import type { MnoMetadataMap } from "@/lib/tcr/schemas/common";

const ALL: Rule[] = [
  ...fieldRules,
  ...keywordRules,
  ...sampleRules,
  ...attributeRules,
  ...contentRules,
  ...usecaseRules,
  ...qualificationRules,
  ...consentRules,
];

export const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/** Rule metadata in a stable order (severity, then id) for the docs page. */
export const rules: RuleMeta[] = ALL.map(({ id, severity, fields, title, message, source, policy }) => ({
  id, severity, fields, title, message, source, ...(policy ? { policy } : {}),
})).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id));

export function ruleById(id: string): RuleMeta | undefined {
  return rules.find((r) => r.id === id);
}

function selectedMnos(input: CampaignLintInput): MnoMetadataMap {
  const all = input.mno ?? {};
  const ids = input.campaign.mnoIds;
  if (!ids || ids.length === 0) return all;
  const wanted = new Set(ids.map(String));
  return Object.fromEntries(Object.entries(all).filter(([id]) => wanted.has(id)));
}

/** Every way consent is collected is the consumer texting first. */
function consumerInitiated(input: CampaignLintInput): boolean {
  const mechs = input.consent?.mechanisms;
  if (input.consent) return !!mechs?.length && mechs.every((m) => m.method === "CONSUMER_INITIATED");
  return isConsumerInitiated(str(input.campaign.messageFlow));
}

export function buildContext(input: CampaignLintInput): LintContext {
  const c = input.campaign;
  const samples: { field: SampleField; text: string }[] = [];
  for (const f of SAMPLE_FIELDS) {
    const text = str(c[f]);
    if (text) samples.push({ field: f, text });
  }
  return {
    input,
    c,
    brand: input.brand,
    samples,
    usecase: str(c.usecase).toUpperCase(),
    subUsecases: (c.subUsecases ?? []).map((s) => s.trim().toUpperCase()).filter(Boolean),
    brandNames: brandNameVariants(input.brand.displayName, input.brand.companyName, input.consent?.programName),
    mno: selectedMnos(input),
    consumerInitiated: consumerInitiated(input),
  };
}

export function lintCampaign(input: CampaignLintInput): Finding[] {
  const ctx = buildContext(input);
  const out: Finding[] = [];
  for (const rule of ALL) {
    const level = levelFor(rule, ctx.usecase, ctx.consumerInitiated);
    if (level === "off") continue;
    for (const hit of rule.check(ctx)) {
      const f: Finding = {
        ruleId: rule.id,
        severity: hit.severity ? milder(level, hit.severity) : level,
        fields: hit.fields ?? rule.fields,
        message: hit.message ?? rule.message,
        source: rule.source,
      };
      if (hit.detail) f.detail = hit.detail;
      out.push(f);
    }
  }
  // Array.prototype.sort is stable: within a severity, findings keep rule order.
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function hasBlockingFindings(findings: readonly Pick<Finding, "severity">[]): boolean {
  return findings.some((f) => f.severity === "block");
}
