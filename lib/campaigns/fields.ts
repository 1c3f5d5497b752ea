/** The campaign object's fields (tcr-api-part2.md §2.0) in readable groups for the detail page. Client-safe. */
export type FieldGroup = { id: string; title: string; fields: { key: string; label: string; value: unknown }[] };

const GROUPS: { id: string; title: string; keys: [string, string][] }[] = [
  {
    id: "purpose", title: "Purpose",
    keys: [["usecase", "Use case"], ["subUsecases", "Sub-use cases"], ["vertical", "Vertical"], ["description", "Description"], ["messageFlow", "Message flow (opt-in)"]],
  },
  { id: "samples", title: "Sample messages", keys: [["sample1", "Sample 1"], ["sample2", "Sample 2"], ["sample3", "Sample 3"], ["sample4", "Sample 4"], ["sample5", "Sample 5"]] },
  {
    id: "keywords", title: "Opt-in, opt-out and help",
    keys: [
      ["subscriberOptin", "Opt-in required"], ["optinKeywords", "Opt-in keywords"], ["optinMessage", "Opt-in confirmation"],
      ["subscriberOptout", "Opt-out supported"], ["optoutKeywords", "Opt-out keywords"], ["optoutMessage", "Opt-out confirmation"],
      ["subscriberHelp", "Help supported"], ["helpKeywords", "Help keywords"], ["helpMessage", "HELP reply"],
    ],
  },
  {
    id: "attributes", title: "Content attributes",
    keys: [
      ["embeddedLink", "Embedded links"], ["embeddedLinkSample", "Embedded link sample"], ["embeddedPhone", "Embedded phone numbers"],
      ["numberPool", "Number pool"], ["ageGated", "Age-gated"], ["directLending", "Direct lending"], ["termsAndConditions", "Registry T&C accepted"],
      ["privacyPolicyLink", "Privacy policy"], ["termsAndConditionsLink", "Terms and conditions"],
    ],
  },
  {
    id: "registration", title: "Registration and billing",
    keys: [
      ["campaignId", "Campaign id"], ["referenceId", "Reference id"], ["cspId", "CSP id"], ["resellerId", "Reseller"], ["brandId", "Brand id"],
      ["status", "Status"], ["mock", "Mock"], ["createDate", "Created"], ["billedDate", "Last billed"], ["monthlyFee", "Monthly fee"],
      ["autoRenewal", "Auto-renewal"], ["nextRenewalOrExpirationDate", "Next renewal or expiry"], ["expirationDate", "Expired"], ["channelId", "Channel id"],
    ],
  },
];

/**
 * What the Vonage adapter adds to a campaign (lib/providers/vonage/mapping.ts, VonageCampaignExtras): shown with
 * labels in the Vonage review section, and the carriers' terms (mnoMetadata) in the Carriers table, so none of them
 * falls into "Other" as raw JSON.
 */
export const VONAGE_CAMPAIGN_KEYS = [
  "tcrCampaignId", "vonageStatus", "trafficEnabled", "tcrStatus", "label", "accountId", "hipaa", "registrationDate", "lastStatusChanges",
  "messageFlowDetails", "mnoMetadata",
] as const;

const KNOWN = new Set<string>([...GROUPS.flatMap((g) => g.keys.map(([k]) => k)), ...VONAGE_CAMPAIGN_KEYS]);

/** Every field of the registry's answer, grouped; fields this portal does not know go to "Other". */
export function groupCampaignFields(data: unknown): FieldGroup[] {
  const d = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const groups: FieldGroup[] = GROUPS.map((g) => ({ id: g.id, title: g.title, fields: g.keys.map(([key, label]) => ({ key, label, value: d[key] })) }));
  const other = Object.keys(d).filter((k) => !KNOWN.has(k)).sort();
  if (other.length) groups.push({ id: "other", title: "Other fields from the registry", fields: other.map((k) => ({ key: k, label: k, value: d[k] })) });
  return groups;
}
