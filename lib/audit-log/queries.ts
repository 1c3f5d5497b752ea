import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  outcome: z.enum(["SUCCESS", "FAILURE", "DENIED"]).optional().catch(undefined),
  // Keyset cursor: the id of the last row of the previous page (rows are ordered by createdAt desc, id desc).
  after: z.string().max(60).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The audit page's filter; its CSV export (lib/reports/audit.ts) selects with the same function. */
export function auditWhere(orgId: string, f: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    orgId,
    ...(f.action ? { action: f.action } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.q
      ? { OR: [{ actorEmail: { contains: f.q, mode: "insensitive" } }, { targetId: { contains: f.q } }, { action: { contains: f.q } }] }
      : {}),
  };
}

export async function listAudit(db: Db, orgId: string, f: AuditFilter) {
  const base = auditWhere(orgId, f);
  let cursorWhere: Prisma.AuditLogWhereInput = {};
  if (f.after) {
    // The cursor row must belong to this organization too, or it is ignored.
    const c = await db.auditLog.findFirst({ where: { id: f.after, orgId }, select: { createdAt: true, id: true } });
    if (c) cursorWhere = { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] };
  }
  const [rows, total, actions] = await Promise.all([
    db.auditLog.findMany({ where: { AND: [base, cursorWhere] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: AUDIT_PAGE_SIZE + 1 }),
    db.auditLog.count({ where: base }),
    db.auditLog.groupBy({ by: ["action"], where: { orgId }, orderBy: { action: "asc" } }),
  ]);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page,
    total,
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null,
    actions: actions.map((a) => a.action),
  };
}

/** One audit entry, only if it belongs to the organization (another organization's id is simply not found). */
export function getAuditEntry(db: Db, orgId: string, id: string) {
  return db.auditLog.findFirst({ where: { id, orgId } });
}
