import { describe, expect, it } from "vitest";
import { afterWhere, csvStream, exportFileName, keysetBatches, neutraliseCell, toCell, toRecord, type Column } from "@/lib/csv";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* from<R>(...batches: R[][]) {
  for (const b of batches) yield b;
}

describe("neutraliseCell", () => {
  it.each(["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")', "-", "+"])(
    "prefixes %j with an apostrophe",
    (s) => expect(neutraliseCell(s)).toBe(`'${s}`),
  );

  it.each(["Acme", " =1", "a=b", "1+1", "'quoted", "", "B123ABC", "-12.5", "+12025550123", "-7", "+0"])("leaves %j alone", (s) =>
    expect(neutraliseCell(s)).toBe(s),
  );

  it("does not take a number-looking prefix for a plain number", () => {
    expect(neutraliseCell("-1+1")).toBe("'-1+1");
    expect(neutraliseCell("+1e3")).toBe("'+1e3");
    expect(neutraliseCell("-12.5;=1")).toBe("'-12.5;=1");
  });
});

describe("toCell", () => {
  it("formats each kind of value", () => {
    expect(toCell(null)).toBe("");
    expect(toCell(undefined)).toBe("");
    expect(toCell(new Date("2026-11-23T10:00:00.000Z"))).toBe("2026-11-23T10:00:00.000Z");
    expect(toCell(new Date("nope"))).toBe("");
    expect(toCell(12.5)).toBe("12.5");
    expect(toCell(-3)).toBe("-3");
    expect(toCell(Number.NaN)).toBe("");
    expect(toCell(true)).toBe("true");
    expect(toCell(false)).toBe("false");
    expect(toCell({ reason: "x" })).toBe('{"reason":"x"}');
    expect(toCell("=evil()")).toBe("'=evil()");
  });
});

describe("toRecord", () => {
  type Row = { id: string; n: number | null; tags: string[] };
  const columns: Column<Row>[] = [
    { header: "Id", description: "", value: (r) => r.id },
    { header: "Count", description: "", value: (r) => r.n },
    { header: "Tags", description: "", value: (r) => r.tags.join("; ") },
  ];

  it("maps a row through the columns in order", () => {
    expect(toRecord(columns, { id: "C1", n: null, tags: ["a", "b"] })).toEqual(["C1", "", "a; b"]);
    expect(toRecord(columns, { id: "@C1", n: 2, tags: [] })).toEqual(["'@C1", "2", ""]);
  });
});

describe("csvStream", () => {
  type Row = { name: string; note: string | null };
  const columns: Column<Row>[] = [
    { header: "Name", description: "", value: (r) => r.name },
    { header: "Note", description: "", value: (r) => r.note },
  ];

  it("writes the header, then every batch, quoting what needs quoting (RFC 4180, CRLF)", async () => {
    const out = await text(
      csvStream({ columns, batches: from([{ name: "Acme, Inc.", note: 'say "hi"' }], [], [{ name: "Line\nbreak", note: null }, { name: "=1+1", note: "ok" }]) }),
    );
    expect(out).toBe('Name,Note\r\n"Acme, Inc.","say ""hi"""\r\n"Line\nbreak",\r\n\'=1+1,ok\r\n');
  });

  it("starts with a UTF-8 byte order mark only when asked", async () => {
    const withBom = new Uint8Array(await new Response(csvStream({ columns, batches: from([{ name: "Café", note: null }]), bom: true })).arrayBuffer());
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(withBom)).toBe("Name,Note\r\nCafé,\r\n"); // TextDecoder drops the BOM it recognises
    const plain = new Uint8Array(await new Response(csvStream({ columns, batches: from([{ name: "Café", note: null }]) })).arrayBuffer());
    expect(plain[0]).toBe("N".charCodeAt(0));
  });

  it("sends the header before the first batch is fetched, and fetches only as the reader pulls", async () => {
    let fetched = 0;
    async function* slow() {
      for (let i = 0; i < 5; i++) {
        fetched++;
        yield [{ name: `n${i}`, note: null }];
      }
    }
    const reader = csvStream({ columns, batches: slow() }).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("Name,Note\r\n");
    await reader.read();
    // The stream buffers at most one batch ahead of the reader.
    expect(fetched).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(fetched).toBeLessThanOrEqual(2);
  });

  it("errors the stream when fetching a batch fails", async () => {
    async function* failing() {
      yield [{ name: "a", note: null }];
      throw new Error("database went away");
    }
    const errors: unknown[] = [];
    await expect(text(csvStream({ columns, batches: failing(), onError: (e) => errors.push(e) }))).rejects.toThrow("database went away");
    expect(errors).toHaveLength(1);
  });
});

describe("exportFileName", () => {
  it("names the report and the UTC day", () => {
    expect(exportFileName("brands", new Date("2026-11-23T23:59:00Z"))).toBe("campaigndesk-brands-2026-11-23.csv");
  });
});

describe("keyset", () => {
  it("builds the after-cursor condition, with nulls last", () => {
    const keys = [{ field: "createdAt", dir: "desc", nullable: true }, { field: "id", dir: "desc" }] as const;
    expect(afterWhere(keys, { createdAt: 5, id: "b" })).toEqual({
      OR: [{ createdAt: { lt: 5 } }, { createdAt: null }, { AND: [{ createdAt: 5 }, { id: { lt: "b" } }] }],
    });
    expect(afterWhere(keys, { createdAt: null, id: "b" })).toEqual({ AND: [{ createdAt: null }, { id: { lt: "b" } }] });
    expect(afterWhere([{ field: "id", dir: "asc" }], { id: "b" })).toEqual({ id: { gt: "b" } });
    // Nulls first (PostgreSQL's plain DESC): after a null come the later nulls and every value.
    const first = [{ field: "at", dir: "desc", nullable: true, nullsFirst: true }, { field: "id", dir: "asc" }] as const;
    expect(afterWhere(first, { at: null, id: "b" })).toEqual({ OR: [{ AND: [{ at: null }, { id: { gt: "b" } }] }, { at: { not: null } }] });
    expect(afterWhere(first, { at: 5, id: "b" })).toEqual({ OR: [{ at: { lt: 5 } }, { AND: [{ at: 5 }, { id: { gt: "b" } }] }] });
  });

  it("walks batches until a short one", async () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const calls: (number | null)[] = [];
    const batches: number[][] = [];
    for await (const b of keysetBatches<number>(async (after, take) => {
      calls.push(after);
      return all.filter((n) => after === null || n > after).slice(0, take);
    }, 3)) batches.push(b);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(calls).toEqual([null, 2, 5]);
  });
});
