import type { BadgeTone } from "@/components/ui/badge";
import { BrandStatus, ENTITY_TYPES, IdentityStatus } from "@/lib/tcr/schemas/enums";

// Plain-English labels shown beside the registry's own enum values, which stay visible as spelled by TCR.
export const ENTITY_TYPE_LABELS: Record<(typeof ENTITY_TYPES)[number], string> = {
  PRIVATE_PROFIT: "Private company",
  PUBLIC_PROFIT: "Publicly traded company",
  NON_PROFIT: "Non-profit organization",
  GOVERNMENT: "Government body",
  SOLE_PROPRIETOR: "Sole proprietor",
};

export const IDENTITY_STATUS_LABELS: Record<IdentityStatus, string> = {
  SELF_DECLARED: "Self-declared, not checked",
  UNVERIFIED: "Identity not verified",
  VERIFIED: "Identity verified",
  VETTED_VERIFIED: "Verified and vetted",
};

export const IDENTITY_STATUS_TONES: Record<IdentityStatus, BadgeTone> = {
  SELF_DECLARED: "neutral",
  UNVERIFIED: "danger",
  VERIFIED: "success",
  VETTED_VERIFIED: "success",
};

export const BRAND_STATUS_LABELS: Record<BrandStatus, string> = {
  ACTIVE: "Active",
  DELETED: "Deleted",
};

export const IDENTITY_STATUSES = IdentityStatus.options;
export const BRAND_STATUSES = BrandStatus.options;
export { ENTITY_TYPES };

const lookup = <K extends string>(table: Record<K, string>, v: string | null | undefined): string | null =>
  v && Object.hasOwn(table, v) ? table[v as K] : null;

/** Label for a registry value, or null for a value this portal does not know yet (shown as-is). */
export const entityTypeLabel = (v: string | null | undefined) => lookup(ENTITY_TYPE_LABELS, v);
export const identityStatusLabel = (v: string | null | undefined) => lookup(IDENTITY_STATUS_LABELS, v);
export const brandStatusLabel = (v: string | null | undefined) => lookup(BRAND_STATUS_LABELS, v);

/** An identity status without a known tone (a value added by the registry later, or none yet) reads neutral. */
export function identityStatusTone(v: string | null | undefined): BadgeTone {
  return v && Object.hasOwn(IDENTITY_STATUS_TONES, v) ? IDENTITY_STATUS_TONES[v as IdentityStatus] : "neutral";
}
