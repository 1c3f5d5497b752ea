import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { usecaseCatalogue } from "@/lib/campaigns/usecases";
import { registryClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";
import { mirroredTagOptions, mirroredTagsOf, mirrorRecordTags, recordTags } from "@/lib/tags/records";
import { CAMPAIGN_PAGE_SIZE, campaignCursor, campaignCursorScope, type ParsedCampaignFilters, type CampaignFilters } from "@/lib/campaigns/search-params";
import { keysetPage, pageCursors, type KeysetOrder } from "@/lib/pagination/keyset";
import { z } from "zod";
import { AcknowledgementSchema } from "@/lib/campaigns/lint/acknowledge";
import { UnsupportedByProviderError } from "@/lib/providers/port";

const AcknowledgedDetail = z.object({ acknowledged: z.array(AcknowledgementSchema) });

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The Prisma filter of the campaigns list for one organization. A tag matches the mirrored campaign
 * object's `tag` array (jsonb containment), which lib/tags/records.ts keeps in step with the registry. Shared by the list page and the CSV
 * export so both see exactly the same rows. `now` anchors the renewal window (tests pass their own).
 */
export function campaignListWhere(orgId: string, f: CampaignFilters, now: Date = new Date()): Prisma.CampaignWhereInput {
  const q = f.q?.trim();
  const and: Prisma.CampaignWhereInput[] = [];
  if (!f.deleted) and.push({ deletedAt: null });
  if (f.carrier || f.carrierStatus) {
    and.push({ operations: { some: { ...(f.carrier ? { mnoId: f.carrier } : {}), ...(f.carrierStatus ? { status: f.carrierStatus } : {}) } } });
  }
  if (f.renewsWithin) {
    // nextRenewalOrExpirationDate is a YYYY-MM-DD string, so string order is date order.
    and.push({ nextRenewalOrExpirationDate: { gte: isoDay(now), lte: isoDay(new Date(now.getTime() + Number(f.renewsWithin) * DAY)) } });
  }
  if (q) {
    and.push({
      OR: [
        { campaignId: { contains: q, mode: "insensitive" } },
        { referenceId: { contains: q, mode: "insensitive" } },
        { brandId: { contains: q, mode: "insensitive" } },
        { usecase: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  return {
    orgId,
    ...(and.length ? { AND: and } : {}),
    ...(f.brandId ? { brandId: f.brandId } : {}),
    ...(f.usecase ? { usecase: f.usecase } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.sharingStatus ? { sharingStatus: f.sharingStatus } : {}),
    ...(f.cnp ? { upstreamCnpId: f.cnp } : {}),
    ...(f.autoRenewal ? { autoRenewal: f.autoRenewal === "on" } : {}),
    ...(f.tag ? { data: { path: ["tag"], array_contains: [f.tag] } } : {}),
  };
}

/** The list's order; the campaign id breaks ties so pages (and export cursors) stay stable. */
export function campaignListOrderBy(f: ParsedCampaignFilters): Prisma.CampaignOrderByWithRelationInput[] {
  const key =
    f.sort === "campaignId"
      ? null
      : f.sort === "usecase"
        ? { usecase: { sort: f.dir, nulls: "last" } }
        : f.sort === "status"
          ? { status: { sort: f.dir, nulls: "last" } }
          : f.sort === "renewal"
            ? { nextRenewalOrExpirationDate: { sort: f.dir, nulls: "last" } }
            : { registryCreatedAt: { sort: f.dir, nulls: "last" } };
  return [...(key ? [key as Prisma.CampaignOrderByWithRelationInput] : []), { campaignId: f.dir }];
}

/** Columns a list row (and an export row) needs. */
export const campaignListSelect = {
  id: true, campaignId: true, brandId: true, referenceId: true, usecase: true, status: true, autoRenewal: true, mock: true,
  registryCreatedAt: true, nextRenewalOrExpirationDate: true, monthlyFee: true, upstreamCnpId: true, sharingStatus: true,
  sharedAt: true, deletedAt: true, confirmedAt: true,
  operations: { select: { mnoId: true, status: true } },
} satisfies Prisma.CampaignSelect;

type SelectedCampaign = Prisma.CampaignGetPayload<{ select: typeof campaignListSelect }>;

export type CampaignListRow = Omit<SelectedCampaign, "operations"> & {
  /** Operation status per carrier network id, e.g. { "10017": "REGISTERED" }. */
  operations: Record<string, string>;
  brandName: string | null;
  /** Status of an outgoing CNP migration, if one is recorded. */
  migrationStatus: string | null;
  /** Searchable keyword tags, as last mirrored. */
  tags: string[];
};

/**
 * Attach what the campaign row does not hold itself: its brand's display name and any outgoing CNP
 * migration. One query each for the whole batch, so an export can call it per chunk.
 */
export async function decorateCampaignRows(db: Db, orgId: string, rows: SelectedCampaign[]): Promise<CampaignListRow[]> {
  const brandIds = [...new Set(rows.map((r) => r.brandId).filter((b): b is string => Boolean(b)))];
  const campaignIds = rows.map((r) => r.campaignId);
  const [brands, migrations, tags] = await Promise.all([
    brandIds.length ? db.brand.findMany({ where: { orgId, brandId: { in: brandIds } }, select: { brandId: true, displayName: true } }) : [],
    campaignIds.length
      ? db.cnpMigration.findMany({ where: { orgId, direction: "OUTGOING", campaignId: { in: campaignIds } }, select: { campaignId: true, status: true } })
      : [],
    mirroredTagsOf(db, "CAMPAIGN", orgId, campaignIds),
  ]);
  const brandName = new Map(brands.map((b) => [b.brandId, b.displayName]));
  const migration = new Map(migrations.map((m) => [m.campaignId, m.status]));
  return rows.map(({ operations, ...r }) => ({
    ...r,
    operations: Object.fromEntries(operations.map((o) => [o.mnoId, o.status])),
    brandName: (r.brandId && brandName.get(r.brandId)) || null,
    migrationStatus: migration.get(r.campaignId) ?? null,
    tags: tags.get(r.campaignId) ?? [],
  }));
}

/** The list's order for keyset pages: the sort column (none for the id sort) and the campaign id, one direction. */
export function campaignKeysetOrder(f: ParsedCampaignFilters): KeysetOrder {
  const key =
    f.sort === "campaignId" ? null
    : f.sort === "usecase" ? "usecase"
    : f.sort === "status" ? "status"
    : f.sort === "renewal" ? "nextRenewalOrExpirationDate"
    : "registryCreatedAt";
  return { key, id: "campaignId", dir: f.dir };
}

const campaignKeyOf = (order: KeysetOrder) => (r: SelectedCampaign) => ({
  key: order.key ? (r[order.key as keyof SelectedCampaign] as string | Date | null) : null,
  id: r.campaignId,
});

/**
 * One page of the organization's mirrored campaigns (keyset: the cursor in `f` says where it starts), the total
 * matching and the cursors of the pages before and after. The filter options are listCampaignFacets, which the
 * page streams separately so they do not hold up the table.
 */
export async function listCampaigns(db: Db, orgId: string, f: ParsedCampaignFilters, pageSize = CAMPAIGN_PAGE_SIZE, now: Date = new Date()) {
  const w = campaignListWhere(orgId, f, now);
  const order = campaignKeysetOrder(f);
  const keyOf = campaignKeyOf(order);
  // The count runs beside the rows and their decorations rather than before them.
  const [{ page, rows }, total] = await Promise.all([
    (async () => {
      const page = await keysetPage(order, campaignCursor(f), pageSize, (q) =>
        db.campaign.findMany({ where: { AND: [w, q.where as Prisma.CampaignWhereInput] }, orderBy: q.orderBy as Prisma.CampaignOrderByWithRelationInput[], take: q.take, select: campaignListSelect }), keyOf);
      return { page, rows: await decorateCampaignRows(db, orgId, page.rows) };
    })(),
    db.campaign.count({ where: w }),
  ]);
  return {
    rows,
    total,
    pageSize,
    /** False on the first page: the summary can then say which rows these are. */
    hasPrevious: page.hasPrevious,
    cursors: pageCursors(campaignCursorScope(f), page, keyOf),
  };
}

/**
 * The filter options of the Campaigns list: use cases, brands (with names) and upstream partners, and the mirrored
 * tags. Each is a GROUP BY in the database (Prisma's `distinct` read every row into the client: 400 ms a page at 100k
 * campaigns). One GROUPING SETS scan measured slower at 100k campaigns (83–97 ms against 74 ms): the three index-only
 * scans run side by side. The page streams these apart from the table.
 */
export async function listCampaignFacets(db: Db, orgId: string, f: Pick<CampaignFilters, "tag">) {
  const [usecases, brandIds, cnps, tags] = await Promise.all([
    db.campaign.groupBy({ by: ["usecase"], where: { orgId, usecase: { not: null } }, orderBy: { usecase: "asc" } }),
    db.campaign.groupBy({ by: ["brandId"], where: { orgId, brandId: { not: null } }, orderBy: { brandId: "asc" }, take: 500 }),
    db.campaign.groupBy({ by: ["upstreamCnpId"], where: { orgId, upstreamCnpId: { not: null } }, orderBy: { upstreamCnpId: "asc" } }),
    mirroredTagOptions(db, "CAMPAIGN", orgId),
  ]);
  const brandNames = brandIds.length
    ? await db.brand.findMany({ where: { orgId, brandId: { in: brandIds.map((b) => b.brandId as string) } }, select: { brandId: true, displayName: true } })
    : [];
  const nameOf = new Map(brandNames.map((b) => [b.brandId, b.displayName]));
  return {
    usecases: usecases.map((u) => u.usecase).filter((u): u is string => Boolean(u)),
    brands: brandIds.map((b) => ({ brandId: b.brandId as string, name: nameOf.get(b.brandId as string) ?? null })),
    cnps: cnps.map((c) => c.upstreamCnpId).filter((c): c is string => Boolean(c)),
    // A tag in the URL that no campaign carries any more still shows as the selected option.
    tags: f.tag && !tags.includes(f.tag) ? [...tags, f.tag].sort() : tags,
  };
}
export type CampaignFacets = Awaited<ReturnType<typeof listCampaignFacets>>;

/* ---------------------------------------------------------------- detail */

/** One mirrored campaign of this organization with its per-carrier status, brand and migration, or null. */
export async function getCampaign(db: Db, orgId: string, campaignId: string) {
  // The org id in the where clause is what keeps another organization's campaign unreachable by URL.
  const row = await db.campaign.findFirst({ where: { orgId, campaignId }, include: { operations: { orderBy: { mnoId: "asc" } } } });
  if (!row) return null;
  const [brand, migration, attachments, carrierEvents, ackRow] = await Promise.all([
    row.brandId ? db.brand.findFirst({ where: { orgId, brandId: row.brandId }, select: { brandId: true, displayName: true, companyName: true, entityType: true, identityStatus: true } }) : null,
    db.cnpMigration.findFirst({ where: { orgId, campaignId, direction: "OUTGOING" } }),
    db.evidenceAttachment.findMany({
      where: { orgId, targetId: campaignId, targetType: { in: ["CAMPAIGN_MMS", "CAMPAIGN_SUPPORTING_DOCUMENT"] } },
      include: { file: { select: { id: true, fileName: true, mimeType: true, size: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.registryEvent.findMany({
      where: { orgId, campaignId, eventType: { startsWith: "MNO_CAMPAIGN_OPERATION_" } },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, eventType: true, receivedAt: true, payload: true },
    }),
    db.auditLog.findFirst({
      where: { orgId, action: "campaign.warnings.acknowledge", targetType: "campaign", targetId: campaignId },
      orderBy: { createdAt: "desc" },
      select: { actorEmail: true, createdAt: true, detail: true },
    }),
  ]);
  // The warnings acknowledged at submit, as the audit log recorded them.
  const acked = AcknowledgedDetail.safeParse(ackRow?.detail);
  const acknowledgedWarnings = ackRow && acked.success
    ? { by: ackRow.actorEmail, at: ackRow.createdAt, warnings: acked.data.acknowledged }
    : null;
  // Per-carrier history from the registry's notifications: what each carrier decided, when, and why.
  const carrierHistory: Record<string, { id: string; eventType: string; at: Date; description: string | null }[]> = {};
  for (const e of carrierEvents) {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    if (p.mnoId === undefined || p.mnoId === null) continue;
    (carrierHistory[String(p.mnoId)] ??= []).push({
      id: e.id, eventType: e.eventType, at: e.receivedAt, description: typeof p.description === "string" ? p.description : null,
    });
  }
  return { ...row, brand, migration, attachments, carrierHistory, acknowledgedWarnings };
}
export type CampaignDetail = NonNullable<Awaited<ReturnType<typeof getCampaign>>>;

export type Part<T> = { ok: true; value: T } | { ok: false; error: string };
/** One live read for a page section: its value, or the sentence to show instead (it never throws). */
export async function part<T>(p: Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    // Not offered by this organization's upstream: the section says why instead of reporting a failure.
    if (e instanceof UnsupportedByProviderError) return { ok: false, error: e.message };
    return { ok: false, error: describeRegistryError(e)?.message ?? "The registry could not be asked." };
  }
}

/**
 * What the mirror does not keep, read live from the registry for the detail page: per-carrier terms,
 * the sharing chain, excluded carriers, nnSR attributes, current phone numbers and files. Each part
 * fails on its own, so one unavailable answer does not hide the rest.
 */
export async function campaignRegistryDetail(db: Db, orgId: string, campaignId: string) {
  let client;
  try {
    client = await registryClientFor(db, orgId);
  } catch (e) {
    const error = e instanceof Error ? e.message : "No registry connection.";
    const fail = { ok: false as const, error };
    return { mnoMetadata: fail, sharing: fail, excludedMnos: fail, electedDca: fail, osr: fail, phoneNumbers: fail, mms: fail, documents: fail, cnps: fail, dcas: fail, tags: fail };
  }
  const [mnoMetadata, sharing, excludedMnos, electedDca, osr, phoneNumbers, mms, documents, cnps, dcas, tags] = await Promise.all([
    part(client.campaigns.getMnoMetadata(campaignId)),
    part(client.campaigns.getSharing(campaignId)),
    part(client.campaigns.listExcludedMnos(campaignId)),
    part(client.campaigns.listElectedDcaMnoIds(campaignId)),
    part(client.campaigns.getOsrAttributes(campaignId)),
    part(client.campaigns.listPhoneNumbers(campaignId, { current: true, recordsPerPage: 50 })),
    part(client.campaigns.listMmsMedia(campaignId)),
    part(client.campaigns.listSupportingDocuments(campaignId)),
    part(client.enums.cnp()),
    part(client.enums.dca()),
    part(recordTags(client, "CAMPAIGN", campaignId)),
  ]);
  // The page reads the tags live; the Campaigns list reads them from the mirror: keep the two in step.
  if (tags.ok) await mirrorRecordTags(db, "CAMPAIGN", orgId, campaignId, tags.value);
  return { mnoMetadata, sharing, excludedMnos, electedDca, osr, phoneNumbers, mms, documents, cnps, dcas, tags };
}
export type CampaignRegistryDetail = Awaited<ReturnType<typeof campaignRegistryDetail>>;

/* ---------------------------------------------------------------- builder */

/** The organization's open (unsubmitted) drafts, newest first, for "resume" on the list page. */
export async function listCampaignDrafts(db: Db, orgId: string, take = 10) {
  return db.campaignDraft.findMany({
    where: { orgId, submittedAt: null },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, brandId: true, usecase: true, step: true, updatedAt: true },
  });
}

export async function getCampaignDraft(db: Db, orgId: string, draftId: string) {
  return db.campaignDraft.findFirst({ where: { id: draftId, orgId } });
}

/** Brands the builder offers (not deleted), with what eligibility needs. */
export async function listBuilderBrands(db: Db, orgId: string) {
  return db.brand.findMany({
    where: { orgId, deletedAt: null },
    orderBy: [{ displayName: "asc" }, { brandId: "asc" }],
    take: 500,
    select: { brandId: true, displayName: true, companyName: true, entityType: true, identityStatus: true, status: true, deletedAt: true, mock: true, vettingScore: true, data: true },
  });
}

/** The registry's use-case list with meanings; null with a message when the registry cannot be asked. */
export async function usecaseCatalogueFor(db: Db, orgId: string) {
  try {
    const client = await registryClientFor(db, orgId);
    return { ok: true as const, usecases: usecaseCatalogue(await client.enums.usecase()) };
  } catch (e) {
    return { ok: false as const, error: describeRegistryError(e)?.message ?? (e instanceof Error ? e.message : "The registry could not be asked.") };
  }
}
