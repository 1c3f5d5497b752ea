/** CNP migration (tcr-api-part2.md §4). One campaign per call: the API has no batch endpoint. */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { CnpMigrationCancelQuery, CnpMigrationRecord } from "./schemas/cnpMigration";
import { NoContent } from "./schemas/common";

export function cnpMigrationApi({ http }: ResourceDeps) {
  return {
    get: bind("cnpMigration.get", (campaignId: string) => http.call("cnpMigration.get", CnpMigrationRecord, { path: { campaignId } })),
    cancel: bind("cnpMigration.cancel", (campaignId: string, query: z.input<typeof CnpMigrationCancelQuery> = {}) =>
      http.call("cnpMigration.cancel", NoContent, { path: { campaignId }, query: CnpMigrationCancelQuery.parse(query) })),
    initiate: bind("cnpMigration.initiate", (campaignId: string, upstreamCnpId: string) =>
      http.call("cnpMigration.initiate", NoContent, { path: { campaignId, upstreamCnpId } })),
  };
}
export type CnpMigrationApi = ReturnType<typeof cnpMigrationApi>;
