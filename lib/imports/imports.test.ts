import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { readFileSync } from "node:fs";
import {
  BRAND_COLUMNS, CAMPAIGN_COLUMNS, ImportFileError, columnsExplainedCsv, dryRunBrands, dryRunCampaigns, dryRunCsv, guessMapping, parseCsv, templateCsv,
} from "@/lib/imports";
import { main, parseArgs } from "@/lib/imports/cli";
import { detectDelimiter } from "@/lib/imports/parse";

const enc = new TextEncoder();
const bytes = (s: string) => [enc.encode(s)];
async function rows(source: Parameters<typeof parseCsv>[0], limits?: Parameters<typeof parseCsv>[1]) {
  const p = await parseCsv(source, limits);
  const out: { line: number; values: string[] }[] = [];
  for await (const r of p.records) out.push(r);
  return { header: p.header, delimiter: p.delimiter, rows: out };
}
async function refused(source: Parameters<typeof parseCsv>[0], limits?: Parameters<typeof parseCsv>[1]) {
  try {
    await rows(source, limits);
  } catch (e) {
    if (e instanceof ImportFileError) return { problem: e.problem, message: e.message };
    throw e;
  }
  throw new Error("not refused");
}
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

const BRAND_HEADER = "entityType,displayName,companyName,ein,email,phone,street,city,state,postalCode,country,vertical,brandRelationship";
const GOOD_BRAND = "PRIVATE_PROFIT,Acme,Acme LLC,123456789,support@acme.com,+12025550123,1 Main St,Springfield,IL,62701,US,RETAIL,BASIC_ACCOUNT";

describe("parseCsv", () => {
  it.each([[",", "a,b"], [";", "a;b"], ["\t", "a\tb"], ["|", "a|b"]])("detects the %j delimiter", async (d, head) => {
    const r = await rows(bytes(`${head}\n1${d}2\n`));
    expect(r.delimiter).toBe(d);
    expect(r.header).toEqual(["a", "b"]);
    expect(r.rows).toEqual([{ line: 2, values: ["1", "2"] }]);
  });
  it("ignores delimiters inside quoted header cells", () => {
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(",");
  });
  it("strips a UTF-8 byte order mark, keeps accents, reads quoted line breaks and quotes, skips blank lines", async () => {
    const r = await rows([new Uint8Array([0xef, 0xbb, 0xbf]), enc.encode('name,note\r\n"Café ""Olé""","two\nlines"\r\n\r\nB,c\r\n')]);
    expect(r.header).toEqual(["name", "note"]);
    expect(r.rows).toEqual([{ line: 2, values: ['Café "Olé"', "two\nlines"] }, { line: 3, values: ["B", "c"] }]);
  });
  it("decodes a character split across chunks", async () => {
    const all = enc.encode("a\nCafé\n");
    const r = await rows([all.slice(0, 5), all.slice(5)]);
    expect(r.rows[0]!.values).toEqual(["Café"]);
  });
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14], "ZIP archive"],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1], ".xls"],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], "PDF"],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d], "PNG"],
    [[0xff, 0xfe, 0x61, 0x00], "UTF-16"],
  ])("refuses binary %j with the reason", async (head, what) => {
    const r = await refused([new Uint8Array(head)]);
    expect(r.problem).toBe("NOT_TEXT");
    expect(r.message).toContain(what);
  });
  it("refuses NUL bytes, invalid UTF-8 and a truncated character", async () => {
    expect((await refused(bytes("a,b\n1,\u00002\n"))).problem).toBe("NOT_TEXT");
    expect(await refused([enc.encode("a,b\n"), new Uint8Array([0x31, 0xe9, 0x0a])])).toEqual({ problem: "NOT_UTF8", message: 'The file is not valid UTF-8 (near byte 5): save it as "CSV UTF-8" and upload it again.' });
    expect((await refused([enc.encode("a\n"), new Uint8Array([0xc3])])).problem).toBe("NOT_UTF8");
  });
  it("refuses a file over the size limit and over the row limit", async () => {
    expect(await refused(bytes("a\n".repeat(100)), { maxBytes: 50 })).toEqual({ problem: "TOO_LARGE", message: "The file is larger than 0 MB: split it into smaller files." });
    const r = await refused(bytes(`a\n${"1\n".repeat(4)}`), { maxRows: 3 });
    expect(r).toEqual({ problem: "TOO_MANY_ROWS", message: "The file has more than 3 rows: split it into files of at most 3 rows." });
  });
  it("refuses an empty file", async () => {
    expect((await refused(bytes(""))).problem).toBe("EMPTY");
    expect((await refused(bytes("\n\n"))).problem).toBe("EMPTY");
  });
  it("pulls records as they are read: the source is not drained ahead of the reader", async () => {
    let produced = 0;
    async function* src() {
      yield enc.encode("a\n");
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield enc.encode(`${"x".repeat(1000)}\n`);
      }
    }
    const p = await parseCsv(src());
    await p.records.next();
    expect(produced).toBeLessThan(2_000);
    await p.records.return(undefined);
  });
});

