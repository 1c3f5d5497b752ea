/** Attachments (tcr-api-part1.md §2; MMS/supporting docs part 2 §2.8–2.20). */
import { z } from "zod";
export { UploadedFile, UploadedFileList } from "./common";

/** The allow-listed extensions, for pre-checks before upload. */
export const MMS_EXTENSIONS = [
  ".bmp", ".dib", ".gif", ".jpeg", ".jpg", ".m2a", ".m4a", ".m4b", ".m4p", ".m4r", ".m4v", ".mp1", ".mp2", ".mp3", ".mp4",
  ".mpa", ".oga", ".ogg", ".ogm", ".ogv", ".ogx", ".png", ".spx", ".txt", ".wav", ".webm",
] as const;
export const MMS_MAX_BYTES = 10 * 1024 * 1024;
export const SUPPORTING_DOCUMENT_EXTENSIONS = [
  ".jpg", ".jpeg", ".png", ".bmp", ".tiff", ".raw", ".pdf", ".rtf", ".xml", ".odt", ".docx", ".htm", ".txt",
] as const;

/** A downloaded attachment (the reference shows no response; bytes + headers are returned). */
export interface DownloadedAttachment {
  data: Uint8Array;
  contentType: string | null;
  fileName: string | null;
}
export const AttachmentId = z.string().min(1);
