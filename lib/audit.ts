import type { Prisma } from "@/generated/prisma/client";
import type { AuditOutcome } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db";

export type AuditActor = { id: string; email: string } | null;

export type AuditEntry = {
  orgId: string;
  actor: AuditActor;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome: AuditOutcome;
  detail?: Record<string, unknown>;
};

// Secrets must never land in the audit trail, even if a caller passes one in `detail`.
const SECRET_KEY = /pass(word)?|secret|api_?key|token|authorization|pin/i;

export function scrubDetail(detail: unknown): unknown {
  if (Array.isArray(detail)) return detail.map(scrubDetail);
  if (detail && typeof detail === "object") {
    return Object.fromEntries(
      Object.entries(detail).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : scrubDetail(v)]),
    );
  }
  return detail;
}

type AuditWriter = Pick<Db, "auditLog"> | Prisma.TransactionClient;

/** Records one audit row. Pass the transaction client so the row commits (or not) with the change it describes. */
export async function audit(client: AuditWriter, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      orgId: entry.orgId,
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome,
      detail: entry.detail ? (scrubDetail(entry.detail) as Prisma.InputJsonValue) : undefined,
    },
  });
}
