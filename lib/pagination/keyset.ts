import { z } from "zod";

/**
 * Keyset ("seek") pages for the list pages: each page starts strictly after (or before) the row that ended
 * (or began) the page the user came from, so a page deep in 100k rows costs what the first one does, and
 * rows written meanwhile never shift a page. The cursor travels in the URL next to the filters.
 *
 * A list is ordered by at most one nullable key and a unique tiebreaker id, both in the same direction, nulls
 * last. The rows split into two segments, those with a value and those without; each is read by its own
 * query ordered exactly like an index on (orgId, key, id), which a `key IS NULL OR ...` predicate would defeat.
 */

export type SortDir = "asc" | "desc";
export type KeyValue = string | Date | null;

/** Where a page starts: after the row (key, id) going forward, before it going back. */
export type Cursor = { key: KeyValue; id: string; back: boolean };

/** Binds a cursor to the order it was made in: one from another sort or direction means nothing here. */
export type CursorScope = { sort: string; dir: SortDir; keyType: "date" | "string" | "none" };

const MAX_CURSOR = 400;
export const cursorParam = z.string().trim().max(MAX_CURSOR).regex(/^[A-Za-z0-9_-]+$/);

const Wire = z.tuple([z.string().max(40), z.enum(["asc", "desc"]), z.union([z.string().max(200), z.null()]), z.string().min(1).max(100), z.union([z.literal(0), z.literal(1)])]);

export function encodeCursor(scope: CursorScope, c: Cursor): string {
  const key = c.key instanceof Date ? c.key.toISOString() : c.key;
  return Buffer.from(JSON.stringify([scope.sort, scope.dir, scope.keyType === "none" ? null : key, c.id, c.back ? 1 : 0]), "utf8").toString("base64url");
}

/** The cursor, or null when it is malformed, tampered with, or from another order: the list then shows its first page. */
export function decodeCursor(raw: string | undefined, scope: CursorScope): Cursor | null {
  if (!raw || raw.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const w = Wire.safeParse(json);
  if (!w.success) return null;
  const [sort, dir, key, id, back] = w.data;
  if (sort !== scope.sort || dir !== scope.dir) return null;
  if (scope.keyType === "none") return key === null ? { key: null, id, back: back === 1 } : null;
  if (scope.keyType === "date" && key !== null) {
    const d = new Date(key);
    if (!z.iso.datetime().safeParse(key).success || Number.isNaN(d.getTime())) return null;
    return { key: d, id, back: back === 1 };
  }
  return { key, id, back: back === 1 };
}

type Where = Record<string, unknown>;
type OrderBy = Record<string, unknown>[];

/** The order of one list: its nullable key (none when the id alone orders it) and the unique id. */
export type KeysetOrder = { key: string | null; id: string; dir: SortDir };

/** One query of a page: the rows matching `where` in `orderBy`, at most `take`. */
export type SegmentQuery = { where: Where; orderBy: OrderBy; take: number };

const flip = (d: SortDir): SortDir => (d === "asc" ? "desc" : "asc");

/** Rows strictly past (v, id) in direction `dir` within the key's value segment: `key ⋛ v AND (key ≷ v OR id ≷ cid)`. */
function pastInValues(o: KeysetOrder & { key: string }, dir: SortDir, v: KeyValue, id: string): Where {
  const strict = dir === "asc" ? "gt" : "lt";
  const wide = dir === "asc" ? "gte" : "lte";
  // The wide bound is the index condition that seeks; the OR only filters rows that tie on the key.
  return { AND: [{ [o.key]: { [wide]: v } }, { OR: [{ [o.key]: { [strict]: v } }, { [o.id]: { [strict]: id } }] }] };
}

/**
 * Reads one page of `pageSize` rows. `run` executes one segment query (the caller adds its filter and
 * columns); `keyOf` gives a row's (key, id). Returns the rows in list order with whether more lie before
 * and after them.
 */
export async function keysetPage<R>(
  o: KeysetOrder,
  cursor: Cursor | null,
  pageSize: number,
  run: (q: SegmentQuery) => Promise<R[]>,
  keyOf: (r: R) => { key: KeyValue; id: string },
): Promise<{ rows: R[]; hasPrevious: boolean; hasNext: boolean }> {
  const want = pageSize + 1; // one more tells whether another page follows
  const forward = !cursor || !cursor.back;
  const dir = forward ? o.dir : flip(o.dir);
  const idOrder = { [o.id]: dir };
  const idPast = (id: string) => ({ [o.id]: { [dir === "asc" ? "gt" : "lt"]: id } });

  // Segments in reading order: forward reads values then nulls, backward nulls then values.
  const segments: ((take: number) => Promise<R[]>)[] = [];
  if (!o.key) {
    segments.push((take) => run({ where: cursor ? idPast(cursor.id) : {}, orderBy: [idOrder], take }));
  } else {
    const key = o.key;
    const ko = o as KeysetOrder & { key: string };
    const values = (take: number) => {
      const bound = cursor && cursor.key !== null ? pastInValues(ko, dir, cursor.key, cursor.id) : { [key]: { not: null } };
      return run({ where: bound, orderBy: [{ [key]: dir }, idOrder], take });
    };
    const nulls = (take: number) => run({ where: { AND: [{ [key]: null }, ...(cursor && cursor.key === null ? [idPast(cursor.id)] : [])] }, orderBy: [idOrder], take });
    if (forward) {
      // From a cursor in the null segment every row with a value lies behind.
      if (!cursor || cursor.key !== null) segments.push(values);
      segments.push(nulls);
    } else {
      if (cursor!.key === null) segments.push(nulls);
      segments.push(values);
    }
  }
  const rows: R[] = [];
  for (const seg of segments) {
    if (rows.length >= want) break;
    rows.push(...(await seg(want - rows.length)));
  }
  const more = rows.length > pageSize;
  if (forward) return { rows: rows.slice(0, pageSize), hasPrevious: Boolean(cursor), hasNext: more };
  // Going back: fewer than a full page before the cursor means we reached the start, which is the first page.
  if (!more) {
    const first = await keysetPage(o, null, pageSize, run, keyOf);
    return first;
  }
  return { rows: rows.slice(0, pageSize).reverse(), hasPrevious: true, hasNext: true };
}

/** The cursors of the pages before and after a page's rows, or undefined where there is none. */
export function pageCursors<R>(
  scope: CursorScope,
  page: { rows: R[]; hasPrevious: boolean; hasNext: boolean },
  keyOf: (r: R) => { key: KeyValue; id: string },
): { previous?: string; next?: string } {
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  return {
    previous: page.hasPrevious && first ? encodeCursor(scope, { ...keyOf(first), back: true }) : undefined,
    next: page.hasNext && last ? encodeCursor(scope, { ...keyOf(last), back: false }) : undefined,
  };
}
