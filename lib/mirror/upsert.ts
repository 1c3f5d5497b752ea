import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { Brand as TcrBrand } from "@/lib/tcr/schemas/brand";
import type { Campaign as TcrCampaign } from "@/lib/tcr/schemas/campaign";
import { canonicalJson } from "@/lib/webhooks/signature";

type Tx = Db | Prisma.TransactionClient;

const date = (v: unknown): Date | null => {
  if (typeof v !== "string" && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

// Canonical form: jsonb does not keep key order, so a plain JSON.stringify would see every row as changed.
function sameContent(row: Record<string, unknown>, fields: Record<string, unknown>): boolean {
  const norm = (v: unknown) => canonicalJson(v instanceof Date ? v.toISOString() : (v ?? null));
  return Object.keys(fields).every((k) => k === "confirmedAt" || k === "deletedAt" || norm(row[k]) === norm(fields[k]));
}

/**
 * The registry's brand and campaign objects carry no tags (they are read through the tag endpoints, and the
 * portal mirrors them into `data.tag`), so a refresh keeps the tags the mirror already holds.
 */
function withHeldTags(incoming: object, held: unknown): Prisma.InputJsonValue {
  const tag = held && typeof held === "object" && !Array.isArray(held) ? (held as Record<string, unknown>).tag : undefined;
  if ("tag" in incoming || !Array.isArray(tag)) return incoming as Prisma.InputJsonValue;
  return { ...incoming, tag } as Prisma.InputJsonValue;
}

export type UpsertOutcome = "created" | "updated" | "unchanged" | "stale";

/**
 * Create the row, or update it only when this answer from the registry is at least as new as the one the
 * row holds. Returns what happened, so reconciliation can count the differences it repaired.
 */
async function guardedUpsert<T extends { data: Prisma.InputJsonValue; confirmedAt: Date }>(
  /** Inserts unless the row exists (ON CONFLICT DO NOTHING), returning how many rows it inserted. */
  create: () => Promise<{ count: number }>,
  current: () => Promise<Record<string, unknown> | null>,
  update: (where: { confirmedAt: { lte: Date } }) => Promise<{ count: number }>,
  fields: T,
): Promise<UpsertOutcome> {
  const existing = await current();
  // A concurrent writer may insert the same row first. Skipping the duplicate instead of catching a unique
  // violation keeps a surrounding PostgreSQL transaction usable (a failed statement would abort it).
  if (!existing && (await create()).count === 1) return "created";
  const before = existing ?? (await current());
  const r = await update({ confirmedAt: { lte: fields.confirmedAt } });
  if (r.count === 0) return "stale";
  return before && !before.deletedAt && sameContent(before, fields) ? "unchanged" : "updated";
}

export function brandColumns(b: TcrBrand) {
  return {
    referenceId: b.referenceId ?? null,
    entityType: (b.entityType as string | null | undefined) ?? null,
    displayName: b.displayName ?? null,
    companyName: b.companyName ?? null,
    country: b.country ?? null,
    vertical: b.vertical ?? null,
    status: (b.status as string | null | undefined) ?? null,
    identityStatus: (b.identityStatus as string | null | undefined) ?? null,
    vettingScore: typeof b.evpVettingScore === "number" ? Math.round(b.evpVettingScore) : null,
    mock: Boolean(b.mock),
    registryCreatedAt: date(b.createDate),
  };
}

export async function upsertBrand(db: Tx, orgId: string, b: TcrBrand, confirmedAt: Date): Promise<UpsertOutcome> {
  const held = await db.brand.findUnique({ where: { orgId_brandId: { orgId, brandId: b.brandId } }, select: { data: true } });
  const fields = { ...brandColumns(b), data: withHeldTags(b, held?.data), confirmedAt, deletedAt: null };
  const key = { orgId_brandId: { orgId, brandId: b.brandId } };
  return guardedUpsert(
    () => db.brand.createMany({ data: [{ orgId, brandId: b.brandId, ...fields }], skipDuplicates: true }),
    () => db.brand.findUnique({ where: key }),
    (w) => db.brand.updateMany({ where: { orgId, brandId: b.brandId, ...w }, data: fields }),
    fields,
  );
}

export async function markBrandDeleted(db: Tx, orgId: string, brandId: string, confirmedAt: Date): Promise<boolean> {
  const r = await db.brand.updateMany({ where: { orgId, brandId, deletedAt: null, confirmedAt: { lte: confirmedAt } }, data: { deletedAt: confirmedAt, confirmedAt } });
  return r.count > 0;
}

export function campaignColumns(c: TcrCampaign) {
  return {
    brandId: c.brandId ?? null,
    referenceId: c.referenceId ?? null,
    usecase: c.usecase ?? null,
    status: (c.status as string | null | undefined) ?? null,
    autoRenewal: c.autoRenewal ?? null,
    mock: Boolean(c.mock),
    registryCreatedAt: date(c.createDate),
    nextRenewalOrExpirationDate: c.nextRenewalOrExpirationDate ?? null,
    monthlyFee: typeof c.monthlyFee === "number" ? c.monthlyFee : null,
  };
}

export async function upsertCampaign(
  db: Tx,
  orgId: string,
  c: TcrCampaign,
  operations: Record<string, string> | null,
  confirmedAt: Date,
): Promise<UpsertOutcome> {
  const key = { orgId_campaignId: { orgId, campaignId: c.campaignId } };
  const data = withHeldTags(c, (await db.campaign.findUnique({ where: key, select: { data: true } }))?.data);
  const fields = { ...campaignColumns(c), data, confirmedAt, deletedAt: null };
  const outcome = await guardedUpsert(
    () => db.campaign.createMany({ data: [{ orgId, campaignId: c.campaignId, ...fields }], skipDuplicates: true }),
    () => db.campaign.findUnique({ where: key }),
    (w) => db.campaign.updateMany({ where: { orgId, campaignId: c.campaignId, ...w }, data: fields }),
    fields,
  );
  if (operations && outcome !== "stale") {
    const row = await db.campaign.findUniqueOrThrow({ where: key, select: { id: true } });
    for (const [mnoId, status] of Object.entries(operations)) {
      await db.campaignOperation.upsert({
        where: { campaignRef_mnoId: { campaignRef: row.id, mnoId } },
        create: { campaignRef: row.id, mnoId, status, confirmedAt },
        update: { status, confirmedAt },
      });
    }
  }
  return outcome;
}

export async function markCampaignDeleted(db: Tx, orgId: string, campaignId: string, confirmedAt: Date): Promise<boolean> {
  const r = await db.campaign.updateMany({ where: { orgId, campaignId, deletedAt: null, confirmedAt: { lte: confirmedAt } }, data: { deletedAt: confirmedAt, confirmedAt } });
  return r.count > 0;
}
