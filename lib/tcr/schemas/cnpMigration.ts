/** CNP migration (tcr-api-part2.md §4; cnp-migration.md). */
import { z } from "zod";
import { DateTime } from "./common";

export const CnpMigrationRecord = z.looseObject({
  campaignId: z.string(),
  status: z.string().nullable().optional(),
  cancellationReason: z.string().nullable().optional(),
  expirationDate: DateTime.nullable().optional(),
  createDate: DateTime.nullable().optional(),
});
export type CnpMigrationRecord = z.infer<typeof CnpMigrationRecord>;

export const CnpMigrationCancelQuery = z.strictObject({ explanation: z.string().max(2048).optional() });
export type CnpMigrationCancelQuery = z.infer<typeof CnpMigrationCancelQuery>;

export const CnpMigrationSettings = z.looseObject({
  migrationSupported: z.boolean(),
  migrationAutoComplete: z.boolean(),
});
export type CnpMigrationSettings = z.infer<typeof CnpMigrationSettings>;
export const CnpMigrationSettingsRequest = z.strictObject({
  migrationSupported: z.boolean(),
  migrationAutoComplete: z.boolean(),
});
export type CnpMigrationSettingsRequest = z.infer<typeof CnpMigrationSettingsRequest>;
