"use server";
// Server actions of the brand detail page (lifecycle, OTP, Authentication+, vetting, appeals, assets, tags).
// Kept beside lib/brands/actions.ts so the two files can change independently; every action is an
// orgAction with permission registry.act (VIEWER reads only; the live status read is org.read) and audits against the brand.
import { revalidatePath } from "next/cache";
import { fileIdentityAppeal } from "@/lib/brands/appeals";
import { identityAppealSchema } from "@/lib/brands/appeals-schemas";
import { appealBrandAsset, deleteBrandAsset, uploadBrandAsset, verifyBrandAsset } from "@/lib/brands/assets";
import { assetAppealSchema, assetRefSchema, uploadAssetSchema } from "@/lib/brands/assets-schemas";
import { resend2faEmail } from "@/lib/brands/authplus";
import { resend2faSchema } from "@/lib/brands/authplus-schemas";
import { deleteBrand, revetBrand } from "@/lib/brands/lifecycle";
import { deleteBrandSchema, revetSchema } from "@/lib/brands/lifecycle-schemas";
import { brandLiveStatus } from "@/lib/brands/live-status";
import { liveStatusSchema } from "@/lib/brands/live-status-schemas";
import { sendBrandOtp, verifyBrandOtp } from "@/lib/brands/otp";
import { sendOtpSchema, verifyOtpSchema } from "@/lib/brands/otp-schemas";
import { assignBrandTag, removeBrandTag } from "@/lib/brands/tags";
import { tagSchema } from "@/lib/brands/tags-schemas";
import { appealVetting, importVetting, orderVetting, refreshVettingFromRegistry } from "@/lib/brands/vetting";
import { importVettingSchema, orderVettingSchema, refreshVettingSchema, vettingAppealSchema } from "@/lib/brands/vetting-schemas";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { orgAction } from "@/lib/safe-action";

const brandTarget = (i: { brandId: string }) => ({ type: "brand", id: i.brandId });
const touched = (brandId: string, list = false) => {
  revalidatePath(`/brands/${encodeURIComponent(brandId)}`);
  if (list) revalidatePath("/brands");
};

export const revetBrandAction = orgAction({ name: "brand.revet", permission: "registry.act", schema: revetSchema, target: brandTarget }, async (input, ctx) => {
  const r = await revetBrand(db(), ctx, input);
  touched(input.brandId, true);
  return r;
});

export const deleteBrandAction = orgAction({ name: "brand.delete", permission: "registry.act", schema: deleteBrandSchema, target: brandTarget }, async (input, ctx) => {
  const r = await deleteBrand(db(), ctx, input);
  touched(input.brandId, true);
  return r;
});

export const sendBrandOtpAction = orgAction({ name: "brand.otp.send", permission: "registry.act", schema: sendOtpSchema, target: brandTarget }, async (input, ctx) => {
  const r = await sendBrandOtp(db(), ctx, input);
  touched(input.brandId);
  return r;
});

export const verifyBrandOtpAction = orgAction({ name: "brand.otp.verify", permission: "registry.act", schema: verifyOtpSchema, target: brandTarget }, async (input, ctx) => {
  const r = await verifyBrandOtp(db(), ctx, input);
  touched(input.brandId, true);
  return r;
});

export const resend2faEmailAction = orgAction({ name: "brand.2fa.resend", permission: "registry.act", schema: resend2faSchema, target: brandTarget }, async (input, ctx) => {
  const r = await resend2faEmail(db(), ctx, input);
  touched(input.brandId);
  return r;
});

export const orderVettingAction = orgAction({ name: "brand.vetting.order", permission: "registry.act", schema: orderVettingSchema, target: brandTarget }, async (input, ctx) => {
  const r = await orderVetting(db(), ctx, input);
  touched(input.brandId);
  return r;
});

export const importVettingAction = orgAction({ name: "brand.vetting.import", permission: "registry.act", schema: importVettingSchema, target: brandTarget }, async (input, ctx) => {
  const r = await importVetting(db(), ctx, input);
  touched(input.brandId, true);
  return r;
});

export const appealVettingAction = orgAction({ name: "brand.vetting.appeal", permission: "registry.act", schema: vettingAppealSchema, target: brandTarget }, async (input, ctx) => {
  try {
    return await appealVetting(db(), ctx, input);
  } finally {
    touched(input.brandId);
    revalidatePath("/evidence");
  }
});

export const refreshVettingAction = orgAction({ name: "brand.vetting.refresh", permission: "registry.act", schema: refreshVettingSchema, target: brandTarget }, async (input, ctx) => {
  const r = await refreshVettingFromRegistry(db(), ctx, input);
  touched(input.brandId, true);
  return r;
});

export const fileIdentityAppealAction = orgAction({ name: "brand.appeal", permission: "registry.act", schema: identityAppealSchema, target: brandTarget }, async (input, ctx) => {
  try {
    return await fileIdentityAppeal(db(), ctx, input);
  } finally {
    // Evidence sent (or refused) shows on the file's row in the library either way.
    touched(input.brandId);
    revalidatePath("/evidence");
  }
});

export const uploadBrandAssetAction = orgAction({ name: "brand.asset.upload", permission: "registry.act", schema: uploadAssetSchema, target: brandTarget }, async (input, ctx) => {
  const r = await uploadBrandAsset(db(), ctx, input);
  touched(input.brandId);
  return r;
});

export const verifyBrandAssetAction = orgAction({ name: "brand.asset.verify", permission: "registry.act", schema: assetRefSchema, target: brandTarget }, async (input, ctx) => {
  const r = await verifyBrandAsset(db(), ctx, input);
  touched(input.brandId);
  return r;
});

export const appealBrandAssetAction = orgAction({ name: "brand.asset.appeal", permission: "registry.act", schema: assetAppealSchema, target: brandTarget }, async (input, ctx) => {
  try {
    return await appealBrandAsset(db(), ctx, input);
  } finally {
    touched(input.brandId);
  }
});

export const deleteBrandAssetAction = orgAction({ name: "brand.asset.delete", permission: "registry.act", schema: assetRefSchema, target: brandTarget }, async (input, ctx) => {
  const r = await deleteBrandAsset(db(), ctx, input);
  touched(input.brandId);
  return r;
});

export const assignBrandTagAction = orgAction({ name: "brand.tag.assign", permission: "registry.act", schema: tagSchema, target: brandTarget }, async (input, ctx) => {
  const r = await assignBrandTag(db(), ctx, input);
  touched(input.brandId, true);
  return r;
});

export const removeBrandTagAction = orgAction({ name: "brand.tag.remove", permission: "registry.act", schema: tagSchema, target: brandTarget }, async (input, ctx) => {
  const r = await removeBrandTag(db(), ctx, input);
  touched(input.brandId, true);
  return r;
});

/**
 * The brand page's live status (read-only, from the mirror; polled while the registry's answer is awaited).
 * Any member may read it; nothing is audited on success, as for every read.
 */
export const brandLiveStatusAction = orgAction({ name: "brand.liveStatus", permission: "org.read", schema: liveStatusSchema }, async (input, ctx) => {
  const s = await brandLiveStatus(db(), ctx.org.id, input.brandId);
  if (!s) throw new NotFoundError("That brand");
  return s;
});
