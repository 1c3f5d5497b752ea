import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { startCampaignKit, type CampaignKit } from "@/lib/campaigns/campaign.testkit";
import { deactivateCampaign, refreshCampaignFromRegistry, setCampaignAutoRenewal } from "@/lib/campaigns/commands";
import { campaignRegistryDetail, listCampaignFacets, listCampaigns } from "@/lib/campaigns/queries";
import { parseCampaignFilters } from "@/lib/campaigns/search-params";
import { assignCampaignTag, campaignTags, removeCampaignTag } from "@/lib/campaigns/tags";
import { useDb } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { refreshCampaign } from "@/lib/mirror/refresh";
import { campaignsReport } from "@/lib/reports/campaigns";
import { addUserToOrg, ctxFor } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const actions = await import("@/lib/campaigns/actions");

let k: CampaignKit;
let c1: string;
let c2: string;
beforeAll(async () => {
  k = await startCampaignKit("campaign-tags");
  useDb(k.db);
  c1 = await k.campaign();
  c2 = await k.campaign();
}, 60_000);
afterAll(async () => k?.close());

const listed = async (raw: Record<string, string>) => (await listCampaigns(k.db, k.org.org.id, parseCampaignFilters(raw))).rows.map((r) => r.campaignId).sort();

async function collect<T>(it: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of it) out.push(...b);
  return out;
}

describe("campaign tags", () => {
  it("assigns at the registry (stored lowercase), mirrors for the list and its filter, and audits", async () => {
    const r = await assignCampaignTag(k.db, k.ctx, { campaignId: c1, name: "Holiday2026" });
    expect(r).toMatchObject({ name: "holiday2026", tags: ["holiday2026"] });
    await assignCampaignTag(k.db, k.ctx, { campaignId: c1, name: "retail" });
    await assignCampaignTag(k.db, k.ctx, { campaignId: c2, name: "retail" });
    expect(await campaignTags(k.db, k.org.org.id, c1)).toEqual(["holiday2026", "retail"]);

    const page = await listCampaigns(k.db, k.org.org.id, parseCampaignFilters({}));
    expect(page.rows.find((x) => x.campaignId === c1)?.tags).toEqual(["holiday2026", "retail"]);
    expect((await listCampaignFacets(k.db, k.org.org.id, {})).tags).toEqual(["holiday2026", "retail"]);
    expect(await listed({ tag: "HOLIDAY2026" })).toEqual([c1]);
    expect(await listed({ tag: "retail" })).toEqual([c1, c2].sort());
    expect(await listed({ tag: "nosuchtag" })).toEqual([]);
    expect((await k.audits("campaign.tag.assign", c1)).map((a) => a.detail)).toEqual([{ tag: "holiday2026" }, { tag: "retail" }]);
  });

  it("the CSV export sees exactly the list's rows for a tag filter", async () => {
    for (const raw of [{ tag: "retail" }, { tag: "holiday2026", sort: "campaignId" }]) {
      const table = (await listCampaigns(k.db, k.org.org.id, parseCampaignFilters(raw))).rows;
      const exported = await collect(campaignsReport.batches(k.db, k.org.org.id, campaignsReport.parseFilter(raw), 1));
      expect(exported).toEqual(table);
      expect(table.length).toBeGreaterThan(0);
    }
  });

  it("keeps the tags in the mirror across a refresh from the registry and a campaign change", async () => {
    // A plain mirror refresh (webhook, reconciliation) replaces the object, whose registry form has no tags:
    // the mirror keeps the tags it holds…
    await refreshCampaign(k.db, k.client, k.org.org.id, c2);
    expect(await listed({ tag: "retail" })).toEqual([c1, c2].sort());
    // …the detail page's live read confirms them,
    await campaignRegistryDetail(k.db, k.org.org.id, c2);
    expect(await listed({ tag: "retail" })).toEqual([c1, c2].sort());
    // and the portal's own writes and refresh keep them.
    await setCampaignAutoRenewal(k.db, k.ctx, { campaignId: c2, autoRenewal: false });
    await refreshCampaignFromRegistry(k.db, k.ctx, { campaignId: c1 });
    expect(await listed({ tag: "retail" })).toEqual([c1, c2].sort());
  });

  it("removes a tag everywhere", async () => {
    await removeCampaignTag(k.db, k.ctx, { campaignId: c1, name: "Holiday2026" });
    expect(await campaignTags(k.db, k.org.org.id, c1)).toEqual(["retail"]);
    expect(await listed({ tag: "holiday2026" })).toEqual([]);
    expect((await listCampaignFacets(k.db, k.org.org.id, parseCampaignFilters({ tag: "holiday2026" }))).tags).toEqual(["holiday2026", "retail"]);
    expect((await k.audits("campaign.tag.remove", c1)).map((a) => a.detail)).toEqual([{ tag: "holiday2026" }]);
  });

  it("refuses bad names, other organizations' campaigns and deactivated campaigns", async () => {
    context.current = { ...k.ctx, sid: "s", memberships: [] } as OrgContext;
    expect(await actions.assignCampaignTagAction({ campaignId: c1, name: "two words" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await actions.assignCampaignTagAction({ campaignId: c1, name: "a-b" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    await expect(assignCampaignTag(k.db, k.other.ctx, { campaignId: c1, name: "x" })).rejects.toBeInstanceOf(NotFoundError);
    const c3 = await k.campaign();
    await deactivateCampaign(k.db, k.ctx, { campaignId: c3, confirm: c3 });
    await expect(assignCampaignTag(k.db, k.ctx, { campaignId: c3, name: "late" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a viewer, audits the refusal and sends nothing; an operator may", async () => {
    const viewer = await addUserToOrg(k.db, k.org.org, "VIEWER");
    context.current = { ...ctxFor(k.org.org, viewer.user, "VIEWER"), sid: "s", memberships: [] } as OrgContext;
    const before = k.sandbox.control.counters();
    for (const r of [await actions.assignCampaignTagAction({ campaignId: c1, name: "nope" }), await actions.removeCampaignTagAction({ campaignId: c1, name: "retail" })]) {
      expect(r).toMatchObject({ ok: false, error: "Your role does not allow this action." });
    }
    expect(k.sandbox.control.counters()).toEqual(before);
    expect(await k.db.auditLog.count({ where: { orgId: k.org.org.id, outcome: "DENIED", actorId: viewer.user.id } })).toBe(2);
    expect(await campaignTags(k.db, k.org.org.id, c1)).toEqual(["retail"]);

    const op = await addUserToOrg(k.db, k.org.org, "OPERATOR");
    context.current = { ...ctxFor(k.org.org, op.user, "OPERATOR"), sid: "s", memberships: [] } as OrgContext;
    expect(await actions.assignCampaignTagAction({ campaignId: c1, name: "vip" })).toMatchObject({ ok: true, data: { name: "vip" } });
  });
});
