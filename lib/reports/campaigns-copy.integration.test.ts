// The campaigns export streamed by COPY (lib/campaigns/export-sql.ts, lib/csv/copy.ts) against its Prisma twin
// (the report's keyset batches through csvStream), byte for byte; and what happens when a download is aborted.
// On PGlite the database is served over the wire by pglite-socket, as in the embedded mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { copyCsvStream, csvStream } from "@/lib/csv";
import { campaignsReport } from "@/lib/reports/campaigns";
import { exportBody } from "@/lib/reports/export";
import { erase } from "@/lib/reports/types";
import { createWireTestDb, type WireTestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: WireTestDb;
let orgId: string;
let otherOrgId: string;
const report = erase(campaignsReport);
const NOW = new Date();
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const isoDay = (n: number) => day(n).toISOString().slice(0, 10);

const bytes = async (s: ReadableStream<Uint8Array>) => Buffer.from(await new Response(s).arrayBuffer());

/** The file both ways: through Prisma in keyset batches of 3 (so batch edges fall everywhere), and through COPY. */
async function both(raw: Record<string, string>, bom = false) {
  const prisma = await bytes(csvStream({ columns: report.columns, batches: report.open(t.db, orgId, raw, 3), bom }));
  const copy = await bytes(exportBody({ db: t.db, pool: t.pool, orgId, report, raw, bom, now: NOW }));
  return { prisma, copy };
}

const TRICKY = [
  "=HYPERLINK(\"http://evil\",\"Click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "-12.5", "+12025550123", "-", "+",
  "Acme, Inc.", 'Say "hi"', "Multi\nline", "CR\r\nLF", "Café ñ 日本 🚀", "100% _done_", "back\\slash", "it's", " =lead", "", "a=b", "\\.",
];

async function seed(db: PrismaClient, org: string, n: number, prefix: string) {
  await db.brand.createMany({
    data: TRICKY.map((name, i) => ({ orgId: org, brandId: `${prefix}B${i}`, displayName: name, data: {}, confirmedAt: NOW })),
  });
  const fees = [10, 12.5, 0.1 + 0.2, -3, null, 1 / 3, 0, 1234567.891, 0.0001];
  const statuses = ["REGISTERED", "REVIEW", "REJECTED", "=SUSPENDED", ""];
  for (let i = 0; i < n; i++) {
    const text = (k: number) => (i % 3 === 0 ? null : TRICKY[(i + k) % TRICKY.length]!);
    const campaignId = i % 7 === 0 ? `${prefix}${TRICKY[i % TRICKY.length]}${i}` : `${prefix}C${String(i).padStart(3, "0")}`;
    const c = await db.campaign.create({
      data: {
        orgId: org,
        campaignId,
        brandId: i % 5 === 4 ? null : i % 11 === 3 ? `${prefix}NOBRAND` : `${prefix}B${i % TRICKY.length}`,
        referenceId: text(1),
        usecase: i % 4 === 0 ? null : ["MARKETING", "2FA", "=MIXED", "Low_Volume%"][i % 4],
        status: i % 6 === 5 ? null : i % 2 ? "ACTIVE" : "EXPIRED",
        autoRenewal: i % 3 === 0 ? null : i % 3 === 1,
        mock: i % 8 === 0,
        // Ties on the sort key and nulls, so the campaign id has to break them.
        registryCreatedAt: i % 9 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 5), 10, 0, 0, i % 2 ? 123 : 0)),
        nextRenewalOrExpirationDate: i % 4 === 1 ? null : isoDay((i % 120) - 10),
        monthlyFee: fees[i % fees.length],
        upstreamCnpId: i % 5 === 0 ? `S${i % 3}` : i % 5 === 1 ? TRICKY[i % TRICKY.length] : null,
        sharingStatus: i % 5 === 0 ? "ACCEPTED" : i % 5 === 1 ? "PENDING" : null,
        sharedAt: i % 5 === 0 ? new Date(Date.UTC(2026, 1, 2, 3, 4, 5, 6)) : null,
        deletedAt: i % 10 === 9 ? day(-1) : null,
        data: i % 3 === 0 ? { tag: ["alpha", "beta"] } : i % 3 === 1 ? { tag: ["beta"] } : { tag: "alpha" },
        confirmedAt: new Date(NOW.getTime() - i * 1000),
      },
    });
    const mnos = ["10017", "10035", "10038", "10037", "10099", "10040", "9"].filter((_, k) => (i + k) % 3 !== 0);
    if (mnos.length) {
      await db.campaignOperation.createMany({
        data: mnos.map((mnoId, k) => ({ campaignRef: c.id, mnoId, status: statuses[(i + k) % statuses.length]!, confirmedAt: NOW })),
      });
    }
    if (i % 4 === 2) {
      await db.cnpMigration.create({ data: { orgId: org, campaignId, direction: "OUTGOING", status: i % 8 === 2 ? "=PENDING" : "COMPLETED", data: {}, confirmedAt: NOW } });
    }
    if (i % 4 === 3) {
      await db.cnpMigration.create({ data: { orgId: org, campaignId, direction: "INCOMING", status: "IGNORED", data: {}, confirmedAt: NOW } });
    }
  }
}

