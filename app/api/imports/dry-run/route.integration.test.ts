// The import upload route (issue 19): the session, org and role gate, the engine's refusals as HTTP statuses with
// its reasons, the engine's exact dry run for a fixture, the mapping override, and the dry run as CSV.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { useDb } from "@/lib/db";
import { dryRunBrands, dryRunCampaigns, dryRunJson, MAX_IMPORT_BYTES } from "@/lib/imports";
import { orgDryRunOptions } from "@/lib/imports/org-options";
import { createTestDb, type TestDb } from "@/test/db";
import { addUserToOrg, ctxFor, makeOrg } from "@/test/factories";

const state: { ctx: OrgContext | null } = { ctx: null };
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => state.ctx }));

const { POST } = await import("@/app/api/imports/dry-run/route");
const templates = await import("@/app/api/imports/templates/[kind]/route");

const fixture = (name: string) => readFileSync(new URL(`../../../../lib/imports/fixtures/${name}`, import.meta.url));

let t: TestDb;
let a: Awaited<ReturnType<typeof makeOrg>>;
let owner: OrgContext;
beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  a = await makeOrg(t.db);
  const b = await makeOrg(t.db);
  owner = { ...a.ctx, sid: "s1", memberships: [{ orgId: a.org.id, orgName: a.org.name, role: "OWNER" }] };
  // Another organization's brand: a campaign row of A's naming it is refused at its brandId.
  await t.db.brand.create({ data: { orgId: b.org.id, brandId: "BOTHER1", displayName: "Other Co", companyName: "Other Co", entityType: "PRIVATE_PROFIT", status: "ACTIVE", identityStatus: "VERIFIED", confirmedAt: new Date(), data: {} } });
  // The mirror of A has line 5's shelter (same EIN and name): the route must check against A's mirror.
  await t.db.brand.create({ data: { orgId: a.org.id, brandId: "B0SHELT", displayName: "Gamma Shelter", companyName: "Gamma Animal Shelter", entityType: "NON_PROFIT", status: "ACTIVE", identityStatus: "VERIFIED", confirmedAt: new Date(), data: { ein: "987654321" } } });
}, 60_000);
afterAll(async () => t?.close());

function post(kind: string, body: BodyInit | null, headers: Record<string, string> = {}, extra = "") {
  return POST(new Request(`http://x/api/imports/dry-run?kind=${kind}${extra}`, { method: "POST", body, headers }));
}
const mappingHeader = (m: Record<string, string | null>) => ({ "x-import-mapping": encodeURIComponent(JSON.stringify(m)) });

