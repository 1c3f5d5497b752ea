/** Account settings (tcr-api-part2.md §14). */
import { z } from "zod";
export { CnpMigrationSettings, CnpMigrationSettingsRequest } from "./cnpMigration";

export const CspProfile = z.looseObject({
  cspId: z.string().nullable().optional(),
  escalateEmail: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  techEmail: z.string().nullable().optional(),
  financeEmail: z.string().nullable().optional(),
  platformFreeTrialEnabled: z.boolean().nullable().optional(),
  soleProprietorEnabled: z.boolean().nullable().optional(),
  ucaasEnabled: z.boolean().nullable().optional(),
  publicSafetyEnabled: z.boolean().nullable().optional(),
  dpaSigned: z.boolean().nullable().optional(),
});
export type CspProfile = z.infer<typeof CspProfile>;

/** Only the four emails are updatable through the API. */
export const CspProfileUpdateRequest = z.strictObject({
  escalateEmail: z.email().optional(),
  email: z.email().optional(),
  techEmail: z.email().optional(),
  financeEmail: z.email().optional(),
});
export type CspProfileUpdateRequest = z.infer<typeof CspProfileUpdateRequest>;

/**
 * The reference's PUT /csp/profile response sample is the migration-settings object (a doc error);
 * either shape is accepted.
 */
export const CspProfileUpdateResponse = z.looseObject({});
