/**
 * The import dry run from the command line (issue 19):
 *   npm run -s import -- --dry-run --kind brands|campaigns FILE.csv [--org ORGID] [--brands BRANDS.csv]
 * prints {"rows":[…],"totals":{…}} and exits 1 when any row fails, 2 on a usage error or a file that cannot
 * be read. --org checks duplicates and brand ids against that organization's mirror (DATABASE_URL), prices
 * with its upstream's fees and asks its registry connection for each campaign's qualification (carriers, fee);
 * --brands resolves a campaign file's brandRef column against a brand file.
 * Without --dry-run the valid rows run as one bulk job (lib/imports/run.ts), in this process:
 *   npm run -s import -- --kind brands|campaigns FILE.csv --org ORGID --user EMAIL --confirm-cost USD [--brands BRANDS.csv]
 * The user must be an OPERATOR or above of the organization; the cost must be the dry run's total (what the
 * rows will be charged). Prints the job id and its progress (stderr), then {"jobId",…counts} (stdout); exit 1
 * when any row failed.
 */
import { createReadStream, readFileSync } from "node:fs";
import { IMPORT_KINDS, type ImportKind } from "./columns";
import { dryRunBrands, dryRunCampaigns, dryRunJson, type DryRunOptions } from "./dry-run";
import { orgDryRunOptions } from "./org-options";
import { ImportFileError } from "./parse";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const USAGE = [
  "usage: npm run -s import -- --dry-run --kind brands|campaigns FILE.csv [--org ORGID] [--brands BRANDS.csv]",
  "       npm run -s import -- --kind brands|campaigns FILE.csv --org ORGID --user EMAIL --confirm-cost USD [--brands BRANDS.csv]",
].join("\n");

export type CliArgs = { kind: ImportKind; file: string; org?: string; brands?: string; run?: { user: string; costUsd: number } };

/** The arguments, or the usage error in words. */
export function parseArgs(argv: string[]): CliArgs | { error: string } {
  let dry = false;
  let kind: string | undefined;
  let org: string | undefined;
  let brands: string | undefined;
  let user: string | undefined;
  let cost: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--dry-run") dry = true;
    else if (a === "--kind" || a === "--org" || a === "--brands" || a === "--user" || a === "--confirm-cost") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) return { error: `${a} needs a value` };
      if (a === "--kind") kind = v;
      else if (a === "--org") org = v;
      else if (a === "--user") user = v;
      else if (a === "--confirm-cost") cost = v;
      else brands = v;
    } else if (a.startsWith("--")) return { error: `unknown option ${a}` };
    else files.push(a);
  }
  if (!kind || !IMPORT_KINDS.includes(kind as ImportKind)) return { error: "--kind must be brands or campaigns" };
  if (files.length !== 1) return { error: "give exactly one FILE.csv" };
  if (brands && kind !== "campaigns") return { error: "--brands is for --kind campaigns" };
  if (dry) {
    if (user || cost) return { error: "--user and --confirm-cost are for running the import (leave out --dry-run)" };
    return { kind: kind as ImportKind, file: files[0]!, org, brands };
  }
  if (!org || !user) return { error: "running the import needs --org ORGID and --user EMAIL (or use --dry-run)" };
  const costUsd = Number(cost);
  if (!cost || !Number.isFinite(costUsd) || costUsd < 0) return { error: "running the import needs --confirm-cost USD: the cost_usd of its dry run" };
  return { kind: kind as ImportKind, file: files[0]!, org, brands, run: { user, costUsd } };
}

export async function main(argv: string[], out: { write(s: string): unknown } = process.stdout, err: { write(s: string): unknown } = process.stderr): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) {
    err.write(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  let close: (() => Promise<void>) | undefined;
  try {
    if (args.run) {
      const { db } = await import("@/lib/db");
      const client = db();
      close = () => client.$disconnect();
      return await runFromCli(client, { ...args, run: args.run, org: args.org! }, out, err);
    }
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

type RunArgs = CliArgs & { org: string; run: NonNullable<CliArgs["run"]> };

/** Creates the import job as the given member and runs it here to the end, waiting out campaigns' brand checks. */
async function runFromCli(db: Db, args: RunArgs, out: { write(s: string): unknown }, err: { write(s: string): unknown }): Promise<number> {
  const member = await db.membership.findFirst({
    where: { orgId: args.org, user: { email: { equals: args.run.user, mode: "insensitive" } } },
    select: { role: true, user: { select: { id: true, email: true, name: true } }, org: { select: { id: true, name: true, key: true } } },
  });
  if (!member) {
    err.write(`${args.run.user} is not a member of organization ${args.org}\n`);
    return 2;
  }
  const { createImportJob } = await import("./run");
  const { runBulkJob } = await import("@/lib/migrations/bulk");
  const { registryClientFor } = await import("@/lib/registry/client");
  const read = (f: string) => ({ csv: readFileSync(f, "utf8") });
  const files = args.kind === "brands" ? { brands: read(args.file) } : { campaigns: read(args.file), ...(args.brands ? { brands: read(args.brands) } : {}) };
  const ctx = { user: { ...member.user, name: member.user.name ?? member.user.email }, org: member.org, role: member.role };
  let job;
  try {
    job = await createImportJob(db, ctx, { ...files, costUsd: args.run.costUsd });
  } catch (e) {
    if (e instanceof AppError) {
      err.write(`cannot import: ${[e.message, ...Object.entries(e.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m}`)].join(" ")}\n`);
      return 2;
    }
    throw e;
  }
  err.write(`job ${job.jobId}: ${job.total} rows\n`);
  const registry = await registryClientFor(db, args.org);
  for (;;) {
    const r = await runBulkJob(db, registry, job.jobId);
    err.write(`job ${job.jobId}: ${r.succeeded} succeeded, ${r.skipped} skipped, ${r.failed} failed of ${r.total}${r.more ? " (waiting for brands)" : ""}\n`);
    if (!r.more) {
      out.write(`${JSON.stringify({ jobId: job.jobId, status: r.status, total: r.total, succeeded: r.succeeded, skipped: r.skipped, failed: r.failed })}\n`);
      return r.failed > 0 ? 1 : 0;
    }
    await new Promise((done) => setTimeout(done, Math.max(1_000, (r.retryAt?.getTime() ?? Date.now()) - Date.now())));
  }
}

if (process.argv[1] && /imports[\\/]cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
