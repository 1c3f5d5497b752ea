import type { SegmentQuery } from "./keyset";

/**
 * One keyset segment query (lib/pagination/keyset.ts) as SQL, for a list that reads its page with raw SQL rather
 * than through Prisma. It knows exactly the shapes keysetPage builds: AND / OR lists, `field: null`,
 * `field: { not: null }`, `field: { gt | gte | lt | lte: value }`, and an orderBy of `{ field: "asc" | "desc" }`;
 * anything else throws rather than guessing. Values are bound as parameters through `bind`, which returns the
 * placeholder ($n).
 */
export type KeysetColumns = Record<string, { sql: string; timestamp?: boolean }>;

const OPS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

function column(columns: KeysetColumns, field: string) {
  const c = columns[field];
  if (!c) throw new Error(`keyset SQL: no column for "${field}"`);
  return c;
}

function condition(w: Record<string, unknown>, columns: KeysetColumns, bind: (v: unknown) => string): string[] {
  const out: string[] = [];
  for (const [field, v] of Object.entries(w)) {
    if (field === "AND" || field === "OR") {
      const parts = (v as Record<string, unknown>[]).map((x) => condition(x, columns, bind)).map((c) => (c.length > 1 ? `(${c.join(" AND ")})` : (c[0] ?? "true")));
      if (parts.length) out.push(`(${parts.join(field === "AND" ? " AND " : " OR ")})`);
      continue;
    }
    const c = column(columns, field);
    if (v === null) {
      out.push(`${c.sql} IS NULL`);
      continue;
    }
    const entries = typeof v === "object" && !(v instanceof Date) ? Object.entries(v as Record<string, unknown>) : [];
    if (!entries.length) throw new Error(`keyset SQL: unsupported condition on "${field}"`);
    for (const [op, value] of entries) {
      if (op === "not" && value === null) {
        out.push(`${c.sql} IS NOT NULL`);
      } else if (op in OPS) {
        if (value === null) throw new Error(`keyset SQL: ${op} null on "${field}"`);
        // A timestamp goes as its ISO text; cast to timestamp(3) it is the UTC wall time Prisma stores.
        const param = c.timestamp ? `${bind(value instanceof Date ? value.toISOString() : value)}::timestamp(3)` : bind(value);
        out.push(`${c.sql} ${OPS[op as keyof typeof OPS]} ${param}`);
      } else {
        throw new Error(`keyset SQL: unsupported operator "${op}" on "${field}"`);
      }
    }
  }
  return out;
}

/** The segment's WHERE (`true` when it has none), ORDER BY and LIMIT. */
export function segmentSql(q: SegmentQuery, columns: KeysetColumns, bind: (v: unknown) => string) {
  const where = condition(q.where, columns, bind);
  const orderBy = q.orderBy.map((o) => {
    const entries = Object.entries(o);
    if (entries.length !== 1 || (entries[0]![1] !== "asc" && entries[0]![1] !== "desc")) throw new Error("keyset SQL: unsupported orderBy");
    const [field, dir] = entries[0]!;
    return `${column(columns, field).sql} ${dir === "asc" ? "ASC" : "DESC"}`;
  });
  return { where: where.length ? where.join(" AND ") : "true", orderBy: orderBy.join(", "), limit: Math.max(0, Math.floor(q.take)) };
}
