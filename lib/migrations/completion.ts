/**
 * The completion rule of a CNP migration, per carrier (cnp-migration.md §3.3, release 5.10 and later): the
 * transaction completes when every requested MNO network of the pre-migration chain has an accepted DCA in the
 * provisional chain. Client-safe and pure.
 *
 * What we can know: the registry shows each party only its adjacent hop (§3.5), so the originating CSP sees
 * the provisional hop it created (to the target) and, from that hop, whether the target accepted, which MNOs
 * were elected and whether it is DCA-complete. When the target is a CNP, the DCAs above it are not visible:
 * the rule's status for each carrier is then "unknown" until the registry reports completion.
 */
export type ProvisionalHop = {
  upstreamCnpId?: string | null;
  sharingStatus?: string | null;
  dcaComplete?: boolean | null;
  electedMnoIds?: string[] | null;
  excludedMnoIds?: string[] | null;
};

export type CarrierRuleState = "MET" | "WAITING" | "NOT_MET" | "UNKNOWN";
export type CarrierRule = { mnoId: string; state: CarrierRuleState; note: string };

const upper = (s: string | null | undefined) => (s ?? "").toUpperCase();

export function carrierCompletion(input: {
  /** Requested carriers of the campaign (its per-carrier operations in the pre-migration chain). */
  mnoIds: string[];
  migrationStatus: string | null;
  hop: ProvisionalHop | null;
  /** Whether the target is a DCA (from the registry's partner list); null when unknown. */
  targetIsDca: boolean | null;
}): CarrierRule[] {
  const status = upper(input.migrationStatus);
  const hop = input.hop;
  return input.mnoIds.map((mnoId): CarrierRule => {
    if (status === "COMPLETE" || status === "COMPLETED") return { mnoId, state: "MET", note: "The registry reported the migration complete." };
    if (status === "CANCELED" || status === "CANCELLED") return { mnoId, state: "NOT_MET", note: "The migration was canceled; the pre-migration chain stays." };
    if (!hop || !hop.sharingStatus) return { mnoId, state: "UNKNOWN", note: "The provisional chain has not been read from the registry yet." };
    const hopStatus = upper(hop.sharingStatus);
    if (hopStatus === "PENDING") return { mnoId, state: "WAITING", note: `Waiting for ${hop.upstreamCnpId ?? "the target"} to accept.` };
    if (hopStatus === "DECLINED") return { mnoId, state: "NOT_MET", note: `${hop.upstreamCnpId ?? "The target"} declined the migration share.` };
    if (hop.excludedMnoIds?.includes(mnoId)) return { mnoId, state: "NOT_MET", note: "Excluded by the DCA in the provisional chain." };
    if (hop.dcaComplete) return { mnoId, state: "MET", note: "The provisional chain is DCA-complete." };
    if (hop.electedMnoIds?.includes(mnoId)) return { mnoId, state: "MET", note: "Accepted by a DCA in the provisional chain." };
    if (input.targetIsDca === false) return { mnoId, state: "UNKNOWN", note: `${hop.upstreamCnpId ?? "The target"} accepted; the DCAs above it are not visible to us.` };
    return { mnoId, state: "WAITING", note: "Accepted, but no DCA covers this carrier in the provisional chain yet." };
  });
}
