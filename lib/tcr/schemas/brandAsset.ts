/** Brand assets for RCS (tcr-api-part1.md §4). Assets are addressed by name within a brand. */
import { z } from "zod";
import { AssetType } from "./enums";
import { DateTime } from "./common";
export { AppealRequest as BrandAssetAppealRequest } from "./appeal";

/** Name rule: alphanumeric; inner spaces, dashes, underscores allowed; no leading/trailing space. */
export const ASSET_NAME_REGEX = /^[A-Za-z0-9](?:[A-Za-z0-9 _-]*[A-Za-z0-9_-])?$/;
export const ASSET_LIMITS = {
  LOGO: { width: 224, height: 224, maxBytes: 50 * 1024, quota: 50 },
  BANNER: { width: 1440, height: 448, maxBytes: 200 * 1024, quota: 50 },
} as const;
export const ASSET_MIME_TYPES = ["image/jpeg", "image/png"] as const;

export const BrandAssetListQuery = z.strictObject({ type: AssetType.optional(), name: z.string().optional() });
export type BrandAssetListQuery = z.infer<typeof BrandAssetListQuery>;

/** Multipart fields of the upload; one of `file` or `url` must be given. */
export const BrandAssetUploadFields = z.strictObject({
  name: z.string().min(1).regex(ASSET_NAME_REGEX, "Letters and digits; inner spaces, dashes, underscores allowed"),
  type: AssetType,
  url: z.string().optional(),
});
export type BrandAssetUploadFields = z.infer<typeof BrandAssetUploadFields>;

/** List items are collapsed; the prose names attachmentUuid, feedback reasons and an expiration date. */
export const BrandAsset = z.looseObject({
  name: z.string().optional(),
  type: z.string().optional(),
  attachmentUuid: z.string().nullable().optional(),
  verificationStatus: z.string().nullable().optional(),
  reasons: z.array(z.unknown()).nullable().optional(),
  expirationDate: DateTime.nullable().optional(),
  createDate: DateTime.nullable().optional(),
});
export type BrandAsset = z.infer<typeof BrandAsset>;
export const BrandAssetList = z.array(BrandAsset);
