/**
 * Webhook event catalogue served by GET /webhook/eventType and used to route events to the
 * subscription of their category. Names come from the reference and anchors-mission §5.8;
 * descriptions are the simulator's own wording.
 */
export interface EventTypeInfo {
  eventType: string;
  eventCategory: string;
  description: string;
}

/** Categories one can subscribe to (PUT /webhook/subscription enum). */
export const SUBSCRIBABLE_CATEGORIES = ["BRAND", "CSP", "CAMPAIGN", "INCIDENCE", "VETTING"] as const;

/** The 15-value enum of DELETE /webhook/subscription/{eventCategory}. */
export const ALL_EVENT_CATEGORIES = [
  "API_ACCOUNT", "BRAND", "CSP", "CAMPAIGN", "INCIDENCE", "DCA", "CONNECTION", "TRAFFIC", "ROUTING",
  "VETTING", "RESELLER", "ISSUE", "SUSPENSION_RULE", "VENDOR", "OTHER",
] as const;

const t = (eventCategory: string, eventType: string, description: string): EventTypeInfo => ({ eventType, eventCategory, description });

export const EVENT_TYPES: EventTypeInfo[] = [
  t("BRAND", "BRAND_ADD", "A brand was registered"),
  t("BRAND", "BRAND_DELETE", "A brand was deleted"),
  t("BRAND", "BRAND_IDENTITY_STATUS_UPDATE", "Brand identity scoring finished (registration, revet, appeal, update)"),
  t("BRAND", "BRAND_MOCK_OTP", "OTP PIN of a mock sole proprietor brand (payload carries otpPin)"),
  t("BRAND", "BRAND_OTP_VERIFIED", "Sole proprietor OTP PIN verified"),
  t("BRAND", "BRAND_SCORE_UPDATE", "Brand vetting score changed"),
  t("BRAND", "BRAND_AUTHPLUS_VERIFICATION_COMPLETE", "Authentication+ 2FA completed by the business contact"),
  t("BRAND", "BRAND_ASSET_VERIFICATION_UPDATE", "A brand asset verification or appeal was decided (simulator-defined event)"),
  t("CAMPAIGN", "CAMPAIGN_ADD", "A campaign was created"),
  t("CAMPAIGN", "CAMPAIGN_BILLED", "A campaign was billed"),
  t("CAMPAIGN", "CAMPAIGN_DCA_COMPLETE", "All associated DCAs have accepted the campaign"),
  t("CAMPAIGN", "CAMPAIGN_EXPIRED", "A campaign expired"),
  t("CAMPAIGN", "CAMPAIGN_NUDGE", "A nudge was sent for the campaign"),
  t("CAMPAIGN", "CAMPAIGN_RESUBMISSION", "A campaign was resubmitted"),
  t("CAMPAIGN", "CAMPAIGN_SHARE_ACCEPT", "A campaign share was accepted"),
  t("CAMPAIGN", "CAMPAIGN_SHARE_ADD", "A campaign was shared"),
  t("CAMPAIGN", "CAMPAIGN_SHARE_DELETE", "A campaign share was declined or removed"),
  t("CAMPAIGN", "CAMPAIGN_DCA2_SHARE_ADD", "A campaign was shared to a secondary DCA"),
  t("CAMPAIGN", "CAMPAIGN_DCA2_SHARE_ACCEPT", "A secondary DCA accepted the campaign"),
  t("CAMPAIGN", "CAMPAIGN_DCA2_SHARE_DELETE", "A secondary DCA share was removed"),
  t("CAMPAIGN", "MNO_CAMPAIGN_OPERATION_APPROVED", "An MNO approved the campaign"),
  t("CAMPAIGN", "MNO_CAMPAIGN_OPERATION_REJECTED", "An MNO rejected the campaign"),
  t("CAMPAIGN", "MNO_CAMPAIGN_OPERATION_REVIEW", "An MNO put the campaign under review"),
  t("CAMPAIGN", "MNO_CAMPAIGN_OPERATION_SUSPENDED", "An MNO suspended the campaign"),
  t("CAMPAIGN", "MNO_CAMPAIGN_OPERATION_UNSUSPENDED", "An MNO lifted a suspension"),
  t("CAMPAIGN", "CNP_MIGRATION_COMPLETE", "A CNP migration completed"),
  t("CAMPAIGN", "CNP_MIGRATION_CANCEL", "A CNP migration was cancelled"),
  t("CAMPAIGN", "CNP_MIGRATION_PORT_OUT", "The campaign migrated away from this partner"),
  t("CAMPAIGN", "MNO_RECEIVED_BRAND_UPDATE", "MNOs received a brand update"),
  t("VETTING", "EVP_REPORT_EXPIRE", "A vetting report expired"),
  t("VETTING", "EVP_REPORT_EXPRESS_MAIL", "A political vetting PIN was sent by express mail"),
  t("VETTING", "EVP_REPORT_FAIL", "A vetting order failed"),
  t("VETTING", "EVP_REPORT_IMPORT", "A vetting record was imported"),
  t("VETTING", "EVP_REPORT_SCORE", "A vetting order was scored"),
  t("VETTING", "EVP_REPORT_UNSCORE", "A vetting order is under review"),
  t("VETTING", "EVP_REPORT_UPDATE", "A vetting record changed (e.g. after an appeal)"),
  t("CSP", "CSP_ACTIVE", "The CSP account is active"),
  t("CSP", "CSP_APPROVE", "The CSP account was approved"),
  t("CSP", "CSP_SUSPEND", "The CSP account was suspended"),
  t("INCIDENCE", "MNO_COMPLAINT", "An MNO filed a complaint"),
];

export const EVENT_CATEGORY_OF: Record<string, string> = Object.fromEntries(EVENT_TYPES.map((e) => [e.eventType, e.eventCategory]));
