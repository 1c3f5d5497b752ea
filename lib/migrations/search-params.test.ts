import { describe, expect, it } from "vitest";
import { parseIncoming, parseOutgoing, parsePage } from "./search-params";

describe("migration list URL state", () => {
  it("keeps the valid filters and drops a stale one", () => {
    expect(parseOutgoing({ brandId: "B123ABC", carrier: "SUSPENDED", eligibility: "nonsense", migration: "ACTIVE", dca: "SDCA001" }))
      .toEqual({ brandId: "B123ABC", carrier: "SUSPENDED", migration: "ACTIVE", dca: "SDCA001" });
    expect(parseIncoming({ sharingStatus: ["PENDING", "ACCEPTED"], migrationShare: "yes", q: "" })).toEqual({ sharingStatus: "PENDING", migrationShare: "yes" });
    expect(parsePage({ page: "0" })).toBe(1);
    expect(parsePage({ page: "3" })).toBe(3);
  });
});
