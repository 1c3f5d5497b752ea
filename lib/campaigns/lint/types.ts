/**
 * Types of the campaign compliance check. Pure and client-safe: imported by the builder form
 * (live, in the browser), by the server before submit, and by the command-line linter.
 */
import type { MnoMetadataMap } from "@/lib/tcr/schemas/common";
import type { Consent } from "../consent";

export type Severity = "block" | "warn" | "info";
/** A rule's level for one use case: a severity, or "off" where the rule does not apply. */
export type Level = Severity | "off";

/**
 * How a rule's severity depends on the campaign (docs/compliance-rules.md shows it per use case).
 * A rule blocks only where a registry rule or a published carrier rejection cause is unambiguous for
 * that use case; elsewhere the same finding warns.
 */
export interface SeverityPolicy {
  /** Level for these use cases instead of the rule's default severity. */
  byUsecase?: Readonly<Record<string, Level>>;
  /**
   * Ceiling when every opt-in is consumer-initiated (the consumer texts first; no opt-in notice exists),
   * for the use cases whose messages can all be replies (policy.ts RESPONSIVE_USECASES).
   */
  consumerInitiated?: Level;
}

/** Campaign fields as the registry spells them (POST /campaignBuilder, tcr-api-part2.md §3.1). */
export type CampaignField =
  | "usecase" | "subUsecases" | "resellerId" | "description" | "messageFlow"
  | "sample1" | "sample2" | "sample3" | "sample4" | "sample5"
  | "helpMessage" | "optoutMessage" | "optinMessage"
  | "helpKeywords" | "optoutKeywords" | "optinKeywords"
  | "embeddedLink" | "embeddedLinkSample" | "embeddedPhone" | "numberPool" | "ageGated"
  | "directLending" | "affiliateMarketing" | "termsAndConditions"
  | "subscriberOptin" | "subscriberOptout" | "subscriberHelp"
  | "privacyPolicyLink" | "termsAndConditionsLink" | "referenceId" | "autoRenewal" | "mnoIds";

export const SAMPLE_FIELDS = ["sample1", "sample2", "sample3", "sample4", "sample5"] as const;
export type SampleField = (typeof SAMPLE_FIELDS)[number];

/** Campaign fields as typed so far: everything optional, strings may be empty, null from the registry. */
export interface CampaignLintFields {
  usecase?: string | null;
  subUsecases?: readonly string[] | null;
  resellerId?: string | null;
  description?: string | null;
  messageFlow?: string | null;
  sample1?: string | null;
  sample2?: string | null;
  sample3?: string | null;
  sample4?: string | null;
  sample5?: string | null;
  helpMessage?: string | null;
  optoutMessage?: string | null;
  optinMessage?: string | null;
  helpKeywords?: string | null;
  optoutKeywords?: string | null;
  optinKeywords?: string | null;
  embeddedLink?: boolean | null;
  embeddedLinkSample?: string | null;
  embeddedPhone?: boolean | null;
  numberPool?: boolean | null;
  ageGated?: boolean | null;
  directLending?: boolean | null;
  /** Not a registry create field; declared in the portal (and on some providers' forms). */
  affiliateMarketing?: boolean | null;
  termsAndConditions?: boolean | null;
  subscriberOptin?: boolean | null;
  subscriberOptout?: boolean | null;
  subscriberHelp?: boolean | null;
  privacyPolicyLink?: string | null;
  termsAndConditionsLink?: string | null;
  referenceId?: string | null;
  autoRenewal?: boolean | null;
  /** Carriers the campaign is submitted to; omitted = all carriers in `mno`. */
  mnoIds?: readonly (number | string)[] | null;
}

export interface CampaignLintBrand {
  displayName?: string | null;
  companyName?: string | null;
  entityType?: string | null;
  website?: string | null;
}

export interface CampaignLintInput {
  brand: CampaignLintBrand;
  campaign: CampaignLintFields;
  /** Per-carrier metadata (keyed by MNO network id) from qualification / campaign builder; optional. */
  mno?: MnoMetadataMap | null;
  /** Sub-use-case bounds of the chosen use case (qualification response or enum descriptor). */
  usecaseLimits?: { minSubUsecases?: number | null; maxSubUsecases?: number | null } | null;
  /** Structured consent, when the message flow was built with the consent builder. */
  consent?: Consent | null;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  fields: CampaignField[];
  message: string;
  source: string;
  /** Specifics of this occurrence, e.g. "sample2: bit.ly/x". */
  detail?: string;
}

/** A rule's static description (for the docs page and for the doc/code consistency test). */
export interface RuleMeta {
  id: string;
  severity: Severity;
  fields: CampaignField[];
  /** Short title for lists. */
  title: string;
  /** How to fix it. */
  message: string;
  /** Registry rule, published carrier rejection cause (code), or provider rule, with reference. */
  source: string;
  /** Where the severity differs from `severity` (the default). */
  policy?: SeverityPolicy;
}

/** One occurrence a rule reports: detail plus optional narrower fields / message / severity. */
export interface Hit {
  detail?: string;
  fields?: CampaignField[];
  message?: string;
  /** A milder severity for this occurrence (e.g. a weaker keyword); never raises the rule's level. */
  severity?: Severity;
}

export interface Rule extends RuleMeta {
  check(ctx: LintContext): Hit[];
}

/** Precomputed, normalized view of the input shared by all rules. */
export interface LintContext {
  input: CampaignLintInput;
  c: CampaignLintFields;
  brand: CampaignLintBrand;
  /** Non-empty samples in order, with their field name. */
  samples: { field: SampleField; text: string }[];
  usecase: string;
  subUsecases: string[];
  /** Brand names to look for in messages (display name, company name, cores without suffixes). */
  brandNames: string[];
  /** Metadata of the carriers the campaign goes to (filtered by campaign.mnoIds). */
  mno: MnoMetadataMap;
  /** Every opt-in is consumer-initiated (structured consent, or recognised in the free-text flow). */
  consumerInitiated: boolean;
}
