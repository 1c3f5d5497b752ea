import { describe, expect, it } from "vitest";
import { createTcrClient, type TcrClient } from "./index";
import { buildPath, endpoints, operationIds, type OperationId } from "./endpoints";
import { coveredOperations, missingOperations } from "./coverage";

describe("endpoint table and client coverage", () => {
  const tcr = createTcrClient({ baseUrl: "http://127.0.0.1:9/v2", auth: { mode: "bearer", apiKey: "k" } });

  it("lists all 116 operations (29 in part 1 + 87 in part 2)", () => {
    expect(operationIds).toHaveLength(116);
    const keys = new Set(operationIds.map((id) => `${endpoints[id].method} ${endpoints[id].path}`));
    expect(keys.size).toBe(116); // no two operations share a method + path
  });

  it("has a typed client function for every operation, tagged with the right id", () => {
    expect(missingOperations(tcr)).toEqual([]);
    const covered = coveredOperations(tcr);
    expect(covered.size).toBe(116);
  });

  it("marks exactly the four billable operations", () => {
    const billable = operationIds.filter((id) => endpoints[id].billable).sort();
    expect(billable).toEqual(["brand.create", "brand.orderExternalVetting", "campaign.resubmit", "campaignBuilder.create"]);
  });

  it("classifies GETs as reads and everything else as writes", () => {
    for (const id of operationIds) {
      const def = endpoints[id];
      expect(def.kind, id).toBe(def.method === "GET" ? "read" : "write");
    }
  });
});

