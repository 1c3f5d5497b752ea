/**
 * Campaign compliance check: a pure, client-safe rule set run live in the builder (browser), again on
 * the server before the billable submit, and from the command line. See docs/compliance-rules.md.
 */
export type {
  CampaignField,
  CampaignLintBrand,
  CampaignLintFields,
  CampaignLintInput,
  Finding,
  RuleMeta,
  Severity,
} from "./types";
export { SAMPLE_FIELDS } from "./types";
export { AcknowledgementSchema, acknowledge, findingKey, matchAcknowledgements, withdraw } from "./acknowledge";
export type { Acknowledgement, AcknowledgementMatch } from "./acknowledge";
export { lintCampaign, hasBlockingFindings, rules, ruleById, SEVERITY_ORDER } from "./engine";
export { ConsentSchema, composeMessageFlow, consentFindings } from "../consent";
export type { Consent, ConsentDraft } from "../consent";
