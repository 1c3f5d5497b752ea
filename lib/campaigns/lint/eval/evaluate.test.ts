import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../engine";
import { Corpus, corpusCases, evaluate, formatReport, meetsThresholds, runCase, THRESHOLDS } from "./evaluate";

const corpus = Corpus.parse(JSON.parse(readFileSync(resolve(process.cwd(), "lib/campaigns/lint/eval/corpus.json"), "utf8")));

describe("compliance check evaluation (npm run -s lint:eval)", () => {
  it("has at least 60 legitimate and 60 flawed campaigns across the use cases", () => {
    expect(corpus.legitimate.length).toBeGreaterThanOrEqual(60);
    expect(corpus.flawed.length).toBeGreaterThanOrEqual(60);
    const cases = corpusCases(corpus);
    const usecases = new Set(cases.filter((c) => c.kind === "legitimate").map((c) => c.usecase));
    for (const u of ["2FA", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "MARKETING", "MIXED", "LOW_VOLUME", "ACCOUNT_NOTIFICATION"]) expect(usecases).toContain(u);
    expect(usecases.size).toBeGreaterThanOrEqual(15);
  });

  it("names, for each flawed campaign, a rule of the check and a field that rule concerns", () => {
    const ids = new Set(corpus.legitimate.map((l) => l.id));
    for (const f of corpus.flawed) {
      const rule = rules.find((r) => r.id === f.rule);
      expect(rule, `${f.id}: unknown rule ${f.rule}`).toBeDefined();
      expect(rule!.fields as string[], `${f.id}: ${f.field} is not a field of ${f.rule}`).toContain(f.field);
      expect(ids.has(f.base), `${f.id}: base ${f.base}`).toBe(true);
    }
  });

  it("meets the thresholds: recall >= 95 %, no false block", () => {
    const report = evaluate(corpus);
    const text = formatReport(report);
    expect(report.overall.falseBlocks, text).toBe(THRESHOLDS.maxFalseBlocks);
    expect(report.overall.recall, text).toBeGreaterThanOrEqual(THRESHOLDS.minRecall);
    expect(meetsThresholds(report.overall)).toBe(true);
    expect(text).toContain("PASS");
  });

  it("would fail on a false block or a miss (the measure is not vacuous)", () => {
    const cases = corpusCases(corpus);
    // A legitimate campaign made to block counts as a false block.
    const legit = cases.find((c) => c.id === "mkt-02")!;
    const broken = runCase({ ...legit, input: { ...legit.input, campaign: { ...legit.input.campaign, resellerId: "" } } });
    expect(broken.blocked).toBe(true);
    // A flawed campaign whose named field is wrong is not caught.
    const flawed = cases.find((c) => c.id === "f-shortener")!;
    expect(runCase(flawed).caught).toBe(true);
    expect(runCase({ ...flawed, expect: { ...flawed.expect!, field: "sample5" } }).caught).toBe(false);
    const worse = evaluate({ ...corpus, legitimate: corpus.legitimate.map((l) => (l.id === "mkt-02" ? { ...l, campaign: { ...l.campaign, resellerId: "" } } : l)) });
    expect(worse.overall.falseBlocks).toBe(1);
    expect(meetsThresholds(worse.overall)).toBe(false);
  });
});
