import { describe, expect, it } from "vitest";
import { brandEligibility, carrierRows, contentRequirements, createRequestFromDraft, requiredSamples, vettingEffects } from "@/lib/campaigns/builder";
import { CampaignBuilderCreateRequest } from "@/lib/tcr/schemas/campaignBuilder";
import type { MnoMetadataMap } from "@/lib/tcr/schemas/common";

const base = { brandId: "B1", displayName: "Acme", status: "ACTIVE", deletedAt: null };

describe("brandEligibility", () => {
  it("accepts verified and vetted brands", () => {
    expect(brandEligibility({ ...base, entityType: "PRIVATE_PROFIT", identityStatus: "VERIFIED" })).toEqual({ ok: true });
    expect(brandEligibility({ ...base, entityType: "NON_PROFIT", identityStatus: "VETTED_VERIFIED" })).toEqual({ ok: true });
  });
  it("says why the others cannot register campaigns", () => {
    expect(brandEligibility({ ...base, entityType: "PRIVATE_PROFIT", identityStatus: "UNVERIFIED" })).toMatchObject({ ok: false, code: "UNVERIFIED" });
    expect(brandEligibility({ ...base, entityType: "PRIVATE_PROFIT", identityStatus: null })).toMatchObject({ ok: false, code: "PENDING" });
    expect(brandEligibility({ ...base, entityType: "SOLE_PROPRIETOR", identityStatus: "SELF_DECLARED", data: {} })).toMatchObject({ ok: false, code: "OTP_PENDING" });
    expect(brandEligibility({ ...base, entityType: "SOLE_PROPRIETOR", identityStatus: "VERIFIED", data: { mobilePhoneVerifiedDate: "2026-01-01T00:00:00Z" } })).toEqual({ ok: true });
    expect(brandEligibility({ ...base, entityType: "PUBLIC_PROFIT", identityStatus: "VERIFIED", data: {} })).toMatchObject({ ok: false, code: "AUTHPLUS_PENDING" });
    expect(brandEligibility({ ...base, entityType: "PUBLIC_PROFIT", identityStatus: "VERIFIED", data: { businessContactEmailVerifiedDate: "2026-01-01T00:00:00Z" } })).toEqual({ ok: true });
    expect(brandEligibility({ ...base, entityType: "PRIVATE_PROFIT", identityStatus: "VERIFIED", deletedAt: new Date() })).toMatchObject({ ok: false, code: "DELETED" });
  });
});

// Shaped like the registry's MNO metadata (tcr-api-part2 §3.2; anchors-mission §5.9 real AT&T/T-Mobile fields).
const meta: MnoMetadataMap = {
  "10038": { mno: "Verizon Wireless", mnoSupport: true, qualify: true, mnoReview: false, minMsgSamples: 1, reqSubscriberOptout: true, noEmbeddedLink: true },
  "10017": { mno: "AT&T", mnoSupport: true, qualify: true, mnoReview: false, minMsgSamples: 2, msgClass: "F", tpm: 240, mmsTpm: 150, tpmScope: "CAMPAIGN", reqSubscriberHelp: true },
  "10035": { mno: "T-Mobile", mnoSupport: true, qualify: true, mnoReview: true, minMsgSamples: 1, brandTier: "LOW", brandDailyCap: 2000, reqSubscriberOptin: true },
  "10037": { mno: "US Cellular", mnoSupport: false, qualify: false, minMsgSamples: 3 },
};

describe("the qualification matrix", () => {
  it("orders carriers and reads every field", () => {
    const rows = carrierRows(meta);
    expect(rows.map((r) => r.mnoId)).toEqual(["10017", "10035", "10038", "10037"]);
    expect(rows[0]).toMatchObject({ name: "AT&T", msgClass: "F", tpm: 240, mmsTpm: 150, tpmScope: "CAMPAIGN", verdict: "ok", helpRequired: true });
    expect(rows[1]).toMatchObject({ brandTier: "LOW", brandDailyCap: 2000, review: true, verdict: "review", optinRequired: true });
    expect(rows[2]).toMatchObject({ linksAllowed: false, phonesAllowed: true, optoutRequired: true });
    expect(rows[3]).toMatchObject({ supported: false, qualifies: false, verdict: "unsupported" });
    expect(carrierRows(null)).toEqual([]);
  });
  it("asks for the most samples any qualifying carrier needs, at least one per sub-use case, at most five", () => {
    const rows = carrierRows(meta);
    expect(requiredSamples(rows)).toBe(2); // US Cellular's 3 does not count: it does not take the campaign
    expect(requiredSamples(rows, 4)).toBe(4);
    expect(requiredSamples(rows, 9)).toBe(5);
    expect(requiredSamples([])).toBe(1);
  });
  it("sums up what the content must do", () => {
    expect(contentRequirements(carrierRows(meta))).toEqual({ optin: true, optout: true, help: true, noLinks: ["Verizon Wireless"], noPhones: [] });
  });
  it("says what a better vetting score would change, from the published class and tier tables", () => {
    const effects = vettingEffects(carrierRows(meta));
    expect(effects[0]).toContain("class B (4,500 SMS / 2,400 MMS per minute)");
    expect(effects[0]).toContain("class D");
    expect(effects[1]).toContain("tier TOP (200,000 messages a day)");
    expect(vettingEffects(carrierRows({ "10017": { msgClass: "A", tpm: 4500 }, "10035": { brandTier: "TOP", brandDailyCap: 200000 } }))).toEqual([]);
    expect(vettingEffects(carrierRows({ "10017": { mnoSupport: true, qualify: false } })).join(" ")).toContain("does not qualify");
  });
});

describe("createRequestFromDraft", () => {
  it("builds a request the registry's validation table accepts, packing samples and leaving portal-only fields out", () => {
    const req = createRequestFromDraft({
      brandId: "B1", usecase: "MARKETING", description: "x".repeat(50), messageFlow: "y".repeat(50), sample1: "", sample2: "a sample message of twenty+ chars",
      subscriberHelp: true, helpKeywords: "HELP", helpMessage: "Acme: help at acme.example. Reply STOP to cancel.", subscriberOptout: true,
      optoutKeywords: "STOP", optoutMessage: "Acme: you are unsubscribed now.", subscriberOptin: false, optinMessage: "ignored because opt-in is off",
      affiliateMarketing: true, consent: { programName: "Acme" }, mmsFileIds: ["f1"], termsAndConditions: true,
    });
    expect(req.sample1).toBe("a sample message of twenty+ chars");
    expect(req.sample2).toBeNull();
    expect(req.resellerId).toBe("R000000");
    expect(req.optinMessage).toBeUndefined();
    expect(req).not.toHaveProperty("affiliateMarketing");
    expect(req).not.toHaveProperty("consent");
    expect(CampaignBuilderCreateRequest.safeParse(req).success).toBe(true);
  });
});
