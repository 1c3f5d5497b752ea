/**
 * The dry run of an import file (issue 19): every row checked with the rules the portal applies when the
 * same brand or campaign is entered by hand, nothing sent. Brands: the wizard's per-entity-type validation
 * (validateWizard). Campaigns: the builder's create request and the registry's validation table
 * (createRequestFromDraft + CampaignBuilderCreateRequest), the brand's eligibility (brandEligibility), the
 * structured consent (ConsentSchema, composeMessageFlow) and the compliance check (lintCampaign) with the
 * registry's qualification when one is available. Duplicates are found within the file and against the
 * organization's mirror; mirror lookups are one query per batch of rows, never one per row.
 * Result: {rows:[{line, ok, errors:[{field,message}], warnings}], totals:{rows, ok, failed, cost_usd}}.
 */
import type { WizardOptions } from "@/lib/brands/wizard";
import type { Db } from "@/lib/db";
import { feesFor, type UpstreamFees } from "@/lib/billing/fees";
import { validateWizard, normaliseFieldValue, emptyWizardValues, toCreateInput, WIZARD_FIELDS, type WizardValues } from "@/lib/brands/wizard";
import { brandFieldRules, type BrandField } from "@/lib/tcr/schemas/brand";
import { ENTITY_TYPES, EntityType } from "@/lib/tcr/schemas/enums";
import { brandEligibility, createRequestFromDraft, defaultKeywordMessages, type BrandForBuilder } from "@/lib/campaigns/builder";
import { CampaignBuilderCreateRequest } from "@/lib/tcr/schemas/campaignBuilder";
import { ConsentSchema, composeMessageFlow, lintCampaign, SAMPLE_FIELDS, type Consent } from "@/lib/campaigns/lint";
import type { CampaignDraftData } from "@/lib/campaigns/schemas";
import type { MnoMetadataMap } from "@/lib/tcr/schemas/common";
import type { ImportKind } from "./columns";
import { fieldIndexes, guessMapping, type ColumnMapping, type MappingResult } from "./mapping";
import { ImportFileError, parseCsv, type CsvLimits, type CsvRecord } from "./parse";

export type RowIssue = { field: string; message: string };
export type DryRunRow = { line: number; ok: boolean; errors: RowIssue[]; warnings: RowIssue[] };
export type DryRunTotals = { rows: number; ok: number; failed: number; cost_usd: number };
export type DryRunResult = { rows: DryRunRow[]; totals: DryRunTotals };

/** What a campaign row needs to know about the brand row its brandRef names. */
export type BrandRefInfo = { line: number; ok: boolean; displayName: string | null; companyName: string | null; entityType: string | null; website: string | null };

/** The registry's answer for a brand and use case (campaign builder qualification), when one can be asked. */
export type Qualification = { mnoMetadata?: MnoMetadataMap | null; minSubUsecases?: number | null; maxSubUsecases?: number | null; monthlyFee?: number | null };

export type DryRunOptions = {
  /** The organization whose mirror the duplicates and brand ids are checked against; without it neither is. */
  db?: Db;
  orgId?: string;
  /** The user's column choices (header → field), over the guess. */
  mapping?: ColumnMapping;
  limits?: CsvLimits;
  /** Brand rows of the file imported together with this campaign file, by their `ref`. */
  brandRefs?: Map<string, BrandRefInfo>;
  /** Asks the registry for a brand's qualification for a use case (free, read-only); asked once per pair. */
  qualify?: (brandId: string, usecase: string) => Promise<Qualification>;
  /** Fees; by default the organization's upstream's (TCR prices without an organization). */
  fees?: UpstreamFees;
  /** Rows checked per mirror query. */
  batchSize?: number;
  /** Also return each valid row's normalised create input (what the import job registers), by line. */
  inputs?: boolean;
  /**
   * The registry's published lists (verticals, alternative id types, countries), as the wizard offers them; a cell
   * outside a list the registry answered is an error at its field. Asked once per dry run.
   */
  lists?: () => Promise<Pick<WizardOptions, "verticals" | "altBusinessIdTypes" | "countries">>;
};

