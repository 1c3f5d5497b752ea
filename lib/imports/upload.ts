/**
 * What the upload route (app/api/imports/dry-run) needs around the engine: the user's mapping from its header,
 * the HTTP status of each ImportFileError, the file's header row read from the bytes that went past (so a file
 * whose required columns are not mapped still answers with its headers and the guess, for the mapping editor),
 * and a body split in two at a byte count (the CSV download sends the file twice: once to dry-run, once to write).
 * Server-only (parseCsv uses Node streams). Nothing here keeps the file: at most its first 64 KB while it streams.
 */
import { z } from "zod";
import type { ColumnMapping } from "./mapping";
import { parseCsv, type CsvSource, type ImportFileProblem } from "./parse";

/** The header that carries the user's mapping: URL-encoded JSON, header → field (or null to ignore it). */
export const MAPPING_HEADER = "x-import-mapping";
/** The CSV download's header: the byte size of the file, which the body holds twice. */
export const FILE_BYTES_HEADER = "x-file-bytes";
/** A campaign file's body may start with the brand file its brandRef column names: that file's byte size. */
export const BRAND_FILE_BYTES_HEADER = "x-brand-file-bytes";
const MAX_MAPPING_CHARS = 32 * 1024;

const mappingSchema = z.record(z.string().max(500), z.string().max(100).nullable()).refine((m) => Object.keys(m).length <= 500, "At most 500 columns can be mapped.");

/** The mapping the request names, {} when none, or the reason it cannot be read. */
export function mappingFrom(raw: string | null): { mapping: ColumnMapping } | { error: string } {
  if (!raw) return { mapping: {} };
  if (raw.length > MAX_MAPPING_CHARS) return { error: "The column mapping is too long." };
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(raw));
  } catch {
    return { error: "The column mapping is not readable: choose the columns again." };
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) return { error: `The column mapping is not valid: ${parsed.error.issues[0]?.message ?? "header → field expected"}.` };
  return { mapping: parsed.data };
}

/** A file that is too big is 413, a file that is not UTF-8 text 415, anything else wrong with it 400. */
export function statusFor(problem: ImportFileProblem): 400 | 413 | 415 {
  if (problem === "TOO_LARGE" || problem === "TOO_MANY_ROWS") return 413;
  if (problem === "NOT_TEXT" || problem === "NOT_UTF8") return 415;
  return 400;
}

const PREFIX_BYTES = 64 * 1024;

/** Passes the chunks through and keeps the first 64 KB, to read the header row from afterwards. */
export function headTap(source: AsyncIterable<Uint8Array>): { source: AsyncGenerator<Uint8Array>; headers: () => Promise<string[] | null> } {
  const kept: Uint8Array[] = [];
  let size = 0;
  async function* tap() {
    for await (const chunk of source) {
      if (size < PREFIX_BYTES) {
        const part = chunk.subarray(0, PREFIX_BYTES - size);
        kept.push(part.slice());
        size += part.length;
      }
      yield chunk;
    }
  }
  return {
    source: tap(),
    headers: async () => {
      if (!size) return null;
      try {
        const buf = new Uint8Array(size);
        let at = 0;
        for (const k of kept) {
          buf.set(k, at);
          at += k.length;
        }
        const parsed = await parseCsv(buf);
        await parsed.records.return(undefined);
        return parsed.header;
      } catch {
        return null;
      }
    },
  };
}

/**
 * The body as two sources: its first `bytes` bytes, then the rest. The second reads on from where the first
 * stopped, so the first must be read to its end before the second is started.
 */
export function splitAt(body: AsyncIterable<Uint8Array>, bytes: number): { first: AsyncGenerator<Uint8Array>; rest: AsyncGenerator<Uint8Array> } {
  const it = body[Symbol.asyncIterator]();
  let carry: Uint8Array | null = null;
  async function* first() {
    let left = bytes;
    while (left > 0) {
      const r = await it.next();
      if (r.done) return;
      const chunk = r.value;
      if (chunk.length <= left) {
        left -= chunk.length;
        yield chunk;
      } else {
        carry = chunk.subarray(left);
        yield chunk.subarray(0, left);
        left = 0;
      }
    }
  }
  async function* rest() {
    if (carry) yield carry;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { first: first(), rest: rest() };
}

export type { CsvSource };
