/**
 * SIMULATOR-DEFINED use-case catalogue (the reference gives no list, fees, sub-use-case bounds or
 * per-MNO rules). One table so it can be corrected in one edit. `requires` names the brand
 * qualification rule applied by domain/qualification.ts.
 */
export type UsecaseRequirement =
  | "VERIFIED" // identity VERIFIED or VETTED_VERIFIED
  | "VETTED" // an ACTIVE STANDARD or ENHANCED external vet (identity VETTED_VERIFIED)
  | "POLITICAL_VET" // an ACTIVE POLITICAL vet
  | "TAX_EXEMPT" // NON_PROFIT with optionalAttributes.taxExemptStatus
  | "GOVERNMENT" // GOVERNMENT with optionalAttributes.governmentEntity, or a vetted NON_PROFIT
  | "SOLE_PROPRIETOR" // SP brand with OTP verified
  | "UCAAS" // account ucaasEnabled and vetted
  | "PFT"; // only the Platform Free Trial brand

export interface UsecaseDef {
  usecase: string;
  displayName: string;
  description: string;
  classification: "STANDARD" | "SPECIAL";
  minSubUsecases: number;
  maxSubUsecases: number;
  /** Can appear as a sub-use case of MIXED / LOW_VOLUME. */
  validSubUsecase: boolean;
  monthlyFee: number;
  /** AT&T "Mixed/Marketing" class column (B/D/F) rather than "Dedicated" (A/C/E). */
  attMixed: boolean;
  minMsgSamples: number;
  requires: UsecaseRequirement;
  /** MNOs that do not support the use case (mnoSupport=false). */
  unsupportedMnos: number[];
  /** MNOs that review the use case manually (mnoReview=true). */
  reviewMnos: number[];
  noEmbeddedLink: boolean;
  noEmbeddedPhone: boolean;
}

const ATT = 10017;
const TMO = 10035;
const USC = 10037;
const VZW = 10038;
const REVIEW_ALL = [ATT, TMO, VZW];

function u(
  usecase: string,
  displayName: string,
  classification: "STANDARD" | "SPECIAL",
  monthlyFee: number,
  requires: UsecaseRequirement,
  extra: Partial<UsecaseDef> = {},
): UsecaseDef {
  return {
    usecase,
    displayName,
    description: displayName,
    classification,
    minSubUsecases: 0,
    maxSubUsecases: 0,
    validSubUsecase: false,
    monthlyFee,
    attMixed: false,
    minMsgSamples: 1,
    requires,
    unsupportedMnos: [],
    reviewMnos: classification === "SPECIAL" ? REVIEW_ALL : [],
    noEmbeddedLink: false,
    noEmbeddedPhone: false,
    ...extra,
  };
}

export const USECASES: UsecaseDef[] = [
  u("2FA", "2FA", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("ACCOUNT_NOTIFICATION", "Account Notification", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("AGENTS_FRANCHISES", "Agents and Franchises", "SPECIAL", 30, "VETTED", { minMsgSamples: 2 }),
  u("CARRIER_EXEMPT", "Carrier Exemptions", "SPECIAL", 10, "VETTED", { unsupportedMnos: [TMO, USC, VZW] }),
  u("CHARITY", "Charity", "SPECIAL", 5, "TAX_EXEMPT", { minMsgSamples: 2, reviewMnos: [] }),
  u("CUSTOMER_CARE", "Customer Care", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("DELIVERY_NOTIFICATION", "Delivery Notification", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("EMERGENCY", "Emergency", "SPECIAL", 5, "GOVERNMENT", { reviewMnos: [TMO] }),
  u("FRAUD_ALERT", "Fraud Alert Messaging", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("HIGHER_EDUCATION", "Higher Education", "STANDARD", 10, "VERIFIED", { validSubUsecase: true, attMixed: true }),
  u("K12_EDUCATION", "K-12 Education", "SPECIAL", 10, "VETTED", { attMixed: true }),
  u("LOW_VOLUME", "Low Volume Mixed", "STANDARD", 1.5, "VERIFIED", { minSubUsecases: 1, maxSubUsecases: 5, attMixed: true }),
  u("M2M", "Machine to Machine", "SPECIAL", 10, "VETTED", { unsupportedMnos: [USC] }),
  u("MARKETING", "Marketing", "STANDARD", 10, "VERIFIED", { validSubUsecase: true, attMixed: true, minMsgSamples: 2 }),
  u("MIXED", "Mixed", "STANDARD", 10, "VERIFIED", { minSubUsecases: 2, maxSubUsecases: 5, attMixed: true, minMsgSamples: 2 }),
  u("POLITICAL", "Political", "SPECIAL", 10, "POLITICAL_VET", { attMixed: true, minMsgSamples: 2, reviewMnos: [] }),
  u("POLLING_VOTING", "Polling and voting", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("PROXY", "Proxy", "SPECIAL", 10, "VETTED", { noEmbeddedLink: true, noEmbeddedPhone: true }),
  u("PUBLIC_SERVICE_ANNOUNCEMENT", "Public Service Announcement", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("SECURITY_ALERT", "Security Alert", "STANDARD", 10, "VERIFIED", { validSubUsecase: true }),
  u("SOCIAL", "Social", "SPECIAL", 10, "VETTED", { attMixed: true, minMsgSamples: 2 }),
  u("SOLE_PROPRIETOR", "Sole Proprietor", "STANDARD", 2, "SOLE_PROPRIETOR", { attMixed: true, minMsgSamples: 1, noEmbeddedPhone: false }),
  u("SWEEPSTAKE", "Sweepstake", "SPECIAL", 10, "VETTED", { attMixed: true, minMsgSamples: 2, unsupportedMnos: [USC] }),
  u("TRIAL", "Platform Free Trial", "SPECIAL", 0, "PFT", { reviewMnos: [], noEmbeddedLink: true, noEmbeddedPhone: true }),
  u("UCAAS_HIGH", "UCaaS High Volume", "SPECIAL", 10, "UCAAS", { attMixed: true }),
  u("UCAAS_LOW", "UCaaS Low Volume", "SPECIAL", 10, "UCAAS", { attMixed: true }),
];

export const USECASE_BY_NAME: Record<string, UsecaseDef> = Object.fromEntries(USECASES.map((x) => [x.usecase, x]));