/** A valid brand row as the import job registers it: the wizard's values (its draft) and their create request. */
export type BrandRowInput = { type: "brand"; line: number; ref: string | null; values: WizardValues; request: Record<string, unknown>; vetting: string | null };
/** A valid campaign row: the builder's draft (with the structured consent) for a brand id or a brand row's ref. */
export type CampaignRowInput = { type: "campaign"; line: number; brandId: string | null; brandRef: string | null; draft: CampaignDraftData };
export type RowInput = BrandRowInput | CampaignRowInput;

export type DryRunOutput = DryRunResult & { mapping: MappingResult; delimiter: string; brandRefs?: Map<string, BrandRefInfo>; inputs?: Map<number, RowInput> };

const BATCH = 500;
const FALSE = new Set(["false", "no", "n", "0", "off"]);
const TRUE = new Set(["true", "yes", "y", "1", "on", "x"]);
const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase().replace(/\s+/g, " ");

type Cells = (field: string) => string;

function cellsOf(rec: CsvRecord, idx: Map<string, number>): Cells {
  return (f) => {
    const i = idx.get(f);
    return i === undefined ? "" : (rec.values[i] ?? "").trim();
  };
}

/** A true/false cell: undefined when empty, the issue when unreadable. */
function flag(cells: Cells, field: string, errors: RowIssue[]): boolean | undefined {
  const v = cells(field).toLowerCase();
  if (!v) return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  errors.push({ field, message: `"${cells(field)}" is not true or false` });
  return undefined;
}

/** Runs the dry run over batches of records: `check` gets each batch and answers with its rows. */
async function inBatches(records: AsyncIterable<CsvRecord>, size: number, check: (batch: CsvRecord[]) => Promise<DryRunRow[]>): Promise<DryRunRow[]> {
  const out: DryRunRow[] = [];
  let batch: CsvRecord[] = [];
  for await (const r of records) {
    batch.push(r);
    if (batch.length >= size) {
      for (const row of await check(batch)) out.push(row);
      batch = [];
    }
  }
  if (batch.length) for (const row of await check(batch)) out.push(row);
  return out;
}

function totals(rows: DryRunRow[], cost: number): DryRunTotals {
  const ok = rows.filter((r) => r.ok).length;
  return { rows: rows.length, ok, failed: rows.length - ok, cost_usd: round2(cost) };
}

async function feesOf(opts: DryRunOptions): Promise<UpstreamFees> {
  if (opts.fees) return opts.fees;
  if (opts.db && opts.orgId) {
    const { upstreamFeesFor } = await import("@/lib/registry/client");
    return upstreamFeesFor(opts.db, opts.orgId);
  }
  return feesFor("TCR");
}

/* ---------------------------------------------------------------- brands */

const BRAND_FIELDS = new Set<string>(WIZARD_FIELDS);

/** The key two rows (or a row and a mirrored brand) share when they are the same brand. */
function brandKey(v: { entityType?: string | null; ein?: string | null; companyName?: string | null; displayName?: string | null; mobilePhone?: string | null }): string | null {
  const ein = normaliseFieldValue("ein", v.ein ?? "");
  if (ein && norm(v.companyName)) return `ein:${ein.toLowerCase()}|${norm(v.companyName)}`;
  if (v.entityType === "SOLE_PROPRIETOR" && norm(v.displayName)) return `sp:${norm(v.displayName)}|${normaliseFieldValue("mobilePhone", v.mobilePhone ?? "")}`;
  return null;
}

function brandValues(cells: Cells, errors: RowIssue[]): WizardValues {
  const v = emptyWizardValues();
  v.country = cells("country") || "";
  const et = cells("entityType").toUpperCase().replace(/[\s-]+/g, "_");
  v.entityType = (EntityType.safeParse(et).success ? et : "") as WizardValues["entityType"];
  for (const f of WIZARD_FIELDS) if (f !== "mock") v[f] = cells(f);
  v.mock = flag(cells, "mock", errors) ?? false;
  return v;
}

