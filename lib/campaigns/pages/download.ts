import { downloadHeaders } from "@/lib/http/download";

type SnapshotFile = { kind: string; finalUrl: string; fetchedAt: Date; html: string | null; text: string };

function baseName(s: SnapshotFile): string {
  let host = "page";
  try {
    host = new URL(s.finalUrl).hostname || host;
  } catch { /* keep "page" */ }
  const at = s.fetchedAt.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return `${s.kind.toLowerCase()}-${host}-${at}`;
}

/**
 * A snapshot as an attachment: the HTML as opaque bytes (downloadHeaders turns text/html into
 * application/octet-stream, and the download headers forbid sniffing and rendering), or the text as
 * text/plain. Null when there is no HTML (the page did not load).
 */
export function snapshotDownload(s: SnapshotFile, format: "html" | "text"): { body: Buffer; headers: HeadersInit } | null {
  if (format === "html" && s.html === null) return null;
  const body = Buffer.from(format === "html" ? (s.html ?? "") : s.text, "utf8");
  const contentType = format === "html" ? "text/html" : "text/plain; charset=utf-8";
  return { body, headers: downloadHeaders({ contentType, size: body.length, fileName: `${baseName(s)}.${format === "html" ? "html" : "txt"}` }) };
}
