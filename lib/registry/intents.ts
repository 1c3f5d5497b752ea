import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { BillableIntent, IntentStatus, IntentStore } from "@/lib/tcr/billable";
import type { OperationId } from "@/lib/tcr/endpoints";

type Row = Awaited<ReturnType<Db["billableIntent"]["findFirst"]>>;

function toIntent(r: NonNullable<Row>): BillableIntent {
  return {
    key: r.key,
    operationId: r.operationId as OperationId,
    referenceId: r.referenceId,
    status: r.status as IntentStatus,
    context: r.context ?? null,
    objectId: r.objectId,
    result: r.result ?? null,
    lastError: r.lastError,
    sendCount: r.sendCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const json = (v: unknown) => (v === null || v === undefined ? undefined : (v as Prisma.InputJsonValue));

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** Billable intents of one organization, in the database, so every process and every restart sees them. */
export class PrismaIntentStore implements IntentStore {
  constructor(private readonly db: Db, private readonly orgId: string) {}

  private where(key: string) {
    return { orgId_key: { orgId: this.orgId, key } };
  }

  async begin(input: { key: string; operationId: OperationId; referenceId?: string | null; context?: unknown }): Promise<BillableIntent> {
    const existing = await this.db.billableIntent.findUnique({ where: this.where(input.key) });
    if (existing && existing.status !== "failed") return toIntent(existing);
    const fresh = { operationId: input.operationId, referenceId: input.referenceId ?? null, status: "begun", context: json(input.context), objectId: null, lastError: null };
    if (existing) {
      // Only a definite failure may start over; the conditional update keeps two racing retries from both doing so.
      await this.db.billableIntent.updateMany({ where: { orgId: this.orgId, key: input.key, status: "failed" }, data: fresh });
      return toIntent(await this.db.billableIntent.findUniqueOrThrow({ where: this.where(input.key) }));
    }
    try {
      return toIntent(await this.db.billableIntent.create({ data: { orgId: this.orgId, key: input.key, ...fresh } }));
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      return toIntent(await this.db.billableIntent.findUniqueOrThrow({ where: this.where(input.key) }));
    }
  }

  async markSent(key: string): Promise<void> {
    await this.db.billableIntent.update({ where: this.where(key), data: { status: "sent", sendCount: { increment: 1 } } });
  }

  async markDone(key: string, outcome: { objectId: string | null; result: unknown }): Promise<void> {
    await this.db.billableIntent.update({ where: this.where(key), data: { status: "done", objectId: outcome.objectId, result: json(outcome.result), lastError: null } });
  }

  async markAmbiguous(key: string, error: string): Promise<void> {
    await this.db.billableIntent.update({ where: this.where(key), data: { status: "ambiguous", lastError: error.slice(0, 2000) } });
  }

  async markFailed(key: string, error: string): Promise<void> {
    await this.db.billableIntent.update({ where: this.where(key), data: { status: "failed", lastError: error.slice(0, 2000) } });
  }

  async find(key: string): Promise<BillableIntent | null> {
    const r = await this.db.billableIntent.findUnique({ where: this.where(key) });
    return r ? toIntent(r) : null;
  }
}
