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

export function acceptedExtensions(kind: EvidenceKind): string[] {
  const r = KIND_RULES[kind];
  return [...new Set([...Object.values(r.types), ...Object.values(r.textTypes)].flat())].sort();
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < MB) return `${Math.round(n / 1024)} KB`;
  return `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;
}
