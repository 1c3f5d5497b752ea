import { PROVIDERS, type ProviderKind } from "./kinds";

/**
 * What each upstream lets the portal do. `true` = offered; a string = not offered, with the one sentence the page
 * shows instead of the control (and docs/providers.md prints). Sources: the TCR CSP API 7.8.0, Vonage's "10DLC Brand
 * and Campaign Provisioning" reference (40 endpoints, no webhooks) and Telnyx's 10DLC Brand API (9 brand endpoints).
 */
export const CAPABILITIES = {
  "brand.register": "Register, view, update and delete brands",
  "brand.identityStatus": "The registry's identity status of each brand (VERIFIED, UNVERIFIED…)",
  "brand.feedback": "Identity-verification feedback for UNVERIFIED brands",
  "brand.revet": "Re-run identity vetting (revet)",
  "brand.smsOtp": "Sole-proprietor SMS one-time passcode",
  "brand.authPlus": "Authentication+ (the 2FA email for public companies)",
  "brand.externalVetting": "Order and list external vetting",
  "brand.importVetting": "Import a vet done elsewhere",
  "brand.appeals": "Identity and vetting appeals with evidence",
  "brand.assets": "Brand assets (logos) and their appeals",
  "campaign.manage": "Campaign builder, live use-case qualification, campaign pages",
  "campaign.files": "Supporting documents and MMS sample media on campaigns",
  "campaign.resubmit": "Resubmit a campaign to chosen carriers",
  "campaign.nudge": "Nudge the connectivity partner",
  "campaign.numbers": "Link phone numbers to a campaign (and see each link's state)",
  "migration.cnp": "CNP migrations and partner sharing (migration dashboard)",
  "partner.import": "Import a campaign another CSP registered on TCR, by its TCR campaign id",
  "webhooks": "Registry webhooks (events pushed to the portal)",
  "resellers": "Reseller registry",
  "account.profile": "The CSP account profile and its contact emails",
  "tags": "Registry tags on brands and campaigns",
} as const;
export type Capability = keyof typeof CAPABILITIES;

const TELNYX_NO_CAMPAIGNS = "Telnyx's 10DLC API covers brands only: campaigns are created and managed in Telnyx's own console.";
const TELNYX_BRANDS_ONLY = (what: string) => `Telnyx's 10DLC brand API has no ${what} endpoint: it is handled in Telnyx's own console.`;
const VONAGE_NO = (what: string) => `Vonage's 10DLC API has no ${what} endpoint.`;
const TCR_ONLY = (what: string) => `${what} is a TCR CSP API feature that this upstream does not expose.`;

const TCR_NO_IMPORT = "On TCR a partner's campaign reaches you by sharing, not by import: accept or decline it in the partner campaigns list.";

const ALL: Record<Capability, true> = Object.fromEntries(Object.keys(CAPABILITIES).map((c) => [c, true])) as Record<Capability, true>;

export const CAPABILITY_TABLE: Record<ProviderKind, Record<Capability, true | string>> = {
  TCR_BASIC: { ...ALL, "campaign.numbers": "The TCR CSP API does not link numbers: numbers are provisioned with your connectivity partner.", "partner.import": TCR_NO_IMPORT },
  TCR_BEARER: { ...ALL, "campaign.numbers": "The TCR CSP API does not link numbers: numbers are provisioned with your connectivity partner.", "partner.import": TCR_NO_IMPORT },
  VONAGE: {
    ...ALL,
    "brand.identityStatus": "Vonage does not report a brand's identity status: its use-case qualification, shown in the campaign builder, says what the brand may register.",
    "brand.assets": VONAGE_NO("brand asset"),
    "campaign.files": VONAGE_NO("supporting-document or MMS sample upload"),
    "campaign.nudge": VONAGE_NO("nudge"),
    "migration.cnp": "Vonage does not expose CNP migrations or partner sharing; campaigns registered elsewhere are imported into Vonage instead, on the Partner campaigns page.",
    webhooks: "Vonage documents no webhooks: the portal checks Vonage on a schedule and after every change it makes.",
    "account.profile": TCR_ONLY("The CSP profile"),
    tags: TCR_ONLY("Tagging"),
  },
  TELNYX: {
    ...ALL,
    "brand.smsOtp": TELNYX_BRANDS_ONLY("SMS OTP"),
    "brand.authPlus": TELNYX_BRANDS_ONLY("Authentication+"),
    "brand.importVetting": TELNYX_BRANDS_ONLY("vetting import"),
    "brand.appeals": TELNYX_BRANDS_ONLY("appeal"),
    "brand.assets": TELNYX_BRANDS_ONLY("brand asset"),
    "campaign.manage": TELNYX_NO_CAMPAIGNS,
    "campaign.files": TELNYX_NO_CAMPAIGNS,
    "campaign.resubmit": TELNYX_NO_CAMPAIGNS,
    "campaign.nudge": TELNYX_NO_CAMPAIGNS,
    "campaign.numbers": TELNYX_NO_CAMPAIGNS,
    "migration.cnp": TELNYX_NO_CAMPAIGNS,
    "partner.import": TELNYX_NO_CAMPAIGNS,
    webhooks: "Telnyx's brand API documents no webhook subscription: the portal checks Telnyx on a schedule and after every change it makes.",
    resellers: TELNYX_BRANDS_ONLY("reseller"),
    "account.profile": TCR_ONLY("The CSP profile"),
    tags: TCR_ONLY("Tagging"),
  },
};

export interface Capabilities {
  kind: ProviderKind;
  label: string;
  has(c: Capability): boolean;
  /** Why a capability is not offered, or null when it is. */
  why(c: Capability): string | null;
}

export function capabilitiesOf(kind: ProviderKind): Capabilities {
  const row = CAPABILITY_TABLE[kind];
  return {
    kind,
    label: PROVIDERS[kind].label,
    has: (c) => row[c] === true,
    why: (c) => (row[c] === true ? null : (row[c] as string)),
  };
}

/** The plain-object form a server component can hand to client components. */
export type CapabilityMap = Record<Capability, string | null>;
export function capabilityMap(kind: ProviderKind): CapabilityMap {
  const row = CAPABILITY_TABLE[kind];
  return Object.fromEntries(Object.entries(row).map(([c, v]) => [c, v === true ? null : v])) as CapabilityMap;
}
