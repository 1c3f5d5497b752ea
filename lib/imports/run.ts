/**
 * Running an import (issue 19): the valid rows of a dry run become one bulk job on the engine of
 * lib/migrations/bulk.ts (durable, resumable, one item per row), run by the worker's "bulk-run" queue.
 *
 * - createImportJob re-runs the dry run on the files themselves (never on rows a client sends), refuses when
 *   the cost the user confirmed is not the cost computed now, and creates the job, one item per valid row
 *   (key `brand:<line>` / `campaign:<line>`, input = the row's normalised create request) and one draft per
 *   row in a single transaction with its audit row.
 * - Each row is registered the way the portal registers one by hand, through its draft: brands with
 *   submitBrandDraft (billable, idempotency key fixed by the draft, mirrored and audited in one transaction),
 *   then the vet the `vetting` column asks for (orderVetting, key fixed by the job and row); campaigns with
 *   submitCampaignDraft (qualification, compliance check, billable create keyed by the draft). A crash or a
 *   restart runs the row again with the same keys, so nothing is registered or ordered twice. A row that
 *   fails keeps its draft, which the user can open, fix and submit from the wizard or the builder.
 * - A campaign row naming a brand row (brandRef) waits for that brand: while the brand item has not run, or
 *   its identity check is pending, the item goes back to PENDING with a time before which it is not claimed
 *   (the slice ends, the worker queues the next one for that time). A brand row that was not registered
 *   skips its campaigns with the reason.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { submitBrandDraft } from "@/lib/brands/submit";
import { loadWizardOptions } from "@/lib/brands/wizard-options";
import { orderVetting } from "@/lib/brands/vetting";
import { brandEligibility } from "@/lib/campaigns/builder";
import { submitCampaignDraft } from "@/lib/campaigns/commands";
import type { Db } from "@/lib/db";
import { AppError, ForbiddenError, ValidationFailedError } from "@/lib/errors";
import { log } from "@/lib/log";
import { describeError, isRefusal, type BulkItem, type Deferral, type ItemOutcome, type ItemRunner, type RunnerContext } from "@/lib/migrations/bulk";
import type { ImportJobKind } from "@/lib/migrations/schemas";
import { refreshBrand } from "@/lib/mirror/refresh";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import type { TcrClient } from "@/lib/tcr/client";
import { dryRunBrands, dryRunCampaigns, type BrandRowInput, type CampaignRowInput, type DryRunOutput, type Qualification, type RowInput } from "./dry-run";
import type { ColumnMapping } from "./mapping";

/** The class of vet a `vetting` column orders (the registry's standard external vet). */
export const IMPORT_VETTING_CLASS = "STANDARD";
/** How long a campaign row waits for its brand's identity check before it fails (retry the failed items later). */
export const BRAND_WAIT_MAX_MS = 72 * 3600_000;
const WAIT_MIN_MS = 30_000;
const WAIT_MAX_MS = 15 * 60_000;
/** Brand identity states that end by themselves (the registry's check, the OTP, the Authentication+ email). */
const WAITABLE = new Set(["PENDING", "OTP_PENDING", "AUTHPLUS_PENDING"]);

const mappingSchema = z.record(z.string().max(200), z.string().max(100)).optional();
const fileSchema = z.object({ csv: z.string().min(1, "The file is empty").max(50 * 1024 * 1024, "The file is larger than 50 MB"), mapping: mappingSchema });
export const startImportSchema = z
  .object({
    brands: fileSchema.optional(),
    campaigns: fileSchema.optional(),
    /** The total the user saw on the dry run and confirmed. */
    costUsd: z.number({ message: "Confirm the cost shown by the dry run" }).min(0).max(10_000_000),
  })
  .refine((v) => v.brands || v.campaigns, { path: ["brands"], message: "Add a brand file, a campaign file, or both" });
export type StartImportInput = z.infer<typeof startImportSchema>;

export type ImportFiles = Pick<StartImportInput, "brands" | "campaigns">;
export type ImportDeps = { clientFor?: (db: Db, orgId: string) => Promise<TcrClient> };
export type ImportDryRun = { brands?: DryRunOutput; campaigns?: DryRunOutput; costUsd: number };
type ImportCtx = Pick<OrgContext, "user" | "org" | "role">;

const brandKey = (line: number) => `brand:${line}`;
const campaignKey = (line: number) => `campaign:${line}`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The dry run of an import as the run sees it: the brand file, then the campaign file against the brand
 * file's refs, with the registry's free qualification for campaigns of existing brands. The pages show this
 * result; createImportJob computes it again from the same files.
 */
