import { UnsupportedByProviderError } from "@/lib/providers/port";
import { libraryFor } from "@/lib/evidence/queries";
import { last2faResend } from "@/lib/brands/authplus";
import { listBrandAppeals } from "@/lib/brands/appeals";
import { activeCampaignsOf, brandFeedback, lastRevet, REVET_SPACING_DAYS, type ClientFor, type FeedbackItem } from "@/lib/brands/lifecycle";
import { otpPanel, type OtpAttempt } from "@/lib/brands/otp";
import { brandTags, mirrorBrandTags } from "@/lib/brands/tags";
import { listBrandVettings } from "@/lib/brands/vetting";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { refreshBrandAppeals, refreshBrandVettings } from "@/lib/mirror/vetting";
import { describeRegistryError } from "@/lib/registry/errors";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import type { SmsOtpStatus } from "@/lib/tcr/schemas/brand";
import type { BrandAsset } from "@/lib/tcr/schemas/brandAsset";

// Reads for the brand detail page's tabs. What the registry must answer live (feedback, OTP status, tags,
// assets, enumerations) is asked per tab; a failure leaves that part empty with the reason, never the page.

type Brand = { brandId: string; entityType: string | null; identityStatus: string | null; status: string | null; deletedAt: Date | null };
export type Category = { id: string; displayName: string; description: string | null };

async function attempt<T>(what: string, fn: () => Promise<T>, fallback: T): Promise<{ value: T; error: string | null }> {
  try {
    return { value: await fn(), error: null };
  } catch (e) {
    // Not offered by this organization's upstream: the page hides that part and says why; it is not a failure.
    if (e instanceof UnsupportedByProviderError) return { value: fallback, error: null };
    const described = describeRegistryError(e);
    const expected = described ?? (e instanceof AppError ? { message: e.message } : null);
    if (!expected) log().error({ err: e, what }, "brand detail read failed");
    return { value: fallback, error: expected?.message ?? `Could not load ${what}.` };
  }
}

async function clientOrError(db: Db, orgId: string, clientFor: ClientFor): Promise<{ client: TcrClient | null; error: string | null }> {
  const r = await attempt("the registry connection", () => clientFor(db, orgId), null);
  return { client: r.value, error: r.error };
}

const categories = (items: { id?: string; displayName?: string; description?: string }[]): Category[] =>
  items.filter((c) => c.id).map((c) => ({ id: c.id!, displayName: c.displayName ?? c.id!, description: c.description ?? null }));

export type OverviewData = {
  feedback: FeedbackItem[];
  tags: string[];
  otp: { attempts: OtpAttempt[]; status: SmsOtpStatus | null } | null;
  authPlus: { vettingStatus: string | null; lastResend: Date | null } | null;
  lastRevet: Date | null;
  /** The last revet from this portal was less than the 3-month spacing ago. */
  revetRecent: boolean;
  activeCampaigns: string[];
  errors: string[];
};

export async function loadBrandOverview(db: Db, orgId: string, brand: Brand, clientFor: ClientFor = registryClientFor): Promise<OverviewData> {
  const { client, error } = await clientOrError(db, orgId, clientFor);
  const errors = error ? [error] : [];
  const [revet, active] = await Promise.all([lastRevet(db, orgId, brand.brandId), activeCampaignsOf(db, orgId, brand.brandId)]);
  const base: OverviewData = { feedback: [], tags: [], otp: null, authPlus: null, lastRevet: revet, revetRecent: revet ? Date.now() - revet.getTime() < REVET_SPACING_DAYS * 86_400_000 : false, activeCampaigns: active.map((c) => c.campaignId), errors };
  if (!client) return base;
  const sp = brand.entityType === "SOLE_PROPRIETOR";
  // An upstream that reports no identity status (Vonage) still has feedback for an unverified brand: ask it.
  const askFeedback = brand.identityStatus ? brand.identityStatus !== "SELF_DECLARED" : !sp && !(await capabilitiesFor(db, orgId)).has("brand.identityStatus");
  const [feedback, tags, otp, vets] = await Promise.all([
    askFeedback ? attempt("the identity feedback", () => brandFeedback(client, brand.brandId), []) : Promise.resolve({ value: [], error: null }),
    attempt("the tags", () => brandTags(client, brand.brandId), []),
    sp ? attempt("the OTP status", () => otpPanel(db, client, orgId, brand.brandId), null) : Promise.resolve({ value: null, error: null }),
    brand.entityType === "PUBLIC_PROFIT" ? attempt("the Authentication+ status", () => client.brands.listExternalVetting(brand.brandId, { vettingClass: "AUTHPLUS" }), []) : Promise.resolve({ value: [], error: null }),
  ]);
  for (const r of [feedback, tags, otp, vets]) if (r.error) errors.push(r.error);
  // The page reads the tags live; the Brands list reads them from the mirror: keep the two in step.
  if (!tags.error) await mirrorBrandTags(db, orgId, brand.brandId, tags.value);
  const authVet = vets.value.sort((a, b) => String(b.createDate ?? "").localeCompare(String(a.createDate ?? "")))[0];
  return {
    ...base,
    feedback: feedback.value,
    tags: tags.value,
    otp: sp ? (otp.value ?? { attempts: [], status: null }) : null,
    authPlus: brand.entityType === "PUBLIC_PROFIT" ? { vettingStatus: (authVet?.vettingStatus as string | undefined) ?? null, lastResend: await last2faResend(db, orgId, brand.brandId) } : null,
    errors,
  };
}

