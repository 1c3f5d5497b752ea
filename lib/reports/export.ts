import type pg from "pg";
import type { RawSearchParams } from "@/components/data-table/url-state";
import { copyCsvStream, csvHead, csvStream, exportFileName } from "@/lib/csv";
import type { Db } from "@/lib/db";
import { downloadHeaders } from "@/lib/http/download";
import type { Report } from "./types";

/** The URL's query as the list pages receive it (repeated params as arrays); `bom` is the export's own option. */
export function exportParams(url: URL): { raw: RawSearchParams; bom: boolean } {
  const raw: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    if (key === "bom") continue;
    const all = url.searchParams.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  return { raw, bom: url.searchParams.get("bom") === "1" };
}

export type ExportOptions = { db: Db; pool?: pg.Pool | null; orgId: string; report: Report; raw: RawSearchParams; bom: boolean; now?: Date; onError?: (e: unknown) => void };

/**
 * The report's CSV file as a stream; the one path every download takes (the tables' Download CSV and the
 * Reports page both go through /api/exports/<report>). A report with a SQL twin (`copySelect`) is streamed by
 * PostgreSQL's COPY over a client of `pool`, which PostgreSQL and the embedded PGlite (behind pglite-socket)
 * both serve; the others, and every report when there is no pg pool (a test's in-process PGlite), are read in
 * keyset batches through Prisma. Both make the same bytes. Memory does not grow with the row count.
 */
export function exportBody(opts: ExportOptions): ReadableStream<Uint8Array> {
  const { db, pool, orgId, report, raw, bom, onError } = opts;
  if (pool && report.copySelect) {
    return copyCsvStream({ pool, select: report.copySelect(orgId, raw, opts.now ?? new Date()), head: csvHead(report.columns, bom), onError });
  }
  return csvStream({ columns: report.columns, batches: report.open(db, orgId, raw), bom, onError });
}

/** The report as a streamed CSV download (see exportBody). */
export function exportResponse(opts: ExportOptions): Response {
  const name = exportFileName(opts.report.id, opts.now);
  return new Response(exportBody(opts), {
    headers: {
      ...downloadHeaders({ contentType: "text/csv; charset=utf-8", fileName: name }),
      // Tell proxies not to buffer the whole stream before passing it on.
      "X-Accel-Buffering": "no",
    },
  });
}
