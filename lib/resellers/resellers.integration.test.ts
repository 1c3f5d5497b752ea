import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { startCampaignKit, type CampaignKit } from "@/lib/campaigns/campaign.testkit";
import { updateCampaign } from "@/lib/campaigns/commands";
import { useDb } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { createReseller, deleteReseller, updateReseller } from "@/lib/resellers/commands";
import { listResellerChoices, searchResellers } from "@/lib/resellers/queries";
import { createResellerSchema } from "@/lib/resellers/schemas";
import { parseResellerFilters } from "@/lib/resellers/search-params";
import { TcrError } from "@/lib/tcr/errors";
import { addUserToOrg, ctxFor } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const actions = await import("@/lib/resellers/actions");

let k: CampaignKit;
beforeAll(async () => {
  k = await startCampaignKit("resellers");
  useDb(k.db);
}, 60_000);
afterAll(async () => k?.close());

const fields = (companyName: string) => createResellerSchema.parse({ companyName, phone: "+1 (202) 555-0143", email: "ops@example.com" });

describe("resellers at the registry", () => {
  it("creates, finds by part of the name, updates (full replacement) and deletes, auditing each", async () => {
    const { resellerId } = await createReseller(k.db, k.ctx, fields("Northwind Messaging"));
    expect(resellerId).toMatch(/^R/);
    expect((await k.client.resellers.get(resellerId)).phone).toBe("+12025550143");
    await createReseller(k.db, k.ctx, fields("Contoso SMS"));

    const found = await searchResellers(k.db, k.org.org.id, parseResellerFilters({ q: "wind" }));
    expect(found.ok && found.rows.map((r) => r.companyName)).toEqual(["Northwind Messaging"]);
    expect(found.ok && found.rows[0]!.campaigns).toBe(0);
    const all = await listResellerChoices(k.db, k.org.org.id);
    expect(all.ok && all.resellers.map((r) => r.companyName).sort()).toEqual(["Contoso SMS", "Northwind Messaging"]);

    await updateReseller(k.db, k.ctx, { resellerId, ...fields("Northwind Messaging LLC"), email: "billing@northwind.example" });
    expect(await k.client.resellers.get(resellerId)).toMatchObject({ companyName: "Northwind Messaging LLC", email: "billing@northwind.example", phone: "+12025550143" });
    expect((await k.audits("reseller.update", resellerId)).at(-1)?.detail).toEqual({ fields: ["companyName", "email"] });

    await deleteReseller(k.db, k.ctx, { resellerId });
    await expect(k.client.resellers.get(resellerId)).rejects.toBeInstanceOf(TcrError);
    expect((await k.audits("reseller.create", resellerId)).map((a) => a.outcome)).toEqual(["SUCCESS"]);
    expect((await k.audits("reseller.delete", resellerId)).map((a) => a.outcome)).toEqual(["SUCCESS"]);
  });

  it("passes on the registry's refusal of a bad field (as field errors through the action)", async () => {
    context.current = { ...k.ctx, sid: "s", memberships: [] } as OrgContext;
    // The form's schema keeps a bad phone from being sent at all…
    expect(await actions.createResellerAction({ companyName: "Bad Phone Inc", phone: "555-0143", email: "a@b.co" })).toMatchObject({ ok: false, fieldErrors: { phone: expect.any(String) } });
    // …and an unknown id reaches the registry, whose answer comes back readable.
    const r = await actions.updateResellerAction({ resellerId: "RZZZZZZ", ...fields("Ghost") });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/registry rejected/i) });
  });

  it("refuses to delete a reseller a campaign names: from the mirror first, and the registry refuses too", async () => {
    const { resellerId } = await createReseller(k.db, k.ctx, fields("Fabrikam Texting"));
    // Registered at the registry but not yet in the portal's mirror: the registry's own refusal reaches the user.
    const unmirrored = await k.campaign({ resellerId }, { mirror: false });
    const registryRefusal = await deleteReseller(k.db, k.ctx, { resellerId }).catch((e: unknown) => e);
    expect(registryRefusal).toBeInstanceOf(TcrError);
    expect(String((registryRefusal as TcrError).items[0]?.description)).toMatch(/cannot be deleted/);

    // Once the mirror knows the campaign, the portal explains before asking, naming the campaign.
    const mirrored = await k.campaign({ resellerId });
    const found = await searchResellers(k.db, k.org.org.id, parseResellerFilters({ q: "Fabrikam" }));
    expect(found.ok && found.rows[0]!.campaigns).toBe(1);
    const before = k.sandbox.control.counters();
    const err = await deleteReseller(k.db, k.ctx, { resellerId }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toContain(mirrored);
    expect(k.sandbox.control.counters()).toEqual(before);

    // A campaign's reseller can only change to R000000; after both do, the reseller can go.
    await updateCampaign(k.db, k.ctx, { campaignId: mirrored, resellerId: "R000000" });
    await expect(updateCampaign(k.db, k.ctx, { campaignId: mirrored, resellerId })).rejects.toBeInstanceOf(TcrError);
    await k.client.campaigns.update(unmirrored, { resellerId: "R000000" });
    await deleteReseller(k.db, k.ctx, { resellerId });
    expect((await searchResellers(k.db, k.org.org.id, parseResellerFilters({ q: "Fabrikam" }))).ok).toBe(true);
  });

  it("says plainly when the registry cannot be asked", async () => {
    const r = await searchResellers(k.db, k.other.org.id, parseResellerFilters({}));
    expect(r.ok).toBe(false);
  });
});

describe("role rules", () => {
  it("lets only admins manage resellers, audits refusals and sends nothing to the registry", async () => {
    const { resellerId } = await createReseller(k.db, k.ctx, fields("Role Check Ltd"));
    for (const role of ["VIEWER", "OPERATOR"] as const) {
      const m = await addUserToOrg(k.db, k.org.org, role);
      context.current = { ...ctxFor(k.org.org, m.user, role), sid: "s", memberships: [] } as OrgContext;
      const before = k.sandbox.control.counters();
      const calls = [
        actions.createResellerAction(fields("Not Allowed")),
        actions.updateResellerAction({ resellerId, ...fields("Renamed") }),
        actions.deleteResellerAction({ resellerId }),
      ];
      for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: "Your role does not allow this action." });
      expect(k.sandbox.control.counters()).toEqual(before);
      expect(await k.db.auditLog.count({ where: { orgId: k.org.org.id, outcome: "DENIED", actorId: m.user.id } })).toBe(3);
    }
    expect((await k.client.resellers.get(resellerId)).companyName).toBe("Role Check Ltd");

    const admin = await addUserToOrg(k.db, k.org.org, "ADMIN");
    context.current = { ...ctxFor(k.org.org, admin.user, "ADMIN"), sid: "s", memberships: [] } as OrgContext;
    expect(await actions.updateResellerAction({ resellerId, ...fields("Role Check Limited") })).toMatchObject({ ok: true });
    expect(await actions.deleteResellerAction({ resellerId })).toMatchObject({ ok: true, data: { resellerId } });
  });
});
