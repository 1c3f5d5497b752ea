/**
 * The brand registration wizard's pure rules (client-safe): which step asks for which field, how the form's
 * strings become the registry's create body, and the validation both the browser and the server run. The
 * per-entity-type rules are NOT declared here: they come from `brandFieldRules` / `brandCreateSchemaFor`
 * (lib/tcr/schemas/brand.ts, tcr-api-part1 §3.3.1), the same schema the TCR client sends with.
 */
import { z } from "zod";
import { BRAND_FIELD_GROUPS } from "@/lib/brands/fields";
import { ENTITY_TYPE_LABELS } from "@/lib/brands/labels";
import { brandCreateSchemaFor, brandFieldRules, type BrandField, type FieldRule } from "@/lib/tcr/schemas/brand";
import { EntityType, type EntityType as EntityTypeValue } from "@/lib/tcr/schemas/enums";
import type { FieldErrors } from "@/lib/errors";

export const WIZARD_STEPS = [
  { id: "entity", title: "Entity type", description: "What kind of organization" },
  { id: "identity", title: "Identity", description: "Names and tax id" },
  { id: "contact", title: "Contact & address", description: "Email, phones, address" },
  { id: "classification", title: "Classification", description: "Vertical, website, relationship" },
  { id: "review", title: "Review & submit", description: "Check, see the fee, register" },
] as const;
export type WizardStepId = (typeof WIZARD_STEPS)[number]["id"];
export type FieldStepId = Exclude<WizardStepId, "entity" | "review">;
export const WIZARD_STEP_IDS = WIZARD_STEPS.map((s) => s.id) as WizardStepId[];

/**
 * Where each create field is asked. `ipAddress` (optional for every type) is "the IP address of the browser
 * requesting to create brand identity" (reference, brand create body): the brand's own request, e.g. from
 * the CSP's sign-up form, so it is typed in, never taken from the portal user's connection.
 */
export const STEP_FIELDS: Record<FieldStepId, BrandField[]> = {
  identity: ["displayName", "companyName", "firstName", "lastName", "ein", "einIssuingCountry", "stockSymbol", "stockExchange", "businessContactEmail"],
  contact: ["email", "phone", "mobilePhone", "country", "street", "city", "state", "postalCode"],
  classification: ["vertical", "website", "altBusinessId", "altBusinessIdType", "brandRelationship", "referenceId", "tag", "ipAddress", "mock"],
};
export const WIZARD_FIELDS = Object.values(STEP_FIELDS).flat();

/** The form's values: every field as the text the user typed (tags space- or comma-separated). */
export type WizardValues = { entityType: EntityTypeValue | ""; mock: boolean } & Record<Exclude<BrandField, "mock">, string>;
export type WizardTextField = Exclude<BrandField, "mock">;

const TEXT_FIELDS = WIZARD_FIELDS.filter((f): f is WizardTextField => f !== "mock");

/** A new registration's values: empty, except the country most CSPs register in (changeable). */
export function emptyWizardValues(): WizardValues {
  const v = { entityType: "", mock: false } as WizardValues;
  for (const f of TEXT_FIELDS) v[f] = "";
  v.country = "US";
  return v;
}

/** Draft data as stored and as the save action accepts it: lenient on read (old drafts), bounded in size. */
export const wizardValuesSchema = z.object({
  entityType: z.union([EntityType, z.literal("")]).catch(""),
  mock: z.boolean().catch(false),
  ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, z.string().max(600).catch("")])),
}) as unknown as z.ZodType<WizardValues>;

/** The same values as an action input: refused (not repaired) when malformed. */
export const wizardValuesInputSchema = z.object({
  entityType: z.union([EntityType, z.literal("")]),
  mock: z.boolean(),
  ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, z.string().max(600)])),
}) as unknown as z.ZodType<WizardValues>;

/** A stable string for comparing two sets of values (key order does not matter). */
export function valuesKey(v: Partial<WizardValues>): string {
  return JSON.stringify(Object.keys(v).sort().map((k) => [k, v[k as keyof WizardValues]]));
}

/** Stored draft data (JSON of any age) → complete form values. */
export function wizardValuesFrom(data: unknown): WizardValues {
  const base = emptyWizardValues();
  const obj = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const parsed = wizardValuesSchema.safeParse({ ...base, ...obj });
  return parsed.success ? { ...base, ...parsed.data } : base;
}

export function fieldRule(entityType: EntityTypeValue, field: BrandField): FieldRule {
  return brandFieldRules[entityType][field];
}

