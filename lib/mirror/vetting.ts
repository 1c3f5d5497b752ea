import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { TcrClient } from "@/lib/tcr/client";
import type { AppealRecord } from "@/lib/tcr/schemas/appeal";
import type { ExternalVetting } from "@/lib/tcr/schemas/vetting";

const date = (v: unknown): Date | null => {
  if (typeof v !== "string") return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const time = (v: ExternalVetting) => date(v.createDate)?.getTime() ?? 0;

export type VettingRefresh = { vettings: number; removed: number };

/**
 * Makes the mirror's vetting rows for one brand match the registry's list. The mirror keeps one row per
 * provider and class (its unique key); when the registry holds several vets of the same class (a re-order
 * after expiry, say), the newest one is the row, since it is the one that decides qualification.
 */
export async function refreshBrandVettings(db: Db, client: TcrClient, orgId: string, brandId: string): Promise<VettingRefresh> {
  const askedAt = new Date();
  const list = await client.brands.listExternalVetting(brandId);
  const latest = new Map<string, ExternalVetting>();
  for (const v of list) {
    if (!v.evpId) continue;
    const key = `${v.evpId}\u0000${v.vettingClass ?? ""}`;
    const cur = latest.get(key);
    if (!cur || time(v) >= time(cur)) latest.set(key, v);
  }
  return db.$transaction(async (tx) => {
    for (const v of latest.values()) await upsertVetting(tx, orgId, brandId, v, askedAt);
    const keep = [...latest.values()].map((v) => ({ evpId: v.evpId!, vettingClass: v.vettingClass ?? "" }));
    // Only rows confirmed before this question can be stale; a concurrent newer answer stays.
    const gone = await tx.brandVetting.deleteMany({
      where: { orgId, brandId, confirmedAt: { lte: askedAt }, NOT: keep.length ? { OR: keep } : undefined },
    });
    return { vettings: latest.size, removed: gone.count };
  });
}

/** One vetting record as the registry answered it (order, import or list), unless a newer answer is stored. */
export async function upsertVetting(db: Db | Prisma.TransactionClient, orgId: string, brandId: string, v: ExternalVetting, confirmedAt: Date): Promise<void> {
  if (!v.evpId) return;
  const vettingClass = v.vettingClass ?? "";
  const fields = {
    vettingId: v.vettingId ?? null,
    vettingStatus: (v.vettingStatus as string | null | undefined) ?? null,
    vettingScore: typeof v.vettingScore === "number" ? Math.round(v.vettingScore) : null,
    vettedDate: date(v.vettedDate),
    expiresAt: date(v.expirationDate) ?? date(v.validUntil),
    data: v as Prisma.InputJsonValue,
    confirmedAt,
  };
  const where = { orgId_brandId_evpId_vettingClass: { orgId, brandId, evpId: v.evpId, vettingClass } };
  const existing = await db.brandVetting.findUnique({ where, select: { confirmedAt: true } });
  if (!existing) {
    await db.brandVetting.create({ data: { orgId, brandId, evpId: v.evpId, vettingClass, ...fields } });
    return;
  }
  await db.brandVetting.updateMany({ where: { orgId, brandId, evpId: v.evpId, vettingClass, confirmedAt: { lte: confirmedAt } }, data: fields });
}

export type AppealKind = "IDENTITY" | "VETTING";

/**
 * The registry gives appeals no id: one is known by its kind, its creation time and, for a vetting appeal,
 * the provider and vetting id (schema comment on BrandAppeal).
 */
export function appealKey(kind: AppealKind, a: Pick<AppealRecord, "createDate" | "evpId" | "vettingId">): string {
  return [kind, a.createDate ?? "", a.evpId ?? "", a.vettingId ?? ""].join("|");
}

/** Makes the mirror's identity and vetting appeals of one brand match the registry's lists. */
export async function refreshBrandAppeals(db: Db, client: TcrClient, orgId: string, brandId: string): Promise<{ appeals: number; removed: number }> {
  const askedAt = new Date();
  const [identity, vetting] = await Promise.all([client.brands.listAppeals(brandId), client.brands.listExternalVettingAppeals(brandId)]);
  const rows = [...identity.map((a) => ({ kind: "IDENTITY" as const, a })), ...vetting.map((a) => ({ kind: "VETTING" as const, a }))];
  return db.$transaction(async (tx) => {
    const keys: string[] = [];
    for (const { kind, a } of rows) {
      const key = appealKey(kind, a);
      keys.push(key);
      const fields = {
        kind,
        appealStatus: a.appealStatus ?? null,
        categories: a.appealCategories ?? [],
        evpId: a.evpId ?? null,
        vettingId: a.vettingId ?? null,
        appealedAt: date(a.createDate),
        data: a as Prisma.InputJsonValue,
        confirmedAt: askedAt,
      };
      await tx.brandAppeal.upsert({
        where: { orgId_brandId_key: { orgId, brandId, key } },
        create: { orgId, brandId, key, ...fields },
        update: fields,
      });
    }
    const gone = await tx.brandAppeal.deleteMany({ where: { orgId, brandId, key: { notIn: keys }, confirmedAt: { lte: askedAt } } });
    return { appeals: rows.length, removed: gone.count };
  });
}
