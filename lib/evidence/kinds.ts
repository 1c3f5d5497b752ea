// What each kind of file the registry takes may be. Types are checked by the file's bytes, not its name.
// Sources: tcr-api-part1.md §4 (brand assets), tcr-api-part2.md §2.9/§2.20 (MMS, supporting documents),
// providers.md E-1/V-7 (evidence: 10 MB per file, ≤ 10 files and 30 MB per appeal).
export const EVIDENCE_KINDS = ["APPEAL_EVIDENCE", "SUPPORTING_DOCUMENT", "MMS_SAMPLE", "BRAND_LOGO", "BRAND_BANNER"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const MB = 1024 * 1024;

// Detected MIME type → the extensions a person would recognise it by.
const IMAGES = { "image/jpeg": ["jpg", "jpeg"], "image/png": ["png"] } as const;
const DOCUMENTS = {
  ...IMAGES,
  "image/bmp": ["bmp"],
  "image/tiff": ["tif", "tiff"],
  "application/pdf": ["pdf"],
  "application/rtf": ["rtf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
} as const;
// Formats without a signature are accepted only as text: valid UTF-8, no control bytes.
const TEXT = { "text/plain": ["txt"], "text/html": ["htm", "html"], "application/xml": ["xml"] } as const;
const MEDIA = {
  ...IMAGES,
  "image/gif": ["gif"],
  "image/bmp": ["bmp"],
  "audio/mpeg": ["mp3", "mp2", "mpa"],
  "audio/wav": ["wav"],
  "audio/ogg": ["ogg", "oga", "spx"],
  "video/ogg": ["ogv"],
  "audio/x-m4a": ["m4a"],
  "audio/mp4": ["m4a", "m4b"],
  "video/mp4": ["mp4", "m4v"],
  "video/webm": ["webm"],
  "text/plain": ["txt"],
} as const;

export type KindRules = {
  label: string;
  types: Readonly<Record<string, readonly string[]>>;
  textTypes: Readonly<Record<string, readonly string[]>>;
  maxBytes: number;
  /** Exact pixel size the registry requires, for brand imagery. */
  dimensions?: { width: number; height: number };
};

export const KIND_RULES: Record<EvidenceKind, KindRules> = {
  APPEAL_EVIDENCE: { label: "appeal evidence", types: DOCUMENTS, textTypes: TEXT, maxBytes: 10 * MB },
  SUPPORTING_DOCUMENT: { label: "supporting document", types: DOCUMENTS, textTypes: TEXT, maxBytes: 10 * MB },
  MMS_SAMPLE: { label: "MMS sample", types: MEDIA, textTypes: { "text/plain": ["txt"] }, maxBytes: 10 * MB },
  BRAND_LOGO: { label: "logo", types: IMAGES, textTypes: {}, maxBytes: 50 * 1024, dimensions: { width: 224, height: 224 } },
  BRAND_BANNER: { label: "banner", types: IMAGES, textTypes: {}, maxBytes: 200 * 1024, dimensions: { width: 1440, height: 448 } },
};

/** Per appeal (providers.md V-7). */
export const APPEAL_LIMITS = { files: 10, totalBytes: 30 * MB } as const;

/**
 * Vonage's appeal evidence (POST /brands/:brand_id/appeal/evidence): at most 10 MB a file, and only
 * jpg jpeg png bmp raw tiff pdf docx htm odt rtf txt xml. The portal's own list, narrowed to those names (".tif" and
 * ".html" are refused by name). Camera "raw" files have no one signature the portal could check, so they stay out.
 */
const VONAGE_EVIDENCE_TYPES = ["jpg", "jpeg", "png", "bmp", "raw", "tiff", "pdf", "docx", "htm", "odt", "rtf", "txt", "xml"] as const;
const narrow = (types: Readonly<Record<string, readonly string[]>>, allowed: readonly string[]) =>
  Object.fromEntries(Object.entries(types).flatMap(([mime, exts]) => {
    const kept = exts.filter((e) => allowed.includes(e));
    return kept.length ? [[mime, kept]] : [];
  }));
const VONAGE_APPEAL_EVIDENCE: KindRules = {
  label: "appeal evidence (Vonage)",
  types: narrow(DOCUMENTS, VONAGE_EVIDENCE_TYPES),
  textTypes: narrow(TEXT, VONAGE_EVIDENCE_TYPES),
  maxBytes: 10 * MB,
};

/** The rules for a kind on the organization's upstream (Vonage states its own for appeal evidence). */
export function rulesFor(kind: EvidenceKind, upstream?: string | null): KindRules {
  return upstream === "VONAGE" && kind === "APPEAL_EVIDENCE" ? VONAGE_APPEAL_EVIDENCE : KIND_RULES[kind];
}

/** The browser's quick answer before an upload (the server decides by content): the exact reason, or null. */
export function refuseByName(rules: KindRules, file: { name: string; size: number }): string | null {
  const ext = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  const accepted = extensionsOf(rules);
  if (!accepted.includes(ext)) return `Files for ${rules.label} must be one of ${accepted.map((e) => `.${e}`).join(", ")}${ext ? `; this one is .${ext}` : ""}.`;
  if (file.size > rules.maxBytes) return `This file is too large: files for ${rules.label} can be at most ${formatBytes(rules.maxBytes)}.`;
  return null;
}

export function extensionsOf(r: KindRules): string[] {
  return [...new Set([...Object.values(r.types), ...Object.values(r.textTypes)].flat())].sort();
}

export function acceptedExtensions(kind: EvidenceKind, upstream?: string | null): string[] {
  const r = rulesFor(kind, upstream);
  return [...new Set([...Object.values(r.types), ...Object.values(r.textTypes)].flat())].sort();
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < MB) return `${Math.round(n / 1024)} KB`;
  return `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;
}
