import { describe, expect, it } from "vitest";
import { cursorParam, decodeCursor, encodeCursor, keysetPage, pageCursors, type CursorScope, type KeysetOrder, type SegmentQuery } from "@/lib/pagination/keyset";

const created: CursorScope = { sort: "created", dir: "desc", keyType: "date" };
const byName: CursorScope = { sort: "displayName", dir: "asc", keyType: "string" };
const byId: CursorScope = { sort: "campaignId", dir: "asc", keyType: "none" };
const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("cursor encode / decode", () => {
  it("round-trips a date, a string, a null key and the direction", () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    expect(decodeCursor(encodeCursor(created, { key: at, id: "C1", back: false }), created)).toEqual({ key: at, id: "C1", back: false });
    expect(decodeCursor(encodeCursor(byName, { key: "Ünïcode & co", id: "B9", back: true }), byName)).toEqual({ key: "Ünïcode & co", id: "B9", back: true });
    expect(decodeCursor(encodeCursor(byName, { key: null, id: "B9", back: false }), byName)).toEqual({ key: null, id: "B9", back: false });
    expect(decodeCursor(encodeCursor(byId, { key: null, id: "C2", back: false }), byId)).toEqual({ key: null, id: "C2", back: false });
  });

  it("is URL-safe and passes the search-param schema", () => {
    const c = encodeCursor(byName, { key: "a/b+c=d?e&f", id: "B1", back: false });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursorParam.safeParse(c).success).toBe(true);
  });

  it("reads a cursor from another sort or direction as none", () => {
    const c = encodeCursor(created, { key: new Date(), id: "C1", back: false });
    expect(decodeCursor(c, { ...created, dir: "asc" })).toBeNull();
    expect(decodeCursor(c, { ...created, sort: "status" })).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["undefined", undefined],
    ["not base64url", "a b+c"],
    ["base64 of garbage", Buffer.from("{not json").toString("base64url")],
    ["a JSON object", raw({ id: "C1" })],
    ["a short tuple", raw(["created", "desc", null])],
    ["a bad direction", raw(["created", "up", "2026-01-01T00:00:00.000Z", "C1", 0])],
    ["an empty id", raw(["created", "desc", "2026-01-01T00:00:00.000Z", "", 0])],
    ["a number as key", raw(["created", "desc", 5, "C1", 0])],
    ["a date that is not ISO", raw(["created", "desc", "yesterday", "C1", 0])],
    ["a key on the id sort", raw(["campaignId", "asc", "x", "C1", 0]), byId],
    ["a bad back flag", raw(["created", "desc", null, "C1", 2])],
    ["too long", "A".repeat(401)],
  ] as [string, string | undefined, CursorScope?][])("rejects %s", (_, c, scope = created) => {
    expect(decodeCursor(c, scope)).toBeNull();
  });
});

/** An in-memory table that answers the segment queries as PostgreSQL would, to check the paging logic alone. */
function memory(rows: { k: string | null; id: string }[]) {
  const run = async (q: SegmentQuery) => {
    const ok = (r: { k: string | null; id: string }, w: Record<string, unknown>): boolean => {
      if (Array.isArray(w.AND)) return w.AND.every((x) => ok(r, x as Record<string, unknown>));
      if (Array.isArray(w.OR)) return w.OR.some((x) => ok(r, x as Record<string, unknown>));
      return Object.entries(w).every(([f, c]) => {
        const v = f === "k" ? r.k : r.id;
        if (c === null) return v === null;
        const [[op, x]] = Object.entries(c as Record<string, string | null>) as [[string, string | null]];
        if (op === "not") return v !== null;
        if (v === null) return false;
        return op === "gt" ? v > x! : op === "gte" ? v >= x! : op === "lt" ? v < x! : v <= x!;
      });
    };
    const dirs = q.orderBy.map((o) => Object.entries(o)[0]!) as [string, "asc" | "desc"][];
    return rows
      .filter((r) => ok(r, q.where))
      .sort((a, b) => {
        for (const [f, d] of dirs) {
          const x = f === "k" ? a.k : a.id, y = f === "k" ? b.k : b.id;
          if (x === y) continue;
          return (x! < y! ? -1 : 1) * (d === "asc" ? 1 : -1);
        }
        return 0;
      })
      .slice(0, q.take);
  };
  return run;
}

describe("keysetPage", () => {
  // Heavy ties on the key and a block of nulls, which sort last in both directions.
  const rows = Array.from({ length: 23 }, (_, i) => ({ k: i % 5 === 4 ? null : String.fromCharCode(97 + (i % 3)), id: `R${String(i).padStart(2, "0")}` }));
  const keyOf = (r: { k: string | null; id: string }) => ({ key: r.k, id: r.id });
  const expected = (dir: "asc" | "desc") => {
    const s = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) * (dir === "asc" ? 1 : -1);
    return [...rows.filter((r) => r.k !== null).sort((a, b) => s(a.k!, b.k!) || s(a.id, b.id)), ...rows.filter((r) => r.k === null).sort((a, b) => s(a.id, b.id))].map((r) => r.id);
  };

  it.each(["asc", "desc"] as const)("walks %s forward and back with no duplicate and no gap, nulls last", async (dir) => {
    const order: KeysetOrder = { key: "k", id: "id", dir };
    const scope: CursorScope = { sort: "k", dir, keyType: "string" };
    const run = memory(rows);
    const pages: string[][] = [];
    let cursor = null as ReturnType<typeof decodeCursor>;
    for (;;) {
      const p = await keysetPage(order, cursor, 4, run, keyOf);
      pages.push(p.rows.map((r) => r.id));
      const c = pageCursors(scope, p, keyOf);
      expect(Boolean(c.previous)).toBe(pages.length > 1);
      if (!c.next) break;
      cursor = decodeCursor(c.next, scope);
    }
    expect(pages.flat()).toEqual(expected(dir));
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
    // And back from the last page to the first, page by page.
    let p = await keysetPage(order, cursor, 4, run, keyOf);
    for (let i = pages.length - 2; i >= 0; i--) {
      const prev = pageCursors(scope, p, keyOf).previous!;
      p = await keysetPage(order, decodeCursor(prev, scope), 4, run, keyOf);
      expect(p.rows.map((r) => r.id)).toEqual(pages[i]);
    }
    expect(p.hasPrevious).toBe(false);
  });

  it("orders by the id alone when there is no key", async () => {
    const order: KeysetOrder = { key: null, id: "id", dir: "desc" };
    const p1 = await keysetPage(order, null, 10, memory(rows), keyOf);
    const p2 = await keysetPage(order, { key: null, id: p1.rows.at(-1)!.id, back: false }, 10, memory(rows), keyOf);
    expect([...p1.rows, ...p2.rows].map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse().slice(0, 20));
    expect(p2.hasNext).toBe(true);
  });

  it("a previous page short of a full one is the first page, full", async () => {
    const order: KeysetOrder = { key: "k", id: "id", dir: "asc" };
    const all = expected("asc");
    // Back from the third row: only two rows lie before it, so the first page (four rows) is shown.
    const third = rows.find((r) => r.id === all[2])!;
    const p = await keysetPage(order, { key: third.k, id: third.id, back: true }, 4, memory(rows), keyOf);
    expect(p.rows.map((r) => r.id)).toEqual(all.slice(0, 4));
    expect(p.hasPrevious).toBe(false);
  });
});
