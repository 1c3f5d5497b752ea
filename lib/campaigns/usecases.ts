/**
 * Plain-English meanings of the registry's use cases, client-safe. The registry's /enum/usecase is
 * authoritative for which use cases exist and their sub-use-case bounds; its descriptions are often
 * just the display name, so the builder shows these beside it. A use case missing here shows the
 * registry's own description.
 */
export const USECASE_MEANINGS: Record<string, string> = {
  "2FA": "One-time passcodes and login verification codes sent when the user asks for them.",
  ACCOUNT_NOTIFICATION: "Status updates about the subscriber's account: password changes, balance, renewals.",
  AGENTS_FRANCHISES: "Brands with many agents, franchisees or local offices, each messaging its own customers.",
  CARRIER_EXEMPT: "Traffic carriers exempt from registration (by carrier agreement only).",
  CHARITY: "Messages from a registered 501(c)(3) charity to its supporters, donations included.",
  CONVERSATIONAL: "Two-way, person-to-person style conversations the subscriber started.",
  CUSTOMER_CARE: "Support conversations and account help between the brand and its existing customers.",
  DELIVERY_NOTIFICATION: "Shipping and delivery status of something the subscriber ordered.",
  EMERGENCY: "Public safety and emergency alerts (fire, weather, evacuation) from authorised senders.",
  FRAUD_ALERT: "Alerts about possibly fraudulent activity on the subscriber's account.",
  HIGHER_EDUCATION: "Colleges and universities messaging their students and staff.",
  K12_EDUCATION: "Schools (kindergarten to 12th grade) messaging parents and staff.",
  LOW_VOLUME: "A mix of small-volume traffic (a few thousand messages a month) across several purposes.",
  M2M: "Machine-to-machine messages with no human reader at either end.",
  MARKETING: "Promotions, offers and other marketing content the subscriber opted in to receive.",
  MIXED: "Several purposes in one campaign (declare each as a sub-use case).",
  POLITICAL: "Messages from political campaigns and committees; needs a political vet.",
  POLLING_VOTING: "Surveys and non-political polls or votes.",
  PROXY: "Anonymised person-to-person messages relayed through the brand's numbers (e.g. marketplaces).",
  PUBLIC_SERVICE_ANNOUNCEMENT: "Informational messages that raise awareness of a public topic.",
  SECURITY_ALERT: "Notices that a system, account or device may be compromised and action is needed.",
  SOCIAL: "Messages from social platforms and communities to their members (posts, mentions).",
  SOLE_PROPRIETOR: "A one-person business without a tax id: low volume, one campaign, one number.",
  SWEEPSTAKE: "Sweepstakes, contests and prize draws.",
  TRIAL: "The Platform Free Trial brand's test traffic only.",
  UCAAS_HIGH: "Unified-communications platforms whose customers send high volumes through them.",
  UCAAS_LOW: "Unified-communications platforms whose customers send low volumes through them.",
};

export type UsecaseInfo = {
  usecase: string;
  displayName: string;
  description: string;
  classification: string | null;
  minSubUsecases: number;
  maxSubUsecases: number;
  validSubUsecase: boolean;
};

const num = (v: unknown, d = 0) => (typeof v === "number" && Number.isFinite(v) ? v : d);
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The registry's /enum/usecase map as a sorted list with meanings filled in. */
export function usecaseCatalogue(map: Record<string, Record<string, unknown>>): UsecaseInfo[] {
  return Object.entries(map)
    .map(([usecase, v]) => {
      const displayName = str(v.displayName) ?? usecase;
      const own = str(v.description);
      return {
        usecase,
        displayName,
        description: USECASE_MEANINGS[usecase] ?? (own && own !== displayName ? own : displayName),
        classification: str(v.classification),
        minSubUsecases: num(v.minSubUsecases),
        maxSubUsecases: num(v.maxSubUsecases),
        validSubUsecase: v.validSubUsecase === true,
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
