import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { hrefFor, type UrlState } from "./url-state";

/**
 * The CSV download URL of a report for a list's current URL state. The page number is dropped: the
 * download holds every matching row, in the list's sort. `bom` adds a UTF-8 byte order mark for Excel.
 */
export function exportHref(report: string, params: UrlState = {}, opts: { bom?: boolean } = {}): string {
  return hrefFor(`/api/exports/${encodeURIComponent(report)}`, { ...params, page: undefined, bom: opts.bom ? "1" : undefined });
}

export interface ExportButtonProps {
  /** Report id, as listed in lib/reports/registry.ts (e.g. "brands"). */
  report: string;
  /** The list's current filters and sort, as in its URL. */
  params?: UrlState;
  bom?: boolean;
  label?: string;
  className?: string;
}

/**
 * "Download CSV" for what the table shows: a plain link to the streaming export, so the download starts at
 * once and needs no client JavaScript. The file name comes from the server.
 */
export function ExportButton({ report, params, bom, label = "Download CSV", className }: ExportButtonProps) {
  return (
    <Button asChild variant="outline" className={cn(className)}>
      <a href={exportHref(report, params, { bom })} download>
        <Download aria-hidden="true" />
        {label}
      </a>
    </Button>
  );
}
