/**
 * Pure rules of the brand edit / fix-and-resubmit form (client-safe): what each identity feedback category
 * means and which fields it concerns (tcr-api-part1 §3.2), which changed fields force re-verification
 * (the §3.6 update table, `brandUpdateEffects`), and the update body the registry gets.
 */
import { brandFieldRules, brandUpdateEffects, type BrandField, type BrandUpdateRequest } from "@/lib/tcr/schemas/brand";
import type { EntityType, FeedbackCategoryId } from "@/lib/tcr/schemas/enums";
import { fieldLabel, normaliseFieldValue, WIZARD_FIELDS, type WizardValues } from "@/lib/brands/wizard";

export type FeedbackHelp = { title: string; explanation: string; fields: string[]; fix: string };

/** The one table of identity feedback categories: what each means, the fields it concerns, how to fix it. */
export const FEEDBACK_HELP: Record<FeedbackCategoryId, FeedbackHelp> = {
  TAX_ID: {
    title: "Tax id does not match",
    explanation: "The registry could not match the tax id (EIN) to the legal company name or to the entity type.",
    fields: ["ein", "companyName", "entityType"],
    fix: "Enter the legal name exactly as the tax authority has it (IRS letter CP 575 or 147C in the US), check the 9 EIN digits, and pick the entity type the tax id belongs to, then revet. If they are already right, appeal with that IRS letter.",
  },
  STOCK_SYMBOL: {
    title: "Stock listing not recognised",
    explanation: "Not recognised as a public company, or the ticker and exchange do not match the legal name.",
    fields: ["stockSymbol", "stockExchange", "companyName"],
    fix: "Check the ticker, the exchange it trades on and the legal name, then revet; or appeal with a listing document. A company that is not listed registers as PRIVATE_PROFIT.",
  },
  GOVERNMENT_ENTITY: {
    title: "Not recognised as a government entity",
    explanation: "The registry did not recognise the organization as a U.S. government entity.",
    fields: ["entityType", "ein", "companyName"],
    fix: "Only US government bodies use GOVERNMENT; check the tax id and legal name, or appeal with evidence of government status. A foreign government registers as PRIVATE_PROFIT.",
  },
  NONPROFIT: {
    title: "Tax-exempt status not found",
    explanation: "The registry could not find the organization's IRS tax-exempt (subsection) status.",
    fields: ["entityType", "ein", "companyName"],
    fix: "Check the EIN and legal name against the IRS determination letter, or appeal with that letter to obtain the tax-exempt attribute. An organization without tax-exempt status registers as PRIVATE_PROFIT.",
  },
  WEB_DOMAIN: {
    title: "Email or web domain not recognised",
    explanation: "The email domain is invalid or not recognised as the brand's own.",
    fields: ["email", "website"],
    fix: "Use the brand's own website and a support email at that domain, then revet.",
  },
};

export type FeedbackItem = { id: string; description?: string | null };

/** The feedback categories that concern each field (unknown categories attach to no field). */
export function feedbackByField(categories: FeedbackItem[]): Record<string, FeedbackItem[]> {
  const out: Record<string, FeedbackItem[]> = {};
  for (const c of categories) {
    const help = Object.hasOwn(FEEDBACK_HELP, c.id) ? FEEDBACK_HELP[c.id as FeedbackCategoryId] : null;
    for (const f of help?.fields ?? []) (out[f] ??= []).push(c);
  }
  return out;
}

/**
 * Fields set only when the brand is registered: tag and mock are not in the update schema (tags change
 * through the Tag API, on the brand page); ipAddress is the registration request's browser address.
 */
export const CREATE_ONLY_FIELDS: readonly BrandField[] = ["tag", "mock", "ipAddress"];
/** Fields the edit form offers and the update body can carry. */
export const EDITABLE_FIELDS: BrandField[] = WIZARD_FIELDS.filter((f) => !CREATE_ONLY_FIELDS.includes(f));
export const CORE_FIELDS = ["companyName", "ein", "einIssuingCountry", "entityType"] as const;

const same = (f: string, a: unknown, b: unknown) => {
  const x = normaliseFieldValue(f, a);
  const y = normaliseFieldValue(f, b);
  // An empty issuing country means the US (§3.3.1: "defaults to US").
  if (f === "einIssuingCountry") return (x || "US") === (y || "US");
  return x === y;
};

/** The fields the user changed, among those the new entity type allows, in form order (entityType first). */
export function changedFields(before: WizardValues, after: WizardValues): string[] {
  if (!after.entityType) return [];
  const rules: Record<BrandField, string> = brandFieldRules[after.entityType];
  const out: string[] = before.entityType !== after.entityType ? ["entityType"] : [];
  for (const f of EDITABLE_FIELDS) {
    if (rules[f] === "forbidden") continue;
    if (!same(f, before[f as keyof WizardValues], after[f as keyof WizardValues])) out.push(f);
  }
  return out;
}

export type UpdateEffect = "identityReset" | "quarterlyLimit" | "revokesAuthPlus";

export function updateEffectOf(field: string, entityType: EntityType | ""): UpdateEffect | null {
  const effect = Object.hasOwn(brandUpdateEffects, field) ? brandUpdateEffects[field as keyof typeof brandUpdateEffects] : null;
  // Authentication+ exists only for PUBLIC_PROFIT brands.
  if (effect === "revokesAuthPlus" && entityType !== "PUBLIC_PROFIT") return null;
  return effect;
}

export type UpdateWarning = { field: string; effect: UpdateEffect; message: string };

/** What saving these changes does beyond the change itself, one line per affected field (§3.6). */
export function updateWarnings(changed: string[], entityType: EntityType | ""): UpdateWarning[] {
  const out: UpdateWarning[] = [];
  for (const field of changed) {
    const effect = updateEffectOf(field, entityType);
    if (!effect) continue;
    const label = fieldLabel(field);
    const message =
      effect === "identityReset"
        ? field === "mobilePhone"
          ? `${label}: the brand's identity becomes UNVERIFIED until the new number is confirmed by SMS OTP.`
          : `${label}: the brand's identity becomes UNVERIFIED and must be resubmitted for verification (revet, from the brand page). Refused while the brand has external vets or active campaigns.`
        : effect === "quarterlyLimit"
          ? `${label}: can change at most once every 3 months; the next change is refused until then.`
          : `${label}: revokes Authentication+; the new business contact must complete a new 2FA email before campaigns can be registered.`;
    out.push({ field, effect, message });
  }
  return out;
}

/**
 * The PUT /brand/{brandId} body: the five fields the schema requires (entityType, displayName, country,
 * email, brandRelationship) plus the changed ones. The registry applies absent fields as unchanged.
 */
export function toUpdateBody(before: WizardValues, after: WizardValues, changed: string[]): BrandUpdateRequest {
  const value = (f: keyof WizardValues) => normaliseFieldValue(f, after[f]) || normaliseFieldValue(f, before[f]);
  const body: Record<string, unknown> = {
    entityType: after.entityType,
    displayName: value("displayName"),
    country: value("country"),
    email: value("email"),
    // Required by the update schema although N/A for SOLE_PROPRIETOR; the registry ignores it for them.
    brandRelationship: value("brandRelationship") || "BASIC_ACCOUNT",
  };
  for (const f of changed) {
    if (f === "entityType") continue;
    const v = normaliseFieldValue(f, after[f as keyof WizardValues]);
    if (v) body[f] = v;
  }
  return body as BrandUpdateRequest;
}
