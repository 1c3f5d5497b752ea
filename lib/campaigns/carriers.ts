/**
 * Carriers (MNOs) by network id, client-safe. The ids are the ones anchors-mission §5.9 names; the
 * registry's /enum/mno is authoritative, so anything not listed here shows under its id.
 */
export const KNOWN_MNOS = [
  { mnoId: "10017", name: "AT&T", short: "AT&T" },
  { mnoId: "10035", name: "T-Mobile", short: "T-Mobile" },
  { mnoId: "10038", name: "Verizon Wireless", short: "Verizon" },
  { mnoId: "10037", name: "US Cellular", short: "USC" },
] as const;

export const ATT = "10017";
export const TMOBILE = "10035";
export const VERIZON = "10038";
export const US_CELLULAR = "10037";

export const MNO_IDS = KNOWN_MNOS.map((m) => m.mnoId) as string[];

export function mnoName(mnoId: string | number, short = false): string {
  const m = KNOWN_MNOS.find((k) => k.mnoId === String(mnoId));
  return m ? (short ? m.short : m.name) : `MNO ${mnoId}`;
}

/** Known carriers first in a fixed order, then any other id the registry reported, ascending. */
export function sortMnoIds(ids: Iterable<string>): string[] {
  const rank = (id: string) => {
    const i = MNO_IDS.indexOf(id);
    return i === -1 ? MNO_IDS.length : i;
  };
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
