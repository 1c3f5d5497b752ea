import { Prisma } from "@/generated/prisma/client";
import { isUniqueViolation, type Db } from "@/lib/db";
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

/** Billable intents of one organization, in the database, so every process and every restart sees them. */
export class PrismaIntentStore implements IntentStore {
  constructor(private readonly db: Db, private readonly orgId: string) {}

  private where(key: string) {
    return { orgId_key: { orgId: this.orgId, key } };
  }

  /**
   * Atomic claim: an insert for a new key, else one conditional update that only a claimable row matches
   * (failed, ambiguous, or begun/sent by a sender that went quiet before `staleBefore`). Under concurrent
   * claims PostgreSQL re-checks the condition after the first update commits, so only one caller owns it.
   */
  async begin(input: { key: string; operationId: OperationId; referenceId?: string | null; context?: unknown; staleBefore: Date }): Promise<{ intent: BillableIntent; owned: boolean }> {
    try {
      const created = await this.db.billableIntent.create({
        data: { orgId: this.orgId, key: input.key, operationId: input.operationId, referenceId: input.referenceId ?? null, status: "begun", context: json(input.context) },
      });
      return { intent: toIntent(created), owned: true };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    const claimed = await this.db.billableIntent.updateMany({
      where: {
        orgId: this.orgId,
        key: input.key,
        OR: [{ status: { in: ["failed", "ambiguous"] } }, { status: { in: ["begun", "sent"] }, updatedAt: { lt: input.staleBefore } }],
      },
      data: { status: "begun", objectId: null, result: Prisma.DbNull },
    });
    let row = await this.db.billableIntent.findUniqueOrThrow({ where: this.where(input.key) });
    if (claimed.count === 1) {
      // The context captured before the first send is kept; fill it only if there was none.
      if (row.context === null && input.context !== undefined) {
        row = await this.db.billableIntent.update({ where: this.where(input.key), data: { context: json(input.context) } });
      }
      if (!row.referenceId && input.referenceId) {
        row = await this.db.billableIntent.update({ where: this.where(input.key), data: { referenceId: input.referenceId } });
      }
    }
    return { intent: toIntent(row), owned: claimed.count === 1 };
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
