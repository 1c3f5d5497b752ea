import { describe, expect, it } from "vitest";
import { hasBlockingFindings, lintCampaign, rules } from "./index";
import type { CampaignLintInput } from "./types";
import { buildContext } from "./engine";
import { levelFor, milder } from "./policy";
import { cleanConsent, cleanInput, mnoAll, withCampaign, withConsent, withFlow, withMno } from "./fixtures";
import { cleanCampaign } from "./fixtures";

const ids = (input: CampaignLintInput) => lintCampaign(input).map((f) => f.ruleId);
const s1 = cleanCampaign.sample1!;
const s2 = cleanCampaign.sample2!;
const OPT = " Reply STOP to opt out.";

/** A free-text flow that satisfies every text check; each text case removes one element. */
const GOOD_FLOW =
  "Acme Dental patients opt in on the booking form at https://www.acmedental.com/book by checking an SMS consent checkbox that is unchecked by default and optional (not a condition of purchase). " +
  "Disclosure: you agree to receive appointment reminders and promotional offers by text from Acme Dental. Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel. " +
  "Mobile numbers are never shared with or sold to third parties. Terms: https://www.acmedental.com/sms-terms Privacy: https://www.acmedental.com/privacy";

/** Rules whose occurrences may be milder than the rule's level (a weaker keyword, for instance). */
const MILDER_HITS = new Set<string>(["attr.direct-lending"]);

interface Case {
  /** Inputs on which the rule must fire. */
  fail: CampaignLintInput[];
  /** Inputs on which it must not (the clean campaign is always checked too). */
  pass?: CampaignLintInput[];
}