describe("guessMapping", () => {
  it("maps field names, labels and synonyms ignoring case, spaces, underscores and punctuation", () => {
    const r = guessMapping("brands", ["Entity_Type", "Company Name", "EIN", "Brand Name", "E-mail", "ZIP Code", "Favourite colour"]);
    expect(r.mapping).toEqual({ Entity_Type: "entityType", "Company Name": "companyName", EIN: "ein", "Brand Name": "displayName", "E-mail": "email", "ZIP Code": "postalCode", "Favourite colour": null });
    expect(r.unmapped).toEqual(["Favourite colour"]);
    expect(r.missing).toEqual([]);
    expect(guessMapping("brands", ["Tax ID"]).mapping).toEqual({ "Tax ID": "ein" });
  });
  it("reports the fields no header fills", () => {
    expect(guessMapping("brands", ["ein"]).missing).toEqual(["entityType", "displayName"]);
    expect(guessMapping("campaigns", ["usecase", "sample 1"]).missing).toEqual(["brandId or brandRef", "description", "messageFlow or consentMethod"]);
  });
  it("lets the user's mapping override the guess, and ignore a column", () => {
    const r = guessMapping("brands", ["Name", "Legal", "EIN"], { Name: "companyName", Legal: "displayName", EIN: null });
    expect(r.mapping).toEqual({ Name: "companyName", Legal: "displayName", EIN: null });
    expect(r.unmapped).toEqual(["EIN"]);
  });
  it("gives one field one header, and names the problem", () => {
    const r = guessMapping("brands", ["ein", "Tax ID", "x"], { x: "shoeSize" });
    expect(r.mapping).toEqual({ ein: "ein", "Tax ID": null, x: null });
    expect(r.problems).toEqual(['"x" is mapped to shoeSize, which is not a brand import column.']);
    const both = guessMapping("brands", ["a", "b"], { a: "ein", b: "ein" });
    expect(both.mapping).toEqual({ a: "ein", b: null });
    expect(both.problems).toEqual(['Both "a" and "b" would fill ein: "b" is ignored; choose the column you mean.']);
  });
});

describe("templates", () => {
  it("names every brand and campaign column, registry names first, and the template maps onto itself", () => {
    const brand = templateCsv("brands").split("\r\n")[0]!.split(",");
    expect(brand).toEqual(BRAND_COLUMNS.map((c) => c.field));
    expect(brand).toEqual(expect.arrayContaining(["entityType", "displayName", "companyName", "ein", "brandRelationship", "vertical", "ref", "vetting"]));
    const campaign = templateCsv("campaigns").split("\r\n")[0]!.split(",");
    expect(campaign).toEqual(expect.arrayContaining(["brandId", "brandRef", "usecase", "subUsecases", "description", "messageFlow", "consentMethod", "sample1", "sample5", "subscriberOptin", "embeddedLink", "resellerId"]));
    for (const kind of ["brands", "campaigns"] as const) {
      const h = templateCsv(kind).split("\r\n")[0]!.split(",");
      const m = guessMapping(kind, h);
      expect(m.unmapped).toEqual([]);
      expect(m.missing).toEqual([]);
    }
  });
  it("explains each column in a second file", async () => {
    const r = await rows(bytes(columnsExplainedCsv("campaigns")));
    expect(r.header).toEqual(["column", "label", "required", "description", "example"]);
    expect(r.rows.map((x) => x.values[0])).toEqual(CAMPAIGN_COLUMNS.map((c) => c.field));
    const brands = await rows(bytes(columnsExplainedCsv("brands")));
    expect(brands.rows.find((x) => x.values[0] === "ein")!.values[2]).toBe("required for PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT, GOVERNMENT; not allowed for SOLE_PROPRIETOR (left out)");
  });
  it("the brand template's example row passes the dry run", async () => {
    const r = await dryRunBrands(templateCsv("brands"));
    expect(r.rows).toEqual([2, 3, 4, 5, 6].map((line) => ({ line, ok: true, errors: [], warnings: [] })));
  });
  it("the campaign template's example row, pointing at a template brand, passes the builder's rules and the compliance check", async () => {
    const brands = await dryRunBrands(templateCsv("brands"));
    const r = await dryRunCampaigns(templateCsv("campaigns"), { brandRefs: brands.brandRefs });
    expect(r.rows).toEqual([{ line: 2, ok: true, errors: [], warnings: [{ field: "usecase", message: "Carrier qualification and the campaign fee are known once the brand is registered" }] }]);
  });
  it("a structured consent with a gap is an error at its column", async () => {
    const csv = templateCsv("campaigns").replace("https://www.acmedental.com/sms-optin.png", "");
    const r = await dryRunCampaigns(csv, { brandRefs: (await dryRunBrands(templateCsv("brands"))).brandRefs });
    expect(r.rows[0]!.errors).toEqual([{ field: "consentEvidenceUrl", message: "Link a public screenshot or script of this opt-in" }]);
  });
});

