import type { RawSearchParams } from "@/components/data-table/url-state";
import { csvStream, exportFileName } from "@/lib/csv";
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

/**
 * The report as a streamed CSV download. Rows are read batch by batch as the client reads, so the first
 * bytes leave before the first query has finished and memory does not grow with the row count.
 */
export function exportResponse(opts: { db: Db; orgId: string; report: Report; raw: RawSearchParams; bom: boolean; now?: Date; onError?: (e: unknown) => void }): Response {
  const { db, orgId, report, raw, bom, onError } = opts;
  const name = exportFileName(report.id, opts.now);
  const body = csvStream({ columns: report.columns, batches: report.open(db, orgId, raw), bom, onError });
  return new Response(body, {
    headers: {
      ...downloadHeaders({ contentType: "text/csv; charset=utf-8", fileName: name }),
      // Tell proxies not to buffer the whole stream before passing it on.
      "X-Accel-Buffering": "no",
    },
  });
}
