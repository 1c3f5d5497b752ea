import { describe, expect, it } from "vitest";
import {
  composeDisclosure, composeMessageFlow, consentFindings, ConsentSchema, MESSAGE_FLOW_MAX, MESSAGE_FLOW_MIN, type Consent,
} from "./consent";
import { cleanConsent } from "./lint/fixtures";

describe("composeMessageFlow", () => {
  it("writes every disclosure carriers look for into the registry's messageFlow", () => {
    const flow = composeMessageFlow(cleanConsent);
    expect(flow.length).toBeGreaterThanOrEqual(MESSAGE_FLOW_MIN);
    expect(flow.length).toBeLessThanOrEqual(MESSAGE_FLOW_MAX);
    for (const part of [
      "Acme Dental collects SMS opt-in consent",
      "https://www.acmedental.com/book",
      "unchecked by default",
      "Screenshot of the opt-in: https://www.acmedental.com/img/sms-optin.png",
      "appointment reminders and promotional offers text messages from Acme Dental",
      "Recurring messages, up to 4 msgs/month.",
      "Msg & data rates may apply.",
      "Reply HELP for help, STOP to cancel.",
      "Consent is not a condition of purchase.",
      "Carriers are not liable",
      "Terms: https://www.acmedental.com/sms-terms",
      "Privacy Policy: https://www.acmedental.com/privacy",
      "not shared with or sold to third parties",
    ]) expect(flow).toContain(part);
  });

  it("is deterministic and numbers several methods", () => {
    const c: Consent = {
      ...cleanConsent,
      mechanisms: [
        ...cleanConsent.mechanisms,
        { method: "TEXT_TO_JOIN", location: "on posters in our clinics", keywords: "SMILE" },
        { method: "VERBAL", location: "front desk at check-in", evidenceUrl: "https://www.acmedental.com/script.pdf" },
      ],
    };
    const flow = composeMessageFlow(c);
    expect(flow).toBe(composeMessageFlow(structuredClone(c)));
    expect(flow).toContain("in 3 ways. (1) Web form");
    expect(flow).toContain("(2) Keyword text-in: subscribers text SMILE to the Acme Dental number, advertised on posters in our clinics.");
    expect(flow).toContain("(3) Verbal: a live operator reads the SMS disclosure");
  });

  it("leaves out what is not disclosed instead of claiming it", () => {
    const d = composeDisclosure({ ...cleanConsent, ratesDisclosure: false, helpDisclosure: false, carrierDisclaimer: false });
    expect(d).not.toContain("rates");
    expect(d).not.toContain("HELP");
    expect(d).toContain("Reply STOP to cancel.");
  });

  it("mentions the age check when a minimum age is set", () => {
    expect(composeMessageFlow({ ...cleanConsent, minimumAge: 21 })).toContain("must be 21+ to opt in");
  });

  it("renders a partial draft without throwing", () => {
    expect(composeMessageFlow({})).toBe("");
    expect(composeMessageFlow({ mechanisms: [{ method: "WEB_FORM" }] })).toContain("(URL)");
  });
});

describe("ConsentSchema", () => {
  it("accepts the clean consent", () => {
    expect(ConsentSchema.safeParse(cleanConsent).success).toBe(true);
  });

  it("needs evidence for every method but keyword text-in, and keywords for text-in", () => {
    const noEvidence = ConsentSchema.safeParse({ ...cleanConsent, mechanisms: [{ ...cleanConsent.mechanisms[0], evidenceUrl: "" }] });
    expect(noEvidence.success).toBe(false);
    expect(noEvidence.error?.issues[0]?.path).toEqual(["mechanisms", 0, "evidenceUrl"]);
    expect(ConsentSchema.safeParse({ ...cleanConsent, mechanisms: [{ method: "TEXT_TO_JOIN", location: "posters", keywords: "SMILE" }] }).success).toBe(true);
    expect(ConsentSchema.safeParse({ ...cleanConsent, mechanisms: [{ method: "TEXT_TO_JOIN", location: "posters" }] }).success).toBe(false);
  });

  it("rejects non-web links and an empty method list", () => {
    expect(ConsentSchema.safeParse({ ...cleanConsent, privacyPolicyUrl: "privacy page" }).success).toBe(false);
    expect(ConsentSchema.safeParse({ ...cleanConsent, mechanisms: [] }).success).toBe(false);
  });

  it("rejects a consent whose message flow would exceed the registry's 4096 characters", () => {
    const long = (n: number) => ({ method: "VERBAL" as const, location: `desk ${n}`, details: "d".repeat(990), evidenceUrl: "https://www.acmedental.com/s.pdf" });
    const r = ConsentSchema.safeParse({ ...cleanConsent, mechanisms: [long(1), long(2), long(3), long(4)] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => /at most 4096/.test(i.message))).toBe(true);
  });
});

describe("consentFindings", () => {
  it("finds no gap in the clean consent", () => {
    expect(consentFindings(cleanConsent)).toEqual([]);
  });

  it("lists every missing part of an empty draft", () => {
    const ids = consentFindings({}).map((g) => g.ruleId);
    expect(ids).toEqual(expect.arrayContaining([
      "consent.method", "consent.program-name", "consent.purpose", "consent.frequency", "consent.rates", "consent.help",
      "consent.stop", "consent.privacy-link", "consent.terms-link", "consent.not-required", "consent.no-sharing",
    ]));
  });

  it("checks each mechanism and names it in the detail", () => {
    const g = consentFindings({ ...cleanConsent, mechanisms: [cleanConsent.mechanisms[0]!, { method: "POINT_OF_SALE", location: "" }] });
    expect(g).toEqual([
      { ruleId: "consent.location", detail: "Point of sale (#2)" },
      { ruleId: "consent.evidence", detail: "Point of sale (#2)" },
    ]);
  });
});
