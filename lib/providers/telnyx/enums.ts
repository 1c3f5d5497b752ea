/**
 * The lists the brand wizard offers, on a Telnyx connection. Telnyx has no enum endpoints, but its reference closes
 * the vertical and alternative-id lists (Create Brand: "Enum: …"), so they are served from there in TCR's shapes.
 * Countries stay free text: Telnyx documents an ISO 3166-1 alpha-2 code without listing them.
 * Vetting: Telnyx relays evpId and vettingClass to TCR without listing them, so the order form offers TCR's
 * providers (tcr-csp-api §External Vetting: AEGIS for STANDARD/ENHANCED/POLITICAL, WMC for STANDARD; CV is import
 * only) minus what Telnyx's order request cannot carry (POLITICAL needs TCR's additionalRequestPayload).
 */
import { TELNYX_ALT_BUSINESS_ID_TYPES, TELNYX_VERTICALS } from "./schemas";

const title = (v: string) => v.toLowerCase().split("_").map((w) => (w === "ngo" ? "NGO" : w[0]!.toUpperCase() + w.slice(1))).join(" ");

export const telnyxEnums = {
  vertical: async () => Object.fromEntries(TELNYX_VERTICALS.map((v) => [v, { displayName: title(v) }])),
  altBusinessIdType: async () => [...TELNYX_ALT_BUSINESS_ID_TYPES],
  extVettingProvider: async () => [
    { evpId: "AEGIS", displayName: "Aegis Mobile", vettingClasses: ["STANDARD", "ENHANCED"] },
    { evpId: "WMC", displayName: "WMC Global", vettingClasses: ["STANDARD"] },
  ],
  vettingClass: async () => [
    { id: "STANDARD", displayName: "Standard", description: "Standard vet of the brand", enabled: true },
    { id: "ENHANCED", displayName: "Enhanced", description: "Enhanced vet with a detailed report", enabled: true },
  ],
};
