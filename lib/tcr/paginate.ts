/**
 * Walks a paginated TCR operation page by page (`{records, page, totalRecords}`), asking for the
 * operation's largest page size (500, or 50 for the newer search endpoints).
 */
import { endpoints, type OperationId } from "./endpoints";
import type { Page } from "./schemas/common";

export interface PageParams {
  page?: number;
  recordsPerPage?: number;
}

/** Any client function taking a paginated query and returning `{records, page, totalRecords}`. */
export type PagedOperation = ((query: never) => Promise<Page<unknown>>) & { operationId?: OperationId };
type QueryOf<F extends PagedOperation> = Omit<NonNullable<Parameters<F>[0]>, "page">;
type RecordOf<F extends PagedOperation> = Awaited<ReturnType<F>>["records"][number];

export interface PaginateOptions {
  /** Stop after this many pages (safety valve for exports). */
  maxPages?: number;
  /** Stop once this many records were yielded (the newer searches cap at 10,000). */
  maxRecords?: number;
  startPage?: number;
}

export interface PageResult<T> {
  page: number;
  records: T[];
  totalRecords: number;
}

export async function* paginate<F extends PagedOperation>(
  op: F,
  params: QueryOf<F>,
  opts: PaginateOptions = {},
): AsyncGenerator<PageResult<RecordOf<F>>, void, undefined> {
  const call = op as unknown as (q: object) => Promise<Page<RecordOf<F>>>;
  const max = op.operationId ? (endpoints[op.operationId] as { maxPerPage?: number }).maxPerPage : undefined;
  const requested = (params as PageParams).recordsPerPage;
  const perPage = Math.min(requested ?? max ?? 500, max ?? 500);
  const maxRecords = opts.maxRecords ?? (max !== undefined && max <= 50 ? 10_000 : Infinity);
  let page = opts.startPage ?? 1;
  let seen = 0;
  for (let fetched = 0; opts.maxPages === undefined || fetched < opts.maxPages; fetched++) {
    const res = await call({ ...params, page, recordsPerPage: perPage });
    const records = res.records;
    // Pages are numbered by what we asked for: some samples answer `page: 0`.
    yield { page, records, totalRecords: res.totalRecords };
    seen += records.length;
    if (records.length === 0 || records.length < perPage) return;
    if (page * perPage >= res.totalRecords || seen >= maxRecords) return;
    page++;
  }
}

/** Collect every record (use for bounded lists only). */
export async function collectAll<F extends PagedOperation>(op: F, params: QueryOf<F>, opts?: PaginateOptions): Promise<RecordOf<F>[]> {
  const out: RecordOf<F>[] = [];
  for await (const p of paginate(op, params, opts)) out.push(...p.records);
  return out;
}
