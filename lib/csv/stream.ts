import { stringify } from "csv-stringify/sync";
import { headerRow, toRecord, type Column } from "./columns";

export const UTF8_BOM = "\uFEFF";

export type CsvStreamOptions<R> = {
  columns: readonly Column<R>[];
  /** Batches of rows, fetched lazily: the next one is only asked for when the reader wants more bytes. */
  batches: AsyncIterable<R[]>;
  /** Start with a UTF-8 byte order mark, so Excel reads accents and non-Latin names correctly. */
  bom?: boolean;
  onError?: (e: unknown) => void;
};

// RFC 4180 (CRLF between records). csv-stringify only quotes a cell holding the whole record delimiter, so a
// lone \n or \r inside a cell is matched here: unquoted it would split the record for every reader.
const OPTIONS = { record_delimiter: "windows", eof: true, quoted_match: /[\r\n]/ } as const;

/** The start of the file: the byte order mark when asked for, and the header record. */
export function csvHead<R>(columns: readonly Column<R>[], bom = false): Uint8Array {
  return new TextEncoder().encode((bom ? UTF8_BOM : "") + stringify([headerRow(columns)], OPTIONS));
}

/**
 * A CSV file as a web ReadableStream. The header goes out at once (so the download starts before the first
 * query returns), then one chunk per batch. Pull-based: a slow client stops the queries instead of letting
 * rows pile up in memory, so memory stays flat however many rows the report has.
 */
export function csvStream<R>({ columns, batches, bom, onError }: CsvStreamOptions<R>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(csvHead(columns, bom));
      },
      async pull(controller) {
        try {
          // An empty batch enqueues nothing, and a pull that enqueues nothing is not repeated: keep going.
          for (;;) {
            const next = await it.next();
            if (next.done) return controller.close();
            if (next.value.length === 0) continue;
            return controller.enqueue(encoder.encode(stringify(next.value.map((r) => toRecord(columns, r)), OPTIONS)));
          }
        } catch (e) {
          onError?.(e);
          controller.error(e);
        }
      },
      async cancel() {
        await it.return?.();
      },
    },
    // One batch ahead at most.
    { highWaterMark: 1 },
  );
}

/** `campaigndesk-brands-2026-11-23.csv`: the report and the day (UTC) it was taken. */
export function exportFileName(reportId: string, at: Date = new Date()): string {
  return `campaigndesk-${reportId}-${at.toISOString().slice(0, 10)}.csv`;
}
