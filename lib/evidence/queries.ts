import type { Db } from "@/lib/db";
import { EVIDENCE_KINDS, type EvidenceKind } from "@/lib/evidence/kinds";

export function parseKind(v: unknown): EvidenceKind | undefined {
  return EVIDENCE_KINDS.find((k) => k === v);
}

export async function listEvidence(db: Db, orgId: string, kind?: EvidenceKind, take = 200) {
  return db.evidenceFile.findMany({
    where: { orgId, ...(kind ? { kind } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, kind: true, fileName: true, mimeType: true, size: true, width: true, height: true, createdAt: true,
      attachments: { select: { targetType: true, targetId: true, state: true, error: true, registryUuid: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** One stored file of the organization, for download; another organization's id is not found. */
export function getEvidenceFile(db: Db, orgId: string, id: string) {
  return db.evidenceFile.findFirst({ where: { id, orgId } });
}