/** The fields one step shows for an entity type: required and optional ones, never the forbidden ("N/A"). */
export function fieldsForStep(entityType: EntityTypeValue, step: FieldStepId): { field: BrandField; rule: Exclude<FieldRule, "forbidden"> }[] {
  return STEP_FIELDS[step]
    .map((field) => ({ field, rule: fieldRule(entityType, field) }))
    .filter((f): f is { field: BrandField; rule: Exclude<FieldRule, "forbidden"> } => f.rule !== "forbidden");
}

export function stepOfField(field: string): FieldStepId | "entity" {
  for (const [step, fields] of Object.entries(STEP_FIELDS) as [FieldStepId, BrandField[]][]) {
    if ((fields as string[]).includes(field)) return step;
  }
  return "entity";
}

export function parseTags(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,]+/).map((t) => t.trim()).filter(Boolean);
}

const UPPERCASE: ReadonlySet<BrandField> = new Set(["country", "einIssuingCountry", "stockSymbol"]);

/**
 * Form values → the create body for the chosen entity type: only the fields that type allows, trimmed,
 * empty ones left out, codes uppercased, phone punctuation and the EIN's dash removed. Null without a type.
 */
export function toCreateInput(v: Partial<WizardValues>): Record<string, unknown> | null {
  const et = v.entityType;
  if (!et) return null;
  const rules: Record<BrandField, FieldRule> = brandFieldRules[et];
  const out: Record<string, unknown> = { entityType: et };
  for (const f of Object.keys(rules) as BrandField[]) {
    if (rules[f] === "forbidden") continue;
    if (f === "mock") {
      if (v.mock) out.mock = true;
      continue;
    }
    if (f === "tag") {
      const tags = parseTags(v.tag);
      if (tags.length) out.tag = tags;
      continue;
    }
    const s = normaliseFieldValue(f, v[f]);
    if (s) out[f] = s;
  }
  return out;
}

/** One field's text as the registry gets it: trimmed, codes uppercased, EIN dash and phone punctuation removed. */
export function normaliseFieldValue(f: string, raw: unknown): string {
  if (typeof raw !== "string") return "";
  let s = raw.trim();
  if (UPPERCASE.has(f as BrandField)) s = s.toUpperCase();
  if (f === "state" && s.length === 2) s = s.toUpperCase();
  if (f === "ein" && /^\d{2}-\d{7}$/.test(s)) s = s.replace("-", "");
  if (f === "phone" || f === "mobilePhone") s = s.replace(/[\s().-]/g, "");
  return s;
}

// The reference (§3.3 rule 2): the registry refuses a distribution list or a personal/free-mail address as
// the PUBLIC_PROFIT business contact. The lists are the common cases; the registry has the last word.
export const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  "admin", "billing", "careers", "contact", "help", "hello", "hr", "info", "jobs", "marketing", "noreply",
  "no-reply", "office", "sales", "support", "team", "webmaster",
]);
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "aol.com", "gmail.com", "gmx.com", "hotmail.com", "icloud.com", "live.com", "mail.com", "msn.com", "outlook.com",
  "proton.me", "protonmail.com", "yahoo.com", "yandex.com", "zoho.com",
]);

/** Why an address cannot be the business contact (Authentication+), or null when it can. */
export function businessContactEmailProblem(email: string): string | null {
  const [local = "", domain = ""] = email.trim().toLowerCase().split("@");
  if (ROLE_MAILBOXES.has(local)) return "Use a named person's address: the registry rejects distribution lists such as sales@ or info@";
  if (FREE_MAIL_DOMAINS.has(domain)) return "Use an address at the company's own domain: the registry rejects personal and free-mail addresses";
  return null;
}

export const US_STATES: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut",
  DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois",
  IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland",
  MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
  NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico", NY: "New York",
  NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania",
  RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  AS: "American Samoa", GU: "Guam", MP: "Northern Mariana Islands", PR: "Puerto Rico", VI: "U.S. Virgin Islands",
};

const IPV4 = z.ipv4();
const IPV6 = z.ipv6();

/** An IPv4 or IPv6 address as the browser's connection has it (no port, no brackets, no CIDR suffix). */
export function isIpAddress(s: string): boolean {
  return IPV4.safeParse(s).success || IPV6.safeParse(s).success;
}

const WEBSITE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

