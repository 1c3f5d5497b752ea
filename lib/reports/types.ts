import type { RawSearchParams } from "@/components/data-table/url-state";
import type { Permission } from "@/lib/auth/permissions";
import type { Column } from "@/lib/csv";
import type { Db } from "@/lib/db";

/** A URL parameter a report takes, as docs/reports.md and the Reports page describe it. */
export type ReportFilterDoc = { name: string; description: string };

/**
 * One downloadable report: what it is, who may download it, its columns, how it reads its filters from the
 * URL (the same parser as its list page, so a table's "Download CSV" exports what the table shows), and
 * how it reads the organization's rows in keyset batches.
 */
export type ReportDef<R, F> = {
  id: string;
  title: string;
  description: string;
  permission: Permission;
  /** The list page whose URL filters this report accepts, when there is one. */
  tablePath?: string;
  filters: ReportFilterDoc[];
  columns: Column<R>[];
  parseFilter: (raw: RawSearchParams) => F;
  /** Batches of rows in the report's order; every query carries `orgId`. */
  batches: (db: Db, orgId: string, filter: F, batchSize?: number) => AsyncIterable<R[]>;
  /**
   * The same rows as one SELECT whose columns are already the cells `columns` write (lib/csv/copy.ts streams it
   * with COPY). Byte for byte the file `batches` makes; a report without one is exported through `batches`.
   */
  copySelect?: (orgId: string, filter: F, now: Date) => string;
};

/** A report with its row and filter types erased, for the registry and the route. */
export type Report = Omit<ReportDef<unknown, unknown>, "columns" | "batches" | "parseFilter" | "copySelect"> & {
  columns: Column<unknown>[];
  /** Parses the URL and returns the row batches for it. */
  open: (db: Db, orgId: string, raw: RawSearchParams, batchSize?: number) => AsyncIterable<unknown[]>;
  /** Parses the URL and returns the export's SELECT for COPY, when the report has one. */
  copySelect?: (orgId: string, raw: RawSearchParams, now?: Date) => string;
};

export function erase<R, F>(def: ReportDef<R, F>): Report {
  const { columns, batches, parseFilter, copySelect, ...meta } = def;
  return {
    ...meta,
    columns: columns as Column<unknown>[],
    open: (db, orgId, raw, batchSize) => batches(db, orgId, parseFilter(raw), batchSize),
    ...(copySelect ? { copySelect: (orgId: string, raw: RawSearchParams, now = new Date()) => copySelect(orgId, parseFilter(raw), now) } : {}),
  };
}
