import pg from "pg";
import { KNOWN_MNOS, MNO_IDS } from "@/lib/campaigns/carriers";
import type { CampaignFilters, ParsedCampaignFilters } from "@/lib/campaigns/search-params";

/**
 * The campaigns CSV export as one SELECT whose every column is already the cell text the report writes, for
 * `COPY (…) TO STDOUT WITH (FORMAT csv)` (lib/csv/copy.ts). It is the SQL twin of three things that must stay in
 * step with it, and the export equivalence test (lib/reports/campaigns-copy.integration.test.ts) compares the two
 * byte for byte:
 *  - campaignListWhere / campaignListOrderBy (lib/campaigns/queries.ts): the same rows in the same order;
 *  - the report's columns (lib/reports/campaigns.ts) with decorateCampaignRows: brand name, carrier statuses,
 *    outgoing migration;
 *  - toCell / neutraliseCell (lib/csv/cells.ts): ISO 8601 instants, true/false, numbers as JavaScript prints
 *    them, and the apostrophe before a formula-looking cell.
 * COPY's CSV quoting is csv-stringify's (a cell is quoted when it holds `,` `"` CR or LF, quotes doubled), except
 * that COPY quotes an empty string to tell it from NULL: every text cell therefore goes through NULLIF(…, '').
 * COPY takes no bind parameters, so the filter values are inlined with pg's escapeLiteral.
 */

const lit = (s: string) => pg.escapeLiteral(s);

/** neutraliseCell in SQL: `'` before a cell starting with = + - @ tab or CR, unless the cell is a plain number. */
function cell(expr: string): string {
  const v = `NULLIF(${expr}, '')`;
  return `CASE WHEN left(${v}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) AND ${v} !~ '^[+-]?[0-9]+(\\.[0-9]+)?$' THEN '''' || ${v} ELSE ${v} END`;
}

/** Date#toISOString of a TIMESTAMP(3) holding UTC, as Prisma reads it. */
const iso = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * String(number) for a double, then neutralised (a plain number never is): PostgreSQL prints the same shortest
 * round-trip digits as JavaScript for 1e-4 ≤ |x| < 1e15 (every monthly fee); NaN and ±Infinity are empty cells
 * as in toCell, and -0 is "0".
 */
const number = (expr: string) =>
  `CASE WHEN ${expr} IS NULL OR ${expr} IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN NULL WHEN ${expr} = 0 THEN '0' ELSE ${expr}::text END`;

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** campaignListWhere in SQL over `c` ("Campaign"). */
export function campaignExportWhere(orgId: string, f: CampaignFilters, now: Date): string {
  const w = [`c."orgId" = ${lit(orgId)}`];
  if (!f.deleted) w.push(`c."deletedAt" IS NULL`);
  if (f.carrier || f.carrierStatus) {
    const on = [`o2."campaignRef" = c.id`];
    if (f.carrier) on.push(`o2."mnoId" = ${lit(f.carrier)}`);
    if (f.carrierStatus) on.push(`o2.status = ${lit(f.carrierStatus)}`);
    w.push(`EXISTS (SELECT 1 FROM "CampaignOperation" o2 WHERE ${on.join(" AND ")})`);
  }
  if (f.renewsWithin) {
    const to = new Date(now.getTime() + Number(f.renewsWithin) * DAY);
    w.push(`c."nextRenewalOrExpirationDate" >= ${lit(isoDay(now))} AND c."nextRenewalOrExpirationDate" <= ${lit(isoDay(to))}`);
  }
  const q = f.q?.trim();
  if (q) {
    // Exactly Prisma's `contains` (mode insensitive): ILIKE '%<q>%' with the text as typed, so a `%` or `_` in it is
    // a wildcard and `\\` escapes, on the list as here. The list decides that; the export only follows it.
    const pattern = lit(`%${q}%`);
    w.push(`(${["campaignId", "referenceId", "brandId", "usecase"].map((col) => `c."${col}"::text ILIKE ${pattern}`).join(" OR ")})`);
  }
  if (f.brandId) w.push(`c."brandId" = ${lit(f.brandId)}`);
  if (f.usecase) w.push(`c.usecase = ${lit(f.usecase)}`);
  if (f.status) w.push(`c.status = ${lit(f.status)}`);
  if (f.sharingStatus) w.push(`c."sharingStatus" = ${lit(f.sharingStatus)}`);
  if (f.cnp) w.push(`c."upstreamCnpId" = ${lit(f.cnp)}`);
  if (f.autoRenewal) w.push(`c."autoRenewal" = ${f.autoRenewal === "on" ? "true" : "false"}`);
  if (f.tag) w.push(`(c.data #> ARRAY['tag']::text[]) @> ${lit(JSON.stringify([f.tag]))}::jsonb`);
  return w.join(" AND ");
}

/** campaignListOrderBy in SQL: the sort column nulls last, then the campaign id, one direction. */
export function campaignExportOrder(f: ParsedCampaignFilters): string {
  const dir = f.dir === "asc" ? "ASC" : "DESC";
  const key =
    f.sort === "campaignId" ? null
    : f.sort === "usecase" ? "usecase"
    : f.sort === "status" ? "status"
    : f.sort === "renewal" ? `"nextRenewalOrExpirationDate"`
    : `"registryCreatedAt"`;
  return [...(key ? [`c.${key} ${dir} NULLS LAST`] : []), `c."campaignId" ${dir}`].join(", ");
}

/** The export's SELECT: one text column per report column, in the report's order. */
export function campaignExportSelect(orgId: string, f: ParsedCampaignFilters, now: Date = new Date()): string {
  const known = MNO_IDS.map(lit).join(", ");
  const carriers = KNOWN_MNOS.map((m, i) => `max(o.status) FILTER (WHERE o."mnoId" = ${lit(m.mnoId)}) AS m${i}`).join(", ");
  const columns = [
    cell(`c."campaignId"`),
    cell(`c."brandId"`),
    cell(`b."displayName"`),
    cell(`c."referenceId"`),
    cell(`c.usecase`),
    cell(`c.status`),
    ...KNOWN_MNOS.map((_, i) => cell(`ops.m${i}`)),
    cell(`ops.other`),
    cell(`c."sharingStatus"`),
    cell(`c."upstreamCnpId"`),
    iso(`c."sharedAt"`),
    cell(`mg.status`),
    `c."autoRenewal"::text`,
    cell(`c."nextRenewalOrExpirationDate"`),
    number(`c."monthlyFee"`),
    `c.mock::text`,
    iso(`c."registryCreatedAt"`),
    iso(`c."deletedAt"`),
    iso(`c."confirmedAt"`),
  ];
  // Other carriers: sortMnoIds orders them with localeCompare; network ids are digits, where that is byte order.
  return `SELECT ${columns.join(",\n  ")}
FROM "Campaign" c
LEFT JOIN LATERAL (
  SELECT ${carriers},
    string_agg(o."mnoId" || ': ' || o.status, '; ' ORDER BY o."mnoId" COLLATE "C") FILTER (WHERE o."mnoId" NOT IN (${known})) AS other
  FROM "CampaignOperation" o WHERE o."campaignRef" = c.id
) ops ON true
LEFT JOIN "Brand" b ON b."orgId" = c."orgId" AND b."brandId" = c."brandId" AND c."brandId" <> ''
LEFT JOIN "CnpMigration" mg ON mg."orgId" = c."orgId" AND mg."campaignId" = c."campaignId" AND mg.direction = 'OUTGOING'
WHERE ${campaignExportWhere(orgId, f, now)}
ORDER BY ${campaignExportOrder(f)}`;
}
