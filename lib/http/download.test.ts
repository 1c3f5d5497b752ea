import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders, safeDownloadType } from "@/lib/http/download";

/** The filename="…" parameter and the decoded filename*=UTF-8''… parameter of a Content-Disposition value. */
function parse(value: string): { type: string; ascii: string; ext: string } {
  const m = /^(attachment); filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]*)$/.exec(value);
  if (!m) throw new Error(`not an RFC 6266 attachment: ${value}`);
  return { type: m[1]!, ascii: m[2]!, ext: decodeURIComponent(m[3]!) };
}

const HOSTILE = [
  '../../etc/passwd',
  "..\\..\\windows\\system32\\evil.exe",
  'inv"oice.pdf',
  "report\r\nSet-Cookie: sid=stolen.csv",
  "a\u0000b\u0007c\u001b.txt",
  "résumé (final)*'v2'.pdf",
  "\u202egnp.exe",
  "%22%0d%0a.pdf",
  "name; filename=other.html",
  "   ",
  ".htaccess",
  "x".repeat(400) + ".pdf",
  "東京の請求書.pdf",
];

describe("contentDisposition", () => {
  it.each(HOSTILE)("gives %j a safe attachment name", (raw) => {
    const value = contentDisposition(raw);
    expect(value).not.toMatch(/[\r\n\0]/);
    const { type, ascii, ext } = parse(value);
    expect(type).toBe("attachment");
    for (const name of [ascii, ext]) {
      expect(name).not.toMatch(/[/\\"\u0000-\u001f\u007f\u202a-\u202e]/);
      expect(name.startsWith(".")).toBe(false);
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(120);
    }
    expect(ascii).toMatch(/^[\x20-\x7e]*$/);
    expect(ascii).not.toContain("%");
  });

  it("keeps a plain name as it is and the exact unicode name in filename*", () => {
    expect(contentDisposition("logo.png")).toBe(`attachment; filename="logo.png"; filename*=UTF-8''logo.png`);
    expect(contentDisposition('../ré"sumé.pdf')).toBe(`attachment; filename="r__sum_.pdf"; filename*=UTF-8''r%C3%A9_sum%C3%A9.pdf`);
    expect(parse(contentDisposition("東京の請求書.pdf")).ext).toBe("東京の請求書.pdf");
    expect(contentDisposition("a'(b)*.pdf")).toBe(`attachment; filename="a'(b)_.pdf"; filename*=UTF-8''a%27%28b%29_.pdf`);
    expect(parse(contentDisposition("x".repeat(400) + ".pdf")).ext).toMatch(/^x{116}\.pdf$/);
  });
});

describe("safeDownloadType", () => {
  it("keeps passive types", () => {
    for (const t of ["application/pdf", "image/png", "text/csv; charset=utf-8", "text/plain; charset=utf-8"]) expect(safeDownloadType(t)).toBe(t);
  });
  it("serves anything a browser could render or run as opaque bytes", () => {
    for (const t of ["text/html", "TEXT/HTML; charset=utf-8", "image/svg+xml", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml", "text/xsl", "application/javascript", "text/javascript", "multipart/x-mixed-replace; boundary=x", "", null, undefined, "garbage", "text/plain\r\nX-Evil: 1"]) {
      expect(safeDownloadType(t), String(t)).toBe("application/octet-stream");
    }
  });
});

describe("downloadHeaders", () => {
  it("always sends an uploaded SVG or HTML as a sandboxed, unsniffed attachment", () => {
    const h = downloadHeaders({ contentType: "image/svg+xml", fileName: "logo.svg", size: 12 });
    expect(h).toEqual({
      "Content-Type": "application/octet-stream",
      "Content-Length": "12",
      "Content-Disposition": `attachment; filename="logo.svg"; filename*=UTF-8''logo.svg`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    });
    expect(downloadHeaders({ contentType: "text/html", fileName: "page.html" })["Content-Type"]).toBe("application/octet-stream");
  });
  it("leaves out Content-Length for a stream of unknown length", () => {
    expect("Content-Length" in downloadHeaders({ contentType: "text/csv", fileName: "a.csv" })).toBe(false);
  });
});
