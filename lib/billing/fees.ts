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
