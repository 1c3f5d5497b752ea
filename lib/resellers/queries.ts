/**
 * Reads of the organization's resellers. The registry is the only record of them (the portal keeps no
 * reseller mirror), so pages ask it live; how many mirrored campaigns name each reseller comes from the mirror.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { capabilitiesFor, registryClientFor } from "@/lib/registry/client";
import { approvedResellerChoices, listVonageResellers } from "@/lib/resellers/vonage";
import { describeRegistryError } from "@/lib/registry/errors";
import { RESELLER_PAGE_SIZE, type ResellerFilters } from "@/lib/resellers/search-params";
import { NO_RESELLER_ID, type ResellerRow } from "@/lib/resellers/schemas";
import type { TcrClient } from "@/lib/tcr/client";
import type { Reseller } from "@/lib/tcr/schemas/reseller";
import { UnsupportedByProviderError } from "@/lib/providers/port";

export type ClientFor = (db: Db, orgId: string) => Promise<TcrClient>;
type Failed = { ok: false; error: string };

const row = (r: Reseller): ResellerRow => ({ resellerId: r.resellerId, companyName: r.companyName ?? null, phone: r.phone ?? null, email: r.email ?? null });
const failed = (e: unknown): Failed => ({ ok: false, error: describeRegistryError(e)?.message ?? (e instanceof Error ? e.message : "The registry could not be asked.") });

/** How many of the organization's mirrored campaigns (any status) name each reseller. */
export async function resellerUsage(db: Db, orgId: string, resellerIds: string[]): Promise<Map<string, number>> {
  const ids = resellerIds.filter((id) => id !== NO_RESELLER_ID);
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ rid: string; n: bigint }[]>`
    SELECT data->>'resellerId' AS rid, count(*) AS n FROM "Campaign"
    WHERE "orgId" = ${orgId} AND data->>'resellerId' IN (${Prisma.join(ids)})
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.rid, Number(r.n)]));
}

/** The mirrored campaigns that name a reseller (a few, for the message that explains a refused delete). */
export async function campaignsUsingReseller(db: Db, orgId: string, resellerId: string, take = 5): Promise<{ campaignIds: string[]; total: number }> {
  const where = { orgId, data: { path: ["resellerId"], equals: resellerId } } satisfies Prisma.CampaignWhereInput;
  const [rows, total] = await Promise.all([
    db.campaign.findMany({ where, select: { campaignId: true }, orderBy: { campaignId: "asc" }, take }),
    db.campaign.count({ where }),
  ]);
  return { campaignIds: rows.map((r) => r.campaignId), total };
}

/** One page of the registry's resellers for this organization's account, matching part of the company name. */
export async function searchResellers(db: Db, orgId: string, f: ResellerFilters, pageSize = RESELLER_PAGE_SIZE, clientFor: ClientFor = registryClientFor) {
  try {
    const client = await clientFor(db, orgId);
    const page = await client.resellers.search({ companyName: f.q, page: f.page, recordsPerPage: pageSize });
    const rows = page.records.map(row);
    const usage = await resellerUsage(db, orgId, rows.map((r) => r.resellerId));
    return { ok: true as const, rows: rows.map((r) => ({ ...r, campaigns: usage.get(r.resellerId) ?? 0 })), total: page.totalRecords, pageSize };
  } catch (e) {
    return failed(e);
  }
}
export type ResellerListRow = Extract<Awaited<ReturnType<typeof searchResellers>>, { ok: true }>["rows"][number];

/** Every reseller of the account (up to `max`), for the campaign builder's choice. */
export async function listResellerChoices(db: Db, orgId: string, max = 2000, clientFor: ClientFor = registryClientFor): Promise<{ ok: true; resellers: ResellerRow[]; truncated: boolean } | Failed> {
  // Vonage reviews resellers: only APPROVED ones have the registry id a campaign can name.
  if ((await capabilitiesFor(db, orgId)).kind === "VONAGE") {
    const r = await listVonageResellers(db, orgId);
    return r.ok ? { ok: true, resellers: approvedResellerChoices(r.rows).slice(0, max), truncated: false } : r;
  }
  try {
    const client = await clientFor(db, orgId);
    const out: ResellerRow[] = [];
    for (let page = 1; ; page++) {
      const r = await client.resellers.search({ page, recordsPerPage: 500 });
      out.push(...r.records.map(row));
      if (r.records.length < 500 || out.length >= r.totalRecords) return { ok: true, resellers: out, truncated: false };
      if (out.length >= max) return { ok: true, resellers: out, truncated: true };
    }
  } catch (e) {
    // An upstream without a reseller registry here (Vonage assigns R000000 itself): no choices, not a failure.
    if (e instanceof UnsupportedByProviderError) return { ok: true, resellers: [], truncated: false };
    return failed(e);
  }
}
