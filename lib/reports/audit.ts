import type { Prisma } from "@/generated/prisma/client";
import { firstValues } from "@/components/data-table/url-state";
import { auditFilterSchema, auditWhere, type AuditFilter } from "@/lib/audit-log/queries";
import { afterWhere, keysetBatches, keysetOrderBy, type KeyPart } from "@/lib/csv";
import type { ReportDef } from "./types";

const select = { id: true, createdAt: true, actorEmail: true, action: true, targetType: true, targetId: true, outcome: true, detail: true } satisfies Prisma.AuditLogSelect;
type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof select }>;
// Newest first, like the page (and its index on orgId, createdAt desc, id).
const keys: KeyPart[] = [{ field: "createdAt", dir: "desc" }, { field: "id", dir: "desc" }];

export const auditReport: ReportDef<AuditRow, AuditFilter> = {
  id: "audit-log",
  title: "Audit log",
  description: "Who did what in this organization, and how it ended, newest first, as the Audit log page filters it.",
  permission: "audit.read",
  tablePath: "/audit",
  filters: [
    { name: "q", description: "Text in the actor's email, the target id or the action." },
    { name: "action", description: "One action, e.g. brand.create." },
    { name: "outcome", description: "SUCCESS, FAILURE or DENIED." },
  ],
  columns: [
    { header: "When", description: "ISO 8601 UTC.", value: (r) => r.createdAt },
    { header: "Who", description: "The actor's email; empty for the system.", value: (r) => r.actorEmail },
    { header: "Action", description: "What was done, e.g. brand.create.", value: (r) => r.action },
    { header: "Target type", description: "What it was done to, e.g. brand.", value: (r) => r.targetType },
    { header: "Target ID", description: "Its id, e.g. a brand id.", value: (r) => r.targetId },
    { header: "Outcome", description: "SUCCESS, FAILURE or DENIED.", value: (r) => r.outcome },
    { header: "Detail", description: "The entry's detail as JSON (secrets are never recorded).", value: (r) => (r.detail ?? null) as Record<string, unknown> | null },
    { header: "Entry ID", description: "The audit entry's id.", value: (r) => r.id },
  ],
  // The page's keyset cursor (`after`) is a page position, not a filter: the export always starts at the newest entry.
  parseFilter: (raw) => auditFilterSchema.parse({ ...firstValues(raw), after: undefined }),
  batches: (db, orgId, f, size) => {
    const where = auditWhere(orgId, f);
    return keysetBatches<AuditRow>(
      (after, take) =>
        db.auditLog.findMany({
          where: after ? { AND: [where, afterWhere(keys, after) as Prisma.AuditLogWhereInput] } : where,
          orderBy: keysetOrderBy(keys) as Prisma.AuditLogOrderByWithRelationInput[],
          take,
          select,
        }),
      size,
    );
  },
};
