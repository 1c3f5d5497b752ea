/** Raw search params as a Next page receives them. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** First value of each param, empty strings dropped: what a zod schema for a list's URL state parses. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
}

export type UrlState = Record<string, string | number | boolean | null | undefined>;

/**
 * The list's URL for a state. Empty values and values equal to their default are left out, so the
 * canonical URL of the unfiltered first page is the bare path.
 */
export function hrefFor(path: string, state: UrlState, defaults: UrlState = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    if (defaults[k] !== undefined && String(defaults[k]) === String(v)) continue;
    p.set(k, v === true ? "1" : String(v));
  }
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export type SortDir = "asc" | "desc";
export type SortState<K extends string> = { sort: K; dir: SortDir };

/**
 * The sort a header link asks for: a new column starts in its natural direction; the current column
 * flips. Changing the sort goes back to page 1, since the old page number means nothing in the new order.
 */
export function nextSort<K extends string>(current: SortState<K>, column: K, firstDir: SortDir = "asc"): SortState<K> {
  if (current.sort !== column) return { sort: column, dir: firstDir };
  return { sort: column, dir: current.dir === "asc" ? "desc" : "asc" };
}

/** Page count for offset pagination; at least 1 so an empty list still reads "Page 1 of 1". */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
