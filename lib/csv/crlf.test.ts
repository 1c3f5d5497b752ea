import { describe, expect, it } from "vitest";
import { CrlfWriter } from "./crlf";

/** The rule spelled out byte by byte: an LF outside quotes becomes CRLF; `"` flips the quote state. */
function reference(input: string): string {
  let out = "";
  let inQuotes = false;
  for (const ch of input) {
    if (ch === '"') inQuotes = !inQuotes;
    out += ch === "\n" && !inQuotes ? "\r\n" : ch;
  }
  return out;
}

function run(pieces: Buffer[], chunkSize?: number): { text: string; chunks: number[] } {
  const out: Uint8Array[] = [];
  const w = new CrlfWriter((c) => out.push(c), chunkSize);
  for (const p of pieces) w.write(p);
  w.flush();
  return { text: Buffer.concat(out).toString("utf8"), chunks: out.map((c) => c.length) };
}

const SAMPLES = [
  "a,b\n1,2\n",
  'x,"has\nline break",y\nnext,row\n',
  '"say ""hi""\nthere",z\n"",\n',
  '"CR\r\nLF inside",ok\n',
  "no newline at the end",
  '"unterminated\nquote',
  "Café ñ 日本 🚀,\"é\n\"\n",
  "\n\n\n",
];

describe("CrlfWriter", () => {
  it.each(SAMPLES)("ends records with CRLF and leaves line breaks inside quotes alone: %j", (s) => {
    expect(run([Buffer.from(s)]).text).toBe(reference(s));
  });

  it("gives the same bytes however the input is split, quote state carried across pieces", () => {
    const all = Buffer.from(SAMPLES.slice(0, 5).join(""));
    for (let cut = 0; cut <= all.length; cut++) {
      expect(run([all.subarray(0, cut), all.subarray(cut)]).text).toBe(reference(all.toString("utf8")));
    }
    // One byte at a time, and through output buffers of 1 to 7 bytes.
    const bytes = [...all].map((b) => Buffer.from([b]));
    for (let size = 1; size <= 7; size++) expect(run(bytes, size).text).toBe(reference(all.toString("utf8")));
  });

  it("hands output over in buffers of the chunk size, the rest on flush", () => {
    const rows = Array.from({ length: 100 }, (_, i) => Buffer.from(`row ${i},"a\nb"\n`));
    const { text, chunks } = run(rows, 64);
    expect(text).toBe(reference(rows.map((r) => r.toString()).join("")));
    expect(chunks.slice(0, -1).every((n) => n === 64)).toBe(true);
    expect(chunks.at(-1)).toBeGreaterThan(0);
    expect(chunks.at(-1)).toBeLessThanOrEqual(64);
  });

  it("does not hand over the same memory twice (each chunk is the reader's to keep)", () => {
    const out: Uint8Array[] = [];
    const w = new CrlfWriter((c) => out.push(c), 4);
    w.write(Buffer.from("abcdefgh\n"));
    w.flush();
    expect(out.map((c) => Buffer.from(c).toString())).toEqual(["abcd", "efgh", "\r\n"]);
    expect(new Set(out.map((c) => c.buffer)).size).toBe(out.length);
  });

  it("writes nothing on flush when nothing is pending", () => {
    expect(run([]).chunks).toEqual([]);
  });
});
