import { z } from "zod";
import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { downloadHeaders } from "@/lib/http/download";
import { dryRun, dryRunBrands, dryRunCsv, dryRunJson, guessMapping, ImportFileError, IMPORT_KINDS, MAX_IMPORT_BYTES } from "@/lib/imports";
import type { DryRunOptions } from "@/lib/imports/dry-run";
import { orgDryRunOptions } from "@/lib/imports/org-options";
import { BRAND_FILE_BYTES_HEADER, FILE_BYTES_HEADER, headTap, MAPPING_HEADER, mappingFrom, splitAt, statusFor } from "@/lib/imports/upload";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

const query = z.object({ kind: z.enum(IMPORT_KINDS as [string, ...string[]]), format: z.enum(["json", "csv"]).default("json") });

/**
 * POST /api/imports/dry-run?kind=brands|campaigns: the raw CSV as the body (streamed into the engine, never
 * held or stored), the user's column mapping in X-Import-Mapping. Answers the mapping guess and the dry run
 * ({headers, mapping, delimiter, rows, totals}); a file that cannot be read at all is 400/413/415 with the
 * engine's reason (and the headers and guess when the header row was readable, for the mapping editor).
 * A campaign file may be preceded by the brand file its brandRef column refers to (X-Brand-File-Bytes: that
 * file's size), whose rows are dry-run first as the CLI's --brands does.
 * With format=csv the body is the file twice (X-File-Bytes: its size): the first copy is dry-run, the second
 * streamed back as the dry-run CSV (the file's cells + errors + warnings). Nothing is sent or charged.
 */
export async function POST(req: Request) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return Response.json({ error: hold }, { status: 403 });
  if (!can(ctx.role, "registry.act")) return Response.json({ error: "Your role cannot import brands or campaigns." }, { status: 403 });
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Choose what the file holds: brands or campaigns." }, { status: 400 });
  const kind = parsed.data.kind as (typeof IMPORT_KINDS)[number];
  const csv = parsed.data.format === "csv";
  const m = mappingFrom(req.headers.get(MAPPING_HEADER));
  if ("error" in m) return Response.json({ error: m.error }, { status: 400 });

  let fileBytes = 0;
  if (csv) {
    fileBytes = Number(req.headers.get(FILE_BYTES_HEADER));
    if (!Number.isSafeInteger(fileBytes) || fileBytes < 1) return Response.json({ error: "The file's size (X-File-Bytes) is missing." }, { status: 400 });
    if (fileBytes > MAX_IMPORT_BYTES) return Response.json({ error: tooLarge(), problem: "TOO_LARGE" }, { status: 413 });
  }
  // A campaign file may come after the brand file its brandRef column names (X-Brand-File-Bytes: its size).
  const brandBytes = kind === "campaigns" && req.headers.has(BRAND_FILE_BYTES_HEADER) ? Number(req.headers.get(BRAND_FILE_BYTES_HEADER)) : 0;
  if (!Number.isSafeInteger(brandBytes) || brandBytes < 0) return Response.json({ error: "The brand file's size (X-Brand-File-Bytes) is not a number of bytes." }, { status: 400 });
  if (brandBytes > MAX_IMPORT_BYTES) return Response.json({ error: `The brand file: ${tooLarge()}`, problem: "TOO_LARGE" }, { status: 413 });
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_IMPORT_BYTES * (csv ? 2 : 1) + brandBytes) return Response.json({ error: tooLarge(), problem: "TOO_LARGE" }, { status: 413 });
  if (!req.body) return Response.json({ error: "The file is empty: it needs a header row and at least one row.", problem: "EMPTY" }, { status: 400 });

  let body = req.body as unknown as AsyncIterable<Uint8Array>;
  const opts: DryRunOptions = { ...orgDryRunOptions(db(), ctx.org.id), mapping: m.mapping };
  if (brandBytes) {
    const split = splitAt(body, brandBytes);
    try {
      opts.brandRefs = (await dryRunBrands(split.first, orgDryRunOptions(db(), ctx.org.id))).brandRefs;
    } catch (e) {
      if (e instanceof ImportFileError) return Response.json({ error: `The brand file: ${e.message}`, problem: e.problem }, { status: statusFor(e.problem) });
      throw e;
    }
    body = split.rest;
  }
  const parts = csv ? splitAt(body, fileBytes) : null;
  const tap = headTap(parts ? parts.first : body);
  try {
    const result = await dryRun(kind, tap.source, opts);
    if (parts) {
      const out = dryRunCsv(parts.rest, result);
      const head = await out.next(); // a second copy that cannot be read fails here, as a 4xx, not mid-download
      const enc = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          if (!head.done) c.enqueue(enc.encode(head.value));
        },
        async pull(c) {
          try {
            const r = await out.next();
            if (r.done) c.close();
            else c.enqueue(enc.encode(r.value));
          } catch (e) {
            log().error({ err: e, orgId: ctx.org.id }, "import dry-run CSV failed mid-stream");
            c.error(e);
          }
        },
        async cancel() {
          await out.return(undefined);
        },
      });
      return new Response(stream, { headers: downloadHeaders({ contentType: "text/csv; charset=utf-8", fileName: `dry-run-${kind}.csv` }) });
    }
    const headers = (await tap.headers()) ?? Object.keys(result.mapping.mapping);
    return Response.json({ kind, headers, mapping: result.mapping, delimiter: result.delimiter, ...dryRunJson(result) });
  } catch (e) {
    if (e instanceof ImportFileError) {
      const headers = await tap.headers();
      const mapping = headers ? guessMapping(kind, headers, m.mapping) : undefined;
      return Response.json({ error: e.message, problem: e.problem, ...(headers ? { headers, mapping } : {}) }, { status: statusFor(e.problem) });
    }
    const logId = crypto.randomUUID().slice(0, 8);
    log().error({ err: e, logId, orgId: ctx.org.id }, "import dry run failed");
    return Response.json({ error: `The dry run failed on our side. Quote reference ${logId}.` }, { status: 500 });
  }
}

const tooLarge = () => `The file is larger than ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB: split it into smaller files.`;