const cases: Record<string, Case> = {
  // fields
  "field.usecase-required": { fail: [withCampaign({ usecase: "" })] },
  "field.description-length": { fail: [withCampaign({ description: "Reminders from Acme Dental" }), withCampaign({ description: "" }), withCampaign({ description: "Acme Dental ".repeat(400) })] },
  "field.message-flow-length": { fail: [withFlow("Acme Dental web form"), withFlow("")], pass: [withFlow(GOOD_FLOW)] },
  "field.sample-length": { fail: [withCampaign({ sample3: "Acme: hi" }), withCampaign({ sample3: `Acme Dental ${"x".repeat(1100)}` })] },
  "field.reply-message-length": { fail: [withCampaign({ helpMessage: "Acme Dental: help" })] },
  "field.keywords-length": { fail: [withCampaign({ optinKeywords: `START,${"JOIN".repeat(70)}` })] },
  "field.link-length": { fail: [withCampaign({ embeddedLinkSample: `https://www.acmedental.com/${"a".repeat(240)}` }), withCampaign({ privacyPolicyLink: `https://www.acmedental.com/${"p".repeat(2050)}` })] },
  "field.reseller-id": { fail: [withCampaign({ resellerId: "" }), withCampaign({ resellerId: "R0000000X" })], pass: [withCampaign({ resellerId: "R123ABC" })] },
  "field.reference-id-length": { fail: [withCampaign({ referenceId: "r".repeat(51) })] },
  "field.link-format": { fail: [withCampaign({ privacyPolicyLink: "our privacy page" }), withCampaign({ termsAndConditionsLink: "http://www.acmedental.com/terms" }), withCampaign({ privacyPolicyLink: "https://www.acmedental.com/privacy.docx" })] },
  "field.privacy-link-present": { fail: [withCampaign({ privacyPolicyLink: "" })],
    pass: [withFlow(GOOD_FLOW.replace(" Privacy: https://www.acmedental.com/privacy", ""))] },
  "field.terms-link-present": { fail: [withCampaign({ termsAndConditionsLink: null })] },
  "field.description-pii": { fail: [withCampaign({ description: `${cleanCampaign.description} Contact jane.doe@gmail.com for details.` })] },
  // keywords and replies
  "keywords.format": { fail: [withCampaign({ optoutKeywords: "STOP, END" }), withCampaign({ helpKeywords: "HELP;INFO" }), withCampaign({ optinKeywords: "START,,YES" })] },
  "keywords.optout-has-stop": { fail: [withCampaign({ optoutKeywords: "END,QUIT" })] },
  "keywords.help-has-help": { fail: [withCampaign({ helpKeywords: "INFO" })] },
  "keywords.overlap": { fail: [withCampaign({ optinKeywords: "START,STOP" })] },
  "keywords.optout-required": { fail: [withCampaign({ optoutMessage: "" })], pass: [withCampaign({ subscriberOptout: false, optoutMessage: "" })] },
  "keywords.help-required": { fail: [withCampaign({ helpKeywords: "" })], pass: [withCampaign({ subscriberHelp: false, helpKeywords: "" })] },
  "keywords.optin-required": { fail: [withCampaign({ optinMessage: "" }), withCampaign({ subscriberOptin: false, optinMessage: "" })], pass: [withCampaign({ subscriberOptin: false, optinKeywords: "", optinMessage: "" })] },
  "message.help-brand": { fail: [withCampaign({ helpMessage: "For help call 202-555-0123 or email care@acmedental.com. Reply STOP to opt out." })] },
  "message.help-contact": { fail: [withCampaign({ helpMessage: "Acme Dental: we are here to help you. Reply STOP to opt out." })] },
  "message.help-mentions-optout": {
    fail: [withCampaign({ helpMessage: "Acme Dental: for help call 202-555-0123 or email care@acmedental.com." })],
    // the TCR reference sample's helpMessage ("…reply with STOP")
    pass: [withCampaign({ helpMessage: "You have accessed help for Acme Dental at care@acmedental.com. If you would like to stop receiving messages reply with STOP." })],
  },
  "message.optout-brand": { fail: [withCampaign({ optoutMessage: "You are unsubscribed and will receive no more messages." })] },
  "message.optout-confirms": {
    fail: [withCampaign({ optoutMessage: "Acme Dental: we got your message. Reply START to come back." })],
    // the TCR reference sample's optoutMessage
    pass: [withCampaign({ optoutMessage: "Acme Dental: You have opted out of messages. You can always turn it back on using our portal." })],
  },
  "message.optin-brand": { fail: [withCampaign({ optinMessage: "You are subscribed to reminders. Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel." })] },
  "message.optin-disclosures": { fail: [withCampaign({ optinMessage: "Acme Dental: welcome! You are now subscribed to appointment reminders." })] },
  "message.vonage-length": { fail: [withCampaign({ optinMessage: `${cleanCampaign.optinMessage} ${"We look forward to seeing you. ".repeat(8)}` })] },
  // samples
  "sample.present": { fail: [withCampaign({ sample1: "", sample2: "  " })] },
  "sample.brand-name": {
    fail: [withCampaign({ sample1: s1.replace("Acme Dental: ", ""), sample2: s2.replace("Acme Dental: ", "") })],
    pass: [withCampaign({ sample2: s2.replace("Acme Dental: ", "") }), withCampaign({ sample1: s1.replace("Acme Dental:", "ACME DENTAL CARE LLC:") })],
  },
  "sample.opt-out": {
    fail: [withCampaign({ sample1: s1.replace(OPT, ""), sample2: s2.replace(OPT, "") })],
    pass: [
      withCampaign({ sample1: s1.replace(OPT, ""), sample2: s2.replace(OPT, " Text END to unsubscribe.") }),
      // one-time passcodes: the TCR reference 2FA sample carries no opt-out line
      { ...withCampaign({ usecase: "2FA", subUsecases: [], sample1: "Acme Dental: your 2FA code is XXXXXX. If you did not initiate this authentication please see the security section on our website.", sample2: "" }), mno: mnoAll({ minMsgSamples: 1 }) },
    ],
  },
  "sample.keyword-spacing": { fail: [withCampaign({ sample1: s1.replace("Reply STOP to opt out.", "Reply STOP2END.") })] },
  "sample.template-syntax": { fail: [withCampaign({ sample1: s1.replace("[first name]", "{{first_name}}") }), withCampaign({ sample1: s1.replace("[date]", "%DATE%") })] },
  "sample.placeholder-only": { fail: [withCampaign({ sample3: "Acme Dental: [message] [link] [name]" })] },
  "sample.test-content": { fail: [withCampaign({ sample3: "Acme Dental: this is a test message. Reply STOP to opt out." }), withCampaign({ sample3: "Acme Dental lorem ipsum dolor sit amet. Reply STOP to opt out." })] },
  "sample.duplicate": { fail: [withCampaign({ sample3: ` ${s1}` })] },
  "sample.url-shortener": { fail: [withCampaign({ sample2: s2.replace("https://www.acmedental.com/book", "https://bit.ly/3xYzAb") }), withCampaign({ embeddedLinkSample: "tinyurl.com/acme" })] },
  "sample.https": { fail: [withCampaign({ sample2: s2.replace("https://", "http://") })] },
  "sample.link-domain": { fail: [withCampaign({ sample2: s2.replace("www.acmedental.com", "www.great-offers.net") })], pass: [withCampaign({ sample2: s2.replace("www.acmedental.com", "book.acmedental.com") })] },
  "sample.sensitive-data": { fail: [withCampaign({ sample3: "Acme Dental: please reply with your SSN to verify your insurance. Reply STOP to opt out." })] },
  "sample.usecase-match": {
    fail: [
      withCampaign({ subUsecases: ["ACCOUNT_NOTIFICATION", "CUSTOMER_CARE"] }),
      withCampaign({ subUsecases: ["CUSTOMER_CARE", "MARKETING"], sample3: "Acme Dental: your verification code is 123456. Reply STOP to opt out." }),
    ],
    pass: [withCampaign({ subUsecases: ["ACCOUNT_NOTIFICATION", "MARKETING", "2FA"], sample3: "Acme Dental: your verification code is 123456. Reply STOP to opt out." })],
  },
  "sample.english": {
    fail: [withCampaign({ sample3: "Acme Dental: Hola, gracias por su visita. Responda STOP para cancelar los mensajes." })],
    pass: [withCampaign({ sample3: "Acme Dental: thanks for your visit, your next cleaning is due in June. Reply STOP to opt out." })],
  },
  // attributes
  "attr.link-undeclared": { fail: [withCampaign({ embeddedLink: false, embeddedLinkSample: "" })] },
  "attr.link-unused": { fail: [withCampaign({ sample2: s2.replace("Book at https://www.acmedental.com/book", "Book at the front desk.") })] },
  "attr.link-sample": { fail: [withCampaign({ embeddedLinkSample: "" })] },
  "attr.phone-undeclared": {
    fail: [withCampaign({ sample1: `${s1} Questions? Call 202-555-0199.` })],
    // the HELP contact number is not an embedded phone (validation table, embeddedPhone)
    pass: [withCampaign({ sample1: `${s1} Questions? Call (202) 555-0123.` })],
  },
  "attr.phone-unused": { fail: [withCampaign({ embeddedPhone: true })], pass: [withCampaign({ embeddedPhone: true, sample1: `${s1} Questions? Call 202-555-0199.` })] },
  "attr.mno-no-embedded-link": {
    fail: [withMno({ noEmbeddedLink: true }, "10017")],
    pass: [{ ...withMno({ noEmbeddedLink: true }, "10017"), campaign: { ...cleanCampaign, mnoIds: [10035, 10037, 10038] } }],
  },
  "attr.mno-no-embedded-phone": {
    fail: [{ ...withMno({ noEmbeddedPhone: true }, "10038"), campaign: { ...cleanCampaign, embeddedPhone: true, sample1: `${s1} Call 202-555-0199.` } }],
    pass: [withMno({ noEmbeddedPhone: true }, "10038")],
  },
  "attr.direct-lending": {
    fail: [
      withCampaign({ sample3: "Acme Dental: you are pre-approved for a loan to cover your implants. Reply STOP to opt out." }),
      withCampaign({ sample3: "Acme Dental: implants with 0% APR financing for 12 months. Reply STOP to opt out." }),
    ],
    pass: [withCampaign({ directLending: true, sample3: "Acme Dental: you are pre-approved for a loan to cover your implants. Reply STOP to opt out." })],
  },
  "attr.age-gated": {
    fail: [withCampaign({ sample3: "Acme Dental: free wine tasting at our open house this Friday! Reply STOP to opt out." })],
    pass: [{ ...withConsent({ minimumAge: 21 }), campaign: { ...withConsent({ minimumAge: 21 }).campaign, ageGated: true, sample3: "Acme Dental: free wine tasting at our open house this Friday! Reply STOP to opt out." } }],
  },
  "attr.age-gate-at-optin": {
    fail: [withCampaign({ ageGated: true }), withFlow(GOOD_FLOW, { ageGated: true })],
    pass: [{ ...withConsent({ minimumAge: 21 }), campaign: { ...withConsent({ minimumAge: 21 }).campaign, ageGated: true } }, withFlow(`${GOOD_FLOW} Subscribers enter their date of birth and must be 21 or older.`, { ageGated: true })],
  },
  "attr.affiliate-marketing": { fail: [withCampaign({ affiliateMarketing: true })] },
  "attr.number-pool": { fail: [withCampaign({ description: `${cleanCampaign.description} Sent from 120 phone numbers across our clinics.` })], pass: [withCampaign({ numberPool: true, description: `${cleanCampaign.description} Sent from 120 phone numbers across our clinics.` })] },
  // content
  "content.cannabis": { fail: [withCampaign({ sample3: "Acme Dental: try our new CBD gummies for jaw pain relief. Reply STOP to opt out." })] },
  "content.sexual": { fail: [withCampaign({ sample3: "Acme Dental: adult content night with xxx videos. Reply STOP to opt out." })] },
  "content.gambling": { fail: [withCampaign({ sample3: "Acme Dental: join our casino night fundraiser and place your bets! Reply STOP to opt out." })], pass: [withCampaign({ sample3: "Acme Dental: new appointment slots are open for [date]. Reply STOP to opt out." })] },
  "content.hate-profanity": { fail: [withCampaign({ sample3: "Acme Dental: this shit is the best whitening ever. Reply STOP to opt out." })] },
  "content.high-risk-financial": { fail: [withCampaign({ description: `${cleanCampaign.description} We also offer debt consolidation.` })] },
  "content.lead-generation": { fail: [withCampaign({ description: `${cleanCampaign.description} Patients also receive partner offers from our marketing partners.` })] },
  "content.optin-sharing": {
    fail: [withFlow(`${GOOD_FLOW} Phone numbers may be shared with our marketing partners.`)],
    pass: [withFlow(GOOD_FLOW)],
  },
  "content.deceptive": { fail: [withCampaign({ sample3: "Acme Dental: You've won a free cleaning! Claim your prize today. Reply STOP to opt out." })] },
  // use case
  "usecase.subusecase-count": {
    fail: [withCampaign({ subUsecases: ["MARKETING"] }), { ...withCampaign({ usecase: "MARKETING", subUsecases: ["2FA"] }), usecaseLimits: { minSubUsecases: 0, maxSubUsecases: 0 } }, withCampaign({ subUsecases: ["2FA", "ACCOUNT_NOTIFICATION", "MARKETING", "CUSTOMER_CARE", "FRAUD_ALERT", "SECURITY_ALERT"] })],
    pass: [{ ...withCampaign({ subUsecases: ["MARKETING"] }), usecaseLimits: { minSubUsecases: 1, maxSubUsecases: 5 } }],
  },
  "usecase.subusecase-valid": { fail: [withCampaign({ subUsecases: ["SOCIAL", "MARKETING"] }), withCampaign({ subUsecases: ["MARKETING", "MARKETING"] })] },
  "usecase.min-samples": {
    fail: [withMno({ minMsgSamples: 3 }, "10035"), withCampaign({ subUsecases: ["ACCOUNT_NOTIFICATION", "MARKETING", "CUSTOMER_CARE"] })],
    // a carrier that does not support the use case does not set the minimum
    pass: [withMno({ minMsgSamples: 3, mnoSupport: false }, "10035")],
  },
  "description.brand": { fail: [withCampaign({ description: "We send appointment reminders, booking confirmations and occasional promotional offers to patients who opted in on our booking form." })] },
  "description.specific": { fail: [withCampaign({ description: "Appointment reminders and promotional offers for Acme Dental patients" }), withCampaign({ description: "Marketing messages" })] },
  "description.isv": { fail: [withCampaign({ description: `${cleanCampaign.description} Our platform allows dental offices to text their patients.` })] },
  "usecase.marketing-consent": { fail: [withConsent({ messagePurpose: "appointment reminders" })], pass: [withCampaign({ subUsecases: ["ACCOUNT_NOTIFICATION", "CUSTOMER_CARE"] })] },
  "usecase.special-review": { fail: [withCampaign({ usecase: "SWEEPSTAKE", subUsecases: [] })] },
  // qualification
  "qual.not-supported": { fail: [withMno({ mnoSupport: false }, "10037")], pass: [{ ...withMno({ mnoSupport: false }, "10037"), campaign: { ...cleanCampaign, mnoIds: ["10017", "10035", "10038"] } }] },
  "qual.not-qualified": { fail: [withMno({ qualify: false }, "10035")] },
  "qual.mno-review": { fail: [withMno({ mnoReview: true }, "10035")] },
  "qual.req-optin": { fail: [withCampaign({ subscriberOptin: false })], pass: [{ ...withCampaign({ subscriberOptin: false }), mno: mnoAll({ reqSubscriberOptin: false }) }] },
  "qual.req-optout": { fail: [withCampaign({ subscriberOptout: false })], pass: [{ ...withCampaign({ subscriberOptout: false }), mno: mnoAll({ reqSubscriberOptout: false }) }] },
  "qual.req-help": { fail: [withCampaign({ subscriberHelp: false })], pass: [{ ...withCampaign({ subscriberHelp: false }), mno: mnoAll({ reqSubscriberHelp: false }) }] },
  // consent: structured gaps, and text fallbacks on a free-text messageFlow
  "consent.method": { fail: [withConsent({ mechanisms: [] }), withFlow("We send appointment reminders from Acme Dental. Msg & data rates may apply. Reply HELP for help, STOP to cancel.")], pass: [withFlow(GOOD_FLOW)] },
  "consent.location": { fail: [withConsent({ mechanisms: [{ ...cleanConsent.mechanisms[0]!, location: "" }] })] },
  "consent.web-form-url": {
    fail: [withConsent({ mechanisms: [{ ...cleanConsent.mechanisms[0]!, location: "our website" }] }), withFlow(GOOD_FLOW.replace(/https:\/\/\S+/g, "our website"))],
  },
  "consent.web-form-homepage": {
    fail: [withConsent({ mechanisms: [{ ...cleanConsent.mechanisms[0]!, location: "https://www.acmedental.com" }] }),
      withFlow("Users opt in via a web form at https://www.acmedental.com during the registration. Users must explicitly check a checkbox to opt in (default unchecked).")],
  },
  "consent.evidence": {
    fail: [withConsent({ mechanisms: [{ ...cleanConsent.mechanisms[0]!, evidenceUrl: "" }] }), withFlow("Acme Dental front desk staff ask patients verbally for consent to appointment reminder texts. Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.")],
    pass: [withConsent({ mechanisms: [{ method: "TEXT_TO_JOIN", location: "on posters in our clinics", keywords: "SMILE" }] })],
  },
  "consent.keyword": { fail: [withConsent({ mechanisms: [{ method: "TEXT_TO_JOIN", location: "on posters in our clinics" }] })] },
  "consent.unchecked-box": {
    fail: [withConsent({ mechanisms: [{ ...cleanConsent.mechanisms[0]!, checkboxUnchecked: false }] }), withFlow(GOOD_FLOW.replace("that is unchecked by default and optional (not a condition of purchase)", "(not a condition of purchase)"))],
  },
  "consent.program-name": { fail: [withConsent({ programName: "" }), withFlow(GOOD_FLOW.replace(/Acme Dental/g, "our").replace(/www\.acmedental\.com/g, "forms.formhost.net"))],
    // the opt-in form on the brand's own site names it there
    pass: [withFlow(GOOD_FLOW.replace(/Acme Dental/g, "our"))] },
  "consent.purpose": { fail: [withConsent({ messagePurpose: "" }), withFlow(GOOD_FLOW.replace("appointment reminders and promotional offers", "messages"))] },
  "consent.frequency": { fail: [withConsent({ frequency: undefined as never }), withFlow(GOOD_FLOW.replace(" Up to 4 msgs/month.", ""))] },
  "consent.rates": { fail: [withConsent({ ratesDisclosure: false }), withFlow(GOOD_FLOW.replace(" Msg & data rates may apply.", ""))] },
  "consent.help": { fail: [withConsent({ helpDisclosure: false }), withFlow(GOOD_FLOW.replace("Reply HELP for help, STOP to cancel.", "Reply STOP to cancel."))] },
  "consent.stop": { fail: [withConsent({ stopDisclosure: false }), withFlow(GOOD_FLOW.replace("Reply HELP for help, STOP to cancel.", "Reply HELP for help."))] },
  "consent.privacy-link": { fail: [withConsent({ privacyPolicyUrl: "" }), withFlow(GOOD_FLOW.replace(" Privacy: https://www.acmedental.com/privacy", ""), { privacyPolicyLink: "" })] },
  "consent.terms-link": { fail: [withConsent({ termsUrl: "" }), withFlow(GOOD_FLOW.replace(" Terms: https://www.acmedental.com/sms-terms", ""), { termsAndConditionsLink: "" })] },
  "consent.not-required": { fail: [withConsent({ notConditionOfPurchase: false }), withFlow(GOOD_FLOW.replace(" and optional (not a condition of purchase)", ""))] },
  "consent.no-sharing": { fail: [withConsent({ noThirdPartySharing: false }), withFlow(GOOD_FLOW.replace(" Mobile numbers are never shared with or sold to third parties.", ""))] },
  "consent.flow-length": { fail: [withConsent({ mechanisms: [{ ...cleanConsent.mechanisms[0]!, details: "The form explains the program in detail. ".repeat(110) }] })] },
  "consent.sms-explicit": {
    fail: [withFlow(GOOD_FLOW.replace(/SMS |by text |texts? /gi, "").replace("Up to 4 msgs/month. Msg & data rates", "Up to 4 per month. Data rates"))],
    pass: [withFlow(GOOD_FLOW)],
  },
};

