// Plain-English lines for registry webhook event types (names as TCR spells them) and portal audit actions.
export const REGISTRY_EVENT_DESCRIPTIONS: Record<string, string> = {
  BRAND_ADD: "Brand registered with the registry",
  BRAND_DELETE: "Brand deleted at the registry",
  BRAND_UPDATE: "Brand details changed at the registry",
  BRAND_IDENTITY_STATUS_UPDATE: "Identity check finished; identity status changed",
  BRAND_SCORE_UPDATE: "Vetting score changed",
  BRAND_MOCK_OTP: "Test one-time passcode sent (mock brand)",
  BRAND_OTP_VERIFIED: "Sole proprietor confirmed the one-time passcode",
  BRAND_AUTHPLUS_VERIFICATION_COMPLETE: "Authentication+ verification finished",
  BRAND_ASSET: "Brand image or logo received",
  BRAND_ASSET_VERIFICATION_UPDATE: "Brand image or logo review changed",
  BRAND_INCONSISTENCIES: "The registry found inconsistencies in the brand's details",
  EVP_REPORT_SCORE: "Vetting report scored",
  EVP_REPORT_UNSCORE: "Vetting report came back without a score",
  EVP_REPORT_FAIL: "Vetting failed",
  EVP_REPORT_EXPIRE: "Vetting report expired",
  EVP_REPORT_IMPORT: "Vetting report imported",
  EVP_REPORT_UPDATE: "Vetting report updated",
  EVP_REPORT_EXPRESS_MAIL: "Vetting provider sent verification by express mail",
  CAMPAIGN_ADD: "Campaign registered for this brand",
  CAMPAIGN_EXPIRED: "A campaign of this brand expired",
  CAMPAIGN_RESUBMISSION: "A campaign of this brand was resubmitted",
  CAMPAIGN_BILLED: "A campaign of this brand was billed",
  CAMPAIGN_NUDGE: "A connectivity partner nudged about a campaign",
  CAMPAIGN_DCA_COMPLETE: "A connectivity partner finished its review of a campaign",
  CAMPAIGN_SHARE_ADD: "A campaign was shared with a connectivity partner",
  CAMPAIGN_SHARE_ACCEPT: "A connectivity partner accepted a campaign",
  CAMPAIGN_SHARE_DELETE: "A campaign share was withdrawn",
  MNO_CAMPAIGN_OPERATION_APPROVED: "A carrier approved a campaign",
  MNO_CAMPAIGN_OPERATION_REJECTED: "A carrier rejected a campaign",
  MNO_CAMPAIGN_OPERATION_REVIEW: "A carrier put a campaign under review",
  MNO_CAMPAIGN_OPERATION_SUSPENDED: "A carrier suspended a campaign",
  MNO_CAMPAIGN_OPERATION_UNSUSPENDED: "A carrier lifted a campaign suspension",
  MNO_COMPLAINT: "A carrier reported a complaint",
};

/** The same events read from the campaign's own page: "this campaign", not "a campaign of this brand". */
export const CAMPAIGN_EVENT_DESCRIPTIONS: Record<string, string> = {
  CAMPAIGN_ADD: "Campaign registered",
  CAMPAIGN_EXPIRED: "Campaign deactivated or expired",
  CAMPAIGN_RESUBMISSION: "Campaign resubmitted to carriers",
  CAMPAIGN_BILLED: "Campaign billed",
  CAMPAIGN_NUDGE: "A connectivity partner was nudged about this campaign",
  CAMPAIGN_DCA_COMPLETE: "The connectivity partner finished its review",
  CAMPAIGN_SHARE_ADD: "Shared with a connectivity partner",
  CAMPAIGN_SHARE_ACCEPT: "The connectivity partner accepted the campaign",
  CAMPAIGN_SHARE_DELETE: "Campaign share withdrawn",
  MNO_CAMPAIGN_OPERATION_APPROVED: "Carrier approved the campaign",
  MNO_CAMPAIGN_OPERATION_REJECTED: "Carrier rejected the campaign",
  MNO_CAMPAIGN_OPERATION_REVIEW: "Carrier put the campaign under review",
  MNO_CAMPAIGN_OPERATION_SUSPENDED: "Carrier suspended the campaign",
  MNO_CAMPAIGN_OPERATION_UNSUSPENDED: "Carrier lifted the suspension",
  MNO_COMPLAINT: "Carrier reported a complaint",
};

export function describeRegistryEvent(eventType: string, scope: "brand" | "campaign" = "brand"): string {
  if (scope === "campaign" && CAMPAIGN_EVENT_DESCRIPTIONS[eventType]) return CAMPAIGN_EVENT_DESCRIPTIONS[eventType];
  return REGISTRY_EVENT_DESCRIPTIONS[eventType] ?? "Registry notification";
}

export const AUDIT_ACTION_DESCRIPTIONS: Record<string, string> = {
  "brand.refresh": "Refreshed the brand from the registry",
  "brand.create": "Registered the brand",
  "brand.update": "Changed the brand's details",
  "brand.delete": "Deleted the brand",
  "brand.revet": "Asked the registry to check the brand's identity again",
  "brand.appeal": "Appealed the identity result",
  "brand.vetting.order": "Ordered external vetting",
  "brand.vetting.import": "Imported an existing vetting record",
  "brand.vetting.appeal": "Appealed a vetting result",
  "brand.vetting.refresh": "Refreshed the vetting records from the registry",
  "brand.otp.send": "Sent the SMS passcode to the sole proprietor",
  "brand.otp.verify": "Entered the SMS passcode",
  "brand.2fa.resend": "Resent the Authentication+ email to the business contact",
  "brand.asset.upload": "Uploaded a brand asset",
  "brand.asset.verify": "Submitted a brand asset for verification",
  "brand.asset.appeal": "Appealed a brand asset's verification",
  "brand.asset.delete": "Removed a brand asset",
  "brand.tag.assign": "Added a tag",
  "brand.tag.remove": "Removed a tag",
  "brand.liveStatus": "Checked the brand's status",
  "campaign.qualify": "Checked the use case's carrier qualification",
  "campaign.qualifyBrand": "Checked the brand's use-case qualification",
  "campaign.refresh": "Refreshed the campaign from the registry",
  "campaign.create": "Registered the campaign",
  "campaign.update": "Changed the campaign's details",
  "campaign.autoRenewal": "Changed auto-renewal",
  "campaign.deactivate": "Deactivated the campaign",
  "campaign.resubmit": "Resubmitted the campaign to carriers",
  "campaign.nudge": "Nudged the connectivity partner",
  "campaign.share": "Shared the campaign with a connectivity partner",
  "campaign.excludedMno.remove": "Asked to include an excluded carrier",
  "evidence.attach": "Sent a file to the registry",
};

/** Portal actions not listed read as their action name, so a new one is still shown, just less politely. */
export function describeAuditAction(action: string): string {
  return AUDIT_ACTION_DESCRIPTIONS[action] ?? action;
}
