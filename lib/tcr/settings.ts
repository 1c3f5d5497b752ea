/** Account settings (tcr-api-part2.md §14). */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { CnpMigrationSettings, CnpMigrationSettingsRequest } from "./schemas/cnpMigration";
import { CspProfile, CspProfileUpdateRequest, CspProfileUpdateResponse } from "./schemas/settings";

export function settingsApi({ http }: ResourceDeps) {
  return {
    getProfile: bind("settings.getProfile", () => http.call("settings.getProfile", CspProfile)),
    updateProfile: bind("settings.updateProfile", (input: z.input<typeof CspProfileUpdateRequest>) =>
      http.call("settings.updateProfile", CspProfileUpdateResponse, { body: CspProfileUpdateRequest.parse(input) })),
    getCnpMigration: bind("settings.getCnpMigration", () => http.call("settings.getCnpMigration", CnpMigrationSettings)),
    updateCnpMigration: bind("settings.updateCnpMigration", (input: z.input<typeof CnpMigrationSettingsRequest>) =>
      http.call("settings.updateCnpMigration", CnpMigrationSettings, { body: CnpMigrationSettingsRequest.parse(input) })),
  };
}
export type SettingsApi = ReturnType<typeof settingsApi>;