describe("lintCampaign", () => {
  it("finds nothing at all in the clean campaign (structured consent)", () => {
    expect(lintCampaign(cleanInput())).toEqual([]);
  });

  it("finds nothing in the clean campaign with a free-text message flow", () => {
    expect(lintCampaign(withFlow(GOOD_FLOW))).toEqual([]);
    expect(lintCampaign(withFlow(cleanCampaign.messageFlow!))).toEqual([]);
  });

  it("has a test case for exactly the rules in code", () => {
    expect(Object.keys(cases).sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it("has at least 40 rules, unique ids, every one with fields, message and source", () => {
    expect(rules.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(r.fields.length).toBeGreaterThan(0);
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.source.length).toBeGreaterThan(10);
    }
  });

  for (const [id, c] of Object.entries(cases)) {
    describe(id, () => {
      c.fail.forEach((input, i) => {
        it(`fires on failing fixture #${i + 1}`, () => {
          const found = lintCampaign(input).filter((f) => f.ruleId === id);
          expect(found.length, `expected ${id} in ${JSON.stringify(ids(input))}`).toBeGreaterThan(0);
          const meta = rules.find((r) => r.id === id)!;
          const ctx = buildContext(input);
          const level = levelFor(meta, ctx.usecase, ctx.consumerInitiated);
          for (const f of found) {
            // The rule's level for this use case; an occurrence may only be milder.
            expect(level).not.toBe("off");
            expect(milder(f.severity, level as typeof f.severity)).toBe(f.severity);
            if (!MILDER_HITS.has(id)) expect(f.severity).toBe(level);
            expect(f.source).toBe(meta.source);
            expect(f.fields.length).toBeGreaterThan(0);
          }
        });
      });
      [cleanInput(), ...(c.pass ?? [])].forEach((input, i) => {
        it(`stays quiet on passing fixture #${i + 1}`, () => {
          expect(ids(input)).not.toContain(id);
        });
      });
    });
  }

  it("sorts block before warn before info", () => {
    const f = lintCampaign({
      ...withCampaign({ usecase: "SWEEPSTAKE", subUsecases: [], privacyPolicyLink: "", resellerId: "" }),
    });
    const order = f.map((x) => ({ block: 0, warn: 1, info: 2 })[x.severity]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(f.map((x) => x.severity))).toEqual(new Set(["block", "warn", "info"]));
  });

  it("hasBlockingFindings is true only with a block finding", () => {
    expect(hasBlockingFindings(lintCampaign(cleanInput()))).toBe(false);
    expect(hasBlockingFindings(lintCampaign(withCampaign({ usecase: "SWEEPSTAKE", subUsecases: [] })))).toBe(false);
    expect(hasBlockingFindings(lintCampaign(withCampaign({ sample1: s1.replace(OPT, ""), sample2: s2.replace(OPT, "") })))).toBe(true);
  });

  it("names the sample and the carrier in the detail", () => {
    const f = lintCampaign(withCampaign({ sample2: s2.replace("https://www.acmedental.com/book", "https://bit.ly/3xYzAb") }));
    expect(f.find((x) => x.ruleId === "sample.url-shortener")).toMatchObject({ fields: ["sample2"], detail: "sample2: https://bit.ly/3xYzAb" });
    const q = lintCampaign(withMno({ qualify: false }, "10035"));
    expect(q.find((x) => x.ruleId === "qual.not-qualified")?.detail).toBe("T-Mobile");
  });

  it("runs on an empty draft without throwing and asks for the required fields", () => {
    const f = lintCampaign({ brand: {}, campaign: {} });
    expect(f.map((x) => x.ruleId)).toEqual(expect.arrayContaining(["field.usecase-required", "field.description-length", "field.message-flow-length", "field.reseller-id", "sample.present"]));
    expect(hasBlockingFindings(f)).toBe(true);
  });

  it("flags the TCR reference request sample for what carriers reject (no brand name, no disclosures)", () => {
    // tcr-csp-api-7.8.0 L2993–3031, with the brand "mysite" its own text names.
    const f = ids({
      brand: { displayName: "mysite", companyName: "MySite Inc", entityType: "PRIVATE_PROFIT" },
      campaign: {
        usecase: "2FA", subUsecases: [], resellerId: "R000000",
        description: "This campaign serves as a 2FA messenger so customers can further protect their accounts at sign in.",
        embeddedLink: false, embeddedPhone: false, numberPool: false, ageGated: false, directLending: false,
        subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
        sample1: "Your 2FA code is XXXXXX. If you did not initiate this authentication please see the security section on our website.",
        sample2: null,
        messageFlow: "Users opt in via a web form at https://www.mysite.com during the registration. Users must explicitly check a checkbox to opt in (default unchecked).",
        helpMessage: "You have accessed help for mysite. If you would like to stop receiving 2FA messages reply with STOP.",
        referenceId: "twofactor", optinKeywords: "START,YES", optoutKeywords: "STOP", helpKeywords: "HELP",
        optinMessage: "Welcome to our company's 2FA messaging service. This service exists to help keep your account secure.",
        optoutMessage: "You have opted out of 2FA messages. You can always turn it back on using our portal.",
        privacyPolicyLink: null, termsAndConditionsLink: null,
      },
    });
    expect(f).toEqual(expect.arrayContaining(["sample.brand-name", "consent.rates", "consent.frequency", "consent.web-form-homepage"]));
    expect(f).not.toContain("sample.opt-out");
    expect(f).not.toContain("consent.unchecked-box");
    expect(f).not.toContain("field.description-length");
  });
});
