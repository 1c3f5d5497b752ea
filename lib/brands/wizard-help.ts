/**
 * Plain-English help for the brand wizard and the edit form, from tcr-api-part1 §3.3 (rules 1–3, the
 * requirement table's "Meaning" column), §5.2 (brandRelationship meanings) and §6.3–6.4 (Auth+, SP OTP).
 * Client-safe.
 */
import type { BrandField } from "@/lib/tcr/schemas/brand";
import type { BrandRelationship, EntityType } from "@/lib/tcr/schemas/enums";

export type EntityTypeHelp = { summary: string; examples: string; verification: string };

export const ENTITY_TYPE_HELP: Record<EntityType, EntityTypeHelp> = {
  PRIVATE_PROFIT: {
    summary: "A privately held business with a tax id (EIN in the US): corporation, LLC, partnership.",
    examples: "A local shop's LLC, a privately owned software company. Foreign government bodies also register here.",
    verification: "The registry checks the legal name against the tax id automatically after you submit.",
  },
  PUBLIC_PROFIT: {
    summary: "A company whose shares trade on a stock exchange. Needs the stock symbol, the exchange, a website and a business contact.",
    examples: "A NASDAQ- or NYSE-listed company, or a subsidiary registering under its parent's listing.",
    verification: "Identity check, then Authentication+: the business contact receives a 2FA email and must complete it before the brand can register campaigns.",
  },
  NON_PROFIT: {
    summary: "A registered non-profit organization (in the US, IRS tax-exempt, e.g. 501(c)(3)).",
    examples: "A charity, a foundation, a religious organization.",
    verification: "The registry checks the tax id and looks up the organization's tax-exempt status.",
  },
  GOVERNMENT: {
    summary: "A US federal, state, local or tribal government body. US only.",
    examples: "A city council, a state agency, a public school district. A foreign government registers as PRIVATE_PROFIT.",
    verification: "The registry checks that the tax id belongs to a US government entity.",
  },
  SOLE_PROPRIETOR: {
    summary: "A person doing business without a company tax id (no EIN): no legal company name, no stock listing.",
    examples: "A freelance tutor, a one-person hair salon without an EIN.",
    verification: "Not checked against a tax id. The brand owner must confirm the mobile number with an SMS one-time PIN (OTP) before the brand can register campaigns.",
  },
};

export const BRAND_RELATIONSHIP_HELP: Record<BrandRelationship, string> = {
  BASIC_ACCOUNT: "No business history with you (the CSP)",
  SMALL_ACCOUNT: "Some business history with you",
  MEDIUM_ACCOUNT: "Solid business history, in good standing",
  LARGE_ACCOUNT: "Dedicated account manager, highly trusted",
  KEY_ACCOUNT: "Dedicated team, strategic account",
};

/** What each field means, shown under it (the reference's "Meaning" column, with its formats). */
export const FIELD_HELP: Partial<Record<BrandField, string>> = {
  displayName: "The name customers know: brand, marketing or DBA name.",
  companyName: "The legal name exactly as registered with the tax authority.",
  firstName: "The sole proprietor's first name, as on official documents.",
  lastName: "The sole proprietor's last name.",
  ein: "The tax id. A US EIN has 9 digits (12-3456789 is accepted).",
  einIssuingCountry: "Country that issued the tax id; leave empty for the US.",
  stockSymbol: "The ticker, e.g. ABC.",
  stockExchange: "Where the stock trades.",
  businessContactEmail: "A named person at the company's own domain. They receive the Authentication+ 2FA email. No distribution lists (sales@, info@) or free-mail addresses.",
  email: "Where the registry and carriers can reach the brand's support contact.",
  phone: "Support phone in E.164 format: + country code and number, e.g. +12025550123.",
  mobilePhone: "The sole proprietor's own mobile number in E.164 format. The SMS one-time PIN goes here; US or Canadian numbers only.",
  street: "House number and street.",
  state: "For the US, the 2-letter state code.",
  postalCode: "For the US, the 5-digit ZIP code.",
  country: "2-letter ISO country code, e.g. US.",
  vertical: "The industry the brand works in.",
  website: "The brand's website, e.g. https://www.example.com.",
  altBusinessId: "Another registry identifier for the business, matching the type below (e.g. a DUNS number).",
  altBusinessIdType: "Which kind of identifier the alternative business id is.",
  brandRelationship: "How well you (the CSP) know this brand. It can change at most once every 3 months.",
  referenceId: "Your own unique id for this brand (at most 50 characters). Filled in for you; the registry uses it to refuse duplicates.",
  tag: "Keywords to find the brand later: up to 10, letters and digits only, separated by spaces or commas.",
  ipAddress: "The IP address of the browser that asked for this brand's registration, if you recorded it (e.g. your customer's, from your own sign-up form). IPv4 or IPv6.",
  mock: "A test brand: campaigns registered for it are not charged and carry no traffic.",
};
