import { describe, expect, it } from "vitest";
import { lintDocument } from "./cli";
import { cleanBrand, cleanCampaign, mnoAll } from "./fixtures";

describe("lintDocument (campaign:lint)", () => {
  it("prints {id, severity, fields, message, source} and exits 0 for a clean campaign file", () => {
    // A file has a free-text messageFlow and no structured consent.
    const r = lintDocument({ brand: cleanBrand, campaign: cleanCampaign, mnoMetadata: mnoAll() });
    expect(r.exitCode).toBe(0);
    expect(r.findings).toEqual([]);
  });

  it("exits 1 with the blocking finding in registry field names", () => {
    const r = lintDocument({
      brand: cleanBrand,
      campaign: { ...cleanCampaign, sample1: cleanCampaign.sample1!.replace(" Reply STOP to opt out.", ""), sample2: cleanCampaign.sample2!.replace(" Reply STOP to opt out.", "") },
      mnoMetadata: mnoAll(),
    });
    expect(r.exitCode).toBe(1);
    expect(r.findings[0]).toMatchObject({ id: "sample.opt-out", severity: "block", fields: ["sample1", "sample2"] });
    expect(Object.keys(r.findings[0]!).sort()).toEqual(["detail", "fields", "id", "message", "severity", "source"]);
  });

  it("uses mnoMetadata from the file", () => {
    const r = lintDocument({ brand: cleanBrand, campaign: cleanCampaign, mnoMetadata: mnoAll({ qualify: false }) });
    expect(r.findings.filter((f) => f.id === "qual.not-qualified")).toHaveLength(4);
  });

  it("rejects a document without brand or campaign", () => {
    expect(() => lintDocument({ campaign: {} })).toThrow(/brand/);
  });
});
