/**
 * Pure eligibility rules for the migration dashboard's bulk actions (cnp-migration.md §2, §13.3). Client-safe:
 * no server imports, so the dry-run table and the worker apply the same rules to the same mirror facts.
 *
 * The registry answers every violation with one generic code (592, or 518 for an expired campaign), so the
 * dashboard checks each rule itself before sending, and names the rule that blocks each campaign.
 */

/** Open transactions come over the wire as "ACTIVE" (the reference's sample, Q1); the text calls them Open. */
export const OPEN_MIGRATION_STATUSES = ["ACTIVE", "OPEN"] as const;
export const isOpenMigration = (status: string | null | undefined) => !!status && (OPEN_MIGRATION_STATUSES as readonly string[]).includes(status.toUpperCase());

export const MIGRATION_STATUS_LABELS: Record<string, string> = { ACTIVE: "Open", OPEN: "Open", COMPLETE: "Complete", COMPLETED: "Complete", CANCELED: "Canceled", CANCELLED: "Canceled" };
export const migrationStatusLabel = (status: string | null | undefined) => (status ? (MIGRATION_STATUS_LABELS[status.toUpperCase()] ?? status) : "None");

export const INELIGIBLE_REASONS = {
  NOT_MIRRORED: "Not in this organization's campaigns",
  DEACTIVATED: "Campaign deactivated",
  EXPIRED: "Campaign expired (E2)",
  NOT_ACTIVE: "Campaign is not ACTIVE (E2)",
  MOCK: "Mock campaigns are never shared",
  NO_ACCEPTED_DCA: "No accepted DCA: the campaign's upstream share is not ACCEPTED (E1)",
  SUSPENDED: "Suspended by a carrier or DCA (E3)",
  MIGRATION_OPEN: "A migration is already open for this campaign (E4)",
  SAME_UPSTREAM: "The target is already the campaign's upstream partner (E5)",
  ACCOUNT_DISABLED: "CNP migration is not enabled for this account (E9)",
  UNKNOWN_TARGET: "Unknown connectivity partner",
  TARGET_OPTED_OUT: "The target does not support CNP migration (E8)",
  TARGET_NO_SOLE_PROPRIETOR: "The target does not accept Sole Proprietor campaigns (E10)",
  NO_OPEN_MIGRATION: "No open migration to cancel",
  MIGRATION_COMPLETE: "The migration is complete and cannot be canceled (R4)",
  NOT_INITIATOR: "Only the initiator may cancel; this migration was started by a partner (R3)",
  NOT_PENDING: "The sharing request is no longer PENDING",
  NO_UPSTREAM: "Choose the upstream partner or DCA to share to",
  UPSTREAM_IS_SELF: "The upstream partner cannot be the downstream partner that shared it",
} as const;
export type IneligibleReason = keyof typeof INELIGIBLE_REASONS;

export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason; message: string };
const ok: Eligibility = { eligible: true };
const no = (reason: IneligibleReason): Eligibility => ({ eligible: false, reason, message: INELIGIBLE_REASONS[reason] });

/** What the mirror knows about one of our campaigns. */
export type OutgoingFacts = {
  status: string | null;
  deleted: boolean;
  mock: boolean;
  usecase: string | null;
  upstreamCnpId: string | null;
  sharingStatus: string | null;
  /** Per-carrier operation statuses (REVIEW | REGISTERED | REJECTED | SUSPENDED). */
  operationStatuses: string[];
  migrationStatus: string | null;
  /** True when this organization started the migration (OUTGOING direction). */
  migrationInitiatedByUs: boolean;
};

export type PartnerInfo = { id: string; displayName: string; isDca: boolean; soleProprietorEnabled: boolean; cnpMigrationSupported: boolean };

function campaignBlock(c: OutgoingFacts | null): Eligibility | null {
  if (!c) return no("NOT_MIRRORED");
  if (c.deleted) return no("DEACTIVATED");
  if (c.status === "EXPIRED") return no("EXPIRED");
  if (c.status !== "ACTIVE") return no("NOT_ACTIVE");
  return null;
}

