import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, toPattern } from "./operations";
import type { Sandbox } from "./server";
import { startSandbox } from "./testing/helpers";

/** Keeps the coverage table honest: router, operations.ts and README.md must agree. */
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

/** Aliases the sandbox accepts beyond the reference's 116 operations. */
const ALIASES = ["POST /brand/:brandId/asset/:name/verify"];

const implemented = (method: string, path: string) =>
  sb.router.list().some((r) => r.method === method && r.pattern === toPattern(path));

describe("operation coverage", () => {
  it("lists the 116 operations of the reference once each", () => {
    expect(OPERATIONS).toHaveLength(116);
    expect(new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`)).size).toBe(116);
    expect(OPERATIONS.filter((o) => o.ref.startsWith("P1-"))).toHaveLength(29);
  });

  it("registers no route that is not a listed operation (or a documented alias)", () => {
    const known = new Set(OPERATIONS.map((o) => `${o.method} ${toPattern(o.path)}`));
    const extra = sb.router.list().map((r) => `${r.method} ${r.pattern}`).filter((k) => !known.has(k) && !ALIASES.includes(k));
    expect(extra).toEqual([]);
  });

  it("has a README row per operation with the right status", () => {
    const readme = readFileSync(fileURLToPath(new URL("./README.md", import.meta.url)), "utf8");
    for (const o of OPERATIONS) {
      const row = readme.split("\n").find((l) => l.startsWith(`| ${o.ref} |`));
      expect(row, o.ref).toBeDefined();
      expect(row).toContain(`| ${o.method} |`);
      expect(row).toContain(`\`${o.path}\``);
      expect(row).toContain(implemented(o.method, o.path) ? "| implemented |" : "| not yet |");
    }
  });
});
