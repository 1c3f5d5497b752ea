import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { capabilityTableMarkdown } from "./doc";

describe("docs/providers.md", () => {
  it("carries the capability table exactly as the code has it (npx tsx lib/providers/write-doc.ts rewrites it)", () => {
    expect(readFileSync("docs/providers.md", "utf8")).toContain(capabilityTableMarkdown());
  });
});
