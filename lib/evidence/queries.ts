import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { ATTACH_TARGETS, type AttachTarget, type TargetRef } from "@/lib/evidence/attach-targets";
import { EVIDENCE_KINDS, type EvidenceKind } from "@/lib/evidence/kinds";
import type { EvidenceFilters } from "@/lib/evidence/search-params";

export function parseKind(v: unknown): EvidenceKind | undefined {
  return EVIDENCE_KINDS.find((k) => k === v);
}

export const LIBRARY_PAGE = 200;

/** What a use's brand or campaign id stands for, from the mirror: names for the library's "use" column. */
export type TargetName = { id: string; name: string | null; brandId: string | null; brandName: string | null };

/** Library files, newest first, with every use; filtered by kind, name, brand, use and target. */
export async function listEvidence(db: Db, orgId: string, f: Partial<EvidenceFilters> = {}, take = LIBRARY_PAGE) {
  const uses: Prisma.EvidenceAttachmentWhereInput[] = [];
  if (f.use) uses.push({ targetType: f.use });
  if (f.target) uses.push({ targetId: f.target });
  if (f.brand) {
    const campaigns = await db.campaign.findMany({ where: { orgId, brandId: f.brand }, select: { campaignId: true } });
    uses.push({ targetId: { in: [f.brand, ...campaigns.map((c) => c.campaignId)] } });
  }
  const where: Prisma.EvidenceFileWhereInput = {
    orgId,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.q ? { fileName: { contains: f.q, mode: "insensitive" as const } } : {}),
    ...(uses.length ? { attachments: { some: { AND: uses } } } : {}),
    ...(f.unused ? { attachments: { none: {} } } : {}),
  };
  const [files, total] = await Promise.all([
    db.evidenceFile.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true, kind: true, fileName: true, mimeType: true, size: true, width: true, height: true, createdAt: true,
        attachments: { select: { targetType: true, targetId: true, state: true, error: true, registryUuid: true, attachedAt: true }, orderBy: { createdAt: "asc" } },
      },
    }),
    db.evidenceFile.count({ where }),
  ]);
  const names = await targetNames(db, orgId, files.flatMap((x) => x.attachments.map((a) => a.targetId)));
  return { files, total, names };
}

/** Mirror names for brand (B…) and campaign (C…) ids; ids the mirror does not know map to nulls. */
export async function targetNames(db: Db, orgId: string, ids: string[]): Promise<Record<string, TargetName>> {
  const unique = [...new Set(ids)];
  const campaigns = await db.campaign.findMany({ where: { orgId, campaignId: { in: unique.filter((i) => i.startsWith("C")) } }, select: { campaignId: true, brandId: true, usecase: true } });
  const brandIds = [...new Set([...unique.filter((i) => i.startsWith("B")), ...campaigns.flatMap((c) => (c.brandId ? [c.brandId] : []))])];
  const brands = await db.brand.findMany({ where: { orgId, brandId: { in: brandIds } }, select: { brandId: true, displayName: true } });
  const brandName = new Map(brands.map((b) => [b.brandId, b.displayName]));
  const campaign = new Map(campaigns.map((c) => [c.campaignId, c]));
  return Object.fromEntries(
    unique.map((id) => {
      if (id.startsWith("B")) return [id, { id, name: brandName.get(id) ?? null, brandId: id, brandName: brandName.get(id) ?? null }];
      const c = campaign.get(id);
      return [id, { id, name: c?.usecase ?? null, brandId: c?.brandId ?? null, brandName: c?.brandId ? (brandName.get(c.brandId) ?? null) : null }];
    }),
  );
}

/** Brands this organization's files were used for (directly or through a campaign), for the library filter. */
export async function brandsWithEvidence(db: Db, orgId: string) {
  const targets = await db.evidenceAttachment.groupBy({ by: ["targetId"], where: { orgId } });
  const names = await targetNames(db, orgId, targets.map((t) => t.targetId));
  const brands = new Map<string, string | null>();
  for (const n of Object.values(names)) if (n.brandId) brands.set(n.brandId, n.brandName);
  return [...brands].map(([brandId, name]) => ({ brandId, name })).sort((a, b) => (a.name ?? a.brandId).localeCompare(b.name ?? b.brandId));
}

/** One stored file of the organization, for download; another organization's id is not found. */
export function getEvidenceFile(db: Db, orgId: string, id: string) {
  return db.evidenceFile.findFirst({ where: { id, orgId } });
}

const FILE_FIELDS = { id: true, kind: true, fileName: true, mimeType: true, size: true, createdAt: true } as const;

/** This portal's attempts to send files to one target: attached (with the registry uuid) or failed (with why). */
export function attachmentsFor(db: Db, orgId: string, t: TargetRef) {
  return db.evidenceAttachment.findMany({
    where: { orgId, targetType: t.targetType, targetId: t.targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { fileId: true, state: true, registryUuid: true, error: true, attempts: true, attachedAt: true, updatedAt: true, file: { select: FILE_FIELDS } },
  });
}

/** Library files of the kinds a target takes, newest first, for "pick from the library". */
export function libraryFor(db: Db, orgId: string, targetType: AttachTarget, take = 100) {
  return db.evidenceFile.findMany({
    where: { orgId, kind: { in: [...ATTACH_TARGETS[targetType].kinds] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: FILE_FIELDS,
  });
}