describe("dryRunBrands without a mirror", () => {
  const run = async (...lines: string[]) => (await dryRunBrands(bytes([BRAND_HEADER, ...lines].join("\n")))).rows;
  it("passes a good row and prices it at the brand fee", async () => {
    const r = await dryRunBrands(bytes(`${BRAND_HEADER},vetting\n${GOOD_BRAND},\n${GOOD_BRAND.replace("123456789", "223456789")},AEGIS\n`));
    expect(r.rows.every((x) => x.ok)).toBe(true);
    expect(r.totals).toEqual({ rows: 2, ok: 2, failed: 0, cost_usd: 4 + 4 + 40 });
  });
  it.each([
    ["an unknown entity type", GOOD_BRAND.replace("PRIVATE_PROFIT", "LLC"), { field: "entityType", message: '"LLC" is not an entity type: use one of PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT, GOVERNMENT, SOLE_PROPRIETOR' }],
    ["a missing entity type", GOOD_BRAND.replace("PRIVATE_PROFIT", ""), { field: "entityType", message: "Choose the entity type" }],
    ["a short EIN", GOOD_BRAND.replace("123456789", "1234"), { field: "ein", message: "A US EIN is 9 digits" }],
    ["a missing required field", GOOD_BRAND.replace("Acme LLC", ""), { field: "companyName", message: "Legal company name is required for a private company" }],
    ["a bad email", GOOD_BRAND.replace("support@acme.com", "nope"), { field: "email", message: "Enter a valid email address" }],
    ["a bad ZIP", GOOD_BRAND.replace("62701", "627"), { field: "postalCode", message: "Use a 5-digit ZIP code for US brands" }],
    ["a bad state", GOOD_BRAND.replace(",IL,", ",ZZ,"), { field: "state", message: "Not a US state or territory code" }],
    ["a bad relationship", GOOD_BRAND.replace("BASIC_ACCOUNT", "BIG"), { field: "brandRelationship", message: "Choose one of the listed values" }],
  ])("reports %s at its field", async (_what, line, error) => {
    const [r] = await run(line);
    expect(r).toEqual({ line: 2, ok: false, errors: [error], warnings: [] });
  });
  it("reports a duplicate EIN and name within the file (EIN dash and case ignored)", async () => {
    const r = await run(GOOD_BRAND, GOOD_BRAND.replace("123456789", "12-3456789").replace("Acme LLC", "ACME llc"));
    expect(r[1]).toEqual({ line: 3, ok: false, errors: [{ field: "ein", message: "Duplicate of line 2 (same EIN and company name)" }], warnings: [] });
  });
  it("warns about a value the entity type does not have, which is left out", async () => {
    const r = await dryRunBrands(bytes(`${BRAND_HEADER},firstName\n${GOOD_BRAND},Jane\n`));
    expect(r.rows[0]).toEqual({ line: 2, ok: true, errors: [], warnings: [{ field: "firstName", message: "Left out: a PRIVATE_PROFIT brand does not have this field" }] });
  });
  it("refuses a file without the columns every row needs", async () => {
    await expect(dryRunBrands(bytes("ein\n123456789\n"))).rejects.toThrow("No column for entityType, displayName");
  });
  it("reads a true/false cell strictly", async () => {
    const r = await dryRunBrands(bytes(`${BRAND_HEADER},mock\n${GOOD_BRAND},perhaps\n`));
    expect(r.rows[0]!.errors).toEqual([{ field: "mock", message: '"perhaps" is not true or false' }]);
  });
});

