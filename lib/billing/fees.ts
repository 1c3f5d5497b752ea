// The fees a CSP pays for billable registry actions, shown before anything billable is sent.
// TCR's CSP API reference states no brand or vetting price; these are the one-time prices published for the
// same registry actions (Telnyx 10DLC brand API: "$4 upfront, non-refundable" per brand, "$40" per external
// vetting). Campaign fees are not here: the registry returns them per use case (campaign builder
// qualification: monthlyFee/quarterlyFee/annualFee) and the builder shows those.
// Client-safe: no server imports.

export type FeeLine = { label: string; amountUsd: number; recurrence: "one-time" | "monthly" | "quarterly" | "annual"; source: string };

export const BRAND_REGISTRATION_FEE: FeeLine = {
  label: "Brand registration",
  amountUsd: 4,
  recurrence: "one-time",
  source: "Telnyx 10DLC brand API, Create Brand: $4 upfront, non-refundable",
};

/** Brand revet re-runs identity scoring and is charged like a registration. */
export const BRAND_REVET_FEE: FeeLine = {
  label: "Brand revet (identity re-check)",
  amountUsd: 4,
  recurrence: "one-time",
  source: "Not priced in the reference documents (Telnyx: allowed once after registration, then once every 3 months); shown at the registration price because a revet re-runs the same identity check",
};

export const EXTERNAL_VETTING_FEE: FeeLine = {
  label: "External vetting",
  amountUsd: 40,
  recurrence: "one-time",
  source: "Telnyx 10DLC brand API, Order Brand External Vetting: $40 upfront, non-refundable",
};

export function formatUsd(amount: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount);
}

/**
 * The fees shown before each billable action, per upstream. TCR and Telnyx: the lines above (Telnyx states them; TCR
 * is priced the same). Vonage's reference states no brand, revet or vetting price (it bills them on the Vonage
 * account): null, and the page says who bills instead of showing a number it does not know. Campaign fees come
 * from each upstream's qualification answer in every case.
 */
export type UpstreamFees = { brand: FeeLine | null; revet: FeeLine | null; vetting: FeeLine | null; billedBy: string };
export function feesFor(provider: "TCR" | "VONAGE" | "TELNYX"): UpstreamFees {
  if (provider === "VONAGE") return { brand: null, revet: null, vetting: null, billedBy: "Vonage" };
  return { brand: BRAND_REGISTRATION_FEE, revet: BRAND_REVET_FEE, vetting: EXTERNAL_VETTING_FEE, billedBy: provider === "TELNYX" ? "Telnyx" : "the registry" };
}

/** "$4.00", or who bills it when the upstream states no price. */
export function feeText(fee: FeeLine | null, billedBy: string): string {
  return fee ? formatUsd(fee.amountUsd) : `billed by ${billedBy}`;
}
