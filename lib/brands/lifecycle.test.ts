import { describe, expect, it } from "vitest";
import { assetRules, uploadAssetSchema } from "@/lib/brands/assets-schemas";
import { explainFeedback, FEEDBACK_CATEGORIES } from "@/lib/brands/lifecycle";
import { sendOtpSchema, verifyOtpSchema } from "@/lib/brands/otp-schemas";
import { tagSchema } from "@/lib/brands/tags-schemas";
import { importVettingSchema, orderVettingSchema } from "@/lib/brands/vetting-schemas";
import { appealKey } from "@/lib/mirror/vetting";

describe("identity feedback", () => {
  it("explains every category the reference lists, and keeps an unknown one with the registry's words", () => {
    expect(Object.keys(FEEDBACK_CATEGORIES).sort()).toEqual(["GOVERNMENT_ENTITY", "NONPROFIT", "STOCK_SYMBOL", "TAX_ID", "WEB_DOMAIN"]);
    const items = explainFeedback({ brandId: "B1", category: [{ id: "WEB_DOMAIN", description: "Email domain unknown" }, { id: "NEW_ONE", description: "Something new" }] });
    expect(items[0]).toMatchObject({ id: "WEB_DOMAIN", fields: ["email", "website"], description: "Email domain unknown" });
    expect(items[1]).toMatchObject({ id: "NEW_ONE", title: "NEW_ONE", meaning: "Something new", fields: [] });
    expect(explainFeedback(null)).toEqual([]);
  });
});

describe("input rules", () => {
  it("OTP: a macro in the message, a confirmation only in the reply-YES flow, a 6-digit PIN", () => {
    expect(sendOtpSchema.safeParse({ brandId: "B1", pinSms: "Code: @OTP_PIN@" }).success).toBe(true);
    expect(sendOtpSchema.safeParse({ brandId: "B1", pinSms: "Code: OTP_PIN" }).success).toBe(false);
    expect(sendOtpSchema.safeParse({ brandId: "B1", pinSms: "x".repeat(1020) + "@OTP_PIN@" }).success).toBe(false);
    expect(verifyOtpSchema.safeParse({ brandId: "B1", otpPin: "12345" }).success).toBe(false);
    expect(verifyOtpSchema.safeParse({ brandId: "B1", otpPin: "123456" }).success).toBe(true);
  });

  it("vetting: POLITICAL needs a JSON object payload; import needs a vetting id", () => {
    const base = { brandId: "B1", evpId: "AEGIS", idempotencyKey: "key-0000001" };
    expect(orderVettingSchema.safeParse({ ...base, vettingClass: "STANDARD" }).success).toBe(true);
    expect(orderVettingSchema.safeParse({ ...base, vettingClass: "POLITICAL" }).success).toBe(false);
    expect(orderVettingSchema.safeParse({ ...base, vettingClass: "POLITICAL", additionalRequestPayload: "[1]" }).success).toBe(false);
    expect(orderVettingSchema.safeParse({ ...base, vettingClass: "POLITICAL", additionalRequestPayload: '{"locale":"federal"}' }).success).toBe(true);
    expect(orderVettingSchema.safeParse({ ...base, vettingClass: "STANDARD", idempotencyKey: "short" }).success).toBe(false);
    expect(importVettingSchema.safeParse({ brandId: "B1", evpId: "WMC", vettingId: "" }).success).toBe(false);
  });

  it("assets and tags: the registry's name rules", () => {
    expect(uploadAssetSchema.safeParse({ brandId: "B1", type: "LOGO", name: "Main logo_2", fileId: "f" }).success).toBe(true);
    expect(uploadAssetSchema.safeParse({ brandId: "B1", type: "LOGO", name: " lead", fileId: "f" }).success).toBe(true); // trimmed
    expect(uploadAssetSchema.safeParse({ brandId: "B1", type: "LOGO", name: "bad/name", fileId: "f" }).success).toBe(false);
    expect(uploadAssetSchema.safeParse({ brandId: "B1", type: "ICON", name: "x", fileId: "f" }).success).toBe(false);
    expect(tagSchema.safeParse({ brandId: "B1", name: "holiday2026" }).success).toBe(true);
    expect(tagSchema.safeParse({ brandId: "B1", name: "two words" }).success).toBe(false);
    expect(tagSchema.safeParse({ brandId: "B1", name: "x".repeat(51) }).success).toBe(false);
    expect(assetRules({ verificationStatus: "VERIFIED" }, "VERIFIED")).toMatchObject({ canVerify: false, canDelete: false, canAppeal: false });
  });

  it("an appeal's mirror key is its kind, creation time, provider and vetting id", () => {
    expect(appealKey("IDENTITY", { createDate: "2026-01-05T15:00:00Z" })).toBe("IDENTITY|2026-01-05T15:00:00Z||");
    expect(appealKey("VETTING", { createDate: "t", evpId: "AEGIS", vettingId: "v1" })).toBe("VETTING|t|AEGIS|v1");
  });
});
