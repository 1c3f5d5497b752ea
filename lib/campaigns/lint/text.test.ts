import { describe, expect, it } from "vitest";
import {
  brandNameVariants, detectOptinMethods, findPhones, findUrls, hasFrequency, hasHelpLanguage, hasOptoutLanguage,
  hasRatesDisclosure, isConsumerInitiated, mentionsBrand, phoneKey,
} from "./text";

describe("findPhones", () => {
  it.each([
    ["Call (312) 555-0142 today", "(312) 555-0142"],
    ["call 312-555-0142.", "312-555-0142"],
    ["dial 312.555.0142", "312.555.0142"],
    ["+13125550142 is our line", "+13125550142"],
    ["+1 312 555 0142", "+1 312 555 0142"],
    ["+1 (312) 555-0142", "+1 (312) 555-0142"],
    ["1-800-555-0199 ext. 12", "1-800-555-0199 ext. 12"],
    ["Call us at 312 555 0142 x204", "312 555 0142 x204"],
    ["(312)555-0142", "(312)555-0142"],
    ["Call 1-800-FLOWERS now", "1-800-FLOWERS"],
  ])("finds the number in %j", (text, phone) => {
    expect(findPhones(text)).toEqual([phone]);
  });

  it("ignores order numbers, codes, prices and dates", () => {
    for (const t of ["Order #20231155501423 shipped", "Your code is 482913", "Total $312.55 due 12/01/2025", "Tracking 1Z999AA10123456784"]) {
      expect(findPhones(t), t).toEqual([]);
    }
  });

  it("keys a number the same however it is written, without extension", () => {
    const keys = ["(312) 555-0142", "+13125550142", "312.555.0142", "1-312-555-0142 ext. 9"].map(phoneKey);
    expect(new Set(keys)).toEqual(new Set(["3125550142"]));
    expect(phoneKey("1-800-FLOWERS")).toBe("8003569377");
  });
});

describe("findUrls", () => {
  it("finds links with and without scheme", () => {
    expect(findUrls("Book at https://acme.com/book, or visit www.acme.com.")).toEqual(["https://acme.com/book", "www.acme.com"]);
    expect(findUrls("Track it at acmeshop.com/track?id=1 or brightsmile.dental/care")).toEqual(["acmeshop.com/track?id=1", "brightsmile.dental/care"]);
  });
  it("does not take e-mail addresses, initials or run-on sentences for links", () => {
    expect(findUrls("Write to care@acme.com. Dr.Smith said: reply STOP to end.Help is here")).toEqual([]);
  });
});

describe("opt-in methods in free text", () => {
  it.each([
    ["Customers tick a checkbox on the checkout page to get order texts.", "WEB_FORM"],
    ["Users sign in and enable text alerts in account settings.", "WEB_FORM"],
    ["Patients enter their mobile number when they book on our website.", "WEB_FORM"],
    ["Text JOIN to 55123 from the poster in our lobby.", "TEXT_TO_JOIN"],
    ["Subscribers text the keyword DEALS to our number.", "TEXT_TO_JOIN"],
    ["Our agents ask callers for verbal consent and note it in the CRM.", "VERBAL"],
    ["Callers press 1 in our phone menu to receive a text.", "IVR"],
    ["Guests sign a paper registration card at the front desk.", "PAPER_FORM"],
    ["Shoppers give their number to the cashier at the register.", "POINT_OF_SALE"],
    ["Users turn on SMS alerts in the mobile app.", "MOBILE_APP"],
    ["The customer texts our support number first; we only reply to that conversation.", "CONSUMER_INITIATED"],
    ["Consumers initiate the conversation by texting us at 312-555-0142.", "CONSUMER_INITIATED"],
  ])("%j → %s", (text, method) => {
    expect(detectOptinMethods(text)).toContain(method);
  });

  it("finds no method in a flow that only says people opt in", () => {
    expect(detectOptinMethods("Customers opt in to receive our messages. Msg & data rates may apply.")).toEqual([]);
  });

  it("calls consent consumer-initiated only without a form or keyword beside it", () => {
    expect(isConsumerInitiated("Customers text our support line first and agents reply to their questions. Privacy: https://acme.com/privacy")).toBe(true);
    expect(isConsumerInitiated("Customers text us first, or sign up with the form at https://acme.com/sms")).toBe(false);
    expect(isConsumerInitiated("Customers check a box on https://acme.com/sms")).toBe(false);
  });
});

describe("disclosures as people write them", () => {
  it.each([
    "Message frequency varies.", "Msg freq varies.", "Up to 4 msgs/month.", "You will get 2 texts per week.", "One message per login request.",
    "Recurring messages.", "We send weekly reminders.", "Texts go out only when a security event occurs.", "Alerts are sent only when suspicious activity is detected.", "Msg frequency depends on your orders.", "3 msgs/wk",
  ])("frequency: %j", (t) => expect(hasFrequency(t)).toBe(true));
  it("no frequency in a plain disclosure", () => expect(hasFrequency("Msg & data rates may apply. Reply STOP to cancel.")).toBe(false));

  it.each(["Msg & data rates may apply", "Message and Data Rates May Apply", "Msg&data rates apply", "Standard messaging rates apply", "Carrier charges may apply"])(
    "rates: %j", (t) => expect(hasRatesDisclosure(t)).toBe(true),
  );

  it.each(["Reply STOP to cancel", "Text END to quit", "reply stop to unsubscribe", "Opt out anytime", "Reply CANCEL", "You can cancel texts at any time"])(
    "opt-out: %j", (t) => expect(hasOptoutLanguage(t)).toBe(true),
  );
  it("opt-out by a declared keyword", () => expect(hasOptoutLanguage("Send ARRET to leave", ["ARRET"])).toBe(true));
  it("no opt-out", () => expect(hasOptoutLanguage("See you soon at the clinic")).toBe(false));

  it.each(["Reply HELP for help", "Text INFO for info", "reply help", "For assistance call 312-555-0142", "For support email care@acme.com"])(
    "help: %j", (t) => expect(hasHelpLanguage(t)).toBe(true),
  );
  it("no help", () => expect(hasHelpLanguage("Reply STOP to cancel")).toBe(false));
});

describe("brand names", () => {
  it("recognises the short name and the initials", () => {
    const v = brandNameVariants("Acme Dental Care LLC");
    expect(mentionsBrand("ACME: your cleaning is tomorrow", v)).toBe(true);
    expect(mentionsBrand("ADC reminder: cleaning tomorrow", v)).toBe(true);
    expect(mentionsBrand("First National: your statement is ready", brandNameVariants("First National Bank"))).toBe(true);
    expect(mentionsBrand("First, your statement is ready", brandNameVariants("First National Bank"))).toBe(false);
  });
});
