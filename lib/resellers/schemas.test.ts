import { describe, expect, it } from "vitest";
import { createResellerSchema, resellerChoiceConsequence, resellerChoices, resellerIdSchema, updateResellerSchema } from "@/lib/resellers/schemas";
import { parseResellerFilters, resellersHref } from "@/lib/resellers/search-params";

describe("reseller inputs", () => {
  it("trims, and writes a phone typed with spaces, dashes or brackets in E.164", () => {
    expect(createResellerSchema.parse({ companyName: " Northwind ", phone: "+1 (202) 555-0143", email: " ops@northwind.example " })).toEqual({
      companyName: "Northwind", phone: "+12025550143", email: "ops@northwind.example",
    });
  });
  it("refuses what the registry refuses: missing fields, non-E.164 phones, bad emails, over-long values", () => {
    const ok = { companyName: "N", phone: "+12025550143", email: "a@b.co" };
    for (const bad of [
      { ...ok, companyName: "  " }, { ...ok, companyName: "x".repeat(101) }, { ...ok, phone: "2025550143" }, { ...ok, phone: "+1202555014312345678901" },
      { ...ok, email: "not-an-email" }, { ...ok, email: `${"x".repeat(95)}@b.com` },
    ]) expect(createResellerSchema.safeParse(bad).success).toBe(false);
    expect(updateResellerSchema.safeParse({ ...ok, resellerId: "R123ABC" }).success).toBe(true);
    for (const id of ["123ABC", "R", "R12345678", "R12 3"]) expect(resellerIdSchema.safeParse(id).success).toBe(false);
  });
});

describe("the builder's reseller choice", () => {
  it("offers no reseller first, then the resellers by name, never R000000 twice", () => {
    const choices = resellerChoices([
      { resellerId: "R2", companyName: "zeta", phone: null, email: null },
      { resellerId: "R000000", companyName: "No Reseller", phone: null, email: null },
      { resellerId: "R1", companyName: "Alpha", phone: null, email: null },
    ]);
    expect(choices.map((c) => c.value)).toEqual(["R000000", "R1", "R2"]);
    expect(choices[0]!.label).toBe("No reseller (R000000)");
  });
  it("says what each choice means later", () => {
    expect(resellerChoiceConsequence("R000000")).toMatch(/final/);
    expect(resellerChoiceConsequence("R1")).toMatch(/only ever be removed/);
  });
});

describe("reseller list URL", () => {
  it("keeps the search and page, leaving out defaults", () => {
    const f = parseResellerFilters({ q: " wind ", page: "x" });
    expect(f).toEqual({ q: "wind", page: 1 });
    expect(resellersHref(f, { page: 2 })).toBe("/settings/resellers?q=wind&page=2");
    expect(resellersHref(parseResellerFilters({ q: "" }))).toBe("/settings/resellers");
  });
});