describe("dryRunCampaigns without a mirror", () => {
  it("checks brandRef against the brand file: unknown ref, ref to a row with errors, both ids", async () => {
    const brands = await dryRunBrands(fixture("brands-mixed.csv"));
    const r = await dryRunCampaigns(fixture("campaigns-mixed.csv"), { brandRefs: brands.brandRefs });
    expect(r.rows[0]).toMatchObject({ line: 2, ok: true, errors: [] });
    expect(r.rows[1]!.errors[0]).toEqual({ field: "brandRef", message: "The brand row on line 3 has errors: fix it first" });
    expect(r.rows[2]!.errors[0]).toEqual({ field: "brandRef", message: 'No brand row has the ref "nobody"' });
    const both = await dryRunCampaigns(bytes("brandId,brandRef,usecase,description,messageFlow,sample1\nB1,acme,MARKETING,x,x,x\n"), { brandRefs: brands.brandRefs });
    expect(both.rows[0]!.errors[0]).toEqual({ field: "brandRef", message: "Fill brandId or brandRef, not both" });
  });
  it("runs the compliance check: blocking findings are errors at their field, the rest warnings", async () => {
    const r = await dryRunCampaigns(fixture("campaigns-mixed.csv"), { brandRefs: (await dryRunBrands(fixture("brands-mixed.csv"))).brandRefs });
    const short = r.rows[5]!;
    expect(short.errors).toEqual(expect.arrayContaining([
      { field: "description", message: "Describe the campaign in 40 to 4096 characters: who sends, to whom, what and why. (description: 9 characters, minimum 40)" },
      { field: "sample1", message: "Each sample message must be 20 to 1024 characters. (sample1: 2 characters, minimum 20)" },
    ]));
    expect(new Set(short.errors.map((e) => e.field)).size).toBe(short.errors.length); // one error per field
    expect(short.warnings.length).toBeGreaterThan(0);
    expect(r.rows[4]!.errors).toEqual([{ field: "sample1", message: "Duplicate of line 2 (same brand, use case and samples)" }]);
  });
});

describe("dryRunCsv", () => {
  it("writes the original columns plus errors and warnings, neutralising formulas", async () => {
    const file = `${BRAND_HEADER}\n${GOOD_BRAND}\n${GOOD_BRAND.replace("Acme,", "=HYPERLINK(1),").replace("123456789", "1")}\n`;
    const result = await dryRunBrands(bytes(file));
    let out = "";
    for await (const chunk of dryRunCsv(bytes(file), result)) out += chunk;
    const lines = out.split("\r\n");
    expect(lines[0]).toBe(`${BRAND_HEADER},errors,warnings`);
    expect(lines[1]).toBe(`${GOOD_BRAND},,`);
    expect(lines[2]).toBe(`PRIVATE_PROFIT,'=HYPERLINK(1),Acme LLC,1,support@acme.com,+12025550123,1 Main St,Springfield,IL,62701,US,RETAIL,BASIC_ACCOUNT,ein: A US EIN is 9 digits,`);
  });
});

