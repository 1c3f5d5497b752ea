import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function deploy(url: string) {
  return spawnSync(process.execPath, ["scripts/db.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", timeout: 30_000 });
}

describe("scripts/db.mjs", () => {
  it("stops with one clear line when the database is unreachable", () => {
    const r = deploy("postgresql://postgres@127.0.0.1:1/nowhere");
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^db: cannot connect to 127\.0\.0\.1:1\/nowhere: /)]);
  });
  it("stops with one clear line when DATABASE_URL is not a URL", () => {
    const r = deploy("not a url");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("db: DATABASE_URL is not a valid URL");
  });
  it("applies every migration to an empty database", () => {
    const first = deploy("pglite:memory");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/db: applied \d{14}_init/);
  });
});

describe("scripts/launch.mjs", () => {
  it("stops with exactly one error line and a failing exit code for an unreachable DATABASE_URL", () => {
    const r = spawnSync(process.execPath, ["scripts/launch.mjs", "dev"], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"), NEXTAUTH_SECRET: "x".repeat(40) },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^db: cannot connect to 127\.0\.0\.1:1\/nowhere/)]);
  });
});
