import { describe, expect, it } from "vitest";
import {
  cancelEligibility, daysLeft, declineEligibility, electEligibility, migrateEligibility, migrationStatusLabel, type IncomingFacts, type OutgoingFacts,
  type PartnerInfo,
} from "./eligibility";

const campaign = (over: Partial<OutgoingFacts> = {}): OutgoingFacts => ({
  status: "ACTIVE", deleted: false, mock: false, usecase: "MARKETING", upstreamCnpId: "SCNP001", sharingStatus: "ACCEPTED",
  operationStatuses: ["REGISTERED", "REGISTERED"], migrationStatus: null, migrationInitiatedByUs: false, ...over,
});
const partner = (over: Partial<PartnerInfo> = {}): PartnerInfo => ({ id: "SCNP002", displayName: "Carrier Bridge", isDca: false, soleProprietorEnabled: true, cnpMigrationSupported: true, ...over });
const account = { migrationSupported: true };
const reason = (e: ReturnType<typeof migrateEligibility>) => (e.eligible ? "ELIGIBLE" : e.reason);

describe("migrateEligibility", () => {
  it("accepts an ACTIVE campaign with an accepted upstream, no suspension and no open migration", () => {
    expect(migrateEligibility(campaign(), partner(), account)).toEqual({ eligible: true });
  });
  it("does not require the chain to be DCA-complete, only an accepted DCA (E1)", () => {
    expect(reason(migrateEligibility(campaign({ operationStatuses: ["REVIEW", "REGISTERED"] }), partner(), account))).toBe("ELIGIBLE");
  });
  it.each<[string, Partial<OutgoingFacts>, string]>([
    ["no upstream share", { upstreamCnpId: null, sharingStatus: null }, "NO_ACCEPTED_DCA"],
    ["upstream still PENDING", { sharingStatus: "PENDING" }, "NO_ACCEPTED_DCA"],
    ["upstream DECLINED", { sharingStatus: "DECLINED" }, "NO_ACCEPTED_DCA"],
    ["expired", { status: "EXPIRED" }, "EXPIRED"],
    ["deactivated", { deleted: true }, "DEACTIVATED"],
    ["suspended by one carrier", { operationStatuses: ["REGISTERED", "SUSPENDED"] }, "SUSPENDED"],
    ["open transaction (wire ACTIVE)", { migrationStatus: "ACTIVE" }, "MIGRATION_OPEN"],
    ["mock", { mock: true }, "MOCK"],
  ])("refuses a campaign with %s", (_label, over, expected) => {
    expect(reason(migrateEligibility(campaign(over), partner(), account))).toBe(expected);
  });
  it("allows a new migration after a completed or canceled one", () => {
    expect(reason(migrateEligibility(campaign({ migrationStatus: "CANCELED" }), partner(), account))).toBe("ELIGIBLE");
    expect(reason(migrateEligibility(campaign({ migrationStatus: "COMPLETE" }), partner(), account))).toBe("ELIGIBLE");
  });
  it("checks the target: same as current upstream (E5), opted out (E8), Sole Proprietor support (E10), unknown", () => {
    expect(reason(migrateEligibility(campaign(), partner({ id: "SCNP001" }), account))).toBe("SAME_UPSTREAM");
    expect(reason(migrateEligibility(campaign(), partner({ cnpMigrationSupported: false }), account))).toBe("TARGET_OPTED_OUT");
    expect(reason(migrateEligibility(campaign({ usecase: "SOLE_PROPRIETOR" }), partner({ soleProprietorEnabled: false }), account))).toBe("TARGET_NO_SOLE_PROPRIETOR");
    expect(reason(migrateEligibility(campaign({ usecase: "MARKETING" }), partner({ soleProprietorEnabled: false }), account))).toBe("ELIGIBLE");
    expect(reason(migrateEligibility(campaign(), null, account))).toBe("UNKNOWN_TARGET");
  });
  it("refuses everything when the account has CNP migration switched off (E9), but not when the setting is unknown", () => {
    expect(reason(migrateEligibility(campaign(), partner(), { migrationSupported: false }))).toBe("ACCOUNT_DISABLED");
    expect(reason(migrateEligibility(campaign(), partner(), { migrationSupported: null }))).toBe("ELIGIBLE");
  });
  it("refuses a campaign the mirror does not hold", () => {
    expect(reason(migrateEligibility(null, partner(), account))).toBe("NOT_MIRRORED");
  });
  it("reports the campaign's own state before the target's (what the registry portal hides the button for)", () => {
    expect(reason(migrateEligibility(campaign({ status: "EXPIRED" }), partner({ cnpMigrationSupported: false }), account))).toBe("EXPIRED");
  });
});