/** Checks the per-type table cannot express (formats the registry enforces); keyed by field. */
function extraChecks(input: Record<string, unknown>): FieldErrors {
  const errs: FieldErrors = {};
  const str = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : undefined);
  const country = str("country");
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) errs.country = "Use the 2-letter ISO country code, e.g. US";
  const einCountry = str("einIssuingCountry");
  if (einCountry !== undefined && !/^[A-Z]{2}$/.test(einCountry)) errs.einIssuingCountry = "Use the 2-letter ISO country code, e.g. US";
  const state = str("state");
  if (country === "US" && state !== undefined && /^[A-Z]{2}$/.test(state) && !Object.hasOwn(US_STATES, state)) {
    errs.state = "Not a US state or territory code";
  }
  // The schema's own cross-field refinement only runs once every field parses; repeating its US checks here
  // shows them on the step they belong to (same messages, the schema still decides on the server).
  if (input.entityType === "GOVERNMENT" && country !== undefined && country !== "US") {
    errs.entityType = "GOVERNMENT is for US organisations only; foreign government entities register as PRIVATE_PROFIT";
  }
  if (country === "US" && state !== undefined && !/^[A-Z]{2}$/.test(state)) errs.state = "Use the 2-letter state code for US brands";
  const postalCode = str("postalCode");
  if (country === "US" && postalCode !== undefined && !/^\d{5}$/.test(postalCode)) errs.postalCode = "Use a 5-digit ZIP code for US brands";
  const ein = str("ein");
  if ((einCountry ?? "US") === "US" && ein !== undefined && !/^\d{9}$/.test(ein)) errs.ein = "A US EIN is 9 digits";
  const website = str("website");
  if (website !== undefined && !WEBSITE.test(website)) errs.website = "Enter the brand's web address, e.g. https://www.example.com";
  const ip = str("ipAddress");
  if (ip !== undefined && !isIpAddress(ip)) errs.ipAddress = "Enter an IPv4 address (203.0.113.7) or an IPv6 address (2001:db8::1)";
  const bce = str("businessContactEmail");
  if (bce !== undefined && bce.includes("@")) {
    const problem = businessContactEmailProblem(bce);
    if (problem) errs.businessContactEmail = problem;
  }
  return errs;
}

export const fieldLabel = (field: string): string => WIZARD_LABELS[field] ?? field;

/** Labels as the brand detail page shows them (lib/brands/fields.ts), plus the wizard-only ones. */
const WIZARD_LABELS: Record<string, string> = {
  ...Object.fromEntries(BRAND_FIELD_GROUPS.flatMap((g) => g.fields.map((f) => [f.key, f.label]))),
  entityType: "Entity type",
  email: "Support email",
  phone: "Support phone",
  tag: "Tags",
  mock: "Mock brand (for testing)",
  referenceId: "Reference id",
  ipAddress: "Requester's IP address",
};

/** A zod issue in words a CSP operator understands (missing fields say which entity type needs them). */
function issueMessage(issue: z.core.$ZodIssue, input: Record<string, unknown>, entityType: EntityTypeValue): string {
  const key = String(issue.path[0] ?? "");
  if (input[key] === undefined && issue.code !== "unrecognized_keys" && issue.code !== "custom") return `${fieldLabel(key)} is required for a ${ENTITY_TYPE_LABELS[entityType].toLowerCase()}`;
  if (issue.code === "unrecognized_keys") return `Not allowed for ${entityType}`;
  if (issue.code === "too_big" && typeof issue.maximum === "number" && issue.origin === "string") return `At most ${issue.maximum} characters`;
  if (issue.code === "too_big" && issue.origin === "array") return `At most ${String(issue.maximum)} tags`;
  if (issue.code === "invalid_value") return "Choose one of the listed values";
  if (issue.code === "invalid_format" && key === "email") return "Enter a valid email address";
  if (issue.code === "invalid_format" && key === "businessContactEmail") return "Enter a valid email address";
  return issue.message;
}

/**
 * Validates a create body with the registry's per-entity schema plus the format checks above; field → first
 * message. The browser runs it on each step and the server again before anything is sent.
 */
export function validateCreateInput(input: Record<string, unknown> | null): FieldErrors {
  if (!input) return { entityType: "Choose the entity type" };
  const et = EntityType.safeParse(input.entityType);
  if (!et.success) return { entityType: "Choose the entity type" };
  // The format checks first: their messages are more specific than the schema's length limits.
  const errs: FieldErrors = extraChecks(input);
  const r = brandCreateSchemaFor(et.data).safeParse(input);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "entityType")];
      for (const k of keys) errs[k] ??= issueMessage(issue, input, et.data);
    }
  }
  return errs;
}

export function validateWizard(values: Partial<WizardValues>): FieldErrors {
  return validateCreateInput(toCreateInput(values));
}

/** The first step (in wizard order) that has one of these errors, to send the user back to it. */
export function firstStepWithError(errors: FieldErrors): WizardStepId | null {
  const steps = Object.keys(errors).map(stepOfField);
  for (const s of WIZARD_STEP_IDS) if (steps.includes(s as FieldStepId | "entity")) return s;
  return null;
}

/** Choices the registry publishes as open lists (loaded server-side; null = type the value). */
export type WizardOptions = {
  verticals: { value: string; label: string }[] | null;
  altBusinessIdTypes: string[];
  countries: { value: string; label: string }[] | null;
  problem?: string;
};
