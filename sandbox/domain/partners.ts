import type { Sim } from "../core/context";
import type { PartnerRecord } from "../core/store";
import { CNPS, DCAS } from "../data/enums";

/**
 * The connectivity partners the sandbox knows: the built-in CNPs and DCAs of /enum/cnp and /enum/dca plus any
 * added through the control API (`control.addPartner`), so a test can create "another CNP to migrate to".
 */
export function allPartners(sim: Sim): PartnerRecord[] {
  return [
    ...CNPS.map((c) => ({ ...c, isDca: false })),
    ...DCAS.map((d) => ({ ...d, isDca: true })),
    ...Object.values(sim.store.data.partners),
  ];
}

export const findPartner = (sim: Sim, id: string): PartnerRecord | undefined => allPartners(sim).find((p) => p.id === id);