type MirrorBrand = { brandId: string; displayName: string | null; companyName: string | null; entityType: string | null; data: unknown };

async function mirrorBrandKeys(opts: DryRunOptions, companies: string[], displays: string[]): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  if (!opts.db || !opts.orgId || (!companies.length && !displays.length)) return keys;
  const found: MirrorBrand[] = await opts.db.brand.findMany({
    where: {
      orgId: opts.orgId, deletedAt: null,
      OR: [
        ...(companies.length ? [{ companyName: { in: companies, mode: "insensitive" as const } }] : []),
        ...(displays.length ? [{ entityType: "SOLE_PROPRIETOR", displayName: { in: displays, mode: "insensitive" as const } }] : []),
      ],
    },
    select: { brandId: true, displayName: true, companyName: true, entityType: true, data: true },
  });
  for (const b of found) {
    const d = (b.data ?? {}) as Record<string, unknown>;
    const k = brandKey({ entityType: b.entityType, ein: typeof d.ein === "string" ? d.ein : null, companyName: b.companyName, displayName: b.displayName, mobilePhone: typeof d.mobilePhone === "string" ? d.mobilePhone : null });
    if (k) keys.set(k, b.brandId);
  }
  return keys;
}

/** The vetting cell → the provider to order from: its id, or AEGIS for a plain "yes". */
export function vettingProvider(cell: string): string {
  const v = cell.trim();
  return TRUE.has(v.toLowerCase()) ? DEFAULT_VETTING_PROVIDER : v.toUpperCase();
}
export const DEFAULT_VETTING_PROVIDER = "AEGIS";

