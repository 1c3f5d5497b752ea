import { describe, expect, it } from "vitest";
import { BRAND_REGISTRATION_FEE, EXTERNAL_VETTING_FEE, feesFor, feeText } from "./fees";

describe("fees per upstream", () => {
  it("shows the stated prices on TCR and Telnyx, and on Vonage says who bills instead of inventing one", () => {
    expect(feesFor("TCR")).toMatchObject({ brand: BRAND_REGISTRATION_FEE, vetting: EXTERNAL_VETTING_FEE, billedBy: "the registry" });
    expect(feesFor("TELNYX")).toMatchObject({ brand: { amountUsd: 4 }, vetting: { amountUsd: 40 }, billedBy: "Telnyx" });
    expect(feesFor("VONAGE")).toEqual({ brand: null, revet: null, vetting: null, billedBy: "Vonage" });
    expect(feeText(feesFor("TELNYX").brand, "Telnyx")).toBe("$4.00");
    expect(feeText(null, "Vonage")).toBe("billed by Vonage");
  });
});
