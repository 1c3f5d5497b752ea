import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "./server";

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await createSandbox({ port: 0, rateLimits: false }); });
afterAll(async () => { await sandbox?.close(); });

describe("sample published pages", () => {
  it("serves the policies and terms as HTML without registry credentials", async () => {
    for (const name of ["privacy-good", "privacy-sells", "terms", "opt-in"]) {
      const r = await fetch(`${sandbox.pagesUrl}/${name}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await r.text()).toMatch(/^<!doctype html>/);
    }
    expect(await (await fetch(`${sandbox.pagesUrl}/privacy-good`)).text()).toContain("No mobile information will be shared with third parties/affiliates");
  });

  it("redirects into a private address, moves a page, and 404s unknown names", async () => {
    const r = await fetch(`${sandbox.pagesUrl}/redirect-to-private`, { redirect: "manual" });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("http://169.254.169.254/latest/meta-data/");
    expect((await fetch(`${sandbox.pagesUrl}/privacy-moved`, { redirect: "manual" })).headers.get("location")).toBe("/pages/privacy-good");
    expect((await fetch(`${sandbox.pagesUrl}/nope`)).status).toBe(404);
  });
});
