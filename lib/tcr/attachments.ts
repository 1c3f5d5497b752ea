/** Attachments (tcr-api-part1.md §2): download/delete by uuid (campaign files and brand evidence). */
import { bind, type ResourceDeps } from "./op";
import { NoContent } from "./schemas/common";

export function attachmentsApi({ http }: ResourceDeps) {
  return {
    download: bind("attachment.download", (attachmentId: string) => http.callBinary("attachment.download", { path: { attachmentId } })),
    delete: bind("attachment.delete", (attachmentId: string) => http.call("attachment.delete", NoContent, { path: { attachmentId } })),
  };
}
export type AttachmentsApi = ReturnType<typeof attachmentsApi>;