export async function dryRunImport(db: Db, orgId: string, files: ImportFiles, deps: ImportDeps = {}): Promise<ImportDryRun> {
  const lists = () => loadWizardOptions(db, orgId, deps.clientFor ?? registryClientFor);
  const brands = files.brands ? await dryRunBrands(files.brands.csv, { db, orgId, mapping: files.brands.mapping as ColumnMapping | undefined, inputs: true, lists }) : undefined;
  let client: Promise<TcrClient> | null = null;
  const qualify = async (brandId: string, usecase: string): Promise<Qualification> => {
    client ??= (deps.clientFor ?? registryClientFor)(db, orgId);
    return (await client).campaignBuilder.qualifyBrandUsecase(brandId, usecase);
  };
  const campaigns = files.campaigns
    ? await dryRunCampaigns(files.campaigns.csv, { db, orgId, mapping: files.campaigns.mapping as ColumnMapping | undefined, brandRefs: brands?.brandRefs, qualify, inputs: true })
    : undefined;
  return { brands, campaigns, costUsd: round2((brands?.totals.cost_usd ?? 0) + (campaigns?.totals.cost_usd ?? 0)) };
}

/** Creates the import's bulk job from the valid rows of the files' dry run (see the module comment). */
export async function createImportJob(db: Db, ctx: ImportCtx, input: StartImportInput, deps: ImportDeps = {}): Promise<{ jobId: string; total: number; kind: ImportJobKind }> {
  if (!can(ctx.role, "registry.act")) throw new ForbiddenError();
  const orgId = ctx.org.id;
  const dry = await dryRunImport(db, orgId, input, deps);
  if (round2(input.costUsd) !== dry.costUsd) {
    throw new ValidationFailedError(
      { costUsd: `The dry run now costs $${dry.costUsd.toFixed(2)}, not the $${round2(input.costUsd).toFixed(2)} you confirmed: review it and confirm again.` },
      "The cost changed since you reviewed the dry run; nothing was started.",
    );
  }
  const brandRows = [...(dry.brands?.inputs?.values() ?? [])] as BrandRowInput[];
  const campaignRows = [...(dry.campaigns?.inputs?.values() ?? [])] as CampaignRowInput[];
  const total = brandRows.length + campaignRows.length;
  if (total === 0) throw new ValidationFailedError({ [input.brands ? "brands" : "campaigns"]: "No row of the file is valid: fix the rows the dry run lists and try again." });
  const brandLineOfRef = new Map(brandRows.filter((b) => b.ref).map((b) => [b.ref!, b.line]));
  const kind: ImportJobKind = brandRows.length ? "IMPORT_BRANDS" : "IMPORT_CAMPAIGNS";

  const brandDrafts = brandRows.map((r) => ({ id: `imp${randomUUID().replace(/-/g, "").slice(0, 22)}`, row: r }));
  const campaignDrafts = campaignRows.map((r) => ({ id: `imp${randomUUID().replace(/-/g, "").slice(0, 22)}`, row: r }));
  return db.$transaction(async (tx) => {
    const job = await tx.bulkJob.create({
      data: {
        orgId, kind, total, createdById: ctx.user.id,
        params: { brands: brandRows.length, campaigns: campaignRows.length, costUsd: dry.costUsd, skippedRows: (dry.brands?.totals.failed ?? 0) + (dry.campaigns?.totals.failed ?? 0) },
      },
    });
    for (let i = 0; i < brandDrafts.length; i += 1000) {
      const chunk = brandDrafts.slice(i, i + 1000);
      await tx.brandDraft.createMany({
        data: chunk.map(({ id, row }) => ({ id, orgId, createdById: ctx.user.id, entityType: row.values.entityType || null, displayName: row.values.displayName || null, step: "review", data: row.values as Prisma.InputJsonValue })),
      });
      await tx.bulkJobItem.createMany({
        data: chunk.map(({ id, row }) => ({
          jobId: job.id, orgId, campaignId: brandKey(row.line),
          input: { type: "brand", line: row.line, ref: row.ref, draftId: id, request: row.request, vetting: row.vetting } as Prisma.InputJsonValue,
        })),
      });
    }
    for (let i = 0; i < campaignDrafts.length; i += 1000) {
      const chunk = campaignDrafts.slice(i, i + 1000);
      await tx.campaignDraft.createMany({
        data: chunk.map(({ id, row }) => ({ id, orgId, createdById: ctx.user.id, brandId: row.brandId, usecase: row.draft.usecase || null, step: "review", data: row.draft as Prisma.InputJsonValue })),
      });
      await tx.bulkJobItem.createMany({
        data: chunk.map(({ id, row }) => {
          const brandLine = row.brandRef ? brandLineOfRef.get(row.brandRef) : undefined;
          return {
            jobId: job.id, orgId, campaignId: campaignKey(row.line),
            input: { type: "campaign", line: row.line, brandId: row.brandId, brandRef: row.brandRef, brandItem: brandLine ? brandKey(brandLine) : null, draftId: id, request: row.draft } as Prisma.InputJsonValue,
          };
        }),
      });
    }
    await audit(tx, {
      orgId, actor: ctx.user, action: "import.start", targetType: "bulkJob", targetId: job.id, outcome: "SUCCESS",
      detail: { kind, brands: brandRows.length, campaigns: campaignRows.length, costUsd: dry.costUsd, rowsLeftOut: (dry.brands?.totals.failed ?? 0) + (dry.campaigns?.totals.failed ?? 0) },
    });
    return { jobId: job.id, total, kind };
  }, { timeout: 120_000 });
}

