/**
 * Where each rule comes from. Reference line numbers are those of shared/reference/tcr-csp-api-7.8.0.txt
 * (as cited in spec/tcr-api-part2.md); carrier codes from spec/anchors-mission.md §3; provider rule ids
 * from spec/providers.md §4.
 */
export const TCR_BUILDER = "TCR CSP API 7.8.0: POST /campaignBuilder validation table (L2928–2957)";
export const TCR_MNO = "TCR CSP API 7.8.0: MNO metadata object (L2965–2981; tcr-api-part2 §3.2)";
export const TCR_USECASE = "TCR CSP API 7.8.0: use-case rules, sub-use-case min/max (L3738–3744; tcr-api-part2 §5.22)";
export const TCR_SHARING_REJECTION = "TCR campaign sharing rejection categories (tcr-api-part2 §5.19)";
export const TCR_SUSPENSION = "TCR MNO brand suspension categories (tcr-api-part2 §5.21)";
export const am = (id: string, cause: string) => `anchors-mission §3 ${id}: ${cause}`;
export const pv = (id: string, where: string) => `providers.md §4 ${id} (${where})`;
