import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "./index";
import { rulesDocMarkdown } from "./doc";

const doc = readFileSync(resolve(process.cwd(), "docs/compliance-rules.md"), "utf8");

describe("docs/compliance-rules.md", () => {
  it("lists exactly the rules in code, with their severity and fields", () => {
    const rows = [...doc.matchAll(/^\| `([a-z0-9.-]+)` .*? \| (block|warn|info) \| ([^|]+) \|/gm)].map((m) => ({
      id: m[1], severity: m[2], fields: m[3]!.trim().split(", "),
    }));
    expect(rows.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const r of rules) {
      expect(rows.find((x) => x.id === r.id)).toEqual({ id: r.id, severity: r.severity, fields: r.fields });
    }
  });

  it("is the generated text (regenerate: npx tsx lib/campaigns/lint/write-doc.ts)", () => {
    expect(doc).toBe(rulesDocMarkdown());
  });
});
