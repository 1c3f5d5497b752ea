import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as S from "./schemas";
import { ErrorCodeMap } from "./errorCodes";
import { DeleteExcludedMnoRequest } from "./mno";
import type { OperationId } from "./endpoints";
import {
  BrandCreateRequest, brandCreateSchemaFor, brandFieldRules, brandFieldShapes, ENTITY_TYPES, type BrandField,
} from "./schemas/brand";

/**
 * Contract: every request/response sample printed in the reference (transcribed to fixtures/ by
 * reference line) is parsed by the schema the client uses for that operation.
 */

interface ManifestEntry { operationId: OperationId; kind: "request" | "response"; file: string; referenceLine: number; collapsedSample?: boolean }
const dir = join(import.meta.dirname, "fixtures");
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as ManifestEntry[];
const load = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), "utf8"));

const list = <T extends z.ZodType>(t: T) => z.array(t);

/** The schema each client function uses (NoContent operations are excluded: nothing is read). */
const responseSchemas: Partial<Record<OperationId, z.ZodType>> = {
  "brand.search": S.BrandSearchResponse,
  "brand.getFeedback": S.BrandFeedback,
  "brand.create": S.Brand,
  "brand.getSmsOtpStatus": S.SmsOtpStatus,
  "brand.get": S.Brand,
  "brand.update": S.Brand,
  "brand.listAppeals": S.AppealList,
  "brand.listAppealEvidence": S.UploadedFileList,
  "brand.uploadAppealEvidence": S.UploadedFile,
  "brand.listExternalVetting": S.ExternalVettingList,
  "brand.importExternalVetting": S.ExternalVetting,
  "brand.orderExternalVetting": S.ExternalVetting,
  "brand.listExternalVettingAppeals": S.AppealList,
  "brand.listEnhancedVettingReports": S.EnhancedVettingReportList,
  "brand.revet": S.Brand,
  "brand.triggerSmsOtp": S.SmsOtpTriggerResponse,
  "brandAsset.list": S.BrandAssetList,
  "brandAsset.listAppeals": S.AppealList,
  "campaign.searchDeprecated": S.CampaignPage,
  "campaign.searchMock": S.CampaignPage,
  "campaign.search": S.CampaignPage,
  "campaign.get": S.Campaign,
  "campaign.update": S.Campaign,
  "campaign.listExcludedMnos": S.MnoIdList,
  "campaign.listMmsMedia": S.UploadedFileList,
  "campaign.uploadMmsMedia": S.UploadedFile,
  "campaign.listElectedDcaMnoIds": S.MnoIdList,
  "campaign.getMnoMetadata": S.MnoMetadataMap,
  "campaign.nudge": S.NudgeResponse,
  "campaign.getOperationStatus": S.OperationStatusMap,
  "campaign.getOsrAttributes": S.OsrAttributes,
  "campaign.listPhoneNumbers": S.PhoneNumberPage,
  "campaign.resubmit": S.CampaignCreateResponse,
  "campaign.getSharing": S.CampaignSharing,
  "campaign.share": S.SharingRecord,
  "campaign.listSupportingDocuments": S.UploadedFileList,
  "campaign.uploadSupportingDocument": S.UploadedFile,
  "campaignBuilder.create": S.CampaignCreateResponse,
  "campaignBuilder.qualifyBrand": S.BrandQualificationList,
  "campaignBuilder.qualifyBrandUsecase": S.UsecaseQualification,
  "campaignBuilder.getTermsAndConditions": S.CampaignBuilderTerms,
  "cnpMigration.get": S.CnpMigrationRecord,
  "enum.altBusinessIdType": S.StringListResponse,
  "enum.approvedPublicCompany": S.pageOf(S.PublicCompany),
  "enum.assetAppealCategory": list(S.AppealCategoryItem),
  "enum.brandAppealCategory": list(S.AppealCategoryItem),
  "enum.brandIdentityStatus": S.StringListResponse,
  "enum.brandRelationship": S.StringListResponse,
  "enum.brandStatus": S.StringListResponse,
  "enum.campaignStatus": S.StringListResponse,
  "enum.cnp": S.StringMapResponse,
  "enum.country": S.StringMapResponse,
  "enum.dca": S.DcaListResponse,
  "enum.entityType": S.StringListResponse,
  "enum.extVettingAppealCategory": list(S.AppealCategoryItem),
  "enum.extVettingProvider": list(S.ExtVettingProvider),
  "enum.mno": list(S.Mno),
  "enum.nudgeIntent": S.StringListResponse,
  "enum.operationStatus": S.StringListResponse,
  "enum.optionalAttributeNames": list(S.OptionalAttributeName),
  "enum.sharingRejectionCategory": S.StringListResponse,
  "enum.stockExchange": S.StringListResponse,
  "enum.suspensionRuleCategory": S.StringListResponse,
  "enum.usecase": S.ObjectMapResponse,
  "enum.usState": S.StringMapResponse,
  "enum.vertical": S.ObjectMapResponse,
  "enum.vettingClass": list(S.VettingClassItem),
  "enum.vettingFeedbackCode": S.VettingFeedbackCodeResponse,
  "enum.vettingStatus": S.StringListResponse,
  "errorCode.list": ErrorCodeMap,
  "partnerCampaign.searchSharedByMeDeprecated": S.SharedCampaignPage,
  "partnerCampaign.searchSharedByMe": S.SharedCampaignPage,
  "partnerCampaign.searchSharedWithMeDeprecated": S.SharedCampaignPage,
  "partnerCampaign.searchSharedWithMe": S.SharedCampaignPage,
  "partnerCampaign.get": S.PartnerCampaign,
  "partnerCampaign.getMnoMetadata": S.MnoMetadataMap,
  "partnerCampaign.getOperationStatus": S.OperationStatusMap,
  "partnerCampaign.getSharing": S.CampaignSharing,
  "partnerCampaign.declineSharing": S.SharingRecord,
  "partnerCampaign.share": S.SharingRecord,
  "pft.getBrand": S.Brand,
  "reseller.search": S.ResellerPage,
  "reseller.create": S.Reseller,
  "reseller.get": S.Reseller,
  "reseller.update": S.Reseller,
  "tag.search": S.TagPage,
  "tag.assign": S.Tag,
  "settings.getProfile": S.CspProfile,
  "settings.updateProfile": S.CspProfileUpdateResponse,
  "settings.getCnpMigration": S.CnpMigrationSettings,
  "settings.updateCnpMigration": S.CnpMigrationSettings,
  "webhook.listEventCategories": S.EventCategoryList,
  "webhook.listEventTypes": S.EventTypeList,
  "webhook.listSubscriptions": S.WebhookSubscriptionList,
  "webhook.subscribe": S.WebhookSubscription,
  "webhook.sendMock": S.MockWebhookResponse,
};

