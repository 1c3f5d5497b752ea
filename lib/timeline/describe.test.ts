import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_DESCRIPTIONS } from "@/lib/timeline/describe";

// Every brand or campaign action the portal audits appears on that object's timeline; one without a
// description would show its raw name there. Drafts are not on a brand's or campaign's timeline.
function auditedActions(dir: string): Set<string> {
  const out = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    for (const m of text.matchAll(/\b(?:action|name): "((?:brand|campaign)\.[A-Za-z0-9.]+)"/g)) {
      if (!m[1]!.includes(".draft.")) out.add(m[1]!);
    }
  }
  return out;
}

describe("timeline descriptions", () => {
  it("describe every brand and campaign action the portal audits", () => {
    const actions = new Set([...auditedActions("lib/brands"), ...auditedActions("lib/campaigns")]);
    expect(actions.size).toBeGreaterThan(20);
    expect([...actions].filter((a) => !AUDIT_ACTION_DESCRIPTIONS[a]).sort()).toEqual([]);
  });
});
