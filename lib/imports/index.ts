export { BRAND_COLUMNS, CAMPAIGN_COLUMNS, IMPORT_KINDS, columnsFor, type ImportColumn, type ImportKind } from "./columns";
export { guessMapping, normaliseHeader, type ColumnMapping, type MappingResult } from "./mapping";
export { ImportFileError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseCsv, type CsvSource, type ImportFileProblem } from "./parse";
export { dryRun, dryRunBrands, dryRunCampaigns, dryRunJson, type BrandRefInfo, type DryRunOptions, type DryRunResult, type DryRunRow, type Qualification, type RowIssue } from "./dry-run";
export { columnsExplainedCsv, dryRunCsv, templateCsv } from "./csv-out";