beforeAll(async () => {
  t = await createWireTestDb();
  const a = await makeOrg(t.db);
  const b = await makeOrg(t.db);
  orgId = a.org.id;
  otherOrgId = b.org.id;
  await seed(t.db, orgId, 60, "");
  await seed(t.db, otherOrgId, 12, "");
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const FILTERS: Record<string, string>[] = [
  {},
  ...["created", "campaignId", "usecase", "renewal", "status"].flatMap((sort): Record<string, string>[] => [{ sort }, { sort, dir: "asc" }, { sort, dir: "desc" }]),
  { deleted: "1" },
  { deleted: "1", sort: "status", dir: "desc" },
  ...["%", "_", "'", '"', "\\", "it's", "back\\slash", "100%", "_done_", "日本", "CAFÉ", "c0", "b1", "low_volume%", "🚀", "\\.", "  C00  "].map((q) => ({ q })),
  { q: "C0", sort: "renewal", dir: "desc", deleted: "1" },
  { brandId: "B3" },
  { usecase: "MARKETING" },
  { status: "ACTIVE" },
  { status: "EXPIRED", sort: "usecase" },
  { carrier: "10017" },
  { carrierStatus: "REVIEW" },
  { carrier: "10099", carrierStatus: "REGISTERED" },
  { sharingStatus: "ACCEPTED" },
  { cnp: "S0" },
  { autoRenewal: "on" },
  { autoRenewal: "off" },
  { renewsWithin: "30" },
  { renewsWithin: "90", sort: "renewal" },
  { tag: "alpha" },
  { tag: "beta", deleted: "1" },
  { q: "nothing-matches-this" },
];

describe("campaigns export: COPY path against the Prisma path", () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))("makes the same bytes for %s", async (_, raw) => {
    const { prisma, copy } = await both(raw);
    expect(copy.toString("utf8")).toBe(prisma.toString("utf8"));
    expect(copy.equals(prisma)).toBe(true);
  });

  it("makes the same bytes with the byte order mark, which only it starts with", async () => {
    const { prisma, copy } = await both({ sort: "campaignId" }, true);
    expect([...copy.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(copy.equals(prisma)).toBe(true);
    const plain = await both({ sort: "campaignId" }, false);
    expect(plain.copy[0]).toBe("C".charCodeAt(0));
  });

  it("really covers the tricky cells: formulas neutralised, quoting, CRLF records, line breaks kept inside cells", async () => {
    const text = (await both({ deleted: "1" })).copy.toString("utf8");
    expect(text).toContain(`'=HYPERLINK(""http://evil"",""Click"")`);
    expect(text).toContain(`,'@SUM(A1:A2),`);
    expect(text).toContain(`,-12.5,`);
    expect(text).toContain(`"Multi\nline"`);
    expect(text).toContain(`"CR\r\nLF"`);
    expect(text).toContain(`,0.30000000000000004,`);
    expect(text).toContain(`10099: `);
    expect(text.split("\r\n").length).toBeGreaterThan(60);
    expect(text.endsWith("\r\n")).toBe(true);
    // Nothing from the other organization, though it holds the same campaign ids.
    const rows = text.split("\r\n").filter((l) => /^C0/.test(l));
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("errors the stream and gives the client back when the query fails", async () => {
    const errors: unknown[] = [];
    const s = copyCsvStream({ pool: t.pool, select: "SELECT 1/0", head: new Uint8Array([65]), onError: (e) => errors.push(e) });
    await expect(bytes(s)).rejects.toThrow(/division by zero/);
    expect(errors).toHaveLength(1);
    expect(t.pool.totalCount - t.pool.idleCount).toBe(0);
    expect((await t.pool.query("SELECT 2 AS n")).rows).toEqual([{ n: 2 }]);
  });
});

describe("the export statement's settings", () => {
  it("hold for the COPY and are gone from every pooled client afterwards", async () => {
    const head = new Uint8Array();
    const s = copyCsvStream({ pool: t.pool, select: "SELECT current_setting('jit'), current_setting('work_mem')", head });
    expect((await bytes(s)).toString("utf8")).toBe("off,64MB\r\n");
    // A failed COPY ends its implicit transaction too.
    await expect(bytes(copyCsvStream({ pool: t.pool, select: "SELECT 1/0", head }))).rejects.toThrow(/division by zero/);
    const clients = await Promise.all(Array.from({ length: Math.max(1, t.pool.idleCount) }, () => t.pool.connect()));
    try {
      for (const c of clients) {
        const { rows } = await c.query<{ work_mem: string; tx: string }>(
          "SELECT current_setting('work_mem') AS work_mem, CASE WHEN now() = statement_timestamp() THEN 'none' ELSE 'open' END AS tx",
        );
        expect(rows[0]!.work_mem).not.toBe("64MB");
        expect(rows[0]!.tx).toBe("none");
      }
    } finally {
      for (const c of clients) c.release();
    }
  });
});

describe("an aborted download", () => {
  it("stops the COPY and leaves no client checked out of the pool", async () => {
    await t.db.$executeRawUnsafe(
      `INSERT INTO "Campaign" (id, "orgId", "campaignId", "brandId", usecase, status, data, "confirmedAt", "updatedAt")
       SELECT 'big' || g, $1, 'BIG' || lpad(g::text, 6, '0'), 'B1', 'MARKETING', 'ACTIVE', '{}', now(), now() FROM generate_series(1, 20000) g`,
      otherOrgId,
    );
    const reader = exportBody({ db: t.db, pool: t.pool, orgId: otherOrgId, report, raw: {}, bom: false, now: NOW }).getReader();
    const head = await reader.read();
    expect(Buffer.from(head.value!).toString("utf8")).toMatch(/^Campaign ID,/);
    const first = await reader.read(); // the COPY is running now
    expect(first.done).toBe(false);
    expect(t.pool.totalCount - t.pool.idleCount).toBeGreaterThanOrEqual(1);
    await reader.cancel();
    expect(t.pool.totalCount - t.pool.idleCount).toBe(0);
    // The pool still serves queries, and on PostgreSQL no backend is left running the COPY.
    for (let i = 0; i < 50; i++) {
      const { rows } = await t.pool.query<{ n: number }>(
        t.kind === "postgresql"
          ? `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%COPY (SELECT%' AND pid <> pg_backend_pid()`
          : "SELECT 0 AS n",
      );
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
      if (i === 49) expect(rows[0]!.n).toBe(0);
    }
    expect(t.pool.totalCount - t.pool.idleCount).toBe(0);
    // And the next export goes through whole.
    const whole = await bytes(exportBody({ db: t.db, pool: t.pool, orgId: otherOrgId, report, raw: {}, bom: false, now: NOW }));
    const viaPrisma = await bytes(csvStream({ columns: report.columns, batches: report.open(t.db, otherOrgId, {}) }));
    expect(whole.length).toBeGreaterThan(20000 * 80);
    expect(whole.equals(viaPrisma)).toBe(true);
  }, 60_000);
});
