import { sanitizeFileName } from "@/lib/evidence/sanitize";

/** Types a browser could run or render as a page; a download of one is served as opaque bytes. */
const ACTIVE = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript)\b/i;

/** The Content-Type to serve a download with: the stated type unless it is active content or missing. */
export function safeDownloadType(type: string | null | undefined): string {
  const t = (type ?? "").trim();
  if (!t || ACTIVE.test(t) || !/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/.test(t)) return "application/octet-stream";
  return t;
}

/** Always an attachment, with an ASCII fallback and the exact (sanitized) name in filename*. */
export function contentDisposition(rawName: string): string {
  const name = sanitizeFileName(rawName);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The headers of every file download: an attachment that is never sniffed, rendered or cached. */
export function downloadHeaders(file: { contentType: string; size: number; fileName: string }): HeadersInit {
  return {
    "Content-Type": file.contentType,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
  };
}