describe("cancelEligibility", () => {
  it("only an open migration we initiated (R3), never a completed one (R4)", () => {
    expect(cancelEligibility(campaign({ migrationStatus: "ACTIVE", migrationInitiatedByUs: true }))).toEqual({ eligible: true });
    expect(reason(cancelEligibility(campaign({ migrationStatus: "ACTIVE", migrationInitiatedByUs: false })))).toBe("NOT_INITIATOR");
    expect(reason(cancelEligibility(campaign({ migrationStatus: "COMPLETE", migrationInitiatedByUs: true })))).toBe("MIGRATION_COMPLETE");
    expect(reason(cancelEligibility(campaign({ migrationStatus: "CANCELED", migrationInitiatedByUs: true })))).toBe("NO_OPEN_MIGRATION");
    expect(reason(cancelEligibility(campaign({ migrationStatus: null })))).toBe("NO_OPEN_MIGRATION");
    expect(reason(cancelEligibility(null))).toBe("NOT_MIRRORED");
  });
});

describe("incoming shares", () => {
  const share = (over: Partial<IncomingFacts> = {}): IncomingFacts => ({ status: "ACTIVE", deleted: false, usecase: "MARKETING", sharingStatus: "PENDING", downstreamCnpId: "SCSPX01", ...over });
  it("elects only PENDING requests, to an upstream that is not the sharer and takes Sole Proprietor campaigns when needed", () => {
    expect(electEligibility(share(), partner({ id: "SDCA001", isDca: true }))).toEqual({ eligible: true });
    expect(reason(electEligibility(share({ sharingStatus: "ACCEPTED" }), partner()))).toBe("NOT_PENDING");
    expect(reason(electEligibility(share(), null))).toBe("NO_UPSTREAM");
    expect(reason(electEligibility(share(), partner({ id: "SCSPX01" })))).toBe("UPSTREAM_IS_SELF");
    expect(reason(electEligibility(share({ usecase: "SOLE_PROPRIETOR" }), partner({ soleProprietorEnabled: false })))).toBe("TARGET_NO_SOLE_PROPRIETOR");
    expect(reason(electEligibility(share({ status: "EXPIRED" }), partner()))).toBe("EXPIRED");
    expect(reason(electEligibility(share({ deleted: true }), partner()))).toBe("NOT_MIRRORED");
  });
  it("R2: a migration share goes on only to a partner that supports CNP migration", () => {
    const optedOut = partner({ id: "SCNP003", cnpMigrationSupported: false });
    expect(reason(electEligibility(share({ cnpMigration: true }), optedOut))).toBe("TARGET_OPTED_OUT");
    expect(electEligibility(share({ cnpMigration: false }), optedOut)).toEqual({ eligible: true });
  });
  it("declines only PENDING requests", () => {
    expect(declineEligibility(share())).toEqual({ eligible: true });
    expect(reason(declineEligibility(share({ sharingStatus: "ACCEPTED" })))).toBe("NOT_PENDING");
    expect(reason(declineEligibility(null))).toBe("NOT_MIRRORED");
  });
});

describe("daysLeft and labels", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("counts whole days to the expiration date", () => {
    expect(daysLeft("2026-03-31T12:00:00Z", now)).toBe(30);
    expect(daysLeft("2026-03-02T11:00:00Z", now)).toBe(0);
    expect(daysLeft("2026-02-28T12:00:00Z", now)).toBe(-1);
    expect(daysLeft(null, now)).toBeNull();
    expect(daysLeft("not a date", now)).toBeNull();
  });
  it("maps the wire value ACTIVE to Open (Q1)", () => {
    expect(migrationStatusLabel("ACTIVE")).toBe("Open");
    expect(migrationStatusLabel("COMPLETE")).toBe("Complete");
    expect(migrationStatusLabel(null)).toBe("None");
  });
});
