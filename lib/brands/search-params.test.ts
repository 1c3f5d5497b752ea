import { describe, expect, it } from "vitest";
import { brandsHref, hasBrandFilters, parseBrandFilters } from "@/lib/brands/search-params";

describe("brand list URL state", () => {
  it("defaults to newest first on the first page, and the plain list is the bare path", () => {
    const f = parseBrandFilters({});
    expect(f).toMatchObject({ sort: "created", dir: "desc" });
    expect(f.cursor).toBeUndefined();
    expect(hasBrandFilters(f)).toBe(false);
    expect(brandsHref(f)).toBe("/brands");
  });

  it("keeps valid params, drops bad ones one by one", () => {
    const f = parseBrandFilters({ q: "  acme ", entityType: "NON_PROFIT", identityStatus: "WHAT", sort: "displayName", cursor: ["abc_-1", "x"], deleted: "yes" });
    expect(f).toMatchObject({ q: "acme", entityType: "NON_PROFIT", identityStatus: undefined, sort: "displayName", dir: "asc", cursor: "abc_-1", deleted: undefined });
    expect(hasBrandFilters(f)).toBe(true);
    expect(parseBrandFilters({ cursor: "not base64!" }).cursor).toBeUndefined();
    expect(parseBrandFilters({ cursor: "a".repeat(401) }).cursor).toBeUndefined();
  });

  it("round-trips through the URL", () => {
    const f = parseBrandFilters({ q: "acme", vertical: "RETAIL", sort: "identityStatus", dir: "desc", cursor: "abc", deleted: "1" });
    const href = brandsHref(f, { cursor: f.cursor });
    expect(href).toBe("/brands?q=acme&vertical=RETAIL&deleted=1&sort=identityStatus&dir=desc&cursor=abc");
    const back = parseBrandFilters(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual(f);
    // Any other change (a filter, a sort) starts again at the first page.
    expect(brandsHref(f, { tag: "x" })).not.toContain("cursor=");
    expect(brandsHref(f)).not.toContain("cursor=");
  });

  it("takes a tag as the registry stores it (lowercase letters and digits) and ignores anything else", () => {
    expect(parseBrandFilters({ tag: " Retail2026 " }).tag).toBe("retail2026");
    expect(hasBrandFilters(parseBrandFilters({ tag: "retail" }))).toBe(true);
    expect(parseBrandFilters({ tag: "not a tag" }).tag).toBeUndefined();
    expect(parseBrandFilters({ tag: "x".repeat(51) }).tag).toBeUndefined();
    expect(brandsHref(parseBrandFilters({ tag: "retail", vertical: "RETAIL" }))).toBe("/brands?vertical=RETAIL&tag=retail");
  });
});