/** createImportJob, then the job is queued for the worker: what the import page's "Run" calls. */
export async function startImportJob(db: Db, ctx: ImportCtx, input: StartImportInput, deps: ImportDeps = {}) {
  const r = await createImportJob(db, ctx, input, deps);
  const { queueBulkJob } = await import("@/lib/migrations/commands");
  await queueBulkJob(r.jobId);
  return r;
}

/* ---------------------------------------------------------------- running */

type BrandItemInput = { type: "brand"; line: number; ref: string | null; draftId: string; vetting: string | null };
type CampaignItemInput = { type: "campaign"; line: number; brandId: string | null; brandRef: string | null; brandItem: string | null; draftId: string };
type ItemInput = BrandItemInput | CampaignItemInput;

/** A refusal of the portal's own checks (validation, conflict) or of the registry's: the row fails, no retry. */
function refusal(e: unknown): string | null {
  if (e instanceof AppError && e.status < 500 && e.status !== 429) {
    const fields = Object.entries(e.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m}`);
    return [e.message, ...fields].join(" ").slice(0, 1000);
  }
  return isRefusal(e) ? describeError(e) : null;
}

/** The import kinds' item runner for runBulkJob. */
export function importRunner(rc: RunnerContext): ItemRunner {
  const { db, client, job, opts, now } = rc;
  const orgId = job.orgId;
  let ctx: Promise<Pick<OrgContext, "user" | "org">> | null = null;
  // The rows are registered as the user who started the import (its audit rows name them).
  const context = () =>
    (ctx ??= (async () => {
      const [user, org] = await Promise.all([
        job.createdById ? db.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, name: true } }) : null,
        db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, name: true, key: true } }),
      ]);
      if (!user) throw new ValidationFailedError({ _form: "The user who started this import no longer exists." });
      return { user: { id: user.id, email: user.email, name: user.name ?? user.email }, org };
    })());
  const clientFor = async () => client;
  let identityReported: Promise<boolean> | null = null;

  /** Transient failures (5xx, timeouts, network) are retried with the same keys; refusals end the row. */
  async function withRetries<T>(item: BulkItem, f: () => Promise<T>): Promise<T | { refused: string }> {
    let last: unknown = null;
    for (let attempt = 1; attempt <= opts.maxAttempts; attempt++) {
      if (attempt > 1) await opts.sleep(opts.retryDelayMs * 2 ** (attempt - 2));
      try {
        return await f();
      } catch (e) {
        const why = refusal(e);
        if (why) return { refused: why };
        last = e;
        log().warn({ component: "import", jobId: job.id, row: item.campaignId, attempt, err: describeError(e) }, "import row attempt failed");
      }
    }
    return { refused: `${describeError(last)} (after ${opts.maxAttempts} attempts)` };
  }
  const refused = (r: unknown): r is { refused: string } => typeof r === "object" && r !== null && "refused" in r;

  async function brandRow(item: BulkItem, input: BrandItemInput): Promise<ItemOutcome> {
    const c = await context();
    const created = await withRetries(item, () => submitBrandDraft(db, c, { draftId: input.draftId }, clientFor));
    if (refused(created)) return { state: "FAILED", error: created.refused };
    await opts.afterCall?.(item);
    const result: Record<string, unknown> = { brandId: created.brandId, line: input.line, ref: input.ref };
    if (input.vetting) {
      const vet = await withRetries(item, () =>
        orderVetting(db, c, { brandId: created.brandId, evpId: input.vetting!, vettingClass: IMPORT_VETTING_CLASS, idempotencyKey: `import-${job.id}-${item.campaignId.replace(/\W/g, "-")}` }, clientFor));
      if (refused(vet)) return { state: "FAILED", error: `Brand ${created.brandId} registered; the ${input.vetting} vetting order failed: ${vet.refused}`, result };
      await opts.afterCall?.(item);
      Object.assign(result, { vettingId: vet.vettingId, vettingStatus: vet.vettingStatus });
    }
    return { state: "SUCCEEDED", result };
  }

  /** Waits longer the longer the brand has taken: from 30 s up to 15 min between looks. */
  const waitUntil = (since: Date | null) => new Date(now().getTime() + Math.min(WAIT_MAX_MS, Math.max(WAIT_MIN_MS, (now().getTime() - (since ?? now()).getTime()) / 4)));

  async function campaignRow(item: BulkItem, input: CampaignItemInput): Promise<ItemOutcome | Deferral> {
    let brandId = input.brandId;
    let brandDone: Date | null = null;
    if (!brandId) {
      const brandItem = input.brandItem ? await db.bulkJobItem.findUnique({ where: { jobId_campaignId: { jobId: job.id, campaignId: input.brandItem } } }) : null;
      if (!brandItem) return { state: "SKIPPED", reason: `No brand row of this import has the ref "${input.brandRef}"` };
      const registered = (brandItem.result as { brandId?: unknown } | null)?.brandId;
      const line = brandItem.campaignId.slice("brand:".length);
      if (typeof registered !== "string") {
        if (brandItem.state === "FAILED" || brandItem.state === "SKIPPED") {
          return { state: "SKIPPED", reason: `Its brand (row ${line}) was not registered: ${brandItem.error ?? brandItem.reason ?? brandItem.state}`.slice(0, 1000) };
        }
        return { state: "DEFERRED", until: new Date(now().getTime() + 5_000), reason: `Waiting for its brand (row ${line}) to be registered` };
      }
      brandId = registered;
      brandDone = brandItem.finishedAt;
    }
    identityReported ??= capabilitiesFor(db, orgId).then((caps) => caps.has("brand.identityStatus"));
    const eligible = async () => {
      const b = await db.brand.findFirst({ where: { orgId, brandId: brandId! } });
      return b ? brandEligibility(b, { identityReported: await identityReported! }) : ({ ok: false, code: "MISSING", reason: `${brandId} is not in the mirror` } as const);
    };
    let e = await eligible();
    if (!e.ok && (WAITABLE.has(e.code) || e.code === "MISSING")) {
      // The identity check ends at the registry: read the brand again (a read, not billed) before waiting.
      await refreshBrand(db, client, orgId, brandId).catch((err: unknown) => log().warn({ component: "import", jobId: job.id, brandId, err: describeError(err) }, "brand refresh failed"));
      e = await eligible();
    }
    if (!e.ok) {
      const waited = now().getTime() - (brandDone ?? job.createdAt).getTime();
      if (WAITABLE.has(e.code) && waited < BRAND_WAIT_MAX_MS) return { state: "DEFERRED", until: waitUntil(brandDone ?? job.createdAt), reason: `Waiting for brand ${brandId}: ${e.reason}` };
      return { state: "FAILED", error: `Brand ${brandId} cannot register campaigns: ${e.reason}${WAITABLE.has(e.code) ? " (waited 72 hours; retry the failed items once it can)" : ""}` };
    }
    const c = await context();
    if (!input.brandId) {
      // The draft learns its brand's id now (it had the brand row's ref): the builder's create reads it from there.
      const draft = await db.campaignDraft.findFirst({ where: { id: input.draftId, orgId }, select: { data: true, submittedAt: true } });
      if (draft && !draft.submittedAt) {
        await db.campaignDraft.update({ where: { id: input.draftId }, data: { brandId, data: { ...(draft.data as object), brandId } as Prisma.InputJsonValue } });
      }
    }
    const created = await withRetries(item, () => submitCampaignDraft(db, c, { draftId: input.draftId }, { clientFor }));
    if (refused(created)) return { state: "FAILED", error: created.refused };
    await opts.afterCall?.(item);
    return { state: "SUCCEEDED", result: { campaignId: created.campaignId, brandId, line: input.line } };
  }

  return {
    targetType: "importRow",
    // Every step is keyed, so an interrupted row simply runs again: the billable path finds what already landed.
    process: async (item) => {
      const input = item.input as ItemInput | null;
      if (!input) return { state: "FAILED", error: "This row has no input" };
      try {
        return input.type === "brand" ? await brandRow(item, input) : await campaignRow(item, input);
      } catch (e) {
        const why = refusal(e);
        if (why) return { state: "FAILED", error: why };
        throw e;
      }
    },
  };
}

export type { RowInput };
