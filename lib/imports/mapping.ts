/**
 * Guessing which import column each header of an uploaded file is: header and field names are compared
 * normalised (case, spaces, underscores, dashes and punctuation ignored), then the columns' synonyms
 * ("Tax ID" → ein, "Company Name" → companyName). A mapping the user chose overrides the guess. Client-safe.
 */
import { columnsFor, type ImportKind } from "./columns";

export const normaliseHeader = (h: string): string => h.normalize("NFKD").toLowerCase().replace(/[^a-z0-9+]/g, "");

/** header (as in the file) → field; a header mapped to "" or null is deliberately ignored. */
export type ColumnMapping = Record<string, string | null>;

export type MappingResult = {
  /** Every header of the file → the field it fills, or null. */
  mapping: Record<string, string | null>;
  /** Headers that fill no field (their cells are ignored). */
  unmapped: string[];
  /** Fields every row needs that no header fills. */
  missing: string[];
  /** Problems with the mapping itself (two headers for one field, an override naming an unknown field). */
  problems: string[];
};

/** The fields a file must have a column for, whatever its rows hold. */
function requiredFields(kind: ImportKind): string[][] {
  return kind === "brands"
    ? [["entityType"], ["displayName"]]
    : [["brandId", "brandRef"], ["usecase"], ["description"], ["messageFlow", "consentMethod"], ["sample1"]];
}

export function guessMapping(kind: ImportKind, headers: readonly string[], override: ColumnMapping = {}): MappingResult {
  const columns = columnsFor(kind);
  const fields = new Set(columns.map((c) => c.field));
  const byName = new Map<string, string>();
  for (const c of columns) byName.set(normaliseHeader(c.field), c.field);
  const bySynonym = new Map<string, string>();
  for (const c of columns) for (const s of [c.label, ...(c.synonyms ?? [])]) if (!bySynonym.has(normaliseHeader(s))) bySynonym.set(normaliseHeader(s), c.field);

  const mapping: Record<string, string | null> = {};
  const problems: string[] = [];
  const taken = new Map<string, string>();
  const assign = (h: string, f: string | null) => {
    if (f && taken.has(f)) {
      problems.push(`Both "${taken.get(f)}" and "${h}" would fill ${f}: "${h}" is ignored; choose the column you mean.`);
      mapping[h] = null;
      return;
    }
    mapping[h] = f;
    if (f) taken.set(f, h);
  };
  // The user's choices first, so a guess never takes a field the user gave to another header.
  for (const h of headers) {
    if (!Object.hasOwn(override, h)) continue;
    const f = override[h] || null;
    if (f && !fields.has(f)) {
      problems.push(`"${h}" is mapped to ${f}, which is not a ${kind === "brands" ? "brand" : "campaign"} import column.`);
      mapping[h] = null;
      continue;
    }
    assign(h, f);
  }
  // Exact field names, then synonyms and labels.
  for (const pass of [byName, bySynonym]) {
    for (const h of headers) {
      if (Object.hasOwn(mapping, h)) continue;
      const f = pass.get(normaliseHeader(h));
      if (f && !taken.has(f)) assign(h, f);
    }
  }
  for (const h of headers) if (!Object.hasOwn(mapping, h)) mapping[h] = null;
  const unmapped = headers.filter((h) => !mapping[h]);
  const missing = requiredFields(kind).filter((alts) => !alts.some((f) => taken.has(f))).map((alts) => alts.join(" or "));
  return { mapping, unmapped, missing, problems };
}

/** The header index of each mapped field, for reading rows fast. */
export function fieldIndexes(headers: readonly string[], mapping: Record<string, string | null>): Map<string, number> {
  const out = new Map<string, number>();
  headers.forEach((h, i) => {
    const f = mapping[h];
    if (f && !out.has(f)) out.set(f, i);
  });
  return out;
}
