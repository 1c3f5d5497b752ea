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

/**
 * neutraliseCell in SQL: `'` before a cell starting with = + - @ tab or CR, unless the cell is a plain number.
 * `expr` is a column reference (it is read several times). ascii() is the first character's code point (0 for '',
 * NULL for NULL), which spares a substring per cell; the pattern only runs on a cell that starts with one of them.
 */
function cell(expr: string): string {
  return `CASE WHEN ascii(${expr}) IN (9, 13, 43, 45, 61, 64) AND ${expr} !~ '^[+-]?[0-9]+(\\.[0-9]+)?$' THEN '''' || ${expr} ELSE NULLIF(${expr}, '') END`;
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

/** The Campaign columns the report reads, carried through the grouping below. */
const CAMPAIGN_COLUMNS = [
  "id", "orgId", "campaignId", "brandId", "referenceId", "usecase", "status", "sharingStatus", "upstreamCnpId", "sharedAt",
  "autoRenewal", "nextRenewalOrExpirationDate", "monthlyFee", "mock", "registryCreatedAt", "deletedAt", "confirmedAt",
].map((col) => `c."${col}"`);

/**
 * The export's SELECT: one text column per report column, in the report's order.
 *
 * Shaped for 100k-row exports (docs/performance.md, "At 100k campaigns"): the matching campaigns are joined to their
 * carrier operations and grouped by campaign in one pass, so PostgreSQL can hash-join the whole set (or look a few
 * campaigns up by index for a narrow filter) instead of running one aggregate per campaign. Carriers outside
 * KNOWN_MNOS are only counted in that pass; a campaign that has some looks them up in order (an ordered aggregate
 * in the grouping would sort once per campaign). Brand and migration are joined to the grouped rows.
 */
export function campaignExportSelect(orgId: string, f: ParsedCampaignFilters, now: Date = new Date()): string {
  const known = MNO_IDS.map(lit).join(", ");
  const carriers = KNOWN_MNOS.map((m, i) => `max(o.status) FILTER (WHERE o."mnoId" = ${lit(m.mnoId)}) AS m${i}`).join(", ");
  // Other carriers: sortMnoIds orders them with localeCompare; network ids are digits, where that is byte order.
  const other = `CASE WHEN count(*) FILTER (WHERE o."mnoId" NOT IN (${known})) > 0 THEN (
      SELECT string_agg(x."mnoId" || ': ' || x.status, '; ' ORDER BY x."mnoId" COLLATE "C")
      FROM "CampaignOperation" x WHERE x."campaignRef" = c.id AND x."mnoId" NOT IN (${known})
    ) END AS other`;
  const columns = [
    cell(`c."campaignId"`),
    cell(`c."brandId"`),
    cell(`b."displayName"`),
    cell(`c."referenceId"`),
    cell(`c.usecase`),
    cell(`c.status`),
    ...KNOWN_MNOS.map((_, i) => cell(`c.m${i}`)),
    cell(`c.other`),
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
  return `SELECT ${columns.join(",\n  ")}
FROM (
  SELECT ${CAMPAIGN_COLUMNS.join(", ")},
    ${carriers},
    ${other}
  FROM "Campaign" c
  LEFT JOIN "CampaignOperation" o ON o."campaignRef" = c.id
  WHERE ${campaignExportWhere(orgId, f, now)}
  GROUP BY c.id
) c
LEFT JOIN "Brand" b ON b."orgId" = c."orgId" AND b."brandId" = c."brandId" AND c."brandId" <> ''
LEFT JOIN "CnpMigration" mg ON mg."orgId" = c."orgId" AND mg."campaignId" = c."campaignId" AND mg.direction = 'OUTGOING'
ORDER BY ${campaignExportOrder(f)}`;
}