const requestSchemas: Partial<Record<OperationId, z.ZodType>> = {
  "brand.create": S.BrandCreateRequestWire,
  "brand.update": S.BrandUpdateRequest,
  "brand.appeal": S.AppealRequest,
  "brand.importExternalVetting": S.ExternalVettingImportRequest,
  "brand.orderExternalVetting": S.ExternalVettingOrderRequest,
  "brand.appealExternalVetting": S.ExternalVettingAppealRequest,
  "brand.verifySmsOtp": S.SmsOtpVerifyRequest,
  "brand.triggerSmsOtp": S.SmsOtpTriggerRequest,
  "brandAsset.appeal": S.AppealRequest,
  "campaign.update": S.CampaignUpdateRequest,
  "campaign.nudge": S.NudgeRequest,
  "campaign.resubmit": S.ResubmitRequest,
  "campaignBuilder.create": S.CampaignBuilderCreateRequest,
  "mno.deleteExcludedMno": DeleteExcludedMnoRequest,
  "reseller.create": S.ResellerRequest,
  "reseller.update": S.ResellerRequest,
  "tag.assign": S.TagAssignRequest,
  "settings.updateProfile": S.CspProfileUpdateRequest,
  "settings.updateCnpMigration": S.CnpMigrationSettingsRequest,
  "webhook.subscribe": S.WebhookSubscriptionRequest,
};

/**
 * The reference collapses nested arrays (`[ ]` = content hidden) and prints "string" for enum-typed
 * fields; those request samples get the one field filled with a documented value.
 */