/** E1–E10: may this campaign start a migration to `target`? Checked in the order the registry's portal hides its button. */
export function migrateEligibility(c: OutgoingFacts | null, target: PartnerInfo | null, account: { migrationSupported: boolean | null }): Eligibility {
  const blocked = campaignBlock(c);
  if (blocked) return blocked;
  const cam = c!;
  if (account.migrationSupported === false) return no("ACCOUNT_DISABLED");
  if (cam.mock) return no("MOCK");
  if (cam.operationStatuses.some((s) => s === "SUSPENDED")) return no("SUSPENDED");
  if (cam.sharingStatus !== "ACCEPTED" || !cam.upstreamCnpId) return no("NO_ACCEPTED_DCA");
  if (isOpenMigration(cam.migrationStatus)) return no("MIGRATION_OPEN");
  if (!target) return no("UNKNOWN_TARGET");
  if (cam.upstreamCnpId === target.id) return no("SAME_UPSTREAM");
  if (!target.cnpMigrationSupported) return no("TARGET_OPTED_OUT");
  if (cam.usecase === "SOLE_PROPRIETOR" && !target.soleProprietorEnabled) return no("TARGET_NO_SOLE_PROPRIETOR");
  return ok;
}

/** R3/R4: only an OPEN migration this organization initiated can be canceled. */
export function cancelEligibility(c: OutgoingFacts | null): Eligibility {
  if (!c) return no("NOT_MIRRORED");
  const s = c.migrationStatus?.toUpperCase() ?? null;
  if (s === "COMPLETE" || s === "COMPLETED") return no("MIGRATION_COMPLETE");
  if (!isOpenMigration(s)) return no("NO_OPEN_MIGRATION");
  if (!c.migrationInitiatedByUs) return no("NOT_INITIATOR");
  return ok;
}

/** What the mirror knows about a campaign shared with us. */
export type IncomingFacts = {
  status: string | null; deleted: boolean; usecase: string | null; sharingStatus: string | null; downstreamCnpId: string | null;
  /** The share is the provisional hop of a migration to us. */
  cnpMigration?: boolean;
};

/** Elect / accept: share a PENDING inbound request on to `upstream` (a CNP, or a DCA = electing it). */
export function electEligibility(p: IncomingFacts | null, upstream: PartnerInfo | null): Eligibility {
  if (!p || p.deleted) return no("NOT_MIRRORED");
  if (p.status === "EXPIRED") return no("EXPIRED");
  if (p.status && p.status !== "ACTIVE") return no("NOT_ACTIVE");
  if (p.sharingStatus !== "PENDING") return no("NOT_PENDING");
  if (!upstream) return no("NO_UPSTREAM");
  if (upstream.id === p.downstreamCnpId) return no("UPSTREAM_IS_SELF");
  // R2: in a migration context, sharing on to a partner that opted out is rejected.
  if (p.cnpMigration && !upstream.cnpMigrationSupported) return no("TARGET_OPTED_OUT");
  if (p.usecase === "SOLE_PROPRIETOR" && !upstream.soleProprietorEnabled) return no("TARGET_NO_SOLE_PROPRIETOR");
  return ok;
}

/** Decline: only a PENDING inbound request can be declined. */
export function declineEligibility(p: IncomingFacts | null): Eligibility {
  if (!p || p.deleted) return no("NOT_MIRRORED");
  if (p.sharingStatus !== "PENDING") return no("NOT_PENDING");
  return ok;
}

const DAY_MS = 86_400_000;
/** Whole days left before the 30-day window closes (0 on the last day; negative once past). */
export function daysLeft(expirationDate: string | Date | null | undefined, now: Date = new Date()): number | null {
  if (!expirationDate) return null;
  const t = new Date(expirationDate).getTime();
  if (Number.isNaN(t)) return null;
  return Math.floor((t - now.getTime()) / DAY_MS);
}
