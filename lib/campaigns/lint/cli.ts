/**
 * Command-line check for CSPs who prepare campaigns in their own tools (issue #7):
 *   tsx lib/campaigns/lint/cli.ts FILE   (or `-` for stdin)
 * reads `{ "brand": {...}, "campaign": {...}, "mnoMetadata"?: {...}, "usecaseLimits"?: {...} }` in the
 * registry's field names, prints the findings as a JSON array of {id, severity, fields, message, source}
 * (plus detail) and exits 1 when any finding blocks, 2 when the file cannot be read.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { MnoMetadataMap } from "@/lib/tcr/schemas/common";
import { hasBlockingFindings, lintCampaign } from "./engine";
import type { CampaignLintInput, Finding } from "./types";

const CliInput = z.object({
  brand: z.looseObject({
    displayName: z.string().nullish(),
    companyName: z.string().nullish(),
    entityType: z.string().nullish(),
    website: z.string().nullish(),
  }),
  // Field types are the rules' business: a wrong type shows up as a finding or is ignored.
  campaign: z.record(z.string(), z.unknown()),
  mnoMetadata: MnoMetadataMap.nullish(),
  usecaseLimits: z.object({ minSubUsecases: z.number().int().nullish(), maxSubUsecases: z.number().int().nullish() }).nullish(),
});

export interface CliFinding {
  id: string;
  severity: Finding["severity"];
  fields: string[];
  message: string;
  source: string;
  detail?: string;
}

/** Parses the JSON document and lints it; throws a readable Error on a malformed document. */
export function lintDocument(json: unknown): { findings: CliFinding[]; exitCode: 0 | 1 } {
  const parsed = CliInput.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Expected { "brand": {...}, "campaign": {...} }: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  }
  const input: CampaignLintInput = {
    brand: parsed.data.brand,
    campaign: parsed.data.campaign as CampaignLintInput["campaign"],
    mno: parsed.data.mnoMetadata ?? undefined,
    usecaseLimits: parsed.data.usecaseLimits ?? undefined,
  };
  const found = lintCampaign(input);
  const findings = found.map(({ ruleId, severity, fields, message, source, detail }) => ({
    id: ruleId, severity, fields, message, source, ...(detail ? { detail } : {}),
  }));
  return { findings, exitCode: hasBlockingFindings(found) ? 1 : 0 };
}

function main(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    process.stderr.write("usage: campaign:lint FILE   (FILE = JSON with brand, campaign and optional mnoMetadata; - for stdin)\n");
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8"));
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const { findings, exitCode } = lintDocument(json);
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    return exitCode;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
}

if (process.argv[1] && /lint[\\/]cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