/** Dry-runs a brand file. Throws ImportFileError when the file cannot be read at all. */
export async function dryRunBrands(source: Parameters<typeof parseCsv>[0], opts: DryRunOptions = {}): Promise<DryRunOutput> {
  const csv = await parseCsv(source, opts.limits);
  const mapping = guessMapping("brands", csv.header, opts.mapping);
  if (mapping.missing.length) throw new ImportFileError("MALFORMED", `No column for ${mapping.missing.join(", ")}: add it, or map one of the file's columns to it.`);
  const idx = fieldIndexes(csv.header, mapping.mapping);
  const fees = await feesOf(opts);
  const lists = opts.lists ? await opts.lists() : null;
  const allowed = {
    vertical: lists?.verticals ? new Set(lists.verticals.map((v) => v.value)) : null,
    altBusinessIdType: lists?.altBusinessIdTypes?.length ? new Set(lists.altBusinessIdTypes) : null,
    country: lists?.countries ? new Set(lists.countries.map((c) => c.value)) : null,
  };
  const seen = new Map<string, number>();
  const refs = new Map<string, BrandRefInfo>();
  const inputs = new Map<number, RowInput>();
  let cost = 0;

  const rows = await inBatches(csv.records, opts.batchSize ?? BATCH, async (batch) => {
    const parsed = batch.map((rec) => {
      const cells = cellsOf(rec, idx);
      const errors: RowIssue[] = [];
      const warnings: RowIssue[] = [];
      const values = brandValues(cells, errors);
      return { rec, cells, values, errors, warnings };
    });
    const companies = [...new Set(parsed.map((p) => p.values.companyName).filter(Boolean))];
    const displays = [...new Set(parsed.filter((p) => p.values.entityType === "SOLE_PROPRIETOR").map((p) => p.values.displayName).filter(Boolean))];
    const mirror = await mirrorBrandKeys(opts, companies, displays);
    return parsed.map(({ rec, cells, values, errors, warnings }) => {
      const rawType = cells("entityType");
      const fieldErrors = validateWizard(values);
      for (const [field, message] of Object.entries(fieldErrors)) {
        errors.push({ field, message: field === "entityType" && rawType && !values.entityType ? `"${rawType}" is not an entity type: use one of ${ENTITY_TYPES.join(", ")}` : message });
      }
      // The wizard offers these as the registry's lists; the registry refuses anything else.
      for (const [field, set] of Object.entries(allowed)) {
        const v = (values as Record<string, unknown>)[field];
        if (set && typeof v === "string" && v && !set.has(v) && !errors.some((e) => e.field === field)) {
          const some = [...set].slice(0, 8).join(", ");
          errors.push({ field, message: `"${v}" is not in the registry's list${field === "vertical" ? " of verticals" : ""}: use one of ${some}${set.size > 8 ? ", …" : ""} (the template's columns file lists them)` });
        }
      }
      if (values.entityType) {
        const rules = brandFieldRules[values.entityType];
        for (const f of WIZARD_FIELDS) {
          if (rules[f as BrandField] === "forbidden" && cells(f) && BRAND_FIELDS.has(f)) warnings.push({ field: f, message: `Left out: a ${values.entityType} brand does not have this field` });
        }
      }
      const key = brandKey(values);
      const keyField = values.entityType === "SOLE_PROPRIETOR" ? "displayName" : "ein";
      if (key) {
        const first = seen.get(key);
        if (first !== undefined) errors.push({ field: keyField, message: `Duplicate of line ${first} (same ${keyField === "ein" ? "EIN and company name" : "name and mobile phone"})` });
        else seen.set(key, rec.line);
        const existing = mirror.get(key);
        if (existing) errors.push({ field: keyField, message: `This organization already has this brand (${existing})` });
      }
      const ref = cells("ref");
      const refOwner = ref ? refs.get(ref) : undefined;
      if (refOwner) errors.push({ field: "ref", message: `The ref "${ref}" is already used on line ${refOwner.line}` });
      const ok = errors.length === 0;
      if (ref && !refOwner) {
        refs.set(ref, { line: rec.line, ok, displayName: values.displayName || null, companyName: values.companyName || null, entityType: values.entityType || null, website: values.website || null });
      }
      const vetting = cells("vetting");
      const wantsVetting = Boolean(vetting) && !FALSE.has(vetting.toLowerCase());
      if (ok) cost += (fees.brand?.amountUsd ?? 0) + (wantsVetting ? (fees.vetting?.amountUsd ?? 0) : 0);
      if (ok && opts.inputs) {
        inputs.set(rec.line, { type: "brand", line: rec.line, ref: ref || null, values, request: toCreateInput(values) ?? {}, vetting: wantsVetting ? vettingProvider(vetting) : null });
      }
      return { line: rec.line, ok: errors.length === 0, errors, warnings };
    });
  });
  return { rows, totals: totals(rows, cost), mapping, delimiter: csv.delimiter, brandRefs: refs, ...(opts.inputs ? { inputs } : {}) };
}

/* ---------------------------------------------------------------- campaigns */

const CONSENT_FIELD_OF: Record<string, string> = {
  programName: "consentProgramName", messagePurpose: "consentPurpose", frequency: "consentFrequency", frequencyDetail: "consentFrequencyDetail",
  ratesDisclosure: "consentRatesDisclosure", helpDisclosure: "consentHelpDisclosure", stopDisclosure: "consentStopDisclosure",
  privacyPolicyUrl: "privacyPolicyLink", termsUrl: "termsAndConditionsLink",
  notConditionOfPurchase: "consentNotConditionOfPurchase", noThirdPartySharing: "consentNoThirdPartySharing", carrierDisclaimer: "consentCarrierDisclaimer",
  checkboxUnchecked: "consentCheckboxUnchecked", method: "consentMethod", location: "consentLocation", evidenceUrl: "consentEvidenceUrl", keywords: "consentKeywords", details: "consentLocation",
};

