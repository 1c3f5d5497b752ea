/**
 * The three kinds of false block of issue 17, each on a campaign written the way CSPs write them:
 * none of them may block any more, and the flawed twin of each still does (or warns) where it should.
 */
import { describe, expect, it } from "vitest";
import { hasBlockingFindings, lintCampaign } from "./index";
import type { CampaignLintInput } from "./types";
import { mnoAll, withConsent } from "./fixtures";

const brand = { displayName: "Lakeshore Plumbing", companyName: "Lakeshore Plumbing & Heating Inc.", entityType: "PRIVATE_PROFIT", website: "https://www.lakeshoreplumbing.com" };

function input(campaign: CampaignLintInput["campaign"]): CampaignLintInput {
  return {
    brand,
    mno: mnoAll({ minMsgSamples: 1 }),
    campaign: {
      resellerId: "R000000", subUsecases: [], embeddedLink: false, embeddedPhone: false, numberPool: false, ageGated: false, directLending: false,
      subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
      optinKeywords: "START", optoutKeywords: "STOP,QUIT,END", helpKeywords: "HELP",
      helpMessage: "Lakeshore Plumbing: for help call (312) 555-0100 or email help@lakeshoreplumbing.com. Reply STOP to opt out.",
      optoutMessage: "Lakeshore Plumbing: you have been unsubscribed and will not receive any more messages.",
      optinMessage: "Lakeshore Plumbing: you're subscribed to service texts. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
      privacyPolicyLink: "https://www.lakeshoreplumbing.com/privacy", termsAndConditionsLink: "https://www.lakeshoreplumbing.com/sms-terms",
      ...campaign,
    },
  };
}

const ids = (i: CampaignLintInput) => lintCampaign(i).map((f) => `${f.ruleId}:${f.severity}`);
const blocks = (i: CampaignLintInput) => lintCampaign(i).filter((f) => f.severity === "block").map((f) => f.ruleId);

const FLOW_WEB =
  "Homeowners request service on https://www.lakeshoreplumbing.com/book and may tick an optional, unchecked box to get SMS appointment updates from Lakeshore Plumbing. " +
  "Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Privacy: https://www.lakeshoreplumbing.com/privacy Terms: https://www.lakeshoreplumbing.com/sms-terms";

describe("false block 1: phone numbers written the usual way", () => {
  it.each(["(312) 555-0142", "+13125550142", "312.555.0142", "312-555-0142 ext. 4", "+1 (312) 555-0142"])("recognises %s in a sample with embeddedPhone", (phone) => {
    const i = input({
      usecase: "ACCOUNT_NOTIFICATION", embeddedPhone: true, messageFlow: FLOW_WEB,
      description: "Lakeshore Plumbing sends appointment confirmations and technician arrival updates to customers who booked a service visit online.",
      sample1: `Lakeshore Plumbing: your technician arrives tomorrow 8-10am. To reschedule call ${phone}. Reply STOP to opt out.`,
    });
    expect(ids(i)).not.toContain("attr.phone-unused:block");
    expect(ids(i).filter((x) => x.startsWith("attr.phone"))).toEqual([]);
    expect(blocks(i)).toEqual([]);
  });

  it("still blocks a number in a sample that is not declared", () => {
    const i = input({
      usecase: "ACCOUNT_NOTIFICATION", messageFlow: FLOW_WEB,
      description: "Lakeshore Plumbing sends appointment confirmations and technician arrival updates to customers who booked a service visit online.",
      sample1: "Lakeshore Plumbing: your technician arrives tomorrow 8-10am. To reschedule call +13125550142. Reply STOP to opt out.",
    });
    expect(blocks(i)).toContain("attr.phone-undeclared");
  });
});

describe("false block 2: consent described in plain words", () => {
  const common = {
    usecase: "ACCOUNT_NOTIFICATION",
    description: "Lakeshore Plumbing sends appointment confirmations and technician arrival updates to customers who booked a service visit.",
    sample1: "Lakeshore Plumbing: your technician arrives tomorrow 8-10am. Reply STOP to opt out.",
  };
  it.each([
    "When customers sign in to their Lakeshore Plumbing account they can check a box (unchecked by default, optional) to get SMS visit updates. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Privacy and terms linked beside the box.",
    "At checkout on our booking page, customers may select an optional SMS updates checkbox from Lakeshore Plumbing. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Privacy and terms are linked.",
    "Our dispatcher asks callers over the phone whether Lakeshore Plumbing may text them visit updates and logs the answer. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Privacy and terms on our site.",
  ])("recognises the method in %j", (flow) => {
    const found = ids(input({ ...common, messageFlow: flow }));
    expect(found.filter((x) => x.startsWith("consent.method"))).toEqual([]);
    expect(blocks(input({ ...common, messageFlow: flow }))).toEqual([]);
  });

  it("recognises a consumer who texts first", () => {
    const i = input({
      usecase: "CUSTOMER_CARE",
      description: "Lakeshore Plumbing answers questions from customers who text our service line about quotes, visits and invoices.",
      messageFlow: "Customers text our service line first, from the number printed on invoices and our website; Lakeshore Plumbing only replies within that conversation. Reply STOP to opt out. Privacy: https://www.lakeshoreplumbing.com/privacy",
      sample1: "Lakeshore Plumbing: thanks for your message! A technician can come Thursday 1-3pm. Does that work? Reply STOP to opt out.",
    });
    expect(ids(i).filter((x) => x.startsWith("consent.method"))).toEqual([]);
    expect(blocks(i)).toEqual([]);
  });

  it("still blocks a flow that names no method", () => {
    const i = input({ ...common, messageFlow: "Customers opt in to Lakeshore Plumbing texts. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel." });
    expect(blocks(i)).toContain("consent.method");
  });
});

