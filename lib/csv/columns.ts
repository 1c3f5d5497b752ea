import { toCell, type CellValue } from "./cells";

/** One CSV column: its header, what it holds (documented in docs/reports.md), and how a row fills it. */
export type Column<R> = { header: string; description: string; value: (row: R) => CellValue };

export const headerRow = <R>(columns: readonly Column<R>[]): string[] => columns.map((c) => c.header);

/** A row as cell texts, in column order. */
export const toRecord = <R>(columns: readonly Column<R>[], row: R): string[] => columns.map((c) => toCell(c.value(row)));
