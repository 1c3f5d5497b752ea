/**
 * The single table of every TCR CSP API 7.8.0 operation this portal can call (29 from
 * tcr-api-part1.md §1 + 87 from tcr-api-part2.md §1 = 116).
 *
 * Paths are relative to a base URL that ends in /v2. Most paths are not printed in the reference
 * (it is a Redoc dump without method/path lines); `provenance` follows the spec's legend:
 *   "stated"       – the path appears literally in the reference;
 *   "corroborated" – inferred, but matches public TCR material;
 *   "guess"        – inferred, uncorroborated. Correct it HERE; nothing else hard-codes a path.
 */

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE";
export type Provenance = "stated" | "corroborated" | "guess";
export type RateKind = "read" | "write";
/** How the request body is encoded (absent = no body). */
export type BodyEncoding = "json" | "multipart" | "form";
/** How the success body is read. */
export type ResponseEncoding = "json" | "text" | "binary";

export interface OperationDef {
  readonly method: HttpMethod;
  readonly path: string;
  readonly provenance: Provenance;
  readonly billable: boolean;
  readonly kind: RateKind;
  readonly description: string;
  readonly body?: BodyEncoding;
  readonly response?: ResponseEncoding;
  /** Largest recordsPerPage the operation accepts (paginated operations only). */
  readonly maxPerPage?: number;
}

const r = (path: string, provenance: Provenance, description: string, extra: Partial<OperationDef> = {}): OperationDef => ({
  method: "GET", path, provenance, billable: false, kind: "read", description, ...extra,
});
const w = (method: Exclude<HttpMethod, "GET">, path: string, provenance: Provenance, description: string, extra: Partial<OperationDef> = {}): OperationDef => ({
  method, path, provenance, billable: false, kind: "write", description, ...extra,
});

