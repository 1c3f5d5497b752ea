// The dry run of a mixed brand file and campaign file against an organization's mirror (issue 19): good rows,
// each kind of bad row, duplicates within the file and against the mirror, brand-then-campaign references.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { dryRunBrands, dryRunCampaigns, dryRunJson, type Qualification } from "@/lib/imports";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { useDb } from "@/lib/db";
import { main } from "@/lib/imports/cli";

let t: TestDb;
let orgId: string;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const SAMPLE = "Gamma Shelter: your adoption visit is on Sat 7 Mar at 11:00. Reply STOP to opt out.";

beforeAll(async () => {
  t = await createTestDb();
  orgId = (await makeOrg(t.db)).org.id;
  const other = (await makeOrg(t.db)).org.id;
  const brand = (o: string, brandId: string, extra: Record<string, unknown>) =>
    t.db.brand.create({ data: { orgId: o, brandId, entityType: "NON_PROFIT", status: "ACTIVE", identityStatus: "VERIFIED", confirmedAt: new Date(), data: {}, ...extra } });
  // The mirror already has line 5's shelter (same EIN and name, other case); another org's copy of line 2 must not count.
  await brand(orgId, "B0SHELT", { displayName: "Gamma Shelter", companyName: "GAMMA ANIMAL SHELTER", data: { ein: "987654321" } });
  await brand(other, "B0OTHER", { displayName: "Acme Dental", companyName: "Acme Dental LLC", entityType: "PRIVATE_PROFIT", data: { ein: "123456789" } });
  await brand(orgId, "B1KNOWN", { displayName: "Gamma Shelter", companyName: "Gamma Animal Shelter", data: { website: "https://gammashelter.org" } });
  await brand(orgId, "B2UNVER", { displayName: "Unverified Co", companyName: "Unverified Co", entityType: "PRIVATE_PROFIT", identityStatus: "UNVERIFIED" });
  await t.db.campaign.create({ data: { orgId, campaignId: "C9MIRROR", brandId: "B1KNOWN", usecase: "ACCOUNT_NOTIFICATION", status: "ACTIVE", confirmedAt: new Date(), data: { sample1: SAMPLE } } });
});
afterAll(async () => {
  await t?.close();
});

describe("import dry run against the mirror", () => {
  it("brands: every row exactly, with the fee of the valid ones (one external vetting)", async () => {
    const r = await dryRunBrands(fixture("brands-mixed.csv"), { db: t.db, orgId, batchSize: 3 });
    expect(dryRunJson(r)).toEqual({
      rows: [
        { line: 2, ok: true, errors: [], warnings: [] },
        { line: 3, ok: false, errors: [{ field: "ein", message: "A US EIN is 9 digits" }], warnings: [] },
        { line: 4, ok: false, errors: [{ field: "ein", message: "Duplicate of line 2 (same EIN and company name)" }], warnings: [] },
        { line: 5, ok: false, errors: [{ field: "ein", message: "This organization already has this brand (B0SHELT)" }], warnings: [] },
        { line: 6, ok: true, errors: [], warnings: [] },
        { line: 7, ok: false, errors: [{ field: "entityType", message: '"CHARITY" is not an entity type: use one of PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT, GOVERNMENT, SOLE_PROPRIETOR' }], warnings: [] },
        { line: 8, ok: false, errors: [{ field: "postalCode", message: "Use a 5-digit ZIP code for US brands" }], warnings: [] },
      ],
      // Line 2 ($4 + $40 AEGIS vetting) and line 6 ($4).
      totals: { rows: 7, ok: 2, failed: 5, cost_usd: 48 },
    });
    expect(r.delimiter).toBe(",");
    expect(r.mapping.mapping).toMatchObject({ "Entity Type": "entityType", "Brand Name": "displayName", "Tax ID": "ein", zip: "postalCode" });
    expect([...r.brandRefs!.entries()].map(([ref, info]) => [ref, info.line, info.ok])).toEqual([
      ["acme", 2, true], ["bad-ein", 3, false], ["dup", 4, false], ["known", 5, false], ["sp", 6, true], ["nosuch", 7, false], ["multi\nline", 8, false],
    ]);
  });

  it("campaigns: brand refs, mirror brands, eligibility, duplicates in the file and in the mirror, fees from the qualification", async () => {
    const brands = await dryRunBrands(fixture("brands-mixed.csv"), { db: t.db, orgId });
    const asked: string[] = [];
    const qualify = async (brandId: string, usecase: string): Promise<Qualification> => {
      asked.push(`${brandId}/${usecase}`);
      return { monthlyFee: usecase === "CUSTOMER_CARE" ? 10 : 2, minSubUsecases: 0, maxSubUsecases: 0, mnoMetadata: null };
    };
    const queries: string[] = [];
    const spy = t.db.$extends({ query: { $allOperations: async ({ model, operation, args, query }) => { queries.push(`${model}.${operation}`); return query(args); } } });
    const r = await dryRunCampaigns(fixture("campaigns-mirror.csv"), { db: spy as unknown as typeof t.db, orgId, brandRefs: brands.brandRefs, qualify });
    const errors = r.rows.map((row) => [row.line, row.ok, row.errors]);
    expect(errors).toEqual([
      [2, true, []],
      [3, true, []],
      [4, false, [{ field: "sample1", message: "This brand already has this campaign (C9MIRROR: same use case and samples)" }]],
      [5, false, [{ field: "brandId", message: "BNOPE is not a brand of this organization" }]],
      [6, false, [{ field: "brandId", message: "This brand cannot register campaigns: Unverified: fix the identity details and ask for a re-check, or order a vet, before registering campaigns." }]],
      [7, false, [{ field: "brandRef", message: "The brand row on line 3 has errors: fix it first" }]],
      [8, false, [{ field: "sample1", message: "Duplicate of line 3 (same brand, use case and samples)" }]],
    ]);
    expect(r.rows[0]!.warnings).toContainEqual({ field: "usecase", message: "Carrier qualification and the campaign fee are known once the brand is registered" });
    // Only line 3's campaign is valid and priced; each brand and use case is asked once.
    expect(r.totals).toEqual({ rows: 7, ok: 2, failed: 5, cost_usd: 10 });
    expect(asked.sort()).toEqual(["B1KNOWN/ACCOUNT_NOTIFICATION", "B1KNOWN/CUSTOMER_CARE"]);
    // The mirror is read in batches: one brand and one campaign query for the whole file, none per row.
    expect(queries.filter((q) => q === "Brand.findMany")).toHaveLength(1);
    expect(queries.filter((q) => q === "Campaign.findMany")).toHaveLength(1);
  });

  // Last: the CLI disconnects the client it used when it ends.
  it("the CLI with --org checks against that organization's mirror; with no registry connection, qualification is a warning", async () => {
    useDb(t.db);
    let out = "";
    const dir = new URL("./fixtures/", import.meta.url).pathname;
    const code = await main(["--dry-run", "--kind", "campaigns", "--org", orgId, "--brands", `${dir}brands-mixed.csv`, `${dir}campaigns-mirror.csv`], { write: (s: string) => (out += s) }, { write: () => true });
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.rows.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false, false, false, false, false]);
    expect(json.rows[1].warnings[0]).toEqual({ field: "usecase", message: expect.stringMatching(/^The registry's qualification could not be fetched \(.*registry connection.*\): carriers and fee not checked$/) });
    expect(json.totals).toEqual({ rows: 7, ok: 2, failed: 5, cost_usd: 0 });
  });
});
