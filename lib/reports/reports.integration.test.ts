import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { auditFilterSchema, listAudit } from "@/lib/audit-log/queries";
import { listBrands } from "@/lib/brands/queries";
import { parseBrandFilters } from "@/lib/brands/search-params";
import { listCampaigns } from "@/lib/campaigns/queries";
import { listIncoming, listOutgoing, PAGE_SIZE as MIGRATION_PAGE_SIZE } from "@/lib/migrations/queries";
import { parseIncoming, parseOutgoing } from "@/lib/migrations/search-params";
import { parseCampaignFilters } from "@/lib/campaigns/search-params";
import { useDb } from "@/lib/db";
import { auditReport } from "@/lib/reports/audit";
import { brandsReport } from "@/lib/reports/brands";
import { campaignsReport } from "@/lib/reports/campaigns";
import { exportParams, exportResponse } from "@/lib/reports/export";
import { partnerCampaignsReport } from "@/lib/reports/more-reports";
import { findReport, REPORTS } from "@/lib/reports/registry";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));

let t: TestDb;
let a: Awaited<ReturnType<typeof makeOrg>>;
let b: Awaited<ReturnType<typeof makeOrg>>;
const NOW = new Date();
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const isoDay = (n: number) => day(n).toISOString().slice(0, 10);

