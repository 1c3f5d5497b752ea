/** External vetting (tcr-api-part1.md §3.13–3.18, §3.22) and the mock CV token (part 2 §8). */
import { z } from "zod";
import { MockCvLocale, TcrDate, VettingStatus } from "./enums";
import { DateTime } from "./common";

/** ExternalVetting record returned by import/order/list. */
export const ExternalVetting = z.looseObject({
  evpId: z.string().nullable().optional(),
  vettingId: z.string().nullable().optional(),
  vettingToken: z.string().nullable().optional(),
  vettingScore: z.number().nullable().optional(),
  vettingClass: z.string().nullable().optional(),
  vettingStatus: z.union([VettingStatus, z.string()]).nullable().optional(),
  reasons: z.array(z.unknown()).nullable().optional(),
  vettingDetails: z.record(z.string(), z.unknown()).nullable().optional(),
  vettedDate: DateTime.nullable().optional(),
  createDate: DateTime.nullable().optional(),
  validUntil: DateTime.nullable().optional(),
  expirationDate: DateTime.nullable().optional(),
});
export type ExternalVetting = z.infer<typeof ExternalVetting>;
export const ExternalVettingList = z.array(ExternalVetting);

/** `vettingStatus` is required as written; the client fills all five when the caller omits it. */
export const ExternalVettingListQuery = z.strictObject({
  evpId: z.string().optional(),
  vettingClass: z.string().optional(),
  vettingStatus: z.array(VettingStatus).min(1),
});
export type ExternalVettingListQuery = z.infer<typeof ExternalVettingListQuery>;

export const ExternalVettingImportRequest = z.strictObject({
  evpId: z.string().min(1).max(10),
  vettingId: z.string().max(255).optional(),
  vettingToken: z.string().max(65535).nullable().optional(),
}).refine((v) => v.vettingId !== undefined && v.vettingId !== "", { path: ["vettingId"], message: "vettingId is required to import a vet" });
export type ExternalVettingImportRequest = z.infer<typeof ExternalVettingImportRequest>;

/** Keys of the POLITICAL `additionalRequestPayload` seen in the reference sample (required-ness not documented). */
export const PoliticalVettingPayload = z.looseObject({
  requestorFirstName: z.string().optional(),
  requestorLastName: z.string().optional(),
  locale: z.string().optional(),
  fecCommitteeTypeCode: z.string().optional(),
  committeeId: z.string().optional(),
  candidateType: z.string().optional(),
  stateLocalCommitteeType: z.string().optional(),
  localCommitteeState: z.string().optional(),
  localCommitteeMunicipality: z.string().optional(),
  tribalLocation: z.string().optional(),
  filingUrl: z.string().optional(),
  filingRecordUrlInstructions: z.string().optional(),
  filingEmail: z.string().optional(),
  electionDate: z.string().optional(),
  pinPreference: z.string().optional(),
});
export type PoliticalVettingPayload = z.infer<typeof PoliticalVettingPayload>;

function isJsonObject(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

export const ExternalVettingOrderRequest = z.strictObject({
  evpId: z.string().min(1).max(10),
  vettingClass: z.string().optional(),
  /** A string holding JSON; required for POLITICAL. */
  additionalRequestPayload: z.string().optional(),
}).superRefine((v, ctx) => {
  if (v.vettingClass === "POLITICAL" && !v.additionalRequestPayload) {
    ctx.addIssue({ code: "custom", path: ["additionalRequestPayload"], message: "POLITICAL vets need additionalRequestPayload" });
  }
  if (v.additionalRequestPayload !== undefined && !isJsonObject(v.additionalRequestPayload)) {
    ctx.addIssue({ code: "custom", path: ["additionalRequestPayload"], message: "additionalRequestPayload must be a JSON object string" });
  }
});
export type ExternalVettingOrderRequest = z.infer<typeof ExternalVettingOrderRequest>;

/** Enhanced vetting reports: contents are not stated in the reference. */
export const EnhancedVettingReportList = z.array(z.looseObject({}));

/** Body of POST /brand/{brandId}/externalVetting/mockCvToken (x-www-form-urlencoded). */
export const MockCvTokenRequest = z.strictObject({
  locale: MockCvLocale.optional(),
  validUntil: TcrDate.optional(),
});
export type MockCvTokenRequest = z.infer<typeof MockCvTokenRequest>;
/** The response is not shown in the reference; [old-client] returns the token as plain text. */
export const MockCvTokenResponse = z.string();