describe("cli", () => {
  const sink = () => {
    let text = "";
    const w = new Writable({ write(c, _e, cb) { text += String(c); cb(); } });
    return { w, text: () => text };
  };
  it("refuses bad arguments as usage errors: a run needs --org, --user and the confirmed cost", async () => {
    expect(parseArgs(["--kind", "brands", "f.csv"])).toEqual({ error: "running the import needs --org ORGID and --user EMAIL (or use --dry-run)" });
    expect(parseArgs(["--kind", "brands", "f.csv", "--org", "o1", "--user", "a@b.c"])).toEqual({ error: "running the import needs --confirm-cost USD: the cost_usd of its dry run" });
    expect(parseArgs(["--kind", "brands", "f.csv", "--org", "o1", "--user", "a@b.c", "--confirm-cost", "-1"])).toEqual({ error: "running the import needs --confirm-cost USD: the cost_usd of its dry run" });
    expect(parseArgs(["--dry-run", "--kind", "brands", "f.csv", "--user", "a@b.c"])).toEqual({ error: "--user and --confirm-cost are for running the import (leave out --dry-run)" });
    expect(parseArgs(["--kind", "brands", "f.csv", "--org", "o1", "--user", "a@b.c", "--confirm-cost", "52"])).toEqual({ kind: "brands", file: "f.csv", org: "o1", brands: undefined, run: { user: "a@b.c", costUsd: 52 } });
    expect(parseArgs(["--dry-run", "--kind", "numbers", "f.csv"])).toEqual({ error: "--kind must be brands or campaigns" });
    expect(parseArgs(["--dry-run", "--kind", "brands"])).toEqual({ error: "give exactly one FILE.csv" });
    expect(parseArgs(["--dry-run", "--kind", "brands", "--org"])).toEqual({ error: "--org needs a value" });
    expect(parseArgs(["--dry-run", "--kind", "brands", "a.csv", "--org", "o1"])).toEqual({ kind: "brands", file: "a.csv", org: "o1", brands: undefined });
    const err = sink();
    expect(await main(["--kind", "brands", "x.csv"], sink().w, err.w)).toBe(2);
    expect(err.text()).toContain("usage: npm run -s import -- --dry-run");
  });
  it("prints the dry run as JSON and exits 1 when a row fails, 2 when the file cannot be read", async () => {
    const out = sink();
    const path = new URL("./fixtures/brands-mixed.csv", import.meta.url).pathname;
    expect(await main(["--dry-run", "--kind", "brands", path], out.w, sink().w)).toBe(1);
    const json = JSON.parse(out.text());
    expect(Object.keys(json)).toEqual(["rows", "totals"]);
    expect(json.totals).toEqual({ rows: 7, ok: 3, failed: 4, cost_usd: 4 + 40 + 4 + 4 });
    expect(json.rows[0]).toEqual({ line: 2, ok: true, errors: [], warnings: [] });
    const err = sink();
    expect(await main(["--dry-run", "--kind", "brands", "/nonexistent/x.csv"], sink().w, err.w)).toBe(2);
    expect(err.text()).toMatch(/^cannot import: /);
  });
});

describe("the registry's lists and the campaign terms", () => {
  const lists = async () => ({ verticals: [{ value: "RETAIL", label: "Retail" }, { value: "NGO", label: "Non-profit" }], altBusinessIdTypes: ["DUNS"], countries: [{ value: "US", label: "United States" }] });

  it("refuses a vertical or country outside the registry's published list, at its field, when the registry answered one", async () => {
    const file = `${BRAND_HEADER}\n${GOOD_BRAND}\n${GOOD_BRAND.replace("RETAIL", "NON_PROFIT").replace("123456789", "223456789")}\n${GOOD_BRAND.replace(",US,", ",CA,").replace("123456789", "323456789")}\n`;
    const r = await dryRunBrands(bytes(file), { lists });
    expect(r.rows.map((x) => [x.line, x.ok, x.errors.map((e) => e.field)])).toEqual([[2, true, []], [3, false, ["vertical"]], [4, false, ["country"]]]);
    expect(r.rows[1]!.errors[0]!.message).toMatch(/^"NON_PROFIT" is not in the registry's list of verticals: use one of RETAIL, NGO/);
    // Without lists (no registry answer) the values are not second-guessed.
    expect((await dryRunBrands(bytes(file))).rows.every((x) => x.ok)).toBe(true);
  });

  it("asks for the registry's campaign terms on every campaign row, as the builder's review step does", async () => {
    const brands = await dryRunBrands(fixture("brands-mixed.csv"));
    const text = fixture("campaigns-mixed.csv").toString("utf8").replace(/;true\n/g, ";\n");
    const r = await dryRunCampaigns(bytes(text), { brandRefs: brands.brandRefs });
    expect(r.rows[0]!.errors).toContainEqual({ field: "termsAndConditions", message: "Accept the registry's campaign terms: set this column to true" });
  });
});
