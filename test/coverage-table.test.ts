import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createTcrClient } from "@/lib/tcr/client";
import { coveredOperations } from "@/lib/tcr/coverage";
import { endpoints } from "@/lib/tcr/endpoints";

// The sandbox's README table is the project's one view of coverage: every operation of the reference with
// its state in the sandbox and the client. This keeps its client column true to lib/tcr.
const norm = (p: string) => p.replace(/\{[^}]+\}/g, "{}");

describe("coverage table (sandbox/README.md)", () => {
  const rows = fs
    .readFileSync("sandbox/README.md", "utf8")
    .split("\n")
    .map((l) => /^\| (P[12]-\d+) \| [^|]+ \| (GET|POST|PUT|DELETE|PATCH) \| `([^`]+)` \| ([^|]+) \| `([^`]+)` \|$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);

  it("lists all 116 operations, each implemented in the sandbox and named by a client operation", () => {
    expect(rows).toHaveLength(116);
    expect(rows.every((m) => m[4]!.trim() === "implemented")).toBe(true);
    expect(new Set(rows.map((m) => m[5])).size).toBe(116);
  });

  it("names, for each row, the client operation with the same method and path, which has a typed function", () => {
    const client = createTcrClient({ baseUrl: "http://127.0.0.1:9/v2", auth: { mode: "bearer", apiKey: "unused" } });
    const covered = new Set<string>(coveredOperations(client).keys());
    for (const m of rows) {
      const op = endpoints[m[5] as keyof typeof endpoints] as { method: string; path: string } | undefined;
      expect(op, m[0]).toBeDefined();
      expect(`${op!.method} ${norm(op!.path)}`, m[1]).toBe(`${m[2]} ${norm(m[3]!)}`);
      expect(covered.has(m[5]!), m[5]).toBe(true);
    }
  });
});
