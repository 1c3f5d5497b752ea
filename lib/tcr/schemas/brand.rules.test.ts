import { describe, expect, it } from "vitest";
import { brandCreateSchemaFor } from "@/lib/tcr/schemas/brand";

// The reference's requirement table (tcr-api-part1.md §3.3.1), transcribed here on its own so the test does
// not just restate brandFieldRules. R required, O optional, N not allowed. mobilePhone is "Required for OTP"
// for sole proprietors and entityType/ipAddress are outside the table (ipAddress optional for all).
const TABLE = `
field                SP PP PU NP GO
displayName          R  R  R  R  R
companyName          N  R  R  R  R
ein                  N  R  R  R  R
einIssuingCountry    N  O  O  O  O
altBusinessId        O  O  O  O  O
altBusinessIdType    O  O  O  O  O
firstName            R  N  N  N  N
lastName             R  N  N  N  N
phone                R  R  R  R  R
mobilePhone          R  N  N  N  N
street               R  R  R  R  R
city                 R  R  R  R  R
state                R  R  R  R  R
postalCode           R  R  R  R  R
country              R  R  R  R  R
email                R  R  R  R  R
stockSymbol          N  N  R  N  N
stockExchange        N  N  R  N  N
website              O  O  R  O  O
brandRelationship    N  R  R  R  R
vertical             O  R  R  R  R
referenceId          R  O  O  O  O
tag                  O  O  O  O  O
mock                 O  O  O  O  O
businessContactEmail N  O  R  O  O
ipAddress            O  O  O  O  O`;

const TYPES = ["SOLE_PROPRIETOR", "PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT"] as const;
const rows = TABLE.trim().split("\n").slice(1).map((l) => l.trim().split(/\s+/));

// A valid value for every field, taken from the reference's own samples where it has them.
const VALUES: Record<string, unknown> = {
  displayName: "ABC Mobile", companyName: "ABC Inc.", ein: "111111111", einIssuingCountry: "US", altBusinessId: "0123456789",
  altBusinessIdType: "DUNS", firstName: "John", lastName: "Doe", phone: "+12023339999", mobilePhone: "+12023338888",
  street: "123 Main St", city: "Washington", state: "DC", postalCode: "20001", country: "US", email: "support@abc.com",
  stockSymbol: "ABC", stockExchange: "NASDAQ", website: "https://www.abc.com", brandRelationship: "BASIC_ACCOUNT",
  vertical: "RETAIL", referenceId: "ref-001", tag: ["retail"], mock: false, businessContactEmail: "john.doe@abc.com", ipAddress: "203.0.113.7",
};

function validFor(col: number) {
  const body: Record<string, unknown> = { entityType: TYPES[col] };
  for (const r of rows) if (r[col + 1] === "R") body[r[0]!] = VALUES[r[0]!];
  return body;
}

describe("brand create rules, every entity type × every field (reference §3.3.1)", () => {
  it("covers every field of the table", () => {
    expect(rows).toHaveLength(26);
    expect(Object.keys(VALUES).sort()).toEqual(rows.map((r) => r[0]).sort());
  });

  TYPES.forEach((entityType, col) => {
    const schema = brandCreateSchemaFor(entityType);
    it(`${entityType}: the required fields alone are a valid brand`, () => {
      const r = schema.safeParse(validFor(col));
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    });
    for (const [field, ...rules] of rows) {
      const rule = rules[col];
      it(`${entityType}.${field} is ${rule === "R" ? "required" : rule === "O" ? "optional" : "not allowed"}`, () => {
        const base = validFor(col);
        if (rule === "R") {
          const { [field!]: _dropped, ...without } = base;
          const r = schema.safeParse(without);
          expect(r.success).toBe(false);
          expect(r.error?.issues.some((i) => i.path[0] === field)).toBe(true);
        } else if (rule === "O") {
          expect(schema.safeParse(base).success).toBe(true);
          const r = schema.safeParse({ ...base, [field!]: VALUES[field!] });
          expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
        } else {
          const r = schema.safeParse({ ...base, [field!]: VALUES[field!] });
          expect(r.success).toBe(false);
        }
      });
    }
  });

  it("checks formats at the field they concern", () => {
    const schema = brandCreateSchemaFor("PRIVATE_PROFIT");
    const base = validFor(1);
    const fieldOf = (over: Record<string, unknown>) => schema.safeParse({ ...base, ...over }).error?.issues.map((i) => i.path[0]);
    expect(fieldOf({ phone: "2023339999" })).toContain("phone");
    expect(fieldOf({ state: "Texas" })).toContain("state");
    expect(fieldOf({ postalCode: "2000" })).toContain("postalCode");
    expect(fieldOf({ ein: "12-345" })).toContain("ein");
    expect(fieldOf({ email: "not-an-email" })).toContain("email");
    expect(fieldOf({ displayName: "x".repeat(256) })).toContain("displayName");
    expect(schema.safeParse({ ...base, country: "CA", state: "ON", postalCode: "K1A 0B1", ein: "123456789RC0001", einIssuingCountry: "CA" }).success).toBe(true);
    expect(brandCreateSchemaFor("GOVERNMENT").safeParse({ ...validFor(4), country: "CA", state: "ON", postalCode: "K1A0B1" }).error?.issues[0]?.path).toEqual(["entityType"]);
  });
});