function consentOf(cells: Cells, errors: RowIssue[]): Consent | null {
  if (!cells("consentMethod")) return null;
  const draft = {
    programName: cells("consentProgramName"),
    messagePurpose: cells("consentPurpose"),
    mechanisms: [{ method: cells("consentMethod").toUpperCase(), location: cells("consentLocation"), evidenceUrl: cells("consentEvidenceUrl") || undefined, keywords: cells("consentKeywords") || undefined, checkboxUnchecked: flag(cells, "consentCheckboxUnchecked", errors) }],
    frequency: cells("consentFrequency").toUpperCase(),
    frequencyDetail: cells("consentFrequencyDetail") || undefined,
    ratesDisclosure: flag(cells, "consentRatesDisclosure", errors) ?? false,
    helpDisclosure: flag(cells, "consentHelpDisclosure", errors) ?? false,
    stopDisclosure: flag(cells, "consentStopDisclosure", errors) ?? false,
    notConditionOfPurchase: flag(cells, "consentNotConditionOfPurchase", errors) ?? false,
    noThirdPartySharing: flag(cells, "consentNoThirdPartySharing", errors) ?? false,
    carrierDisclaimer: flag(cells, "consentCarrierDisclaimer", errors) ?? false,
    privacyPolicyUrl: cells("privacyPolicyLink"),
    termsUrl: cells("termsAndConditionsLink"),
  };
  const r = ConsentSchema.safeParse(draft);
  if (r.success) return r.data as Consent;
  for (const i of r.error.issues) {
    const key = String(i.path[0] === "mechanisms" ? (i.path[2] ?? "method") : (i.path[0] ?? "consentMethod"));
    const field = CONSENT_FIELD_OF[key] ?? "consentMethod";
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: i.message });
  }
  return null;
}

const FLAGS = ["embeddedLink", "embeddedPhone", "numberPool", "ageGated", "directLending", "affiliateMarketing", "termsAndConditions", "subscriberOptin", "subscriberOptout", "subscriberHelp", "autoRenewal"] as const;
const TEXTS = ["usecase", "resellerId", "description", "messageFlow", ...SAMPLE_FIELDS, "embeddedLinkSample", "optinKeywords", "optinMessage", "optoutKeywords", "optoutMessage", "helpKeywords", "helpMessage", "privacyPolicyLink", "termsAndConditionsLink", "referenceId"] as const;
/** Stands in for the brand id of a brand the same import registers first (it has none yet). */
const PENDING_BRAND = "BPENDING";

const addOnce = (list: RowIssue[], issue: RowIssue) => {
  if (!list.some((e) => e.field === issue.field)) list.push(issue);
};

type BrandFacts = { displayName: string | null; companyName: string | null; website: string | null };

/**
 * A row → the builder's draft. Empty keyword and reply cells start from the builder's defaults
 * (defaultKeywordMessages), as the content step does, so only a row that turns a default off or writes its
 * own text differs.
 */
