/**
 * Telnyx's documented fees in USD, both "upfront, non-refundable" (/work/shared/reference/telnyx-10dlc-brand-api.txt):
 *   brand:   line 7    "Each brand creation will entail an upfront, non-refundable $4 expense."
 *   vetting: line 1142 "Brand vetting will entail an upfront, non-refundable $40 expense."
 * The reference prices nothing else (revet included).
 */
export const TELNYX_FEES = { brand: 4, vetting: 40 } as const;
