import { describe, expect, it } from "vitest";
import { keysetPage, type KeysetOrder, type SegmentQuery } from "./keyset";
import { segmentSql, type KeysetColumns } from "./keyset-sql";

const COLUMNS: KeysetColumns = { id: { sql: `t.id` }, name: { sql: `t.name` }, at: { sql: `t.at`, timestamp: true } };

function translate(q: SegmentQuery) {
  const params: unknown[] = [];
  return { ...segmentSql(q, COLUMNS, (v) => `$${params.push(v)}`), params };
}

/** Every segment query keysetPage issues for an order and cursor, as SQL. */
async function segments(o: KeysetOrder, cursor: Parameters<typeof keysetPage>[1]) {
  const out: ReturnType<typeof translate>[] = [];
  await keysetPage(o, cursor, 2, async (q) => (out.push(translate(q)), []), () => ({ key: null, id: "" }));
  return out;
}

describe("segmentSql", () => {
  it("turns keysetPage's segments into SQL: values then nulls, and the wide bound with the tie-breaking OR", async () => {
    expect(await segments({ key: "name", id: "id", dir: "asc" }, null)).toEqual([
      { where: "t.name IS NOT NULL", orderBy: "t.name ASC, t.id ASC", limit: 3, params: [] },
      { where: "(t.name IS NULL)", orderBy: "t.id ASC", limit: 3, params: [] },
    ]);
    const [values] = await segments({ key: "name", id: "id", dir: "desc" }, { key: "m", id: "B7", back: false });
    expect(values).toEqual({
      where: "(t.name <= $1 AND (t.name < $2 OR t.id < $3))",
      orderBy: "t.name DESC, t.id DESC",
      limit: 3,
      params: ["m", "m", "B7"],
    });
    const [nulls] = await segments({ key: "name", id: "id", dir: "asc" }, { key: null, id: "B7", back: false });
    expect(nulls).toEqual({ where: "(t.name IS NULL AND t.id > $1)", orderBy: "t.id ASC", limit: 3, params: ["B7"] });
    expect(await segments({ key: null, id: "id", dir: "asc" }, null)).toEqual([{ where: "true", orderBy: "t.id ASC", limit: 3, params: [] }]);
    // Several conditions in one member of an OR keep their own parentheses.
    expect(translate({ where: { OR: [{ name: null, id: { gt: "x" } }, {}] }, orderBy: [], take: 1 }).where).toBe("((t.name IS NULL AND t.id > $1) OR true)");
  });

  it("binds a timestamp as its ISO text cast to timestamp(3), the UTC wall time Prisma stores", () => {
    const at = new Date("2026-01-02T03:04:05.006Z");
    expect(translate({ where: { at: { lt: at } }, orderBy: [{ at: "desc" }], take: 5 })).toEqual({
      where: "t.at < $1::timestamp(3)", orderBy: "t.at DESC", limit: 5, params: ["2026-01-02T03:04:05.006Z"],
    });
  });

  it("throws on a shape it does not know rather than guess", () => {
    expect(() => translate({ where: { other: null }, orderBy: [], take: 1 })).toThrow(/no column for "other"/);
    expect(() => translate({ where: { name: { contains: "x" } }, orderBy: [], take: 1 })).toThrow(/unsupported operator "contains"/);
    expect(() => translate({ where: { name: "x" }, orderBy: [], take: 1 })).toThrow(/unsupported condition/);
    expect(() => translate({ where: { name: { gt: null } }, orderBy: [], take: 1 })).toThrow(/gt null/);
    expect(() => translate({ where: {}, orderBy: [{ name: "up" }], take: 1 })).toThrow(/unsupported orderBy/);
  });
});
