import { describe, expect, it } from "vitest";
import { formatAgo } from "./format";

describe("formatAgo", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  it.each([
    ["2026-12-07T09:59:30Z", "just now"],
    ["2026-12-07T09:58:00Z", "2 min ago"],
    ["2026-12-07T07:00:00Z", "3 h ago"],
    ["2026-12-04T10:00:00Z", "3 days ago"],
    ["2026-12-07T10:05:00Z", "just now"],
  ])("%s reads %s", (at, text) => expect(formatAgo(at, now)).toBe(text));
});
