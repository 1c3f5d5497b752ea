/** Shapes shared by several TCR resource groups. Response schemas are loose (unknown fields kept). */
import { z } from "zod";
import { BrandTier, TpmScope } from "./enums";

/** E.164, as TCR requires for phone, mobilePhone and reseller phone. */
export const E164 = z.string().regex(/^\+[1-9]\d{1,14}$/, "Use E.164 format, e.g. +12025550123");

/** TCR timestamps are ISO-8601 strings; kept as strings so no timezone is silently applied. */
export const DateTime = z.string();

/** `{records, page, totalRecords}` — the wrapper of every paginated TCR operation. */
export function pageOf<T extends z.ZodType>(record: T) {
  return z.looseObject({
    records: z.array(record),
    page: z.number().int(),
    totalRecords: z.number().int(),
  });
}
export interface Page<T> {
  records: T[];
  page: number;
  totalRecords: number;
}

export const PageQuery = {
  page: z.number().int().min(1).optional(),
  recordsPerPage: z.number().int().min(1).max(500).optional(),
};

/** `{uuid, fileName, mimeType}` returned by every upload (evidence, MMS, supporting docs). */
export const UploadedFile = z.looseObject({
  uuid: z.string(),
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;
export const UploadedFileList = z.array(z.looseObject({
  uuid: z.string().optional(),
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
}));

/**
 * Success of an operation documented without a success body (delete, deactivate, appeal, OTP verify…).
 * The registry may answer 204, `{}`, or an array; nothing of it is used, so any body is accepted.
 */
export const NoContent = z.unknown().transform(() => undefined);
export type NoContent = undefined;

/** Per-MNO metadata (tcr-api-part2.md §3.2). */
export const MnoMetadata = z.looseObject({
  mno: z.string().optional(),
  mnoSupport: z.boolean().optional(),
  mnoReview: z.boolean().optional(),
  qualify: z.boolean().optional(),
  minMsgSamples: z.number().int().optional(),
  reqSubscriberOptin: z.boolean().optional(),
  reqSubscriberOptout: z.boolean().optional(),
  reqSubscriberHelp: z.boolean().optional(),
  noEmbeddedLink: z.boolean().optional(),
  noEmbeddedPhone: z.boolean().optional(),
  msgClass: z.string().nullable().optional(),
  tpm: z.number().int().nullable().optional(),
  mmsTpm: z.number().int().nullable().optional(),
  // Loose: a tier or scope unknown to this client must not fail a whole campaign read.
  tpmScope: z.union([TpmScope, z.string()]).nullable().optional(),
  brandTier: z.union([BrandTier, z.string()]).nullable().optional(),
  brandDailyCap: z.number().int().nullable().optional(),
});
export type MnoMetadata = z.infer<typeof MnoMetadata>;

/** Map keyed by MNO network id (e.g. "10017") → metadata. */
export const MnoMetadataMap = z.record(z.string(), MnoMetadata);
export type MnoMetadataMap = z.infer<typeof MnoMetadataMap>;

/** Map keyed by MNO network id → operation status (REGISTERED, REVIEW, …). */
export const OperationStatusMap = z.record(z.string(), z.string());
export type OperationStatusMap = z.infer<typeof OperationStatusMap>;

/** Arrays of MNO network ids (excluded MNOs, DCA-elected MNOs). */
export const MnoIdList = z.array(z.number().int());

/** A file to upload: bytes plus the name TCR stores. */
export interface UploadFile {
  data: Blob | Uint8Array | ArrayBuffer;
  fileName: string;
  mimeType?: string;
}
