import { z } from "zod";
import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { IMPORT_KINDS, ImportFileError, MAX_IMPORT_BYTES } from "@/lib/imports";
import { dryRunImport, startImportSchema, startImportJob, type StartImportInput } from "@/lib/imports/run";
import { BRAND_FILE_BYTES_HEADER, MAPPING_HEADER, mappingFrom, statusFor } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

const query = z.object({
  kind: z.enum(IMPORT_KINDS as [string, ...string[]]),
  /** Absent: quote what the run would register and cost. Present: the total the user confirmed; start the job. */
  confirm: z.coerce.number().min(0).optional(),
});

/**
 * POST /api/imports/run?kind=brands|campaigns[&confirm=<USD>]: the same body as the dry run (a campaign file may
 * come after the brand file its brandRef column names, X-Brand-File-Bytes: that file's size; the user's mapping in
 * X-Import-Mapping). Without `confirm` it answers what would be registered and what it costs, brand file and
 * campaign file together, and sends nothing. With `confirm` the dry run is computed again on the server and the
 * job starts only when its cost is the confirmed one: every valid row is registered once, by the worker.
 */
export async function POST(req: Request) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return Response.json({ error: hold }, { status: 403 });
  if (!can(ctx.role, "registry.act")) return Response.json({ error: "Your role cannot import brands or campaigns." }, { status: 403 });
  const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return Response.json({ error: "Choose what the file holds (brands or campaigns) and confirm the cost as a number." }, { status: 400 });
  const m = mappingFrom(req.headers.get(MAPPING_HEADER));
  if ("error" in m) return Response.json({ error: m.error }, { status: 400 });
  const brandBytes = Number(req.headers.get(BRAND_FILE_BYTES_HEADER) ?? 0);
  if (!Number.isSafeInteger(brandBytes) || brandBytes < 0) return Response.json({ error: "The brand file's size (X-Brand-File-Bytes) is not a number of bytes." }, { status: 400 });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES * 2) return Response.json({ error: "The files are larger than the import limit." }, { status: 413 });

  // The run keeps the files' text for the job's creation (validated rows, not the file, are stored).
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.length > MAX_IMPORT_BYTES * 2 || brandBytes > bytes.length) return Response.json({ error: "The files are larger than the import limit." }, { status: 413 });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const text = (b: Uint8Array) => decoder.decode(b);
  const main = bytes.subarray(brandBytes);
  const mapping = Object.keys(m.mapping).length ? (m.mapping as Record<string, string>) : undefined;
  let files: Pick<StartImportInput, "brands" | "campaigns">;
  try {
    files =
      q.data.kind === "brands"
        ? { brands: { csv: text(main), mapping } }
        : { ...(brandBytes ? { brands: { csv: text(bytes.subarray(0, brandBytes)) } } : {}), campaigns: { csv: text(main), mapping } };
  } catch {
    return Response.json({ error: "The file is not UTF-8 text: save it from your spreadsheet as CSV UTF-8 and try again.", problem: "NOT_UTF8" }, { status: 415 });
  }

  try {
    if (q.data.confirm === undefined) {
      const dry = await dryRunImport(db(), ctx.org.id, files);
      const part = (d: typeof dry.brands) => (d ? { ready: d.totals.ok, withErrors: d.totals.failed, costUsd: d.totals.cost_usd } : null);
      return Response.json({ brands: part(dry.brands), campaigns: part(dry.campaigns), costUsd: dry.costUsd });
    }
    const input = startImportSchema.safeParse({ ...files, costUsd: q.data.confirm });
    if (!input.success) return Response.json({ error: input.error.issues[0]?.message ?? "The files cannot be imported." }, { status: 400 });
    const r = await startImportJob(db(), ctx, input.data);
    return Response.json(r, { status: 201 });
  } catch (e) {
    if (e instanceof ImportFileError) return Response.json({ error: e.message, problem: e.problem }, { status: statusFor(e.problem) });
    if (e instanceof AppError) return Response.json({ error: e.message, fieldErrors: e.fieldErrors ?? {} }, { status: e.status });
    throw e;
  }
}
