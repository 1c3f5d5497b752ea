import type { Sim } from "../core/context";
import { invalid, tcrError } from "../core/errors";
import type { AttachmentRecord } from "../core/store";

/** File helpers: attachment records, allowed evidence types, image sniffing for brand assets. */

/** Evidence size cap: the reference gives none; 10 MB matches the campaign MMS upload limit. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Evidence types: the campaign supporting-document allow-list of the reference. */
const EVIDENCE_TYPES: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", bmp: "image/bmp", tiff: "image/tiff", raw: "image/x-raw",
  pdf: "application/pdf", rtf: "application/rtf", xml: "application/xml", odt: "application/vnd.oasis.opendocument.text",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", htm: "text/html", html: "text/html", txt: "text/plain",
};

/** Campaign supporting documents use the same allow-list as evidence (the reference's list). */
export const DOCUMENT_TYPES = EVIDENCE_TYPES;

/** MMS sample media (tcr-api-part2 §2.9), ≤ 10 MB. */
export const MMS_TYPES: Record<string, string> = {
  bmp: "image/bmp", dib: "image/bmp", gif: "image/gif", jpeg: "image/jpeg", jpg: "image/jpeg", png: "image/png",
  m2a: "audio/mpeg", m4a: "audio/mp4", m4b: "audio/mp4", m4p: "audio/mp4", m4r: "audio/mp4", m4v: "video/mp4",
  mp1: "audio/mpeg", mp2: "audio/mpeg", mp3: "audio/mpeg", mp4: "video/mp4", mpa: "audio/mpeg", oga: "audio/ogg",
  ogg: "audio/ogg", ogm: "video/ogg", ogv: "video/ogg", ogx: "application/ogg", spx: "audio/ogg", txt: "text/plain",
  wav: "audio/wav", webm: "video/webm",
};
export const MMS_MAX_BYTES = 10 * 1024 * 1024;

export function mimeTypeFor(fileName: string, allowed: Record<string, string>): string {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  const mime = allowed[ext];
  if (!mime) throw invalid("file", `File type .${ext} is not allowed; allowed: ${Object.keys(allowed).join(", ")}`);
  return mime;
}

export function evidenceMimeType(fileName: string): string {
  return mimeTypeFor(fileName, EVIDENCE_TYPES);
}

export function storeAttachment(
  sim: Sim,
  a: Omit<AttachmentRecord, "uuid" | "createDate" | "size" | "dataBase64"> & { data: Buffer },
): AttachmentRecord {
  const rec: AttachmentRecord = {
    uuid: sim.store.rng.uuid(),
    brandId: a.brandId,
    campaignId: a.campaignId,
    purpose: a.purpose,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.data.length,
    dataBase64: a.data.toString("base64"),
    createDate: sim.clock.nowIso(),
  };
  sim.store.data.attachments[rec.uuid] = rec;
  return rec;
}

/** Checks that every uuid is an evidence file of this brand. */
export function checkEvidence(sim: Sim, brandId: string, uuids: string[]): void {
  for (const u of uuids) {
    const a = sim.store.data.attachments[u];
    if (!a || a.brandId !== brandId || a.purpose !== "APPEAL_EVIDENCE") throw tcrError(501, `Unknown evidence attachment ${u}`, "attachmentUuids");
  }
}

export interface ImageInfo {
  format: "PNG" | "JPEG";
  mimeType: string;
  width: number;
  height: number;
}

/** PNG or JPEG by magic bytes, with dimensions; null for anything else. */
export function sniffImage(buf: Buffer): ImageInfo | null {
  if (buf.length >= 24 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { format: "PNG", mimeType: "image/png", width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let pos = 2;
    while (pos + 9 < buf.length) {
      if (buf[pos] !== 0xff) {
        pos++;
        continue;
      }
      const marker = buf[pos + 1]!;
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
        pos += marker === 0xff ? 1 : 2;
        continue;
      }
      const len = buf.readUInt16BE(pos + 2);
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { format: "JPEG", mimeType: "image/jpeg", height: buf.readUInt16BE(pos + 5), width: buf.readUInt16BE(pos + 7) };
      pos += 2 + len;
    }
    return null;
  }
  return null;
}