async function collect<R>(batches: AsyncIterable<R[]>): Promise<R[]> {
  const out: R[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

async function seedBrand(db: PrismaClient, orgId: string, brandId: string, over: Record<string, unknown> = {}) {
  return db.brand.create({
    data: { orgId, brandId, displayName: `Brand ${brandId}`, entityType: "PRIVATE_PROFIT", identityStatus: "VERIFIED", status: "ACTIVE", data: {}, confirmedAt: NOW, ...over },
  });
}

async function seedCampaign(db: PrismaClient, orgId: string, campaignId: string, ops: Record<string, string>, over: Record<string, unknown> = {}) {
  return db.campaign.create({
    data: {
      orgId, campaignId, brandId: "BSHARED1", usecase: "MARKETING", status: "ACTIVE", data: {}, confirmedAt: NOW, ...over,
      operations: { create: Object.entries(ops).map(([mnoId, status]) => ({ mnoId, status, confirmedAt: NOW })) },
    },
  });
}

beforeAll(async () => {
  t = await createTestDb();
  a = await makeOrg(t.db, "Reports A");
  b = await makeOrg(t.db, "Reports B");
  // Ties, nulls and mixed values, so every sort has to fall back on its unique key and put nulls last.
  const statuses = ["VERIFIED", "UNVERIFIED", null, "SELF_DECLARED", "VETTED_VERIFIED"];
  for (let i = 0; i < 23; i++) {
    await seedBrand(t.db, a.org.id, `BA${String(i).padStart(4, "0")}`, {
      displayName: i % 6 === 0 ? null : `${i % 3 === 0 ? "acme" : "Zeta"} ${i % 4}`,
      identityStatus: statuses[i % statuses.length],
      entityType: i % 2 ? "PRIVATE_PROFIT" : "NON_PROFIT",
      registryCreatedAt: i % 7 === 0 ? null : day(-(i % 5)),
      deletedAt: i === 4 ? NOW : null,
      vertical: i % 2 ? "RETAIL" : "HEALTHCARE",
    });
  }
  // The same brand ids in another organization: never exported for A.
  for (let i = 0; i < 5; i++) await seedBrand(t.db, b.org.id, `BA${String(i).padStart(4, "0")}`, { displayName: `Other org ${i}` });
  await seedBrand(t.db, b.org.id, "BSHARED1", { displayName: "=HYPERLINK(\"http://evil\")" });

  const opStatuses = ["REGISTERED", "REVIEW", "REJECTED", "SUSPENDED"];
  for (let i = 0; i < 17; i++) {
    await seedCampaign(t.db, a.org.id, `CA${String(i).padStart(4, "0")}`, { "10017": opStatuses[i % 4]!, ...(i % 3 ? { "10035": "REGISTERED" } : {}), ...(i === 5 ? { "99999": "REVIEW" } : {}) }, {
      usecase: i % 2 ? "MARKETING" : i % 3 ? "2FA" : null,
      registryCreatedAt: i % 5 === 0 ? null : day(-(i % 4)),
      nextRenewalOrExpirationDate: i % 4 === 0 ? null : isoDay(i % 40),
      autoRenewal: i % 2 === 0,
      brandId: i % 2 ? "BA0001" : "BA0002",
      monthlyFee: i % 2 ? 10 : 1.5,
      sharingStatus: i % 3 === 0 ? "PENDING" : null,
      deletedAt: i === 3 ? NOW : null,
    });
  }
  for (let i = 0; i < 4; i++) await seedCampaign(t.db, b.org.id, `CA${String(i).padStart(4, "0")}`, { "10017": "REJECTED" });

  for (let i = 0; i < 12; i++) {
    await audit(t.db, { orgId: a.org.id, actor: a.owner, action: i % 2 ? "brand.create" : "campaign.create", outcome: i % 3 ? "SUCCESS" : "FAILURE", targetId: `T${i}` });
  }
  await audit(t.db, { orgId: b.org.id, actor: b.owner, action: "brand.create", outcome: "SUCCESS", targetId: "B-SECRET" });
});
afterAll(async () => { await t.close(); });

describe("brands report equals the Brands list", () => {
  const urls = [
    {},
    { identityStatus: "VERIFIED" },
    { q: "acme" },
    { entityType: "NON_PROFIT", deleted: "1" },
    { sort: "displayName" },
    { sort: "displayName", dir: "desc", vertical: "RETAIL" },
    { sort: "identityStatus" },
    { sort: "identityStatus", dir: "desc" },
    { sort: "created", dir: "asc" },
    { page: "3" },
  ];
  it.each(urls)("same rows in the same order for %j", async (raw) => {
    const f = parseBrandFilters(raw);
    const table: string[] = [];
    for (let cursor: string | undefined = undefined, first = true; first || cursor; first = false) {
      const r: Awaited<ReturnType<typeof listBrands>> = await listBrands(t.db, a.org.id, { ...f, cursor }, 4);
      table.push(...r.rows.map((x) => x.brandId));
      cursor = r.cursors.next;
    }
    const exported = await collect(brandsReport.batches(t.db, a.org.id, brandsReport.parseFilter(raw), 3));
    expect(exported.map((x) => x.brandId)).toEqual(table);
    expect(table.length).toBeGreaterThan(0);
  });

  it("carries the campaign count the list shows", async () => {
    const rows = await collect(brandsReport.batches(t.db, a.org.id, brandsReport.parseFilter({ q: "BA0001" })));
    const list = await listBrands(t.db, a.org.id, parseBrandFilters({ q: "BA0001" }));
    expect(rows.map((r) => r.campaigns)).toEqual(list.rows.map((r) => r.campaigns));
    expect(rows[0]!.campaigns).toBe(7); // the odd-numbered campaigns, less the deleted CA0003
  });
});

describe("campaigns report equals the Campaigns list", () => {
  const urls = [
    {},
    { carrier: "10017", carrierStatus: "REJECTED" },
    { carrierStatus: "REVIEW" },
    { renewsWithin: "30" },
    { autoRenewal: "on", sort: "renewal" },
    { sort: "usecase", dir: "desc" },
    { sort: "campaignId" },
    { sort: "status", deleted: "1" },
    { sharingStatus: "PENDING" },
    { q: "ca001", sort: "created", dir: "asc" },
  ];
  it.each(urls)("same rows in the same order for %j", async (raw) => {
    const f = parseCampaignFilters(raw);
    const table: unknown[] = [];
    for (let cursor: string | undefined = undefined, first = true; first || cursor; first = false) {
      const r: Awaited<ReturnType<typeof listCampaigns>> = await listCampaigns(t.db, a.org.id, { ...f, cursor }, 4);
      table.push(...r.rows);
      cursor = r.cursors.next;
    }
    const exported = await collect(campaignsReport.batches(t.db, a.org.id, campaignsReport.parseFilter(raw), 3));
    expect(exported).toEqual(table);
    expect(table.length).toBeGreaterThan(0);
  });

  it("spreads the carriers over their columns", async () => {
    const [row] = await collect(campaignsReport.batches(t.db, a.org.id, campaignsReport.parseFilter({ q: "CA0005" })));
    const cells = Object.fromEntries(campaignsReport.columns.map((c) => [c.header, c.value(row!)]));
    expect(cells["AT&T (10017)"]).toBe("REVIEW");
    expect(cells["T-Mobile (10035)"]).toBe("REGISTERED");
    expect(cells["Verizon Wireless (10038)"]).toBeNull();
    expect(cells["Other carriers"]).toBe("99999: REVIEW");
    expect(cells["Brand name"]).toBe("Zeta 1");
  });
});

describe("audit report equals the Audit log page", () => {
  it.each([{}, { outcome: "FAILURE" }, { action: "brand.create" }, { q: "T1" }])("same rows in the same order for %j", async (raw) => {
    const table: string[] = [];
    let after: string | undefined;
    for (;;) {
      const r = await listAudit(t.db, a.org.id, auditFilterSchema.parse({ ...raw, after }));
      table.push(...r.rows.map((x) => x.id));
      if (!r.nextCursor) break;
      after = r.nextCursor;
    }
    // A page URL's cursor is a position, not a filter: the export still starts at the newest entry.
    const exported = await collect(auditReport.batches(t.db, a.org.id, auditReport.parseFilter({ ...raw, after: table[2] }), 5));
    expect(exported.map((x) => x.id)).toEqual(table);
  });
});

describe("partner campaigns report equals the Partner campaigns list", () => {
  it.each([{}, { sharingStatus: "PENDING" }, { q: "cp00" }, { migrationShare: "yes" }, { usecase: "2FA", downstreamCnpId: "S1" }])(
    "same rows in the same order for %j",
    async (raw) => {
      const e = await makeOrg(t.db, "Reports E");
      // More rows than one list page, some never dated (they come first, as PostgreSQL orders a plain DESC), with tied dates.
      for (let i = 0; i < MIGRATION_PAGE_SIZE + 7; i++) {
        await t.db.partnerCampaign.create({
          data: {
            orgId: e.org.id, campaignId: `CP${String(i).padStart(4, "0")}`, brandId: "B1", usecase: i % 3 ? "MARKETING" : "2FA",
            downstreamCnpId: i % 2 ? "S1" : "S2", sharingStatus: ["PENDING", "ACCEPTED", "DECLINED"][i % 3], cnpMigration: i % 4 === 0,
            sharedAt: i % 6 === 0 ? null : day(-(i % 5)), deletedAt: i === 9 ? NOW : null, data: {}, confirmedAt: NOW,
          },
        });
      }
      const f = parseIncoming(raw);
      const table: string[] = [];
      for (let page = 1; ; page++) {
        const r = await listIncoming(t.db, e.org.id, f, page);
        table.push(...r.rows.map((x) => x.campaignId));
        if (r.rows.length < MIGRATION_PAGE_SIZE) break;
      }
      const exported = await collect(partnerCampaignsReport.batches(t.db, e.org.id, partnerCampaignsReport.parseFilter(raw), 4));
      expect(exported.map((x) => x.campaignId)).toEqual(table);
      expect(table.length).toBeGreaterThan(0);
    },
  );
});

describe("outgoing campaigns report equals the Migrations page's Outgoing table", () => {
  it.each([{}, { migration: "ACTIVE" }, { migration: "NONE" }, { q: "CO00" }, { carrier: "SUSPENDED" }, { eligibility: "eligible" }, { upstreamCnpId: "SDCA1", status: "ACTIVE" }])(
    "same rows, same values, same order for %j",
    async (raw) => {
      const g = await makeOrg(t.db, "Reports G");
      for (let i = 0; i < MIGRATION_PAGE_SIZE + 9; i++) {
        const campaignId = `CO${String(i).padStart(4, "0")}`;
        await seedCampaign(t.db, g.org.id, campaignId, { "10017": i % 7 ? "REGISTERED" : "SUSPENDED" }, {
          status: i % 11 ? "ACTIVE" : "EXPIRED", upstreamCnpId: i % 2 ? "SDCA1" : "SDCA2", sharingStatus: i % 5 ? "ACCEPTED" : "PENDING",
        });
        if (i % 3 === 0) {
          await t.db.cnpMigration.create({
            data: { orgId: g.org.id, campaignId, direction: "OUTGOING", status: i % 2 ? "ACTIVE" : "COMPLETE", targetCnpId: "SCNP9", data: { expirationDate: isoDay(10) }, confirmedAt: NOW },
          });
        }
      }
      const f = parseOutgoing(raw);
      const table = [];
      for (let page = 1; ; page++) {
        const r = await listOutgoing(t.db, g.org.id, f, page);
        table.push(...r.rows);
        if (r.rows.length < MIGRATION_PAGE_SIZE) break;
      }
      const report = findReport("outgoing-campaigns")!;
      const exported = await collect(report.open(t.db, g.org.id, raw, 4));
      expect(exported).toEqual(table);
      expect(table.length).toBeGreaterThan(0);
    },
  );
});

describe("organization scoping", () => {
  it("never reads another organization's rows, in any report", async () => {
    const c = await makeOrg(t.db, "Reports C");
    // Give C one row in every table a report reads, and make sure A and B never see it.
    await seedBrand(t.db, c.org.id, "BC0001");
    const camp = await seedCampaign(t.db, c.org.id, "CC0001", { "10017": "REJECTED" });
    await t.db.registryEvent.create({ data: { orgId: c.org.id, dedupeKey: "c-1", eventType: "MNO_CAMPAIGN_OPERATION_REJECTED", campaignId: "CC0001", payload: { mnoId: 10017 } } });
    await t.db.cnpMigration.create({ data: { orgId: c.org.id, campaignId: "CC0001", direction: "OUTGOING", status: "ACTIVE", data: {}, confirmedAt: NOW } });
    await t.db.partnerCampaign.create({ data: { orgId: c.org.id, campaignId: "CC0001", sharingStatus: "PENDING", data: {}, confirmedAt: NOW } });
    const job = await t.db.bulkJob.create({ data: { orgId: c.org.id, kind: "RESUBMIT", params: {} } });
    await t.db.bulkJobItem.create({ data: { jobId: job.id, orgId: c.org.id, campaignId: "CC0001", state: "FAILED" } });
    await t.db.brandVetting.create({ data: { orgId: c.org.id, brandId: "BC0001", evpId: "AEGIS", vettingClass: "STANDARD", data: {}, confirmedAt: NOW } });
    await t.db.campaignPhoneNumber.create({ data: { orgId: c.org.id, campaignId: "CC0001", phoneNumber: "+12025550100", data: {}, confirmedAt: NOW } });
    expect(camp.id).toBeTruthy();

    for (const report of REPORTS) {
      const own = await collect(report.open(t.db, c.org.id, {}));
      expect(own.length, `${report.id} sees its own organization's row`).toBeGreaterThan(0);
      for (const other of [a, b]) {
        const rows = await collect(report.open(t.db, other.org.id, {}));
        const text = JSON.stringify(rows);
        expect(text, report.id).not.toContain("CC0001");
        expect(text, report.id).not.toContain("BC0001");
      }
    }
    // And a filter naming the other organization's ids finds nothing.
    expect(await collect(findReport("campaigns")!.open(t.db, a.org.id, { q: "CC0001" }))).toEqual([]);
    expect(await collect(findReport("phone-numbers")!.open(t.db, a.org.id, { campaignId: "CC0001" }))).toEqual([]);
  });
});

describe("the other reports", () => {
  it("read their rows, filter them and page across batches", async () => {
    const d = await makeOrg(t.db, "Reports D");
    const org = d.org.id;
    for (let i = 0; i < 5; i++) {
      const id = `CD000${i}`;
      await seedCampaign(t.db, org, id, { "10017": i % 2 ? "REJECTED" : "REGISTERED" });
      await t.db.registryEvent.create({
        data: { orgId: org, dedupeKey: `d-${i}`, eventType: i % 2 ? "MNO_CAMPAIGN_OPERATION_REJECTED" : "MNO_CAMPAIGN_OPERATION_APPROVED", campaignId: id, brandId: "BSHARED1", payload: { mnoId: 10017, description: i % 2 ? "Opt-in unclear" : "ok" }, receivedAt: day(-i) },
      });
      await t.db.cnpMigration.create({ data: { orgId: org, campaignId: id, direction: i % 2 ? "INCOMING" : "OUTGOING", status: i < 2 ? "ACTIVE" : "COMPLETE", data: {}, confirmedAt: NOW } });
      await t.db.partnerCampaign.create({ data: { orgId: org, campaignId: `P${id}`, sharingStatus: i % 2 ? "PENDING" : "ACCEPTED", data: {}, confirmedAt: NOW } });
      await t.db.brandVetting.create({ data: { orgId: org, brandId: "BSHARED1", evpId: `EVP${i}`, vettingClass: "STANDARD", vettingStatus: "ACTIVE", expiresAt: i === 4 ? null : day(i * 20 + 1), data: {}, confirmedAt: NOW } });
      await t.db.campaignPhoneNumber.create({ data: { orgId: org, campaignId: "CD0000", phoneNumber: `+1202555010${i}`, status: "ACTIVE", data: {}, confirmedAt: NOW } });
    }
    const job = await t.db.bulkJob.create({ data: { orgId: org, kind: "RESUBMIT", params: {} } });
    for (let i = 0; i < 5; i++) await t.db.bulkJobItem.create({ data: { jobId: job.id, orgId: org, campaignId: `CD000${i}`, state: i % 2 ? "FAILED" : "SUCCEEDED", error: i % 2 ? "510: invalid" : null } });

    const rows = async (id: string, raw: Record<string, string> = {}) => collect(findReport(id)!.open(t.db, org, raw, 2));

    const history = await rows("campaign-status-history");
    expect(history.map((r) => (r as { campaignId: string }).campaignId)).toEqual(["CD0004", "CD0003", "CD0002", "CD0001", "CD0000"]);
    const rejected = (await rows("campaign-status-history", { campaignId: "CD0001" })) as never[];
    const cells = Object.fromEntries(findReport("campaign-status-history")!.columns.map((c) => [c.header, c.value(rejected[0])]));
    expect(cells).toMatchObject({ Carrier: "AT&T", "Carrier ID": "10017", "Status after": "REJECTED", Description: "Opt-in unclear", "Current status": "REJECTED" });

    expect(await rows("migrations")).toHaveLength(5);
    expect(await rows("migrations", { direction: "OUTGOING", status: "ACTIVE" })).toHaveLength(1);
    expect(await rows("partner-campaigns", { sharingStatus: "PENDING" })).toHaveLength(2);
    expect(await rows("bulk-job-results", { state: "FAILED" })).toHaveLength(2);
    expect(await rows("bulk-job-results", { jobId: job.id })).toHaveLength(5);
    const vettings = (await rows("vettings")) as { evpId: string }[];
    expect(vettings.map((v) => v.evpId)).toEqual(["EVP0", "EVP1", "EVP2", "EVP3", "EVP4"]); // soonest expiry first, none last
    expect(await rows("vettings", { expiresWithin: "30" })).toHaveLength(2);
    expect(await rows("phone-numbers", { campaignId: "CD0000" })).toHaveLength(5);
    expect(await rows("phone-numbers", { q: "0103" })).toHaveLength(1);
  });
});

describe("the CSV response", () => {
  it("streams the filtered rows with a dated file name, neutralising formulas and keeping phone numbers", async () => {
    const res = exportResponse({ db: t.db, orgId: b.org.id, report: findReport("brands")!, ...exportParams(new URL("http://x/api/exports/brands?q=BSHARED1&bom=1&page=2")), now: new Date("2026-11-23T12:00:00Z") });
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="campaigndesk-brands-2026-11-23.csv"; filename*=UTF-8''campaigndesk-brands-2026-11-23.csv`);
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Brand ID,Reference ID,Display name,/);
    expect(lines[1]).toMatch(/^BSHARED1,,"'=HYPERLINK\(""http:\/\/evil""\)",/);
  });

  it("parses repeated and option parameters", () => {
    expect(exportParams(new URL("http://x/?a=1&a=2&b=3&bom=1"))).toEqual({ raw: { a: ["1", "2"], b: "3" }, bom: true });
    expect(exportParams(new URL("http://x/?bom=0")).bom).toBe(false);
  });
});

describe("GET /api/exports/[report]", () => {
  it("asks to sign in, 404s unknown reports, and records each download", async () => {
    useDb(t.db);
    const { GET } = await import("@/app/api/exports/[report]/route");
    const call = (report: string, qs = "") => GET(new Request(`http://x/api/exports/${report}${qs}`), { params: Promise.resolve({ report }) });

    context.current = null;
    expect((await call("brands")).status).toBe(401);

    context.current = { user: { id: a.owner.id, email: a.owner.email, name: "A" }, sid: "s", org: a.org, role: "VIEWER", memberships: [] };
    expect((await call("nope")).status).toBe(404);
    const res = await call("campaigns", "?carrierStatus=REJECTED");
    expect(res.status).toBe(200);
    const text = await res.text();
    const ids = text.trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[0]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id!.startsWith("CA"))).toBe(true);
    const logged = await t.db.auditLog.findFirstOrThrow({ where: { orgId: a.org.id, action: "report.export" }, orderBy: { createdAt: "desc" } });
    expect(logged).toMatchObject({ targetId: "campaigns", outcome: "SUCCESS", detail: { filter: { carrierStatus: "REJECTED" }, bom: false } });

    // A NUL in a filter key or value cannot go into the audit row: refused as bad input, not a 500 (found by fuzz-routes).
    const before = await t.db.auditLog.count({ where: { orgId: a.org.id, action: "report.export" } });
    expect((await call("campaigns", "?q%00x=1")).status).toBe(400);
    expect((await call("campaigns", "?q=a%00b")).status).toBe(400);
    expect(await t.db.auditLog.count({ where: { orgId: a.org.id, action: "report.export" } })).toBe(before);
  });
});
