import { describe, expect, it } from "vitest";
import { snapshotDownload } from "./download";

const snap = { kind: "PRIVACY", finalUrl: "https://www.acme.example/privacy", fetchedAt: new Date("2026-12-07T02:50:01.123Z"), html: "<h1>Privacy</h1><script>alert(1)</script>", text: "Privacy – café" };

describe("snapshotDownload", () => {
  it("sends the HTML as an opaque attachment that is never rendered", () => {
    const f = snapshotDownload(snap, "html")!;
    const h = new Headers(f.headers);
    expect(h.get("content-type")).toBe("application/octet-stream");
    expect(h.get("content-disposition")).toMatch(/^attachment; filename="privacy-www\.acme\.example-2026-12-07T02-50-01\.html"/);
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(f.body.toString("utf8")).toBe(snap.html);
  });

  it("sends the text as text/plain with its byte length", () => {
    const f = snapshotDownload(snap, "text")!;
    const h = new Headers(f.headers);
    expect(h.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(h.get("content-length")).toBe(String(Buffer.byteLength(snap.text)));
    expect(h.get("content-disposition")).toMatch(/\.txt"/);
  });

  it("has no HTML for a page that did not load", () => {
    expect(snapshotDownload({ ...snap, html: null }, "html")).toBeNull();
    expect(snapshotDownload({ ...snap, html: null, finalUrl: "not a url" }, "text")).not.toBeNull();
  });
});