export type ProviderOption = { evpId: string; displayName: string; vettingClasses: string[] };

export async function loadBrandVetting(db: Db, orgId: string, brand: Brand, clientFor: ClientFor = registryClientFor) {
  const { client, error } = await clientOrError(db, orgId, clientFor);
  const errors = error ? [error] : [];
  let providers: ProviderOption[] = [];
  let classes: Category[] = [];
  let appealCategories: (Category & { evpIds: string[] })[] = [];
  let reports: Record<string, unknown>[] = [];
  if (client) {
    // Refreshed on view: the mirror is what the lists and reports read, so it follows the registry here.
    const [refreshed, prov, cls, cats, rep] = await Promise.all([
      attempt("the vetting records", () => refreshBrandVettings(db, client, orgId, brand.brandId), null),
      attempt("the vetting providers", () => client.enums.extVettingProvider(), []),
      attempt("the vetting classes", () => client.enums.vettingClass(), []),
      attempt("the vetting appeal categories", () => client.enums.extVettingAppealCategory(), []),
      attempt("the enhanced vetting reports", () => client.brands.listEnhancedVettingReports(brand.brandId), []),
    ]);
    await attempt("the vetting appeals", () => refreshBrandAppeals(db, client, orgId, brand.brandId), null);
    for (const r of [refreshed, prov, cls, cats, rep]) if (r.error) errors.push(r.error);
    providers = prov.value.filter((p) => p.evpId).map((p) => ({ evpId: p.evpId!, displayName: p.displayName ?? p.evpId!, vettingClasses: p.vettingClasses ?? [] }));
    classes = categories(cls.value.filter((c) => c.enabled !== false));
    appealCategories = cats.value.filter((c) => c.id).map((c) => ({ ...categories([c])[0]!, evpIds: Array.isArray(c.evpIds) ? (c.evpIds as string[]) : [] }));
    reports = rep.value as Record<string, unknown>[];
  }
  const [vettings, appeals] = await Promise.all([listBrandVettings(db, orgId, brand.brandId), listBrandAppeals(db, orgId, brand.brandId)]);
  return { vettings, appeals: appeals.filter((a) => a.kind === "VETTING"), providers, classes, appealCategories, reports, errors };
}

export type LibraryFile = { id: string; fileName: string; size: number; createdAt: Date };

/** The organization's appeal evidence files, newest first, to pick instead of uploading again. */
export async function appealEvidenceLibrary(db: Db, orgId: string): Promise<LibraryFile[]> {
  const files = await libraryFor(db, orgId, "BRAND_APPEAL_EVIDENCE");
  return files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, createdAt: f.createdAt }));
}

export async function loadBrandAppeals(db: Db, orgId: string, brand: Brand, clientFor: ClientFor = registryClientFor) {
  const { client, error } = await clientOrError(db, orgId, clientFor);
  const errors = error ? [error] : [];
  let appealCategories: Category[] = [];
  if (client) {
    const [refreshed, cats] = await Promise.all([
      attempt("the appeals", () => refreshBrandAppeals(db, client, orgId, brand.brandId), null),
      attempt("the appeal categories", () => client.enums.brandAppealCategory(), []),
    ]);
    for (const r of [refreshed, cats]) if (r.error) errors.push(r.error);
    appealCategories = categories(cats.value);
  }
  const [appeals, library] = await Promise.all([listBrandAppeals(db, orgId, brand.brandId), appealEvidenceLibrary(db, orgId)]);
  return { appeals: appeals.filter((a) => a.kind === "IDENTITY"), appealCategories, library, errors };
}

export async function loadBrandAssets(db: Db, orgId: string, brand: Brand, clientFor: ClientFor = registryClientFor) {
  const { client, error } = await clientOrError(db, orgId, clientFor);
  const errors = error ? [error] : [];
  let assets: BrandAsset[] = [];
  let appealCategories: Category[] = [];
  if (client && brand.entityType !== "SOLE_PROPRIETOR") {
    const [list, cats] = await Promise.all([
      attempt("the brand assets", () => client.brandAssets.list(brand.brandId), []),
      attempt("the asset appeal categories", () => client.enums.assetAppealCategory(), []),
    ]);
    for (const r of [list, cats]) if (r.error) errors.push(r.error);
    assets = list.value;
    appealCategories = categories(cats.value);
  }
  return { assets, appealCategories, errors };
}
