import { describe, expect, it } from "vitest";
import { acknowledge, matchAcknowledgements, withdraw } from "./acknowledge";
import { lintCampaign } from "./engine";
import { withCampaign } from "./fixtures";

const findings = lintCampaign(withCampaign({ embeddedLinkSample: "", optoutMessage: "" }));
const warn = findings.find((f) => f.ruleId === "attr.link-sample")!;
const block = findings.find((f) => f.severity === "block")!;

describe("acknowledged warnings", () => {
  it("acknowledges a warning with a reason and matches it to the current findings", () => {
    expect(warn.severity).toBe("warn");
    const acks = acknowledge([], warn, "The link sample is the booking page shown in sample2.");
    const m = matchAcknowledgements(findings, acks);
    expect(m.acknowledged).toEqual([{ finding: warn, reason: "The link sample is the booking page shown in sample2." }]);
    expect(m.unacknowledged).not.toContainEqual(warn);
    expect(m.stale).toEqual([]);
  });

  it("refuses to acknowledge a block, or without a real reason", () => {
    expect(block).toBeDefined();
    expect(() => acknowledge([], block, "We accept the risk of rejection here.")).toThrow(/only warnings/);
    expect(() => acknowledge([], warn, "ok")).toThrow();
  });

  it("an acknowledgement that no longer matches (the warning is fixed) is stale and covers nothing", () => {
    const acks = acknowledge([], warn, "The link sample is the booking page shown in sample2.");
    const fixed = lintCampaign(withCampaign({ optoutMessage: "" }));
    const m = matchAcknowledgements(fixed, acks);
    expect(m.acknowledged).toEqual([]);
    expect(m.stale).toHaveLength(1);
  });

  it("covers one occurrence: the same rule with another detail is not acknowledged", () => {
    const two = lintCampaign(withCampaign({ sample1: "Acme Dental: see https://www.other-site.net/a Reply STOP to opt out.", sample2: "Acme Dental: or https://www.third-site.org/b today. Reply STOP to opt out." }));
    const domain = two.filter((f) => f.ruleId === "sample.link-domain");
    expect(domain.length).toBeGreaterThanOrEqual(2);
    const m = matchAcknowledgements(two, acknowledge([], domain[0]!, "Our scheduling partner hosts this booking page."));
    expect(m.acknowledged.map((a) => a.finding)).toEqual([domain[0]]);
    expect(m.unacknowledged).toContainEqual(domain[1]);
  });

  it("matches an occurrence whose detail is longer than an acknowledgement keeps", () => {
    const long = { ...warn, detail: `sample1: ${"x".repeat(400)}` };
    const acks = acknowledge([], long, "Long detail, acknowledged all the same.");
    expect(acks[0]!.detail).toHaveLength(300);
    expect(matchAcknowledgements([long], acks).acknowledged).toHaveLength(1);
  });

  it("replaces and withdraws", () => {
    let acks = acknowledge([], warn, "First reason, long enough.");
    acks = acknowledge(acks, warn, "Second reason, long enough.");
    expect(acks).toHaveLength(1);
    expect(acks[0]!.reason).toBe("Second reason, long enough.");
    expect(withdraw(acks, warn)).toEqual([]);
  });
});
