/**
 * The import files the portal hands out: the templates (header = the registry's field names, one example
 * row), the "columns explained" files, and the dry run as CSV (the file's own columns plus errors and
 * warnings). Cells go through lib/csv's toCell, so nothing a user typed runs as a spreadsheet formula.
 */
import { stringify } from "csv-stringify/sync";
import { toCell } from "@/lib/csv";
import { ENTITY_TYPES } from "@/lib/tcr/schemas/enums";
import { brandFieldRules, type BrandField } from "@/lib/tcr/schemas/brand";
import { columnsFor, type ImportKind } from "./columns";
import { parseCsv, type CsvLimits } from "./parse";
import type { DryRunResult, RowIssue } from "./dry-run";

const OPTIONS = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;
const csv = (records: string[][]) => stringify(records.map((r) => r.map((c) => toCell(c))), OPTIONS);

/**
 * The template: every column of the kind, then example rows. Brands: one per entity type, each filled only
 * with the fields that type has (the others stay empty, as the wizard leaves them out).
 */
export function templateCsv(kind: ImportKind): string {
  const cols = columnsFor(kind);
  if (kind === "campaigns") return csv([cols.map((c) => c.field), cols.map((c) => c.example)]);
  const rows = ENTITY_TYPES.map((et, i) =>
    cols.map((c) => {
      if (c.field === "entityType") return et;
      if (c.field === "ref") return `${c.example}-${et.toLowerCase().replace(/_/g, "-")}`;
      if (Object.hasOwn(brandFieldRules[et], c.field) && brandFieldRules[et][c.field as BrandField] === "forbidden") return "";
      if (c.field === "ein") return c.example.slice(0, -1) + String(i);
      return c.example;
    }),
  );
  return csv([cols.map((c) => c.field), ...rows]);
}

/** One row per column: its name, label, when it is required, what it holds, an example. */
export function columnsExplainedCsv(kind: ImportKind): string {
  return csv([["column", "label", "required", "description", "example"], ...columnsFor(kind).map((c) => [c.field, c.label, c.required, c.description, c.example])]);
}

const issues = (list: RowIssue[]) => list.map((i) => `${i.field}: ${i.message}`).join("; ");

/**
 * The dry run as CSV, streamed: the uploaded file is read again (never held) and each row is written with
 * its own cells, then `errors` and `warnings` ("field: message; …"). `source` must be the same file.
 */
export async function* dryRunCsv(source: Parameters<typeof parseCsv>[0], result: DryRunResult, limits?: CsvLimits): AsyncGenerator<string> {
  const parsed = await parseCsv(source, limits);
  const byLine = new Map(result.rows.map((r) => [r.line, r]));
  yield csv([[...parsed.header, "errors", "warnings"]]);
  let batch: string[][] = [];
  for await (const rec of parsed.records) {
    const r = byLine.get(rec.line);
    const cells = parsed.header.map((_, i) => rec.values[i] ?? "");
    batch.push([...cells, r ? issues(r.errors) : "", r ? issues(r.warnings) : ""]);
    if (batch.length >= 500) {
      yield csv(batch);
      batch = [];
    }
  }
  if (batch.length) yield csv(batch);
}
