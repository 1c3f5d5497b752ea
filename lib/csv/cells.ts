/**
 * Turning values into CSV cells, and neutralising cells a spreadsheet would run as a formula.
 *
 * Spreadsheet programs (Excel, LibreOffice, Google Sheets) treat a cell that begins with `=`, `+`, `-` or
 * `@` as a formula, and some also when a tab or carriage return comes first. Brand names, descriptions,
 * audit details and the like come from users and from the registry, so a value such as
 * `=HYPERLINK("http://evil","Click")` must arrive as text. Such cells get a leading apostrophe (`'`), the
 * OWASP "CSV injection" advice: the spreadsheet shows the text instead of evaluating it.
 *
 * One exception, so exports stay usable: a cell that is nothing but a number (`-12.5`, `+12025550123`, an
 * E.164 phone number) is left alone. A bare number cannot call a function or reach a URL, and prefixing
 * it would turn every phone number and negative amount into text with a stray apostrophe.
 */

export type CellValue = string | number | boolean | Date | null | undefined | Record<string, unknown> | unknown[];

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The cell as written: prefixed with `'` when a spreadsheet would read it as a formula. */
export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/**
 * One value as CSV cell text: empty for no value, ISO 8601 (UTC) for instants, `true`/`false`, JSON for
 * objects; then neutralised. Quoting of commas, quotes and line breaks is csv-stringify's job.
 */
export function toCell(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  if (typeof v === "number") return Number.isFinite(v) ? neutraliseCell(String(v)) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return neutraliseCell(v);
  return neutraliseCell(JSON.stringify(v));
}