const collapsedFill: Record<string, Record<string, unknown>> = {
  "brand.appeal.request.json": { appealCategories: ["VERIFY_TAX_ID"] },
  "brand.appealExternalVetting.request.json": { appealCategories: ["LOW_SCORE"] },
  "brandAsset.appeal.request.json": { appealCategories: ["OTHER"] },
  "campaign.resubmit.request.json": { mnoIds: [10017, 10035] },
  "campaign.nudge.request.json": { nudgeIntent: "REVIEW" },
};

describe("reference samples parse with the client's schemas", () => {
  const responses = manifest.filter((m) => m.kind === "response" && responseSchemas[m.operationId]);
  const requests = manifest.filter((m) => m.kind === "request");

  it("covers every response sample whose operation returns a body, and every request sample", () => {
    const noBody = manifest.filter((m) => m.kind === "response" && !responseSchemas[m.operationId]);
    // Operations without a success body only show the collapsed `[ { } ]` placeholder.
    for (const m of noBody) expect(m.collapsedSample, m.file).toBe(true);
    expect(responses.length + noBody.length + requests.length).toBe(manifest.length);
    expect(requests.every((m) => requestSchemas[m.operationId])).toBe(true);
  });

  it.each(responses.map((m) => [m.file, m] as const))("response %s", (_f, m) => {
    const result = responseSchemas[m.operationId]!.safeParse(load(m.file));
    expect(result.success, `${m.file} (reference line ${m.referenceLine}): ${result.error?.message}`).toBe(true);
  });

  it.each(requests.map((m) => [m.file, m] as const))("request %s", (_f, m) => {
    const sample = load(m.file) as Record<string, unknown>;
    const result = requestSchemas[m.operationId]!.safeParse({ ...sample, ...collapsedFill[m.file] });
    expect(result.success, `${m.file} (reference line ${m.referenceLine}): ${result.error?.message}`).toBe(true);
  });

  it("keeps unknown response fields (responses are not strict)", () => {
    const brand = S.Brand.parse({ ...(load("brand.get.response.json") as object), brandId: "B123ABC", newField: 1 });
    expect((brand as Record<string, unknown>).newField).toBe(1);
  });

  it("normalises the single-brand search sample to a page", () => {
    const page = S.BrandSearchResponse.parse(load("brand.search.response.json"));
    expect(page.totalRecords).toBe(1);
    expect(page.records[0]?.entityType).toBe("PRIVATE_PROFIT");
  });

  it("the brand create sample is valid on the wire but breaks the per-entity table (N/A fields for PRIVATE_PROFIT)", () => {
    const sample = load("brand.create.request.json") as Record<string, unknown>;
    const r = S.BrandCreateRequest.safeParse(sample);
    expect(r.success).toBe(false);
    const flagged = new Set(r.error!.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : [])));
    expect([...flagged].sort()).toEqual(["firstName", "lastName", "mobilePhone", "stockExchange", "stockSymbol"]);
  });

  it("rejects placeholder values the reference prints where an enum is required", () => {
    expect(S.NudgeRequest.safeParse(load("campaign.nudge.request.json")).success).toBe(false);
    expect(S.AppealRequest.safeParse(load("brand.appeal.request.json")).success).toBe(false);
  });
});

