import { describe, expect, it } from "vitest";
import { brandsHref, hasBrandFilters, parseBrandFilters } from "@/lib/brands/search-params";

describe("brand list URL state", () => {
  it("defaults to newest first on page 1, and the plain list is the bare path", () => {
    const f = parseBrandFilters({});
    expect(f).toMatchObject({ sort: "created", dir: "desc", page: 1 });
    expect(hasBrandFilters(f)).toBe(false);
    expect(brandsHref(f)).toBe("/brands");
  });

  it("keeps valid params, drops bad ones one by one", () => {
    const f = parseBrandFilters({ q: "  acme ", entityType: "NON_PROFIT", identityStatus: "WHAT", sort: "displayName", page: ["3", "4"], deleted: "yes" });
    expect(f).toMatchObject({ q: "acme", entityType: "NON_PROFIT", identityStatus: undefined, sort: "displayName", dir: "asc", page: 3, deleted: undefined });
    expect(hasBrandFilters(f)).toBe(true);
    expect(parseBrandFilters({ page: "-2" }).page).toBe(1);
    expect(parseBrandFilters({ page: "abc" }).page).toBe(1);
  });

  it("round-trips through the URL", () => {
    const f = parseBrandFilters({ q: "acme", vertical: "RETAIL", sort: "identityStatus", dir: "desc", page: "2", deleted: "1" });
    const href = brandsHref(f);
    expect(href).toBe("/brands?q=acme&vertical=RETAIL&deleted=1&sort=identityStatus&dir=desc&page=2");
    const back = parseBrandFilters(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual(f);
    expect(brandsHref(f, { page: 1 })).not.toContain("page=");
  });

  it("takes a tag as the registry stores it (lowercase letters and digits) and ignores anything else", () => {
    expect(parseBrandFilters({ tag: " Retail2026 " }).tag).toBe("retail2026");
    expect(hasBrandFilters(parseBrandFilters({ tag: "retail" }))).toBe(true);
    expect(parseBrandFilters({ tag: "not a tag" }).tag).toBeUndefined();
    expect(parseBrandFilters({ tag: "x".repeat(51) }).tag).toBeUndefined();
    expect(brandsHref(parseBrandFilters({ tag: "retail", vertical: "RETAIL" }))).toBe("/brands?vertical=RETAIL&tag=retail");
  });
});
