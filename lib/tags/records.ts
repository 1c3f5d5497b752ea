/**
 * Tags of a brand or campaign: read from the registry (Tag API, part 2 §13) and mirrored into the mirrored
 * object's `data.tag`, which the lists' tag chips and tag filters read. The registry keeps tags apart from
 * the record (its GET object has no `tag`), so the mirror learns them wherever the portal reads or changes
 * them. A refresh of the object from the registry (webhook, reconciliation) replaces `data` and drops `tag`
 * until the next of these.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import type { TcrClient } from "@/lib/tcr/client";
import type { TagRecordType } from "@/lib/tcr/schemas/enums";
import { normaliseTags, sameTags, tagsOf } from "@/lib/tags/values";

// Fixed identifiers only: never built from input.
const TABLE: Record<TagRecordType, { table: Prisma.Sql; id: Prisma.Sql }> = {
  BRAND: { table: Prisma.raw(`"Brand"`), id: Prisma.raw(`"brandId"`) },
  CAMPAIGN: { table: Prisma.raw(`"Campaign"`), id: Prisma.raw(`"campaignId"`) },
};

type Tx = Db | Prisma.TransactionClient;

/** The record's tags as the registry holds them (lowercase), sorted. */
export async function recordTags(client: TcrClient, recordType: TagRecordType, recordId: string): Promise<string[]> {
  const page = await client.tags.search({ recordType, recordId, recordsPerPage: 500 });
  return normaliseTags(page.records.filter((t) => t.recordId === recordId).map((t) => t.name));
}

async function mirroredData(db: Tx, recordType: TagRecordType, orgId: string, recordId: string): Promise<{ data: unknown } | null> {
  return recordType === "BRAND"
    ? db.brand.findUnique({ where: { orgId_brandId: { orgId, brandId: recordId } }, select: { data: true } })
    : db.campaign.findUnique({ where: { orgId_campaignId: { orgId, campaignId: recordId } }, select: { data: true } });
}

/**
 * Writes the tags into the mirrored object's `data.tag` (jsonb merge, so a concurrent mirror write of the
 * rest of `data` is kept). Leaves the row alone when nothing changes. Returns whether it wrote.
 */
export async function mirrorRecordTags(db: Tx, recordType: TagRecordType, orgId: string, recordId: string, tags: string[]): Promise<boolean> {
  const next = normaliseTags(tags);
  const row = await mirroredData(db, recordType, orgId, recordId);
  if (!row || sameTags(tagsOf(row.data), next)) return false;
  const { table, id } = TABLE[recordType];
  const n = await db.$executeRaw`
    UPDATE ${table} SET data = data || jsonb_build_object('tag', ${JSON.stringify(next)}::jsonb)
    WHERE "orgId" = ${orgId} AND ${id} = ${recordId} AND jsonb_typeof(data) = 'object'`;
  return n > 0;
}

/** Reads the record's tags from the registry and mirrors them; a failure is logged, never the user's problem. */
export async function syncRecordTags(db: Db, client: TcrClient, recordType: TagRecordType, orgId: string, recordId: string): Promise<string[] | null> {
  try {
    const tags = await recordTags(client, recordType, recordId);
    await mirrorRecordTags(db, recordType, orgId, recordId, tags);
    return tags;
  } catch (err) {
    log().warn({ err, orgId, recordType, recordId }, "mirroring the record's tags failed");
    return null;
  }
}

/** Every tag on the organization's live (not deleted) records of one type, A→Z: a list's tag filter options. */
export async function mirroredTagOptions(db: Db, recordType: TagRecordType, orgId: string, limit = 500): Promise<string[]> {
  const { table } = TABLE[recordType];
  const rows = await db.$queryRaw<{ tag: string }[]>`
    SELECT DISTINCT t.tag
    FROM ${table} r, jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.data->'tag') = 'array' THEN r.data->'tag' ELSE '[]'::jsonb END) AS t(tag)
    WHERE r."orgId" = ${orgId} AND r."deletedAt" IS NULL
    ORDER BY t.tag
    LIMIT ${limit}`;
  return rows.map((r) => r.tag);
}

/** The mirrored tags of a batch of campaigns or brands, by record id (one query). */
export async function mirroredTagsOf(db: Db, recordType: TagRecordType, orgId: string, recordIds: string[]): Promise<Map<string, string[]>> {
  if (recordIds.length === 0) return new Map();
  const { table, id } = TABLE[recordType];
  const rows = await db.$queryRaw<{ rid: string; tag: unknown }[]>`
    SELECT ${id} AS rid, data->'tag' AS tag FROM ${table}
    WHERE "orgId" = ${orgId} AND ${id} IN (${Prisma.join(recordIds)})`;
  return new Map(rows.map((r) => [r.rid, tagsOf({ tag: r.tag })]));
}
