/**
 * The lists the brand wizard offers, on a Telnyx connection. Telnyx has no enum endpoints, but its reference closes
 * the vertical and alternative-id lists (Create Brand: "Enum: …"), so they are served from there in TCR's shapes.
 * Countries stay free text: Telnyx documents an ISO 3166-1 alpha-2 code without listing them.
 */
import { TELNYX_ALT_BUSINESS_ID_TYPES, TELNYX_VERTICALS } from "./schemas";

const title = (v: string) => v.toLowerCase().split("_").map((w) => (w === "ngo" ? "NGO" : w[0]!.toUpperCase() + w.slice(1))).join(" ");

export const telnyxEnums = {
  vertical: async () => Object.fromEntries(TELNYX_VERTICALS.map((v) => [v, { displayName: title(v) }])),
  altBusinessIdType: async () => [...TELNYX_ALT_BUSINESS_ID_TYPES],
};
