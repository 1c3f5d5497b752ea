// How the brand detail page groups the registry's brand object (§3.21). Keys are the registry's own field
// names; a field the registry adds later lands in "Other fields" instead of disappearing.
export type FieldGroup = { id: string; title: string; fields: { key: string; label: string }[] };

export const BRAND_FIELD_GROUPS: FieldGroup[] = [
  {
    id: "identity",
    title: "Identity",
    fields: [
      { key: "brandId", label: "Brand id" },
      { key: "displayName", label: "Display name" },
      { key: "companyName", label: "Legal company name" },
      { key: "firstName", label: "First name" },
      { key: "lastName", label: "Last name" },
      { key: "ein", label: "Tax id (EIN)" },
      { key: "einIssuingCountry", label: "Tax id issuing country" },
      { key: "universalEin", label: "Universal EIN" },
      { key: "altBusinessId", label: "Alternative business id" },
      { key: "altBusinessIdType", label: "Alternative business id type" },
      { key: "stockSymbol", label: "Stock symbol" },
      { key: "stockExchange", label: "Stock exchange" },
      { key: "identityStatus", label: "Identity status" },
      { key: "status", label: "Status" },
      { key: "referenceId", label: "Reference id" },
      { key: "createDate", label: "Created at the registry" },
      { key: "cspId", label: "CSP id" },
      { key: "cspName", label: "CSP name" },
    ],
  },
  {
    id: "contact",
    title: "Contact & address",
    fields: [
      { key: "email", label: "Email" },
      { key: "phone", label: "Phone" },
      { key: "mobilePhone", label: "Mobile phone" },
      { key: "mobilePhoneVerifiedDate", label: "Mobile phone verified" },
      { key: "website", label: "Website" },
      { key: "street", label: "Street" },
      { key: "city", label: "City" },
      { key: "state", label: "State" },
      { key: "postalCode", label: "Postal code" },
      { key: "country", label: "Country" },
      { key: "businessContactTitle", label: "Business contact title" },
      { key: "businessContactFirstName", label: "Business contact first name" },
      { key: "businessContactLastName", label: "Business contact last name" },
      { key: "businessContactEmail", label: "Business contact email" },
      { key: "businessContactEmailVerifiedDate", label: "Business contact email verified" },
      { key: "ipAddress", label: "IP address" },
    ],
  },
  {
    id: "classification",
    title: "Classification",
    fields: [
      { key: "entityType", label: "Entity type" },
      { key: "vertical", label: "Vertical" },
      { key: "brandRelationship", label: "Brand relationship" },
      { key: "evpVettingScore", label: "Vetting score" },
      { key: "evpVettingFeedback", label: "Vetting feedback" },
      { key: "politicalVettingId", label: "Political vetting id" },
      { key: "tag", label: "Tags" },
      { key: "mock", label: "Mock brand" },
      { key: "optionalAttributes", label: "Optional attributes" },
    ],
  },
];

const KNOWN = new Set(BRAND_FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.key)));

/** The groups with the brand's values, plus "Other fields" for keys the portal does not know. */
export function groupBrandFields(data: unknown): { id: string; title: string; fields: { key: string; label: string; value: unknown }[] }[] {
  const d = (data && typeof data === "object" && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const groups = BRAND_FIELD_GROUPS.map((g) => ({ id: g.id, title: g.title, fields: g.fields.map((f) => ({ ...f, value: d[f.key] })) }));
  const other = Object.keys(d).filter((k) => !KNOWN.has(k)).sort().map((k) => ({ key: k, label: k, value: d[k] }));
  return other.length ? [...groups, { id: "other", title: "Other fields", fields: other }] : groups;
}
