/**
 * Partner-campaign import on Vonage. Vonage keeps no list of imports, so each successful import is recorded in the
 * audit log (TCR id, Vonage campaign id, brand) and the page reads each one's sharing status live. An import is
 * claimed through the billable-intent store under the TCR campaign id, so a double submit sends once and the second
 * gets the first one's answer.
 */
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { billableCall } from "@/lib/tcr/billable";
import type { OperationId } from "@/lib/tcr/endpoints";
import { vonageClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";
import type { VonageClient } from "@/lib/providers/vonage";
import { PrismaIntentStore } from "@/lib/registry/intents";
import type { importPartnerCampaignSchema } from "./schemas";

type Ctx = Pick<OrgContext, "user" | "org">;
export type VonageFor = (db: Db, orgId: string) => Promise<VonageClient>;

export type PartnerImport = { tcrCampaignId: string; campaignId: string | null; brandId: string | null; sharingStatus: string | null; label: string | null; cnpMigration: boolean };

// Vonage's import has no TCR operation: the intent row records it under its own name.
const IMPORT_OPERATION = "vonage.partnerCampaign.import" as unknown as OperationId;

export async function importPartnerCampaign(db: Db, ctx: Ctx, input: z.output<typeof importPartnerCampaignSchema>, vonageFor: VonageFor = vonageClientFor): Promise<PartnerImport> {
  const v = await vonageFor(db, ctx.org.id);
  const r = await billableCall(
    { store: new PrismaIntentStore(db, ctx.org.id), reconcileDelayMs: 1_000 },
    {
      key: `partner-import:${input.tcrCampaignId}`,
      operationId: IMPORT_OPERATION,
      send: () => v.importPartnerCampaign(input.tcrCampaignId, { label: input.label, cnpMigration: input.cnpMigration }),
      // Vonage lists no imports: after an ambiguous failure only a new send can tell (it answers 409 if it happened).
      lookup: async () => null,
      objectId: (x) => x.campaignId,
    },
  );
  const out: PartnerImport = { tcrCampaignId: input.tcrCampaignId, campaignId: r.campaignId, brandId: r.brandId, sharingStatus: r.sharingStatus, label: input.label ?? null, cnpMigration: input.cnpMigration };
  const already = await db.auditLog.findFirst({ where: { orgId: ctx.org.id, action: "partnerCampaign.import", targetType: "partner_campaign", targetId: input.tcrCampaignId, outcome: "SUCCESS" }, select: { id: true } });
  if (!already) {
    await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "partnerCampaign.import", targetType: "partner_campaign", targetId: input.tcrCampaignId, outcome: "SUCCESS", detail: out });
  }
  return out;
}

/** The imports this portal made, newest first, each with Vonage's current sharing status (or why it could not be read). */
export async function listPartnerImports(db: Db, orgId: string, take = 50, vonageFor: VonageFor = vonageClientFor) {
  const rows = await db.auditLog.findMany({
    where: { orgId, action: "partnerCampaign.import", targetType: "partner_campaign", outcome: "SUCCESS" },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true, detail: true, actorEmail: true },
  });
  const imports = rows.flatMap((r) => {
    const d = (r.detail ?? {}) as Partial<PartnerImport>;
    return typeof d.tcrCampaignId === "string" ? [{ ...(d as PartnerImport), importedAt: r.createdAt, by: r.actorEmail }] : [];
  });
  if (imports.length === 0) return imports.map((i) => ({ ...i, liveError: null as string | null }));
  const v = await vonageFor(db, orgId);
  return Promise.all(imports.map(async (i) => {
    if (!i.campaignId) return { ...i, liveError: null as string | null };
    try {
      const live = await v.getPartnerCampaign(i.campaignId);
      return { ...i, sharingStatus: live.sharingStatus ?? i.sharingStatus, liveError: null as string | null };
    } catch (e) {
      return { ...i, liveError: describeRegistryError(e)?.message ?? "Vonage could not be asked." };
    }
  }));
}
export type PartnerImportRow = Awaited<ReturnType<typeof listPartnerImports>>[number];
