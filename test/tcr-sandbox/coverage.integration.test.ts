import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTcrClient, operationIds } from "@/lib/tcr";

/**
 * Guard for this folder: every operation the client exposes (endpoints.ts, bound to a client function)
 * is called by at least one *.integration.test.ts here, so a new operation cannot go untested silently.
 */
describe("every client operation is exercised against the sandbox", () => {
  it("each operationId's client function appears in a call in this folder", () => {
    const tcr = createTcrClient({ baseUrl: "http://127.0.0.1:1/v2", auth: { mode: "bearer", apiKey: "x" } });
    // Map operationId → "resource.fn" as reachable on the client object.
    const reach = new Map<string, string>();
    for (const [resource, api] of Object.entries(tcr)) {
      if (resource === "http" || !api || typeof api !== "object") continue;
      for (const [fn, f] of Object.entries(api as Record<string, unknown>)) {
        const id = (f as { operationId?: string } | undefined)?.operationId;
        if (id) reach.set(id, `${resource}.${fn}`);
      }
    }
    expect([...operationIds].filter((id) => !reach.has(id))).toEqual([]); // nothing missing on the client
    const dir = import.meta.dirname;
    const src = readdirSync(dir).filter((f) => f.endsWith(".integration.test.ts") && !f.startsWith("coverage"))
      .map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
    const untested = [...reach.entries()].filter(([, path]) => {
      const [resource, fn] = path.split(".") as [string, string];
      // Calls are written tcr.<resource>.<fn>( or, in enums, through the local alias e.<fn>(.
      return !new RegExp(`\\.${resource}\\.${fn}\\(`).test(src) && !(resource === "enums" && new RegExp(`\\be\\.${fn}\\(`).test(src));
    }).map(([id]) => id);
    expect(untested).toEqual([]);
    expect(reach.size).toBe(116);
  });
});
