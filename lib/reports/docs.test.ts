import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findReport, REPORTS } from "@/lib/reports/registry";

// docs/reports.md documents each report's columns; this keeps the document and the code in step.
const doc = fs.readFileSync(path.resolve("docs/reports.md"), "utf8");

/** The "| Column | Contents |" table under the "## Title (`id`)" heading, as [header, description] pairs. */
function documentedColumns(id: string): [string, string][] | null {
  const sections = doc.split(/^## /m);
  const section = sections.find((s) => s.split("\n", 1)[0]!.includes(`(\`${id}\`)`));
  if (!section) return null;
  return section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| Column |") && !l.startsWith("| ---"))
    .map((l) => {
      const cells = l.slice(2, -2).split(/ (?<!\\)\| /);
      return [cells[0]!, cells.slice(1).join(" | ").replace(/\\\|/g, "|")];
    });
}

describe("docs/reports.md", () => {
  it.each(REPORTS.map((r) => [r.id, r] as const))("documents the columns of %s exactly, in order", (id, report) => {
    expect(documentedColumns(id)).toEqual(report.columns.map((c) => [c.header, c.description]));
  });

  it.each(REPORTS.map((r) => [r.id, r] as const))("documents the filters of %s exactly, in order", (id, report) => {
    const section = doc.split(/^## /m).find((s) => s.split("\n", 1)[0]!.includes(`(\`${id}\`)`)) ?? "";
    const documented = [...section.matchAll(/^ {2}- `([^`]+)`: (.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(documented).toEqual(report.filters.map((f) => [f.name, f.description]));
  });

  it("documents no report the code does not have", () => {
    const documented = [...doc.matchAll(/^## .*\(`([a-z-]+)`\)$/gm)].map((m) => m[1]);
    expect(documented).toEqual(REPORTS.map((r) => r.id));
  });
});

describe("report registry", () => {
  it("has unique ids that are safe URL segments, and unique headers within each report", () => {
    expect(new Set(REPORTS.map((r) => r.id)).size).toBe(REPORTS.length);
    for (const r of REPORTS) {
      expect(r.id).toMatch(/^[a-z][a-z-]*$/);
      expect(new Set(r.columns.map((c) => c.header)).size, r.id).toBe(r.columns.length);
    }
  });

  it("finds reports by id only", () => {
    expect(findReport("brands")?.title).toBe("Brands");
    expect(findReport("nope")).toBeNull();
    expect(findReport("constructor")).toBeNull();
  });

  it("guards the audit log with audit.read", () => {
    expect(findReport("audit-log")?.permission).toBe("audit.read");
  });
});
