/**
 * Streaming CSV reading for the imports (server-side, Node streams): the bytes are checked as they arrive
 * (not text → refused with the reason), decoded as UTF-8 with or without a byte order mark, and parsed by
 * papaparse's Node stream (quoted fields may hold delimiters and line breaks). Rows come out one at a time,
 * with backpressure: the file is never held whole. The delimiter (, ; tab |) is the one the header line
 * uses most.
 */
import { Readable, pipeline } from "node:stream";
import Papa from "papaparse";

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportFileProblem = "NOT_TEXT" | "NOT_UTF8" | "TOO_LARGE" | "TOO_MANY_ROWS" | "EMPTY" | "MALFORMED";

/** The file cannot be imported at all (as opposed to a row with errors); `message` says why and what to do. */
export class ImportFileError extends Error {
  constructor(readonly problem: ImportFileProblem, message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

/** File signatures of the formats people upload instead of a CSV, with what to do about each. */
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (an .xlsx workbook is one): in the spreadsheet choose File → Save as → CSV UTF-8, and upload that" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Excel (.xls) workbook: save it as CSV UTF-8 and upload that" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive: unpack it and upload the CSV" },
  { bytes: [0xff, 0xfe], what: "UTF-16 text: save it as CSV UTF-8 and upload that" },
  { bytes: [0xfe, 0xff], what: "UTF-16 text: save it as CSV UTF-8 and upload that" },
];

/** Why these first bytes are not a CSV file, or null. */
export function binaryReason(head: Uint8Array): string | null {
  for (const m of MAGIC) if (m.bytes.every((b, i) => head[i] === b)) return `Not a CSV file: this is ${m.what}.`;
  return null;
}

/** The delimiter the header line uses most (outside quotes); a comma when it has none. */
export function detectDelimiter(firstChunk: string): string {
  let line = "";
  let quoted = false;
  for (const ch of firstChunk) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    line += quoted ? "" : ch;
  }
  let best: string = ",";
  let count = 0;
  for (const d of DELIMITERS) {
    const n = line.split(d).length - 1;
    if (n > count) [best, count] = [d, n];
  }
  return best;
}

export type CsvLimits = { maxRows?: number; maxBytes?: number };
export type CsvRecord = { line: number; values: string[] };
export type ParsedCsv = { header: string[]; delimiter: string; records: AsyncGenerator<CsvRecord> };

/** The file's bytes: a Node Readable, a web stream, any (async) iterable of chunks, or one chunk. */
export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | Uint8Array | string;
type Source = CsvSource;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Bytes → checked, decoded text chunks (throws ImportFileError). */
async function* checkedText(source: Source, maxBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  let first = true;
  // A Buffer or string is iterable too, by byte or character: take it as one chunk.
  const chunks = typeof source === "string" || source instanceof Uint8Array ? [source] : source;
  for await (const raw of chunks) {
    const chunk = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    if (chunk.length === 0) continue;
    if (first) {
      const why = binaryReason(chunk);
      if (why) throw new ImportFileError("NOT_TEXT", why);
    }
    bytes += chunk.length;
    if (bytes > maxBytes) throw new ImportFileError("TOO_LARGE", `The file is larger than ${mb(maxBytes)}: split it into smaller files.`);
    if (chunk.includes(0)) throw new ImportFileError("NOT_TEXT", "The file contains NUL bytes, so it is not a text (CSV) file: export the sheet as CSV UTF-8.");
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileError("NOT_UTF8", `The file is not valid UTF-8 (near byte ${bytes - chunk.length + 1}): save it as "CSV UTF-8" and upload it again.`);
    }
    first = false;
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportFileError("NOT_UTF8", 'The file ends in the middle of a UTF-8 character: save it as "CSV UTF-8" and upload it again.');
  }
}

/**
 * Reads the header row, then hands out the records as the caller asks for them. `line` is the record's
 * number counting the header as 1 (the first data row is line 2, as a spreadsheet shows it). Blank lines
 * are skipped; cells are trimmed of surrounding whitespace only by the callers that want it.
 */
export async function parseCsv(source: Source, limits: CsvLimits = {}): Promise<ParsedCsv> {
  const maxRows = limits.maxRows ?? MAX_IMPORT_ROWS;
  const maxBytes = limits.maxBytes ?? MAX_IMPORT_BYTES;
  let delimiter = ",";
  const papa = Papa.parse(Papa.NODE_STREAM_INPUT, {
    // Called once, with the first chunk, before anything is parsed.
    delimiter: (input: string) => (delimiter = detectDelimiter(input)),
    skipEmptyLines: "greedy",
  } as Papa.ParseConfig) as unknown as NodeJS.ReadWriteStream;
  const text = Readable.from(checkedText(source, maxBytes), { objectMode: false });
  pipeline(text, papa, () => undefined); // an error destroys papa with it, so the reader below sees it
  const it = (papa as unknown as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const head = await it.next();
  if (head.done) throw new ImportFileError("EMPTY", "The file is empty: it needs a header row and at least one row.");
  const header = head.value.map((h) => h.trim());
  if (header.every((h) => !h)) throw new ImportFileError("MALFORMED", "The first row is empty: it must name the columns.");
  async function* records(): AsyncGenerator<CsvRecord> {
    let line = 1;
    try {
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        line++;
        if (line - 1 > maxRows) {
          throw new ImportFileError("TOO_MANY_ROWS", `The file has more than ${maxRows.toLocaleString("en-US")} rows: split it into files of at most ${maxRows.toLocaleString("en-US")} rows.`);
        }
        yield { line, values: r.value };
      }
    } finally {
      await it.return?.();
    }
  }
  return { header, delimiter, records: records() };
}
