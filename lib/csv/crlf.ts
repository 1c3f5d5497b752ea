/**
 * PostgreSQL's `COPY … WITH (FORMAT csv)` ends every record with a bare LF; the portal's CSV files end them with
 * CRLF (RFC 4180, what csv-stringify writes for the other reports). A line feed inside a quoted cell is data and
 * stays as it is. This rewrites the record ends as the bytes go by, in native `indexOf` scans rather than a loop
 * over bytes: it only has to know whether it is inside quotes, which flips at every `"` (a doubled `""` inside a
 * quoted cell flips twice, so it needs no special case).
 *
 * Output collects in buffers of `chunkSize` bytes handed to `emit` as they fill, so a 100k-row export goes out
 * as a few hundred chunks, not one per row.
 */

const LF = 0x0a;
const QUOTE = 0x22;

export class CrlfWriter {
  private inQuotes = false;
  private buf: Buffer;
  private used = 0;

  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    private readonly chunkSize = 64 * 1024,
  ) {
    this.buf = Buffer.allocUnsafeSlow(chunkSize);
  }

  write(chunk: Uint8Array): void {
    const len = chunk.length;
    let i = 0;
    // The next quote at or after i in this chunk (-1: none), found once and reused while rows carry no quote.
    let q = chunk.indexOf(QUOTE, 0);
    while (i < len) {
      if (this.inQuotes) {
        if (q === -1) {
          this.copy(chunk, i, len);
          return;
        }
        this.copy(chunk, i, q + 1);
        this.inQuotes = false;
        i = q + 1;
        q = chunk.indexOf(QUOTE, i);
        continue;
      }
      const nl = chunk.indexOf(LF, i);
      if (q !== -1 && (nl === -1 || q < nl)) {
        this.copy(chunk, i, q + 1);
        this.inQuotes = true;
        i = q + 1;
        q = chunk.indexOf(QUOTE, i);
        continue;
      }
      if (nl === -1) {
        this.copy(chunk, i, len);
        return;
      }
      this.copy(chunk, i, nl);
      this.put(0x0d);
      this.put(LF);
      i = nl + 1;
    }
  }

  /** Hands over whatever is buffered (the end of the file). */
  flush(): void {
    if (this.used === 0) return;
    const out = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafeSlow(this.chunkSize);
    this.used = 0;
    this.emit(out);
  }

  private copy(src: Uint8Array, from: number, to: number): void {
    while (from < to) {
      const n = Math.min(to - from, this.chunkSize - this.used);
      this.buf.set(from === 0 && n === src.length ? src : src.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
      if (this.used === this.chunkSize) this.flush();
    }
  }

  private put(byte: number): void {
    this.buf[this.used++] = byte;
    if (this.used === this.chunkSize) this.flush();
  }
}
