/**
 * Resellers on Vonage (POST/GET /resellers): Vonage reviews each one it is asked to register (PENDING, then APPROVED
 * with the registry's reseller id, or REJECTED with a reason). There is no update or delete. Campaigns may name an
 * APPROVED reseller's registry id, or Vonage's default R000000.
 */
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { vonageClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";
import type { VonageClient } from "@/lib/providers/vonage";
import type { ResellerRow } from "@/lib/resellers/schemas";
import type { vonageResellerSchema } from "@/lib/resellers/vonage-schemas";

export { vonageResellerSchema } from "@/lib/resellers/vonage-schemas";

export type VonageFor = (db: Db, orgId: string) => Promise<VonageClient>;
type Ctx = Pick<OrgContext, "user" | "org">;

export type VonageResellerRow = { id: string; tcrResellerId: string | null; companyName: string | null; phone: string | null; email: string | null; status: string | null; rejectionReason: string | null };

export async function registerVonageReseller(db: Db, ctx: Ctx, input: z.output<typeof vonageResellerSchema>, vonageFor: VonageFor = vonageClientFor): Promise<VonageResellerRow> {
  const v = await vonageFor(db, ctx.org.id);
  const r = await v.registerReseller(input);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "reseller.create", targetType: "reseller", targetId: r.id, outcome: "SUCCESS", detail: { companyName: input.companyName, status: r.status } });
  return r;
}

export async function listVonageResellers(db: Db, orgId: string, vonageFor: VonageFor = vonageClientFor): Promise<{ ok: true; rows: VonageResellerRow[] } | { ok: false; error: string }> {
  try {
    return { ok: true, rows: await (await vonageFor(db, orgId)).listResellers() };
  } catch (e) {
    return { ok: false, error: describeRegistryError(e)?.message ?? (e instanceof Error ? e.message : "Vonage could not be asked.") };
  }
}

/** What a campaign may name on Vonage: the APPROVED resellers' registry ids (R000000 is added by the builder's choice list). */
export function approvedResellerChoices(rows: readonly VonageResellerRow[]): ResellerRow[] {
  return rows.flatMap((r) => (r.status === "APPROVED" && r.tcrResellerId ? [{ resellerId: r.tcrResellerId, companyName: r.companyName, phone: r.phone, email: r.email }] : []));
}
