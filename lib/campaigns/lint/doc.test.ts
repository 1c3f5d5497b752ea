import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "./index";
import { LEVEL_LETTER, rulesDocMarkdown, severityPerUsecase } from "./doc";
import { ALL_USECASES, levelFor } from "./policy";

const doc = readFileSync(resolve(process.cwd(), "docs/compliance-rules.md"), "utf8");

describe("docs/compliance-rules.md", () => {
  it("lists exactly the rules in code, with their default severity, per-use-case severity and fields", () => {
    const rows = [...doc.matchAll(/^\| `([a-z0-9.-]+)` .*? \| (block|warn|info) \| ([^|]+) \| ([^|]+) \|/gm)].map((m) => ({
      id: m[1], severity: m[2], perUsecase: m[3]!.trim(), fields: m[4]!.trim().split(", "),
    }));
    expect(rows.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const r of rules) {
      expect(rows.find((x) => x.id === r.id)).toEqual({ id: r.id, severity: r.severity, perUsecase: severityPerUsecase(r), fields: r.fields });
    }
  });

  it("shows each rule's severity for every use case as the engine applies it", () => {
    const header = doc.split("\n").find((l) => l.startsWith("| Rule | 2FA"))!;
    const cols = header.split("|").slice(2, -1).map((s) => s.trim());
    expect(cols).toEqual([...ALL_USECASES]);
    const matrix = new Map(
      [...doc.matchAll(/^\| `([a-z0-9.-]+)`\*? \| ([BWI–](?: \| [BWI–])*) \|$/gm)].map((m) => [m[1]!, m[2]!.split(" | ")]),
    );
    expect([...matrix.keys()].sort()).toEqual(rules.map((r) => r.id).sort());
    for (const r of rules) {
      const cells = matrix.get(r.id)!;
      ALL_USECASES.forEach((u, i) => expect(cells[i], `${r.id} / ${u}`).toBe(LEVEL_LETTER[levelFor(r, u)]));
    }
    // the use cases the issue names differ where they should
    const freq = rules.find((r) => r.id === "consent.frequency")!;
    expect([levelFor(freq, "2FA"), levelFor(freq, "MARKETING"), levelFor(freq, "CUSTOMER_CARE"), levelFor(freq, "CUSTOMER_CARE", true)]).toEqual(["warn", "block", "block", "warn"]);
  });

  it("is the generated text (regenerate: npx tsx lib/campaigns/lint/write-doc.ts)", () => {
    expect(doc).toBe(rulesDocMarkdown());
  });
});
