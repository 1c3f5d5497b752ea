/**
 * The import dry run from the command line (issue 19):
 *   npm run -s import -- --dry-run --kind brands|campaigns FILE.csv [--org ORGID] [--brands BRANDS.csv]
 * prints {"rows":[…],"totals":{…}} and exits 1 when any row fails, 2 on a usage error or a file that cannot
 * be read. --org checks duplicates and brand ids against that organization's mirror (DATABASE_URL), prices
 * with its upstream's fees and asks its registry connection for each campaign's qualification (carriers, fee);
 * --brands resolves a campaign file's brandRef column against a brand file.
 * Only the dry run exists here: running the import is the bulk job's (not wired to this command yet).
 */
import { createReadStream } from "node:fs";
import { IMPORT_KINDS, type ImportKind } from "./columns";
import { dryRunBrands, dryRunCampaigns, dryRunJson, type DryRunOptions } from "./dry-run";
import { orgDryRunOptions } from "./org-options";
import { ImportFileError } from "./parse";

export const USAGE = "usage: npm run -s import -- --dry-run --kind brands|campaigns FILE.csv [--org ORGID] [--brands BRANDS.csv]";

export type CliArgs = { kind: ImportKind; file: string; org?: string; brands?: string };

/** The arguments, or the usage error in words. */
export function parseArgs(argv: string[]): CliArgs | { error: string } {
  let dry = false;
  let kind: string | undefined;
  let org: string | undefined;
  let brands: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--dry-run") dry = true;
    else if (a === "--kind" || a === "--org" || a === "--brands") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) return { error: `${a} needs a value` };
      if (a === "--kind") kind = v;
      else if (a === "--org") org = v;
      else brands = v;
    } else if (a.startsWith("--")) return { error: `unknown option ${a}` };
    else files.push(a);
  }
  if (!dry) return { error: "only --dry-run is supported from the command line" };
  if (!kind || !IMPORT_KINDS.includes(kind as ImportKind)) return { error: "--kind must be brands or campaigns" };
  if (files.length !== 1) return { error: "give exactly one FILE.csv" };
  if (brands && kind !== "campaigns") return { error: "--brands is for --kind campaigns" };
  return { kind: kind as ImportKind, file: files[0]!, org, brands };
}

export async function main(argv: string[], out: { write(s: string): unknown } = process.stdout, err: { write(s: string): unknown } = process.stderr): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) {
    err.write(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  let close: (() => Promise<void>) | undefined;
  try {
    const opts: DryRunOptions = {};
    if (args.org) {
      const { db } = await import("@/lib/db");
      const client = db();
      close = () => client.$disconnect();
      const org = await client.organization.findUnique({ where: { id: args.org }, select: { id: true } });
      if (!org) {
        err.write(`no organization ${args.org}\n`);
        return 2;
      }
      Object.assign(opts, orgDryRunOptions(client, org.id));
    }
    if (args.brands) opts.brandRefs = (await dryRunBrands(createReadStream(args.brands), opts)).brandRefs;
    const run = args.kind === "brands" ? dryRunBrands : dryRunCampaigns;
    const result = await run(createReadStream(args.file), opts);
    out.write(`${JSON.stringify(dryRunJson(result))}\n`);
    return result.totals.failed > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ImportFileError || (e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "EISDIR") {
      err.write(`cannot import: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await close?.();
  }
}

if (process.argv[1] && /imports[\\/]cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