describe("wiring", () => {
  /**
   * Wiring: every client function sends the method and path of the operation it is tagged with.
   * The fake fetch records the first request and answers 400, so nothing is parsed or retried.
   */

  const file = { data: new Uint8Array([1]), fileName: "f.png", mimeType: "image/png" };
  const brand = {
    entityType: "PRIVATE_PROFIT" as const, displayName: "ABC", companyName: "ABC Inc.", ein: "111111111", phone: "+12024567890",
    street: "1 Main St", city: "Austin", state: "TX", postalCode: "78701", country: "US", email: "a@abc.com",
    brandRelationship: "BASIC_ACCOUNT" as const, vertical: "RETAIL",
  };
  const key = { idempotencyKey: "k" };
  const B = "B123ABC", C = "C123ABC";

  type Call = [OperationId, (t: TcrClient) => Promise<unknown>, Record<string, string | number>?];
  const calls: Call[] = [
    ["attachment.download", (t) => t.attachments.download("a/1"), { attachmentId: "a/1" }],
    ["attachment.delete", (t) => t.attachments.delete("a1"), { attachmentId: "a1" }],
    ["brand.search", (t) => t.brands.search()],
    ["brand.getFeedback", (t) => t.brands.getFeedback(B), { brandId: B }],
    ["brand.create", (t) => t.brands.create(brand, key)],
    ["brand.getSmsOtpStatus", (t) => t.brands.getSmsOtpStatus("OTP1234567"), { referenceId: "OTP1234567" }],
    ["brand.get", (t) => t.brands.get(B), { brandId: B }],
    ["brand.update", (t) => t.brands.update(B, brand), { brandId: B }],
    ["brand.delete", (t) => t.brands.delete(B), { brandId: B }],
    ["brand.resend2faEmail", (t) => t.brands.resend2faEmail(B, { vettingClass: "AUTHPLUS" }), { brandId: B }],
    ["brand.listAppeals", (t) => t.brands.listAppeals(B), { brandId: B }],
    ["brand.appeal", (t) => t.brands.appeal(B, { appealCategories: ["VERIFY_TAX_ID"] }), { brandId: B }],
    ["brand.listAppealEvidence", (t) => t.brands.listAppealEvidence(B), { brandId: B }],
    ["brand.uploadAppealEvidence", (t) => t.brands.uploadAppealEvidence(B, file), { brandId: B }],
    ["brand.listExternalVetting", (t) => t.brands.listExternalVetting(B), { brandId: B }],
    ["brand.importExternalVetting", (t) => t.brands.importExternalVetting(B, { evpId: "CV", vettingId: "cv|1" }), { brandId: B }],
    ["brand.orderExternalVetting", (t) => t.brands.orderExternalVetting(B, { evpId: "AEGIS", vettingClass: "STANDARD" }, key), { brandId: B }],
    ["brand.listExternalVettingAppeals", (t) => t.brands.listExternalVettingAppeals(B), { brandId: B }],
    ["brand.appealExternalVetting", (t) => t.brands.appealExternalVetting(B, { appealCategories: ["LOW_SCORE"], evpId: "AEGIS", vettingId: "v1" }), { brandId: B }],
    ["brand.listEnhancedVettingReports", (t) => t.brands.listEnhancedVettingReports(B), { brandId: B }],
    ["brand.revet", (t) => t.brands.revet(B), { brandId: B }],
    ["brand.verifySmsOtp", (t) => t.brands.verifySmsOtp(B, { otpPin: "123456" }), { brandId: B }],
    ["brand.triggerSmsOtp", (t) => t.brands.triggerSmsOtp(B, { pinSms: "Code @OTP_PIN@" }), { brandId: B }],
    ["brandAsset.list", (t) => t.brandAssets.list(B, { type: "LOGO" }), { brandId: B }],
    ["brandAsset.upload", (t) => t.brandAssets.upload(B, { name: "Logo 1", type: "LOGO" }, file), { brandId: B }],
    ["brandAsset.delete", (t) => t.brandAssets.delete(B, "Logo 1"), { brandId: B, name: "Logo 1" }],
    ["brandAsset.listAppeals", (t) => t.brandAssets.listAppeals(B, "Logo 1"), { brandId: B, name: "Logo 1" }],
    ["brandAsset.appeal", (t) => t.brandAssets.appeal(B, "Logo 1", { appealCategories: ["OTHER"] }), { brandId: B, name: "Logo 1" }],
    ["brandAsset.verify", (t) => t.brandAssets.verify(B, "Logo 1"), { brandId: B, name: "Logo 1" }],
    ["campaign.searchDeprecated", (t) => t.campaigns.searchDeprecated({ mock: true })],
    ["campaign.searchMock", (t) => t.campaigns.searchMock()],
    ["campaign.search", (t) => t.campaigns.search({ brandId: B })],
    ["campaign.get", (t) => t.campaigns.get(C), { campaignId: C }],
    ["campaign.update", (t) => t.campaigns.update(C, { autoRenewal: false }), { campaignId: C }],
    ["campaign.deactivate", (t) => t.campaigns.deactivate(C), { campaignId: C }],
    ["campaign.listExcludedMnos", (t) => t.campaigns.listExcludedMnos(C), { campaignId: C }],
    ["campaign.listMmsMedia", (t) => t.campaigns.listMmsMedia(C), { campaignId: C }],
    ["campaign.uploadMmsMedia", (t) => t.campaigns.uploadMmsMedia(C, file), { campaignId: C }],
    ["campaign.listElectedDcaMnoIds", (t) => t.campaigns.listElectedDcaMnoIds(C, { cnpMigration: true }), { campaignId: C }],
    ["campaign.getMnoMetadata", (t) => t.campaigns.getMnoMetadata(C), { campaignId: C }],
    ["campaign.nudge", (t) => t.campaigns.nudge(C, { nudgeIntent: "REVIEW" }), { campaignId: C }],
    ["campaign.getOperationStatus", (t) => t.campaigns.getOperationStatus(C), { campaignId: C }],
    ["campaign.getOsrAttributes", (t) => t.campaigns.getOsrAttributes(C), { campaignId: C }],
    ["campaign.listPhoneNumbers", (t) => t.campaigns.listPhoneNumbers(C, { current: true }), { campaignId: C }],
    ["campaign.resubmit", (t) => t.campaigns.resubmit(C, { mnoIds: [10017] }, key), { campaignId: C }],
    ["campaign.getSharing", (t) => t.campaigns.getSharing(C), { campaignId: C }],
    ["campaign.share", (t) => t.campaigns.share(C, "S123ABC"), { campaignId: C, upstreamCnpId: "S123ABC" }],
    ["campaign.listSupportingDocuments", (t) => t.campaigns.listSupportingDocuments(C), { campaignId: C }],
    ["campaign.uploadSupportingDocument", (t) => t.campaigns.uploadSupportingDocument(C, file), { campaignId: C }],
    ["campaignBuilder.create", (t) => t.campaignBuilder.create({
      brandId: B, usecase: "2FA", resellerId: "R000000",
      description: "A description that is at least forty characters long.", messageFlow: "A message flow that is at least forty characters long.",
    }, key)],
    ["campaignBuilder.qualifyBrand", (t) => t.campaignBuilder.qualifyBrand(B), { brandId: B }],
    ["campaignBuilder.qualifyBrandUsecase", (t) => t.campaignBuilder.qualifyBrandUsecase(B, "2FA"), { brandId: B, usecase: "2FA" }],
    ["campaignBuilder.getTermsAndConditions", (t) => t.campaignBuilder.getTermsAndConditions()],
    ["cnpMigration.get", (t) => t.cnpMigration.get(C), { campaignId: C }],
    ["cnpMigration.cancel", (t) => t.cnpMigration.cancel(C, { explanation: "x" }), { campaignId: C }],
    ["cnpMigration.initiate", (t) => t.cnpMigration.initiate(C, "S123ABC"), { campaignId: C, upstreamCnpId: "S123ABC" }],
    ["enum.altBusinessIdType", (t) => t.enums.altBusinessIdType()],
    ["enum.approvedPublicCompany", (t) => t.enums.approvedPublicCompany({ exchange: "NASDAQ" })],
    ["enum.assetAppealCategory", (t) => t.enums.assetAppealCategory()],
    ["enum.brandAppealCategory", (t) => t.enums.brandAppealCategory()],
    ["enum.brandIdentityStatus", (t) => t.enums.brandIdentityStatus()],
    ["enum.brandRelationship", (t) => t.enums.brandRelationship()],
    ["enum.brandStatus", (t) => t.enums.brandStatus()],
    ["enum.campaignStatus", (t) => t.enums.campaignStatus()],
    ["enum.cnp", (t) => t.enums.cnp({ soleProprietorEnabled: true })],
    ["enum.country", (t) => t.enums.country()],
    ["enum.dca", (t) => t.enums.dca()],
    ["enum.entityType", (t) => t.enums.entityType()],
    ["enum.extVettingAppealCategory", (t) => t.enums.extVettingAppealCategory({ evpId: "AEGIS" })],
    ["enum.extVettingProvider", (t) => t.enums.extVettingProvider()],
    ["enum.mno", (t) => t.enums.mno()],
    ["enum.nudgeIntent", (t) => t.enums.nudgeIntent()],
    ["enum.operationStatus", (t) => t.enums.operationStatus()],
    ["enum.optionalAttributeNames", (t) => t.enums.optionalAttributeNames()],
    ["enum.sharingRejectionCategory", (t) => t.enums.sharingRejectionCategory()],
    ["enum.stockExchange", (t) => t.enums.stockExchange()],
    ["enum.suspensionRuleCategory", (t) => t.enums.suspensionRuleCategory()],
    ["enum.usecase", (t) => t.enums.usecase({ validSubUsecase: true })],
    ["enum.usState", (t) => t.enums.usState()],
    ["enum.vertical", (t) => t.enums.vertical()],
    ["enum.vettingClass", (t) => t.enums.vettingClass()],
    ["enum.vettingFeedbackCode", (t) => t.enums.vettingFeedbackCode()],
    ["enum.vettingStatus", (t) => t.enums.vettingStatus()],
    ["errorCode.list", (t) => t.errorCodes.list()],
    ["mno.deleteExcludedMno", (t) => t.mno.deleteExcludedMno(C, 10017, { explanation: "not needed" }), { campaignId: C, mnoId: 10017 }],
    ["mockCvToken.generate", (t) => t.mockCvToken.generate(B, { locale: "state" }), { brandId: B }],
    ["partnerCampaign.searchSharedByMeDeprecated", (t) => t.partnerCampaigns.searchSharedByMeDeprecated()],
    ["partnerCampaign.searchSharedByMe", (t) => t.partnerCampaigns.searchSharedByMe({ sharingStatus: ["PENDING"] })],
    ["partnerCampaign.searchSharedWithMeDeprecated", (t) => t.partnerCampaigns.searchSharedWithMeDeprecated()],
    ["partnerCampaign.searchSharedWithMe", (t) => t.partnerCampaigns.searchSharedWithMe({ sharingStartDate: "2026-01-01" })],
    ["partnerCampaign.get", (t) => t.partnerCampaigns.get(C), { campaignId: C }],
    ["partnerCampaign.getMnoMetadata", (t) => t.partnerCampaigns.getMnoMetadata(C), { campaignId: C }],
    ["partnerCampaign.getOperationStatus", (t) => t.partnerCampaigns.getOperationStatus(C), { campaignId: C }],
    ["partnerCampaign.getSharing", (t) => t.partnerCampaigns.getSharing(C), { campaignId: C }],
    ["partnerCampaign.declineSharing", (t) => t.partnerCampaigns.declineSharing(C, { explanation: "", rejectionCategory: ["OTHER"] }), { campaignId: C }],
    ["partnerCampaign.share", (t) => t.partnerCampaigns.share(C, "S999ZZZ"), { campaignId: C, upstreamCnpId: "S999ZZZ" }],
    ["platform.version", (t) => t.platform.version()],
    ["pft.getBrand", (t) => t.pft.getBrand()],
    ["reseller.search", (t) => t.resellers.search()],
    ["reseller.create", (t) => t.resellers.create({ companyName: "Acme", phone: "+15555555555", email: "a@acme.com" })],
    ["reseller.get", (t) => t.resellers.get("R123ABC"), { resellerId: "R123ABC" }],
    ["reseller.update", (t) => t.resellers.update("R123ABC", { companyName: "Acme", phone: "+15555555555", email: "a@acme.com" }), { resellerId: "R123ABC" }],
    ["reseller.delete", (t) => t.resellers.delete("R123ABC"), { resellerId: "R123ABC" }],
    ["tag.search", (t) => t.tags.search({ recordType: "BRAND" })],
    ["tag.assign", (t) => t.tags.assign({ name: "vip", recordType: "CAMPAIGN", recordId: C })],
    ["tag.delete", (t) => t.tags.delete("vip", "CAMPAIGN", C), { name: "vip", recordType: "CAMPAIGN", recordId: C }],
    ["settings.getProfile", (t) => t.settings.getProfile()],
    ["settings.updateProfile", (t) => t.settings.updateProfile({ email: "ops@abc.com" })],
    ["settings.getCnpMigration", (t) => t.settings.getCnpMigration()],
    ["settings.updateCnpMigration", (t) => t.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: false })],
    ["webhook.listEventCategories", (t) => t.webhooks.listEventCategories()],
    ["webhook.listEventTypes", (t) => t.webhooks.listEventTypes()],
    ["webhook.listSubscriptions", (t) => t.webhooks.listSubscriptions()],
    ["webhook.subscribe", (t) => t.webhooks.subscribe({ eventCategory: "BRAND", webhookEndpoint: "https://x.test/h" })],
    ["webhook.sendMock", (t) => t.webhooks.sendMock("CAMPAIGN_SHARE_ADD"), { eventType: "CAMPAIGN_SHARE_ADD" }],
    ["webhook.unsubscribe", (t) => t.webhooks.unsubscribe("VETTING"), { eventCategory: "VETTING" }],
  ];

  describe("every client function calls its own operation", () => {
    it("has one wiring case per operation", () => {
      expect(calls.map((c) => c[0]).sort()).toEqual([...operationIds].sort());
    });

    it.each(calls)("%s", async (opId, invoke, params) => {
      const seen: { method: string; url: URL }[] = [];
      const def = endpoints[opId];
      const fetchStub: typeof fetch = async (input, init) => {
        const method = init?.method ?? "GET";
        seen.push({ method, url: new URL(String(input)) });
        // Billable writes may read first (vetting snapshot): let those reads succeed.
        if (method === "GET" && def.method !== "GET") return new Response("[]", { status: 200 });
        return new Response(JSON.stringify([{ code: 501, description: "stop here" }]), { status: 400 });
      };
      const tcr = createTcrClient({ baseUrl: "http://tcr.test/v2", auth: { mode: "bearer", apiKey: "k" }, fetch: fetchStub });
      // The function's own tag must be this operation too (coverage is about the same mapping).
      expect([...coveredOperations(tcr).keys()]).toContain(opId);
      await invoke(tcr).catch(() => undefined);
      const first = seen.find((r) => def.method === "GET" || r.method !== "GET");
      expect(first, "no request was sent").toBeDefined();
      expect(first!.method).toBe(def.method);
      expect(first!.url.pathname).toBe(`/v2${buildPath(def.path, params)}`);
    });
  });
});
