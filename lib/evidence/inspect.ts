import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { extensionOf } from "@/lib/evidence/sanitize";
import { KIND_RULES, extensionsOf, formatBytes, type EvidenceKind, type KindRules } from "@/lib/evidence/kinds";

export class EvidenceRejected extends Error {
  readonly expected = true;
}

/** Bytes needed to recognise any supported format (file-type reads at most 4100). */
export const SNIFF_BYTES = 4100;

const FRIENDLY: Record<string, string> = {
  "application/x-msdownload": "a Windows program",
  "application/x-elf": "a Linux program",
  "application/x-mach-binary": "a macOS program",
  "application/zip": "a ZIP archive",
  "image/svg+xml": "an SVG image",
  "text/html": "a web page",
};

function isCleanText(head: Buffer): boolean {
  try {
    // stream: true lets the head end inside a multi-byte character without being called invalid.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

/**
 * Decides from the first bytes whether a file may be stored as this kind. Returns the MIME type to store and
 * serve it with. A name's extension is only believed where the bytes agree with it.
 */
export async function inspectHead(kind: EvidenceKind, head: Buffer, fileName: string, rules: KindRules = KIND_RULES[kind]): Promise<{ mimeType: string }> {
  const ext = extensionOf(fileName);
  const detected = await fileTypeFromBuffer(head);
  const accepted = extensionsOf(rules).map((e) => `.${e}`).join(", ");
  if (detected) {
    const allowed = rules.types[detected.mime];
    if (!allowed) {
      const what = FRIENDLY[detected.mime] ?? `a ${detected.ext.toUpperCase()} file`;
      throw new EvidenceRejected(`This file is ${what}${ext ? ` named .${ext}` : ""}; files for ${rules.label} must be one of ${accepted}.`);
    }
    if (ext && !allowed.includes(ext)) {
      throw new EvidenceRejected(`This file's contents are ${detected.ext.toUpperCase()} but its name ends in .${ext}. Rename it to .${allowed[0]} if that is what it is.`);
    }
    return { mimeType: detected.mime };
  }
  const textType = Object.entries(rules.textTypes).find(([, exts]) => exts.includes(ext));
  if (textType && isCleanText(head)) return { mimeType: textType[0] };
  if (textType) throw new EvidenceRejected(`This file is named .${ext} but is not plain text.`);
  throw new EvidenceRejected(`This file's type could not be recognised; files for ${rules.label} must be one of ${accepted}.`);
}

/** Exact-size imagery (brand logo and banner). */
export function checkDimensions(kind: EvidenceKind, image: Buffer): { width: number; height: number } | null {
  const want = KIND_RULES[kind].dimensions;
  if (!want) return null;
  let size: { width?: number; height?: number };
  try {
    size = imageSize(image);
  } catch {
    throw new EvidenceRejected("The image could not be read.");
  }
  if (size.width !== want.width || size.height !== want.height) {
    throw new EvidenceRejected(`A ${KIND_RULES[kind].label} must be exactly ${want.width}×${want.height} pixels; this one is ${size.width ?? "?"}×${size.height ?? "?"}.`);
  }
  return { width: want.width, height: want.height };
}

export function tooLarge(kind: EvidenceKind, rules: KindRules = KIND_RULES[kind]): EvidenceRejected {
  return new EvidenceRejected(`This file is too large: files for ${rules.label} can be at most ${formatBytes(rules.maxBytes)}.`);
}