describe("POST /api/imports/dry-run", () => {
  it("refuses without a session, and a role that cannot register brands", async () => {
    state.ctx = null;
    expect((await post("brands", fixture("brands-mixed.csv"))).status).toBe(401);
    const viewer = await addUserToOrg(t.db, a.org, "VIEWER");
    state.ctx = { ...ctxFor(a.org, viewer.user, "VIEWER"), sid: "s2", memberships: [{ orgId: a.org.id, orgName: a.org.name, role: "VIEWER" }] };
    const res = await post("brands", fixture("brands-mixed.csv"));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe("Your role cannot import brands or campaigns.");
  });

  it("answers the engine's exact dry run (against the caller's mirror) with the headers and the guess", async () => {
    state.ctx = owner;
    const res = await post("brands", fixture("brands-mixed.csv"));
    expect(res.status).toBe(200);
    const body = await res.json();
    const engine = await dryRunBrands(fixture("brands-mixed.csv"), orgDryRunOptions(t.db, a.org.id));
    expect({ rows: body.rows, totals: body.totals }).toEqual(dryRunJson(engine));
    expect(body.rows.find((r: { line: number }) => r.line === 5).errors).toEqual([{ field: "ein", message: "This organization already has this brand (B0SHELT)" }]);
    expect(body.mapping).toEqual(engine.mapping);
    expect(body.headers).toEqual(readFileSync(new URL("../../../../lib/imports/fixtures/brands-mixed.csv", import.meta.url), "utf8").split("\n")[0]!.split(","));
    expect(body.totals.cost_usd).toBe(48);
  });

  it("refuses what is not text with the engine's reason, and an oversize declaration before reading", async () => {
    state.ctx = owner;
    const pdf = await post("brands", Buffer.from("%PDF-1.7\n1 0 obj\n"));
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toEqual({ error: "Not a CSV file: this is a PDF document.", problem: "NOT_TEXT" });
    const xlsx = await post("brands", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(xlsx.status).toBe(415);
    expect((await xlsx.json()).error).toMatch(/^Not a CSV file: this is a ZIP archive \(an \.xlsx workbook is one\)/);
    const big = await post("brands", "a,b\n1,2\n", { "content-length": String(MAX_IMPORT_BYTES + 1) });
    expect(big.status).toBe(413);
    expect((await post("people", "a\n1\n")).status).toBe(400);
    expect((await post("brands", "a\n1\n", { "x-import-mapping": "%7Bnot json" })).status).toBe(400);
  });

  it("names the missing columns with the headers and the guess, then honours the user's mapping", async () => {
    state.ctx = owner;
    // The fixture with two headers no guess recognises.
    const original = fixture("brands-mixed.csv").toString("utf8");
    const nl = original.indexOf("\n");
    const file = original.slice(0, nl).replace("Entity Type", "Kind").replace("Brand Name", "Brand Label") + original.slice(nl);
    const first = await post("brands", file);
    expect(first.status).toBe(400);
    const miss = await first.json();
    expect(miss.problem).toBe("MALFORMED");
    expect(miss.error).toBe("No column for entityType, displayName: add it, or map one of the file's columns to it.");
    expect(miss.headers.slice(0, 3)).toEqual(["ref", "Kind", "Brand Label"]);
    expect(miss.mapping.missing).toEqual(["entityType", "displayName"]);
    expect(miss.mapping.unmapped).toEqual(["Kind", "Brand Label"]);

    const fixed = await post("brands", file, mappingHeader({ Kind: "entityType", "Brand Label": "displayName" }));
    expect(fixed.status).toBe(200);
    const r = await fixed.json();
    expect(r.mapping.mapping).toMatchObject({ Kind: "entityType", "Brand Label": "displayName", "Tax ID": "ein" });
    expect(r.mapping.missing).toEqual([]);
    const engine = await dryRunBrands(original, orgDryRunOptions(t.db, a.org.id));
    expect({ rows: r.rows, totals: r.totals }).toEqual(dryRunJson(engine));
  });

  it("checks campaign rows against the caller's organization only: another organization's brand is not its", async () => {
    state.ctx = owner;
    const file = "brandId,usecase,description,messageFlow,sample1\nBOTHER1,CUSTOMER_CARE,Support replies for customers who text us.,Customers text us first from our website's contact page.,Other Co: thanks for your message. Reply STOP to opt out.\n";
    const res = await post("campaigns", file);
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.rows[0].errors).toContainEqual({ field: "brandId", message: "BOTHER1 is not a brand of this organization" });
    expect(r.totals.cost_usd).toBe(0);
  });

  it("a campaign file after its brand file (X-Brand-File-Bytes): brandRef resolves as the CLI's --brands does", async () => {
    state.ctx = owner;
    const brands = fixture("brands-mixed.csv");
    const campaigns = fixture("campaigns-mixed.csv");
    const res = await post("campaigns", Buffer.concat([brands, campaigns]), { "x-brand-file-bytes": String(brands.length) });
    expect(res.status).toBe(200);
    const r = await res.json();
    const opts = orgDryRunOptions(t.db, a.org.id);
    const engine = await dryRunCampaigns(campaigns, { ...opts, brandRefs: (await dryRunBrands(brands, opts)).brandRefs });
    expect({ rows: r.rows, totals: r.totals }).toEqual(dryRunJson(engine));
    // Without the brand file the same refs are unknown.
    const alone = await (await post("campaigns", campaigns)).json();
    expect(alone.rows.some((x: { errors: { field: string; message: string }[] }) => x.errors.some((e) => e.field === "brandRef" && e.message.startsWith("No brand row has the ref")))).toBe(true);
    const pdfFirst = await post("campaigns", Buffer.concat([Buffer.from("%PDF-1.7\n"), campaigns]), { "x-brand-file-bytes": "9" });
    expect(pdfFirst.status).toBe(415);
    expect((await pdfFirst.json()).error).toBe("The brand file: Not a CSV file: this is a PDF document.");
  });

  it("format=csv: the body holds the file twice; the answer is the file's rows with errors and warnings, as an attachment", async () => {
    state.ctx = owner;
    const file = fixture("brands-mixed.csv");
    const res = await post("brands", Buffer.concat([file, file]), { "x-file-bytes": String(file.length) }, "&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain('filename="dry-run-brands.csv"');
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toMatch(/^ref,Entity Type,Brand Name,.*,vetting,errors,warnings$/);
    expect(lines[2]).toMatch(/^bad-ein,.*,ein: A US EIN is 9 digits,$/);
    expect((await post("brands", file, {}, "&format=csv")).status).toBe(400);
  });
});

describe("GET /api/imports/templates/[kind]", () => {
  const get = (kind: string, q = "") => templates.GET(new Request(`http://x/api/imports/templates/${kind}${q}`), { params: Promise.resolve({ kind }) });
  it("hands out the template and the columns explained as attachments, to a session only", async () => {
    state.ctx = null;
    expect((await get("brands")).status).toBe(401);
    state.ctx = owner;
    const tpl = await get("brands");
    expect(tpl.headers.get("Content-Disposition")).toContain('filename="brands-import-template.csv"');
    expect((await tpl.text()).split("\r\n")[0]).toMatch(/^ref,entityType,displayName,/);
    const ex = await get("campaigns", "?explained=1");
    expect((await ex.text()).split("\r\n")[0]).toBe("column,label,required,description,example");
    expect((await get("people")).status).toBe(404);
  });
});