describe("brand create schema", () => {
  const address = { street: "123 6th Ave", city: "New York", state: "NY", postalCode: "10001", country: "US" };
  const org = {
    displayName: "ABC Mobile", companyName: "ABC Inc.", ein: "111111111", phone: "+12024567890", email: "ops@abc.com",
    brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL", ...address,
  };
  const sp = {
    entityType: "SOLE_PROPRIETOR", displayName: "Jane's Cakes", firstName: "Jane", lastName: "Doe", phone: "+12024567890",
    mobilePhone: "+12024567891", email: "jane@example.com", referenceId: "sp-1", ...address,
  };
  const issuesAt = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string; keys?: string[] }[] } }) =>
    (r.error?.issues ?? []).flatMap((i) => (i.code === "unrecognized_keys" ? (i.keys ?? []) : [i.path.join(".")])).sort();

  describe("brandFieldRules (tcr-api-part1 §3.3.1)", () => {
    it("has a rule for every field and entity type", () => {
      for (const et of ENTITY_TYPES) {
        expect(Object.keys(brandFieldRules[et]).sort()).toEqual(Object.keys(brandFieldShapes).sort());
      }
    });

    it("matches the table's distinctive cells", () => {
      expect(brandFieldRules.SOLE_PROPRIETOR.referenceId).toBe("required");
      expect(brandFieldRules.SOLE_PROPRIETOR.brandRelationship).toBe("forbidden");
      expect(brandFieldRules.SOLE_PROPRIETOR.vertical).toBe("optional");
      expect(brandFieldRules.PUBLIC_PROFIT.website).toBe("required");
      expect(brandFieldRules.PUBLIC_PROFIT.businessContactEmail).toBe("required");
      expect(brandFieldRules.PRIVATE_PROFIT.stockSymbol).toBe("forbidden");
      const requiredEverywhere: BrandField[] = ["displayName", "phone", "street", "city", "state", "postalCode", "country", "email"];
      for (const et of ENTITY_TYPES) for (const f of requiredEverywhere) expect(brandFieldRules[et][f], `${et}.${f}`).toBe("required");
    });
  });

  describe("BrandCreateRequest", () => {
    it("accepts a complete brand of each entity type", () => {
      expect(BrandCreateRequest.safeParse(sp).success).toBe(true);
      expect(BrandCreateRequest.safeParse({ entityType: "PRIVATE_PROFIT", ...org }).success).toBe(true);
      expect(BrandCreateRequest.safeParse({ entityType: "NON_PROFIT", ...org }).success).toBe(true);
      expect(BrandCreateRequest.safeParse({ entityType: "GOVERNMENT", ...org }).success).toBe(true);
      const pub = { entityType: "PUBLIC_PROFIT", ...org, stockSymbol: "ABC", stockExchange: "NASDAQ", website: "https://abc.com", businessContactEmail: "jane.doe@abc.com" };
      expect(BrandCreateRequest.safeParse(pub).success).toBe(true);
    });

    it("requires the PUBLIC_PROFIT-only fields", () => {
      const r = BrandCreateRequest.safeParse({ entityType: "PUBLIC_PROFIT", ...org });
      expect(issuesAt(r)).toEqual(["businessContactEmail", "stockExchange", "stockSymbol", "website"]);
    });

    it("rejects N/A fields and requires SP fields for SOLE_PROPRIETOR", () => {
      const r = BrandCreateRequest.safeParse({ ...sp, ein: "111111111", referenceId: undefined });
      expect(issuesAt(r)).toEqual(["ein", "referenceId"]);
    });

    it("enforces US formats, E.164 and US-only GOVERNMENT", () => {
      const r = BrandCreateRequest.safeParse({ entityType: "PRIVATE_PROFIT", ...org, state: "New York", postalCode: "1001", ein: "12-345", phone: "2024567890" });
      expect(issuesAt(r)).toEqual(["ein", "phone", "postalCode", "state"]);
      const gov = BrandCreateRequest.safeParse({ entityType: "GOVERNMENT", ...org, country: "CA", state: "ON", postalCode: "K1A0B1", einIssuingCountry: "CA", ein: "123" });
      expect(issuesAt(gov)).toEqual(["entityType"]);
    });

    it("validates tags (≤10, no punctuation or spaces, unique)", () => {
      expect(issuesAt(BrandCreateRequest.safeParse({ ...sp, tag: ["vip", "has space"] }))).toEqual(["tag.1"]);
      expect(issuesAt(BrandCreateRequest.safeParse({ ...sp, tag: ["vip", "VIP"] }))).toEqual(["tag"]);
      expect(BrandCreateRequest.safeParse({ ...sp, tag: Array.from({ length: 11 }, (_, i) => `t${i}`) }).success).toBe(false);
    });

    it("brandCreateSchemaFor gives one entity type's form schema", () => {
      const schema = brandCreateSchemaFor("NON_PROFIT");
      expect(schema.safeParse({ entityType: "NON_PROFIT", ...org }).success).toBe(true);
      expect(schema.safeParse({ entityType: "PRIVATE_PROFIT", ...org }).success).toBe(false);
      expect(Object.keys(schema.shape)).not.toContain("firstName");
    });
  });
});
