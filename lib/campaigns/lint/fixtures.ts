/**
 * Test fixtures. The clean campaign follows the shape of the TCR reference request sample
 * (tcr-csp-api-7.8.0 L2993–3031) with every disclosure the published rejection causes ask for.
 */
import type { MnoMetadataMap } from "@/lib/tcr/schemas/common";
import { composeMessageFlow, type Consent } from "../consent";
import type { CampaignLintFields, CampaignLintInput } from "./types";

export const cleanConsent: Consent = {
  programName: "Acme Dental",
  messagePurpose: "appointment reminders and promotional offers",
  mechanisms: [
    {
      method: "WEB_FORM",
      location: "https://www.acmedental.com/book",
      details: "The SMS consent checkbox is separate from the booking terms",
      evidenceUrl: "https://www.acmedental.com/img/sms-optin.png",
      checkboxUnchecked: true,
    },
  ],
  frequency: "RECURRING",
  frequencyDetail: "up to 4 msgs/month",
  ratesDisclosure: true,
  helpDisclosure: true,
  stopDisclosure: true,
  carrierDisclaimer: true,
  notConditionOfPurchase: true,
  noThirdPartySharing: true,
  privacyPolicyUrl: "https://www.acmedental.com/privacy",
  termsUrl: "https://www.acmedental.com/sms-terms",
};

/** The four carriers as the registry's campaign builder reports them (network ids per anchors §5.9). */
export function mnoAll(patch: Partial<MnoMetadataMap[string]> = {}): MnoMetadataMap {
  const base = (mno: string) => ({
    mno, mnoSupport: true, mnoReview: false, qualify: true, minMsgSamples: 2,
    reqSubscriberOptin: true, reqSubscriberOptout: true, reqSubscriberHelp: true,
    noEmbeddedLink: false, noEmbeddedPhone: false, ...patch,
  });
  return { "10017": base("AT&T"), "10035": base("T-Mobile"), "10037": base("US Cellular"), "10038": base("Verizon Wireless") };
}

export const cleanCampaign: CampaignLintFields = {
  usecase: "MIXED",
  subUsecases: ["ACCOUNT_NOTIFICATION", "MARKETING"],
  resellerId: "R000000",
  description:
    "Acme Dental sends appointment reminders, booking confirmations and occasional promotional offers to patients who opted in on the online booking form.",
  messageFlow: composeMessageFlow(cleanConsent),
  sample1: "Acme Dental: Hi [first name], your cleaning is booked for [date] at [time]. Reply C to confirm. Reply STOP to opt out.",
  sample2: "Acme Dental: this month only, 20% off teeth whitening for patients. Book at https://www.acmedental.com/book Msg & data rates may apply. Reply STOP to opt out.",
  sample3: "",
  sample4: null,
  sample5: null,
  embeddedLink: true,
  embeddedLinkSample: "https://www.acmedental.com/book",
  embeddedPhone: false,
  numberPool: false,
  ageGated: false,
  directLending: false,
  affiliateMarketing: false,
  termsAndConditions: true,
  subscriberOptin: true,
  subscriberOptout: true,
  subscriberHelp: true,
  optinKeywords: "START,YES",
  optoutKeywords: "STOP,END,QUIT",
  helpKeywords: "HELP,INFO",
  helpMessage: "Acme Dental: for help call 202-555-0123 or email care@acmedental.com. Reply STOP to opt out. Msg & data rates may apply.",
  optoutMessage: "Acme Dental: you are unsubscribed and will receive no more messages. Reply START to resubscribe.",
  optinMessage: "Acme Dental: you are subscribed to appointment reminders and offers. Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
  privacyPolicyLink: "https://www.acmedental.com/privacy",
  termsAndConditionsLink: "https://www.acmedental.com/sms-terms",
  referenceId: "acme-mixed-1",
  autoRenewal: true,
};

export const cleanBrand = {
  displayName: "Acme Dental",
  companyName: "Acme Dental Care LLC",
  entityType: "PRIVATE_PROFIT",
  website: "https://www.acmedental.com",
};

export function cleanInput(): CampaignLintInput {
  return { brand: { ...cleanBrand }, campaign: { ...cleanCampaign }, mno: mnoAll(), consent: structuredClone(cleanConsent) };
}

/** Clean input with a campaign patch (the consent stays). */
export function withCampaign(patch: Partial<CampaignLintFields>): CampaignLintInput {
  const i = cleanInput();
  return { ...i, campaign: { ...i.campaign, ...patch } };
}

/** Clean input with a consent patch; messageFlow is recomposed, as the builder does. */
export function withConsent(patch: Partial<Consent>): CampaignLintInput {
  const i = cleanInput();
  const consent = { ...structuredClone(cleanConsent), ...patch } as Consent;
  return { ...i, consent, campaign: { ...i.campaign, messageFlow: composeMessageFlow(consent) } };
}

/** A free-text messageFlow, no structured consent (typed, imported or from the command line). */
export function withFlow(messageFlow: string, patch: Partial<CampaignLintFields> = {}): CampaignLintInput {
  const i = cleanInput();
  return { brand: i.brand, mno: i.mno, campaign: { ...i.campaign, messageFlow, ...patch } };
}

export function withMno(patch: Partial<MnoMetadataMap[string]>, only?: string): CampaignLintInput {
  const i = cleanInput();
  const mno = mnoAll();
  for (const id of Object.keys(mno)) if (!only || id === only) mno[id] = { ...mno[id], ...patch };
  return { ...i, mno };
}