export const endpoints = {
  // ── Attachment (part 1 §2) ──────────────────────────────────────────────
  "attachment.download": r("/attachment/{attachmentId}", "guess", "Download a file attached to a campaign or brand appeal", { response: "binary" }),
  "attachment.delete": w("DELETE", "/attachment/{attachmentId}", "guess", "Delete a file attached to a campaign or brand appeal"),

  // ── Brand (part 1 §3) ───────────────────────────────────────────────────
  "brand.search": r("/brand", "corroborated", "Search for registered brands", { maxPerPage: 500 }),
  "brand.getFeedback": r("/brand/feedback/{brandId}", "corroborated", "Retrieve brand identity feedback details"),
  "brand.create": w("POST", "/brand/nonBlocking", "corroborated", "Register a new brand (non-blocking)", { body: "json", billable: true }),
  "brand.getSmsOtpStatus": r("/brand/smsOtp/{referenceId}", "corroborated", "Get the SMS OTP status by OTP referenceId"),
  "brand.get": r("/brand/{brandId}", "stated", "Retrieve an existing brand record"),
  "brand.update": w("PUT", "/brand/{brandId}", "corroborated", "Update an existing brand's properties", { body: "json" }),
  "brand.delete": w("DELETE", "/brand/{brandId}", "corroborated", "Delete (soft) a brand record"),
  "brand.resend2faEmail": w("POST", "/brand/{brandId}/2faEmail", "corroborated", "Resend the Auth+/RCS 2FA email for a non-SOLE_PROPRIETOR brand"),
  "brand.listAppeals": r("/brand/{brandId}/appeal", "corroborated", "List identity status appeals"),
  "brand.appeal": w("POST", "/brand/{brandId}/appeal", "corroborated", "Appeal a brand's identity status", { body: "json" }),
  "brand.listAppealEvidence": r("/brand/{brandId}/appeal/evidence", "guess", "List appeal evidence files of a brand"),
  "brand.uploadAppealEvidence": w("POST", "/brand/{brandId}/appeal/evidence", "guess", "Add an evidence file for brand appeals", { body: "multipart" }),
  "brand.listExternalVetting": r("/brand/{brandId}/externalVetting", "corroborated", "List external vetting records"),
  "brand.importExternalVetting": w("PUT", "/brand/{brandId}/externalVetting", "corroborated", "Import an external vetting record", { body: "json" }),
  "brand.orderExternalVetting": w("POST", "/brand/{brandId}/externalVetting", "corroborated", "Order a new external vet", { body: "json", billable: true }),
  "brand.listExternalVettingAppeals": r("/brand/{brandId}/externalVetting/appeal", "guess", "List external vetting appeals"),
  "brand.appealExternalVetting": w("POST", "/brand/{brandId}/externalVetting/appeal", "guess", "Appeal an external vet", { body: "json" }),
  "brand.listEnhancedVettingReports": r("/brand/{brandId}/externalVetting/enhancedReport", "guess", "List enhanced vetting reports"),
  "brand.revet": w("PUT", "/brand/{brandId}/revet", "stated", "Submit a revet (re-run identity verification)"),
  "brand.verifySmsOtp": w("PUT", "/brand/{brandId}/smsOtp", "corroborated", "Verify an OTP PIN (SOLE_PROPRIETOR only)", { body: "json" }),
  "brand.triggerSmsOtp": w("POST", "/brand/{brandId}/smsOtp", "corroborated", "Trigger an OTP message (SOLE_PROPRIETOR only)", { body: "json" }),

  // ── Brand Asset (part 1 §4) ─────────────────────────────────────────────
  "brandAsset.list": r("/brand/{brandId}/asset", "guess", "Retrieve a list of brand assets"),
  "brandAsset.upload": w("POST", "/brand/{brandId}/asset", "guess", "Upload a new brand asset (LOGO/BANNER)", { body: "multipart" }),
  "brandAsset.delete": w("DELETE", "/brand/{brandId}/asset/{name}", "guess", "Remove an existing brand asset"),
  "brandAsset.listAppeals": r("/brand/{brandId}/asset/{name}/appeal", "guess", "List verification appeals for an asset"),
  "brandAsset.appeal": w("POST", "/brand/{brandId}/asset/{name}/appeal", "guess", "Appeal a brand asset verification", { body: "json" }),
  // The reference gives neither method nor path; PUT chosen (spec: "PUT or POST").
  "brandAsset.verify": w("PUT", "/brand/{brandId}/asset/{name}/verify", "guess", "Submit a brand asset for verification"),

  // ── Campaign (part 2 §2) ────────────────────────────────────────────────
  "campaign.searchDeprecated": r("/campaign", "corroborated", "Deprecated: search campaigns (real and mock)", { maxPerPage: 500 }),
  "campaign.searchMock": r("/campaign/mock", "stated", "Search mock campaigns", { maxPerPage: 50 }),
  "campaign.search": r("/campaign/search", "stated", "Search (non-mock) campaigns", { maxPerPage: 50 }),
  "campaign.get": r("/campaign/{campaignId}", "corroborated", "Retrieve an existing campaign record"),
  "campaign.update": w("PUT", "/campaign/{campaignId}", "corroborated", "Update a campaign's properties", { body: "json" }),
  "campaign.deactivate": w("DELETE", "/campaign/{campaignId}", "corroborated", "Deactivate a campaign (irreversible, idempotent)"),
  "campaign.listExcludedMnos": r("/campaign/{campaignId}/excludedMno", "guess", "List MNOs excluded from a campaign"),
  "campaign.listMmsMedia": r("/campaign/{campaignId}/mms", "stated", "List MMS sample media files"),
  // Path stated; POST inferred from the multipart upload.
  "campaign.uploadMmsMedia": w("POST", "/campaign/{campaignId}/mms", "corroborated", "Add an MMS sample media file", { body: "multipart" }),
  "campaign.listElectedDcaMnoIds": r("/campaign/{campaignId}/mnoIds/electedDca", "guess", "List MNO IDs where a DCA has been elected"),
  "campaign.getMnoMetadata": r("/campaign/{campaignId}/mnoMetadata", "corroborated", "Get a campaign's metadata from all submitted MNOs"),
  "campaign.nudge": w("POST", "/campaign/{campaignId}/nudge", "guess", "Nudge a CNP to act on a campaign", { body: "json" }),
  "campaign.getOperationStatus": r("/campaign/{campaignId}/operationStatus", "stated", "Get a campaign's status on all submitted MNOs"),
  "campaign.getOsrAttributes": r("/campaign/{campaignId}/osr/attributes", "corroborated", "Get campaign attributes sent to nnSR"),
  "campaign.listPhoneNumbers": r("/campaign/{campaignId}/phoneNumbers", "guess", "Get phone numbers provisioned to a campaign", { maxPerPage: 500 }),
  "campaign.resubmit": w("PUT", "/campaign/{campaignId}/resubmit", "stated", "Resubmit a campaign to specified MNO IDs", { body: "json", billable: true }),
  "campaign.getSharing": r("/campaign/{campaignId}/sharing", "corroborated", "Get a campaign's sharing status"),
  "campaign.share": w("PUT", "/campaign/{campaignId}/sharing/{upstreamCnpId}", "corroborated", "Share a campaign to an upstream connectivity partner"),
  "campaign.listSupportingDocuments": r("/campaign/{campaignId}/supportingDocument", "guess", "List supporting documents"),
  "campaign.uploadSupportingDocument": w("POST", "/campaign/{campaignId}/supportingDocument", "guess", "Add a supporting document", { body: "multipart" }),

  // ── Campaign Builder (part 2 §3) ────────────────────────────────────────
  "campaignBuilder.create": w("POST", "/campaignBuilder", "corroborated", "Create a new campaign for a brand (charges the registration fee)", { body: "json", billable: true }),
  "campaignBuilder.qualifyBrand": r("/campaignBuilder/brand/{brandId}", "corroborated", "Check a brand's qualification for all use cases"),
  "campaignBuilder.qualifyBrandUsecase": r("/campaignBuilder/brand/{brandId}/usecase/{usecase}", "corroborated", "Check a brand's qualification for one use case"),
  "campaignBuilder.getTermsAndConditions": r("/campaignBuilder/termsAndConditions", "corroborated", "Get the campaign builder's Terms and Conditions"),

  // ── CNP Migration (part 2 §4) ───────────────────────────────────────────
  "cnpMigration.get": r("/campaign/{campaignId}/migrateCnp", "corroborated", "Get a campaign's most recent CNP migration"),
  "cnpMigration.cancel": w("DELETE", "/campaign/{campaignId}/migrateCnp", "corroborated", "Cancel a CNP migration (initiator only)"),
  "cnpMigration.initiate": w("POST", "/campaign/{campaignId}/migrateCnp/{upstreamCnpId}", "corroborated", "Initiate a CNP migration on a campaign"),

  // ── Enum (part 2 §5) ────────────────────────────────────────────────────
  "enum.altBusinessIdType": r("/enum/altBusinessIdType", "corroborated", "List alternative business ID types"),
  "enum.approvedPublicCompany": r("/enum/approvedPublicCompany", "corroborated", "List approved public companies", { maxPerPage: 500 }),
  "enum.assetAppealCategory": r("/enum/assetAppealCategory", "guess", "List brand asset appeal categories"),
  "enum.brandAppealCategory": r("/enum/brandAppealCategory", "guess", "List brand appeal categories"),
  "enum.brandIdentityStatus": r("/enum/brandIdentityStatus", "corroborated", "List brand identity statuses"),
  "enum.brandRelationship": r("/enum/brandRelationship", "corroborated", "List brand relationship types"),
  "enum.brandStatus": r("/enum/brandStatus", "corroborated", "List brand statuses"),
  "enum.campaignStatus": r("/enum/campaignStatus", "corroborated", "List campaign status types"),
  "enum.cnp": r("/enum/cnp", "corroborated", "List connectivity partners"),
  "enum.country": r("/enum/country", "guess", "List countries"),
  "enum.dca": r("/enum/dca", "corroborated", "List DCAs"),
  "enum.entityType": r("/enum/entityType", "corroborated", "List entity types"),
  "enum.extVettingAppealCategory": r("/enum/extVettingAppealCategory", "guess", "List external vetting appeal categories"),
  "enum.extVettingProvider": r("/enum/extVettingProvider", "stated", "List external vetting providers"),
  "enum.mno": r("/enum/mno", "corroborated", "List MNOs"),
  "enum.nudgeIntent": r("/enum/nudgeIntent", "stated", "List campaign nudge intents"),
  "enum.operationStatus": r("/enum/operationStatus", "corroborated", "List MNO campaign operation statuses"),
  "enum.optionalAttributeNames": r("/enum/optionalAttributeNames", "corroborated", "List brand optionalAttributes names"),
  "enum.sharingRejectionCategory": r("/enum/sharingRejectionCategory", "guess", "List campaign sharing rejection categories"),
  "enum.stockExchange": r("/enum/stockExchange", "corroborated", "List stock exchanges"),
  "enum.suspensionRuleCategory": r("/enum/suspensionRuleCategory", "guess", "List MNO brand suspension rule categories"),
  "enum.usecase": r("/enum/usecase", "corroborated", "List use case types"),
  "enum.usState": r("/enum/usState", "guess", "List US states and territories"),
  "enum.vertical": r("/enum/vertical", "corroborated", "List vertical types"),
  "enum.vettingClass": r("/enum/vettingClass", "corroborated", "List vetting classes"),
  "enum.vettingFeedbackCode": r("/enum/vettingFeedbackCode", "guess", "List vetting feedback codes"),
  "enum.vettingStatus": r("/enum/vettingStatus", "corroborated", "List vetting status types"),

  // ── Error Code, MNO Operation, Mock CV Token (part 2 §6–8) ──────────────
  "errorCode.list": r("/error", "corroborated", "List all TCR error codes"),
  "mno.deleteExcludedMno": w("DELETE", "/campaign/{campaignId}/excludedMno/{mnoId}", "guess", "Delete an excluded MNO from a campaign", { body: "json" }),
  "mockCvToken.generate": w("POST", "/brand/{brandId}/externalVetting/mockCvToken", "stated", "Generate a mock Campaign Verify token (non-production)", { body: "form", response: "text" }),

  // ── Partner Campaign (part 2 §9) ────────────────────────────────────────
  "partnerCampaign.searchSharedByMeDeprecated": r("/partnerCampaign/sharedByMe", "corroborated", "Deprecated: campaigns shared by me upstream", { maxPerPage: 500 }),
  "partnerCampaign.searchSharedByMe": r("/partnerCampaign/sharedByMe/search", "stated", "Search campaigns shared by me upstream", { maxPerPage: 50 }),
  "partnerCampaign.searchSharedWithMeDeprecated": r("/partnerCampaign/sharedWithMe", "corroborated", "Deprecated: campaigns shared with me", { maxPerPage: 500 }),
  "partnerCampaign.searchSharedWithMe": r("/partnerCampaign/sharedWithMe/search", "stated", "Search campaigns shared with me by downstream partners", { maxPerPage: 50 }),
  "partnerCampaign.get": r("/partnerCampaign/{campaignId}", "corroborated", "Get a shared partner campaign's details"),
  "partnerCampaign.getMnoMetadata": r("/partnerCampaign/{campaignId}/mnoMetadata", "corroborated", "Get MNO metadata of a shared campaign"),
  "partnerCampaign.getOperationStatus": r("/partnerCampaign/{campaignId}/operationStatus", "corroborated", "Get a shared campaign's MNO operation status"),
  "partnerCampaign.getSharing": r("/partnerCampaign/{campaignId}/sharing", "corroborated", "Get the sharing status of a partner campaign"),
  "partnerCampaign.declineSharing": w("DELETE", "/partnerCampaign/{campaignId}/sharing", "corroborated", "Decline a campaign sharing request"),
  "partnerCampaign.share": w("PUT", "/partnerCampaign/{campaignId}/sharing/{upstreamCnpId}", "corroborated", "Share (accept and elect) a partner campaign upstream"),

  // ── Platform, PFT (part 2 §10–11) ───────────────────────────────────────
  "platform.version": r("/version", "corroborated", "Return the API version", { response: "text" }),
  "pft.getBrand": r("/pft/brand", "corroborated", "Retrieve the Platform Free Trial brand"),

  // ── Reseller (part 2 §12) ───────────────────────────────────────────────
  "reseller.search": r("/reseller", "corroborated", "Search resellers", { maxPerPage: 500 }),
  "reseller.create": w("POST", "/reseller", "corroborated", "Create a reseller", { body: "json" }),
  "reseller.get": r("/reseller/{resellerId}", "corroborated", "Get a reseller"),
  "reseller.update": w("PUT", "/reseller/{resellerId}", "corroborated", "Update a reseller", { body: "json" }),
  "reseller.delete": w("DELETE", "/reseller/{resellerId}", "corroborated", "Delete a reseller"),

  // ── Tag (part 2 §13) ────────────────────────────────────────────────────
  "tag.search": r("/tag", "corroborated", "List tags on the account", { maxPerPage: 500 }),
  "tag.assign": w("PUT", "/tag", "corroborated", "Assign a tag to a brand or campaign", { body: "json" }),
  "tag.delete": w("DELETE", "/tag/name/{name}/recordType/{recordType}/recordId/{recordId}", "corroborated", "Delete a tag from a brand or campaign"),

  // ── Settings (part 2 §14) ───────────────────────────────────────────────
  "settings.getProfile": r("/csp/profile", "corroborated", "Get the current account's profile"),
  "settings.updateProfile": w("PUT", "/csp/profile", "guess", "Update the current account's contact emails", { body: "json" }),
  "settings.getCnpMigration": r("/settings/cnpMigration", "corroborated", "Get CNP migration settings"),
  "settings.updateCnpMigration": w("PUT", "/settings/cnpMigration", "corroborated", "Update CNP migration settings", { body: "json" }),

  // ── Webhook (part 2 §15) ────────────────────────────────────────────────
  "webhook.listEventCategories": r("/webhook/eventCategory", "stated", "List event categories"),
  "webhook.listEventTypes": r("/webhook/eventType", "corroborated", "List event types"),
  "webhook.listSubscriptions": r("/webhook/subscription", "corroborated", "List webhook subscriptions"),
  "webhook.subscribe": w("PUT", "/webhook/subscription", "stated", "Subscribe an endpoint to an event category", { body: "json" }),
  // A GET that makes TCR send an outbound POST: side effect, but no registry state change → read budget.
  "webhook.sendMock": r("/webhook/subscription/eventType/{eventType}/mock", "corroborated", "Send a mock webhook to your endpoint"),
  "webhook.unsubscribe": w("DELETE", "/webhook/subscription/{eventCategory}", "corroborated", "Unsubscribe from an event category"),
} as const satisfies Record<string, OperationDef>;

export type OperationId = keyof typeof endpoints;
export const operationIds = Object.keys(endpoints) as OperationId[];

export function getOperation(id: OperationId): OperationDef {
  return endpoints[id];
}

/** Fill a path template; every value is URL-encoded (tag names, evidence uuids may contain "/"). */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined || v === "") throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(v));
  });
}
