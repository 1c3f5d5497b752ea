import type { TcrClient } from "@/lib/tcr/client";
import type { PartnerInfo } from "./eligibility";

/**
 * Connectivity partners from the registry's lists (/enum/cnp, /enum/dca), with the two flags the eligibility
 * rules need. The lists take the flags only as filters, so each flag is one more filtered read.
 */
export async function loadPartners(client: TcrClient): Promise<PartnerInfo[]> {
  const [cnpAll, cnpMig, cnpSp, dcaAll, dcaMig, dcaSp] = await Promise.all([
    client.enums.cnp(), client.enums.cnp({ cnpMigrationSupported: true }), client.enums.cnp({ soleProprietorEnabled: true }),
    client.enums.dca(), client.enums.dca({ cnpMigrationSupported: true }), client.enums.dca({ soleProprietorEnabled: true }),
  ]);
  const dcaIds = (list: unknown[]) =>
    list.flatMap((d) => (d && typeof d === "object" && !Array.isArray(d) && typeof (d as { id?: unknown }).id === "string" ? [d as { id: string; displayName?: string }] : []));
  const out: PartnerInfo[] = Object.entries(cnpAll).map(([id, displayName]) => ({
    id, displayName, isDca: false, cnpMigrationSupported: id in cnpMig, soleProprietorEnabled: id in cnpSp,
  }));
  const mig = new Set(dcaIds(dcaMig).map((d) => d.id));
  const sp = new Set(dcaIds(dcaSp).map((d) => d.id));
  for (const d of dcaIds(dcaAll)) out.push({ id: d.id, displayName: d.displayName ?? d.id, isDca: true, cnpMigrationSupported: mig.has(d.id), soleProprietorEnabled: sp.has(d.id) });
  return out;
}
