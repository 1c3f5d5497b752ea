import { describe, expect, it } from "vitest";
import { normaliseTags, sameTags, tagFilterParam, tagNameInput, tagsOf } from "@/lib/tags/values";

describe("tag values", () => {
  it("reads the tag array of a mirrored object, ignoring anything else", () => {
    expect(tagsOf({ tag: ["a", 1, "b"] })).toEqual(["a", "b"]);
    expect(tagsOf({ tag: "a" })).toEqual([]);
    expect(tagsOf(null)).toEqual([]);
    expect(tagsOf(["a"])).toEqual([]);
  });
  it("normalises as the registry stores them: lowercase, once, sorted", () => {
    expect(normaliseTags(["Retail", "retail", "Holiday2026"])).toEqual(["holiday2026", "retail"]);
    expect(sameTags(["B", "a"], ["a", "b"])).toBe(true);
    expect(sameTags(["a"], ["a", "b"])).toBe(false);
  });
  it("accepts 1–50 characters without spaces or punctuation, UTF-8 letters included", () => {
    expect(tagNameInput.parse(" Café2026 ")).toBe("Café2026");
    for (const bad of ["two words", "a-b", "a_b", "", "x".repeat(51), "a.b"]) expect(tagNameInput.safeParse(bad).success).toBe(false);
    expect(tagFilterParam.parse(" RETAIL ")).toBe("retail");
    expect(tagFilterParam.parse("a-b")).toBeUndefined();
  });
});
