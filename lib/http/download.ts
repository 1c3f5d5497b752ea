import { sanitizeFileName } from "@/lib/evidence/sanitize";

/**
 * Types a browser could run or render as a page (HTML, SVG, any XML, scripts): a download of one is served
 * as opaque bytes, so it is neither rendered from our origin nor sniffed into something that is.
 */
const ACTIVE = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|[\w.-]+\/[\w.-]*\+xml|text\/xml|application\/xml|text\/xsl|application\/xslt\+xml|text\/(x-)?javascript|application\/(x-)?javascript|text\/ecmascript|application\/ecmascript|multipart\/)/i;
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/;

/** The Content-Type to serve a download with: the stated type unless it is active content, missing or malformed. */
export function safeDownloadType(type: string | null | undefined): string {
  const t = (type ?? "").trim();
  if (!t || /[\r\n\0]/.test(t) || ACTIVE.test(t) || !MEDIA_TYPE.test(t)) return "application/octet-stream";
  return t;
}

/** RFC 5987 attr-char encoding: encodeURIComponent leaves ' ( ) * unescaped, which filename* does not allow. */
function encodeExtValue(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition per RFC 6266: always `attachment`, an ASCII fallback `filename` (no quotes, backslashes
 * or percent signs, which some browsers decode) and the exact sanitized name in `filename*`. The name has no
 * path, control, CR/LF or bidi characters (sanitizeFileName).
 */
export function contentDisposition(rawName: string): string {
  const name = sanitizeFileName(rawName);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

/**
 * The headers of every download the portal sends (evidence, registry files, page snapshots, CSV exports):
 * an attachment with a safe name and a safe type, never sniffed, rendered (sandboxed if opened) or cached.
 */
export function downloadHeaders(file: { contentType: string | null | undefined; fileName: string; size?: number }): Record<string, string> {
  return {
    "Content-Type": safeDownloadType(file.contentType),
    ...(file.size === undefined ? {} : { "Content-Length": String(file.size) }),
    "Content-Disposition": contentDisposition(file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
  };
}
