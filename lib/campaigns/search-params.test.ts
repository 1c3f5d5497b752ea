import { describe, expect, it } from "vitest";
import { campaignListWhere } from "@/lib/campaigns/queries";
import { campaignsHref, hasCampaignFilters, parseCampaignFilters } from "@/lib/campaigns/search-params";

describe("campaign list URL state", () => {
  it("parses each param on its own, dropping bad ones", () => {
    const f = parseCampaignFilters({ q: " acme ", status: "ACTIVE", carrier: "10017", carrierStatus: "NOPE", renewsWithin: "30", cursor: "x y", sort: "usecase" });
    expect(f).toMatchObject({ q: "acme", status: "ACTIVE", carrier: "10017", carrierStatus: undefined, renewsWithin: "30", cursor: undefined, sort: "usecase", dir: "asc" });
    expect(hasCampaignFilters(f)).toBe(true);
    expect(hasCampaignFilters(parseCampaignFilters({}))).toBe(false);
  });
  it("writes the canonical URL without defaults", () => {
    expect(campaignsHref(parseCampaignFilters({}))).toBe("/campaigns");
    expect(campaignsHref(parseCampaignFilters({ carrier: "10035", carrierStatus: "REJECTED" }), { cursor: "abc" })).toBe("/campaigns?carrier=10035&carrierStatus=REJECTED&cursor=abc");
    expect(campaignsHref(parseCampaignFilters({ carrier: "10035", cursor: "abc" }), { status: "ACTIVE" })).toBe("/campaigns?status=ACTIVE&carrier=10035");
  });
  it("takes a tag lowercased, drops one with punctuation, and filters on the mirrored tag array", () => {
    const f = parseCampaignFilters({ tag: " Holiday2026 " });
    expect(f.tag).toBe("holiday2026");
    expect(hasCampaignFilters(f)).toBe(true);
    expect(campaignsHref(f)).toBe("/campaigns?tag=holiday2026");
    expect(parseCampaignFilters({ tag: "a-b", status: "ACTIVE" })).toMatchObject({ tag: undefined, status: "ACTIVE" });
    expect(campaignListWhere("org1", f)).toMatchObject({ orgId: "org1", data: { path: ["tag"], array_contains: ["holiday2026"] } });
    expect(campaignListWhere("org1", parseCampaignFilters({}))).not.toHaveProperty("data");
  });
  it("turns filters into one organization's where clause", () => {
    const now = new Date("2026-01-10T12:00:00Z");
    const w = campaignListWhere("org1", parseCampaignFilters({ carrier: "10017", carrierStatus: "REJECTED", renewsWithin: "7", autoRenewal: "off", cnp: "S1" }), now);
    expect(w).toMatchObject({ orgId: "org1", autoRenewal: false, upstreamCnpId: "S1" });
    expect(w.AND).toEqual([
      { deletedAt: null },
      { operations: { some: { mnoId: "10017", status: "REJECTED" } } },
      { nextRenewalOrExpirationDate: { gte: "2026-01-10", lte: "2026-01-17" } },
    ]);
  });
});
