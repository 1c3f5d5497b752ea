import { z } from "zod";
import { appealFields } from "@/lib/brands/appeals-schemas";
import { brandIdSchema } from "@/lib/brands/lifecycle-schemas";
import { ASSET_LIMITS, ASSET_NAME_REGEX } from "@/lib/tcr/schemas/brandAsset";
import { AssetType } from "@/lib/tcr/schemas/enums";

// Client-safe. Asset rules (tcr-api-part1 §4): LOGO 224×224 ≤ 50 KB, BANNER 1440×448 ≤ 200 KB, JPEG/PNG,
// 50 of each per brand; verify needs a VERIFIED brand; appeal only UNVERIFIED and ≤ 45 days; no delete
// while PENDING or VERIFIED.
export { ASSET_LIMITS };
export const ASSET_APPEAL_WINDOW_DAYS = 45;
export const ASSET_EVIDENCE_KIND = { LOGO: "BRAND_LOGO", BANNER: "BRAND_BANNER" } as const;

const assetName = z.string().trim().min(1, "Name the asset").max(100).regex(ASSET_NAME_REGEX, "Letters and digits; spaces, dashes and underscores only inside the name");

export const uploadAssetSchema = z.object({ brandId: brandIdSchema, type: AssetType, name: assetName, fileId: z.string().min(1, "Upload the image first").max(100) });
export const assetRefSchema = z.object({ brandId: brandIdSchema, name: z.string().min(1).max(100) });
export const assetAppealSchema = z.object({ ...appealFields, name: z.string().min(1).max(100) });

/**
 * Not yet submitted, PENDING, VERIFIED or UNVERIFIED: what may be done with an asset now. The 45-day appeal
 * window is shown as a deadline but left to the registry to enforce: it counts on its own clock.
 */
export function assetRules(a: { verificationStatus?: string | null; createDate?: string | null }, brandIdentityStatus: string | null) {
  const status = a.verificationStatus ?? null;
  const brandVerified = brandIdentityStatus === "VERIFIED" || brandIdentityStatus === "VETTED_VERIFIED";
  const created = a.createDate ? Date.parse(a.createDate) : NaN;
  return {
    canVerify: (status === null || status === "UNVERIFIED") && brandVerified,
    verifyBlocked: status === "PENDING" ? "Already in review." : status === "VERIFIED" ? "Already verified." : !brandVerified ? "The brand's identity must be VERIFIED or VETTED_VERIFIED first." : null,
    canAppeal: status === "UNVERIFIED",
    appealDeadline: status === "UNVERIFIED" && !Number.isNaN(created) ? new Date(created + ASSET_APPEAL_WINDOW_DAYS * 86_400_000) : null,
    canDelete: status !== "PENDING" && status !== "VERIFIED",
    deleteBlocked: status === "PENDING" ? "An asset in review cannot be removed." : status === "VERIFIED" ? "A verified asset cannot be removed." : null,
  };
}
