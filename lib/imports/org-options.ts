/**
 * The dry-run options for an organization: its mirror (duplicates, brand ids), its upstream's fees and its
 * registry connection's campaign qualification (free, read-only, asked lazily). Shared by the CLI and the
 * upload route so both check a file the same way.
 */
import type { Db } from "@/lib/db";
import type { DryRunOptions } from "./dry-run";

export function orgDryRunOptions(db: Db, orgId: string): DryRunOptions {
  let registry: ReturnType<typeof import("@/lib/registry/client").registryClientFor> | undefined;
  return {
    db,
    orgId,
    lists: async () => (await import("@/lib/brands/wizard-options")).loadWizardOptions(db, orgId),
    qualify: async (brandId, usecase) => {
      registry ??= import("@/lib/registry/client").then((m) => m.registryClientFor(db, orgId));
      return (await registry).campaignBuilder.qualifyBrandUsecase(brandId, usecase);
    },
  };
}