describe("false block 3: recurring-program disclosures on 2FA and consumer-initiated CUSTOMER_CARE", () => {
  it("2FA without frequency or HELP wording in the opt-in notice does not block", () => {
    const i = input({
      usecase: "2FA",
      description: "Lakeshore Plumbing sends one-time login codes to customers signing in to the Lakeshore Plumbing customer portal.",
      messageFlow: "Customers enter their mobile number when they create a portal account at https://www.lakeshoreplumbing.com/account and a login code is texted each time they sign in. Msg & data rates may apply. Reply STOP to cancel.",
      sample1: "Lakeshore Plumbing: your login code is 482913. It expires in 10 minutes. Do not share it.",
    });
    const f = lintCampaign(i);
    expect(hasBlockingFindings(f)).toBe(false);
    expect(f.find((x) => x.ruleId === "consent.frequency")?.severity).toBe("warn");
    expect(f.find((x) => x.ruleId === "consent.help")?.severity).toBe("warn");
    expect(f.find((x) => x.ruleId === "sample.opt-out")).toBeUndefined();
  });

  it("consumer-initiated CUSTOMER_CARE without frequency or HELP wording does not block", () => {
    const i = input({
      usecase: "CUSTOMER_CARE",
      description: "Lakeshore Plumbing answers questions from customers who text our service line about quotes, visits and invoices.",
      messageFlow: "Customers initiate the conversation by texting (312) 555-0100, the number on our invoices and trucks. Lakeshore Plumbing replies only to those messages. Reply STOP to opt out.",
      sample1: "Lakeshore Plumbing: thanks for reaching out! Your quote for the water heater is $1,240 installed. Reply STOP to opt out.",
    });
    const f = lintCampaign(i);
    expect(f.filter((x) => x.severity === "block")).toEqual([]);
    expect(f.find((x) => x.ruleId === "consent.frequency")?.severity).toBe("warn");
    expect(f.find((x) => x.ruleId === "consent.help")?.severity).toBe("warn");
  });

  it("the same gaps still block a MARKETING campaign with a web form", () => {
    const i = input({
      usecase: "MARKETING",
      description: "Lakeshore Plumbing sends seasonal maintenance offers and discounts to customers who subscribe on our website.",
      messageFlow: "Customers subscribe on the form at https://www.lakeshoreplumbing.com/offers by ticking an optional, unchecked box to get promotional texts from Lakeshore Plumbing. Msg & data rates may apply. Reply STOP to cancel.",
      sample1: "Lakeshore Plumbing: 15% off water heater flushes this month. Book at https://www.lakeshoreplumbing.com/offers Reply STOP to opt out.",
      embeddedLink: true, embeddedLinkSample: "https://www.lakeshoreplumbing.com/offers",
    });
    expect(blocks(i)).toEqual(expect.arrayContaining(["consent.frequency", "consent.help"]));
  });
});

describe("structured consent: the consumer texts first", () => {
  it("lowers the disclosure rules to warnings for CUSTOMER_CARE, not for a web form", () => {
    const ci = withConsent({ mechanisms: [{ method: "CONSUMER_INITIATED", location: "the number on our invoices" }], helpDisclosure: false });
    ci.campaign = { ...ci.campaign, usecase: "CUSTOMER_CARE", subUsecases: [] };
    expect(lintCampaign(ci).find((f) => f.ruleId === "consent.help")?.severity).toBe("warn");
    const web = withConsent({ helpDisclosure: false });
    web.campaign = { ...web.campaign, usecase: "CUSTOMER_CARE", subUsecases: [] };
    expect(lintCampaign(web).find((f) => f.ruleId === "consent.help")?.severity).toBe("block");
  });
});

describe("a block means a certain rejection", () => {
  it("lending words block, financing offers only warn", () => {
    const base = input({
      usecase: "MARKETING", messageFlow: FLOW_WEB,
      description: "Lakeshore Plumbing sends seasonal maintenance offers and discounts to customers who subscribe on our website.",
    });
    const loan = { ...base, campaign: { ...base.campaign, sample1: "Lakeshore Plumbing: get a home improvement loan for your new boiler. Reply STOP to opt out." } };
    const apr = { ...base, campaign: { ...base.campaign, sample1: "Lakeshore Plumbing: new boilers with 0% APR financing this month. Reply STOP to opt out." } };
    expect(lintCampaign(loan).find((f) => f.ruleId === "attr.direct-lending")?.severity).toBe("block");
    expect(lintCampaign(apr).find((f) => f.ruleId === "attr.direct-lending")?.severity).toBe("warn");
  });

  it("does not take innocent words for prohibited content", () => {
    const base = input({ usecase: "MARKETING", messageFlow: FLOW_WEB, description: "Lakeshore Plumbing sends seasonal maintenance offers and discounts to customers who subscribe on our website." });
    for (const sample1 of [
      "Lakeshore Plumbing: our flame retardant pipe wrap is 20% off. Reply STOP to opt out.",
      "Lakeshore Plumbing: hit the jackpot with 30% off drain cleaning! Reply STOP to opt out.",
      "Lakeshore Plumbing: order XXX is ready for pickup. Reply STOP to opt out.",
      "Lakeshore Plumbing: cryptographically signed invoices are now in your portal. Reply STOP to opt out.",
      "Lakeshore Plumbing: school spirit week discount for teachers, 10% off. Reply STOP to opt out.",
    ]) {
      const content = lintCampaign({ ...base, campaign: { ...base.campaign, sample1 } }).filter((f) => f.ruleId.startsWith("content.") || f.ruleId === "attr.age-gated");
      expect(content, sample1).toEqual([]);
    }
  });
});