function campaignDraft(cells: Cells, errors: RowIssue[], brand: BrandFacts | null): { draft: CampaignDraftData; consent: Consent | null } {
  const draft: Record<string, unknown> = {};
  const defaults = defaultKeywordMessages(brand?.displayName || brand?.companyName || "", brand?.website);
  for (const [k, v] of Object.entries(defaults)) draft[k] = v;
  for (const f of TEXTS) if (cells(f)) draft[f] = cells(f);
  if (draft.usecase) draft.usecase = String(draft.usecase).toUpperCase();
  for (const f of FLAGS) {
    const b = flag(cells, f, errors);
    if (b !== undefined) draft[f] = b;
  }
  const subs = cells("subUsecases").split(/[,;|]/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (subs.length) draft.subUsecases = subs;
  const consent = consentOf(cells, errors);
  if (consent && !draft.messageFlow) draft.messageFlow = composeMessageFlow(consent);
  return { draft: draft as CampaignDraftData, consent };
}

type MirrorCampaignBrand = BrandForBuilder & { companyName: string | null };

async function mirrorForCampaigns(opts: DryRunOptions, brandIds: string[]) {
  const brands = new Map<string, MirrorCampaignBrand>();
  const campaignKeys = new Map<string, string>();
  if (!opts.db || !opts.orgId || !brandIds.length) return { brands, campaignKeys };
  const [bs, cs] = await Promise.all([
    opts.db.brand.findMany({
      where: { orgId: opts.orgId, brandId: { in: brandIds } },
      select: { brandId: true, displayName: true, companyName: true, entityType: true, identityStatus: true, status: true, deletedAt: true, mock: true, data: true },
    }),
    opts.db.campaign.findMany({ where: { orgId: opts.orgId, brandId: { in: brandIds }, deletedAt: null }, select: { campaignId: true, brandId: true, usecase: true, data: true } }),
  ]);
  for (const b of bs) brands.set(b.brandId, b);
  for (const c of cs) {
    const d = (c.data ?? {}) as Record<string, unknown>;
    campaignKeys.set(campaignKey(c.brandId ?? "", c.usecase ?? "", SAMPLE_FIELDS.map((f) => (typeof d[f] === "string" ? (d[f] as string) : ""))), c.campaignId);
  }
  return { brands, campaignKeys };
}

function campaignKey(brand: string, usecase: string, samples: string[]): string {
  return [brand, usecase.trim().toUpperCase(), ...samples.map(norm).filter(Boolean)].join("\u0001");
}

/** Dry-runs a campaign file; `brandRefs` come from the brand file of the same import (dryRunBrands). */
export async function dryRunCampaigns(source: Parameters<typeof parseCsv>[0], opts: DryRunOptions = {}): Promise<DryRunOutput> {
  const csv = await parseCsv(source, opts.limits);
  const mapping = guessMapping("campaigns", csv.header, opts.mapping);
  if (mapping.missing.length) throw new ImportFileError("MALFORMED", `No column for ${mapping.missing.join(", ")}: add it, or map one of the file's columns to it.`);
  const idx = fieldIndexes(csv.header, mapping.mapping);
  const refs = opts.brandRefs ?? new Map<string, BrandRefInfo>();
  const seen = new Map<string, number>();
  const inputs = new Map<number, RowInput>();
  const qualifications = new Map<string, Promise<Qualification | Error>>();
  const identityReported = opts.db && opts.orgId
    ? (await (await import("@/lib/registry/client")).capabilitiesFor(opts.db, opts.orgId)).has("brand.identityStatus")
    : true;
  let cost = 0;

  const rows = await inBatches(csv.records, opts.batchSize ?? BATCH, async (batch) => {
    const ids = [...new Set(batch.map((rec) => cellsOf(rec, idx)("brandId")).filter(Boolean))];
    const mirror = await mirrorForCampaigns(opts, ids);
    const out: DryRunRow[] = [];
    for (const rec of batch) {
      const cells = cellsOf(rec, idx);
      const errors: RowIssue[] = [];
      const warnings: RowIssue[] = [];
      const brandId = cells("brandId");
      const brandRef = cells("brandRef");
      let brand: { displayName: string | null; companyName: string | null; entityType: string | null; website: string | null } | null = null;
      if (brandId && brandRef) errors.push({ field: "brandRef", message: "Fill brandId or brandRef, not both" });
      else if (!brandId && !brandRef) errors.push({ field: "brandId", message: "Fill brandId (a brand you have) or brandRef (a brand row's ref in the brand file)" });
      else if (brandRef) {
        const r = refs.get(brandRef);
        if (!r) errors.push({ field: "brandRef", message: `No brand row has the ref "${brandRef}"` });
        else {
          if (!r.ok) errors.push({ field: "brandRef", message: `The brand row on line ${r.line} has errors: fix it first` });
          brand = r;
        }
      } else if (opts.db && opts.orgId) {
        const b = mirror.brands.get(brandId);
        if (!b) errors.push({ field: "brandId", message: `${brandId} is not a brand of this organization` });
        else {
          const e = brandEligibility(b, { identityReported });
          if (!e.ok) errors.push({ field: "brandId", message: `This brand cannot register campaigns: ${e.reason}` });
          const d = (b.data ?? {}) as Record<string, unknown>;
          brand = { displayName: b.displayName, companyName: b.companyName, entityType: b.entityType, website: typeof d.website === "string" ? d.website : null };
        }
      } else {
        warnings.push({ field: "brandId", message: "Not checked: no organization given, so the brand and duplicates of its campaigns were not looked up" });
      }

      const { draft, consent } = campaignDraft(cells, errors, brand);
      const request = createRequestFromDraft({ ...draft, brandId: brandId || PENDING_BRAND });
      const parsed = CampaignBuilderCreateRequest.safeParse(request);

      let qualification: Qualification | null = null;
      // Qualification is the registry's answer for an eligible brand; an ineligible one is not asked about.
      if (brandId && brand && !errors.some((e) => e.field === "brandId") && opts.qualify && request.usecase) {
        const k = `${brandId}|${request.usecase}`;
        if (!qualifications.has(k)) qualifications.set(k, opts.qualify(brandId, request.usecase).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
        const q = await qualifications.get(k)!;
        if (q instanceof Error) warnings.push({ field: "usecase", message: `The registry's qualification could not be fetched (${q.message}): carriers and fee not checked` });
        else qualification = q;
      } else if (brandRef && !errors.length) {
        warnings.push({ field: "usecase", message: "Carrier qualification and the campaign fee are known once the brand is registered" });
      }

      const findings = lintCampaign({
        brand: brand ?? {},
        campaign: { ...request, affiliateMarketing: draft.affiliateMarketing ?? false },
        mno: qualification?.mnoMetadata ?? null,
        usecaseLimits: qualification ? { minSubUsecases: qualification.minSubUsecases, maxSubUsecases: qualification.maxSubUsecases } : null,
        consent,
      });
      // One error per field, the compliance check's words first (they say how to fix it), then the registry's
      // validation table for what the check does not cover; warnings as the check reports them.
      for (const f of findings) {
        if (f.severity === "info") continue;
        const issue = { field: f.fields[0] ?? "description", message: f.detail ? `${f.message} (${f.detail})` : f.message };
        if (f.severity === "block") addOnce(errors, issue);
        else if (!warnings.some((w) => w.field === issue.field && w.message === issue.message)) warnings.push(issue);
      }
      if (!parsed.success) for (const i of parsed.error.issues) addOnce(errors, { field: String(i.path[0] ?? "usecase"), message: i.message });
      // The builder's review step asks for this acceptance before paying; the registry refuses a campaign without it.
      if (request.termsAndConditions !== true) addOnce(errors, { field: "termsAndConditions", message: "Accept the registry's campaign terms: set this column to true" });
      // A consent with errors composes no message flow: its own columns say what to fix, not an empty messageFlow.
      if (cells("consentMethod") && !consent && !cells("messageFlow")) errors.splice(0, errors.length, ...errors.filter((e) => e.field !== "messageFlow"));

      const samples = SAMPLE_FIELDS.map((s) => cells(s));
      const key = campaignKey(brandId || `ref:${brandRef}`, request.usecase, samples);
      const first = seen.get(key);
      if (first !== undefined) errors.push({ field: "sample1", message: `Duplicate of line ${first} (same brand, use case and samples)` });
      else seen.set(key, rec.line);
      const existing = brandId ? mirror.campaignKeys.get(key) : undefined;
      if (existing) errors.push({ field: "sample1", message: `This brand already has this campaign (${existing}: same use case and samples)` });

      const ok = errors.length === 0;
      if (ok && qualification?.monthlyFee != null) cost += qualification.monthlyFee;
      if (ok && opts.inputs) {
        inputs.set(rec.line, { type: "campaign", line: rec.line, brandId: brandId || null, brandRef: brandRef || null, draft: { ...draft, ...(brandId ? { brandId } : {}), ...(consent ? { consent: consent as Record<string, unknown> } : {}) } });
      }
      out.push({ line: rec.line, ok, errors, warnings });
    }
    return out;
  });
  return { rows, totals: totals(rows, cost), mapping, delimiter: csv.delimiter, ...(opts.inputs ? { inputs } : {}) };
}

export function dryRun(kind: ImportKind, source: Parameters<typeof parseCsv>[0], opts: DryRunOptions = {}): Promise<DryRunOutput> {
  return kind === "brands" ? dryRunBrands(source, opts) : dryRunCampaigns(source, opts);
}

/** The result as the CLI prints it and the issue specifies: rows and totals only. */
export function dryRunJson(r: DryRunResult): DryRunResult {
  return { rows: r.rows, totals: r.totals };
}

