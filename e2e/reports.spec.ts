import fs from "node:fs/promises";
import pg from "pg";
import { admin, expect, expectAccessible, signIn, test } from "./fixtures";

// The mirror is filled by webhooks in real life; here rows are written straight into the e2e database (the
// launcher's embedded PostgreSQL) so the dashboard and exports have every kind of row at once. Everything
// carries a unique tag and is removed afterwards, so other specs never see it.
const DB_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PGLITE_PORT ?? "5480"}/postgres`;
const TAG = `RPT${Date.now().toString(36).toUpperCase()}`;
const id = (n: string) => `rpt_${TAG}_${n}`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let client: pg.Client;
let orgId: string;
let emptyOrgId: string;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  orgId = (await client.query(`SELECT id FROM "Organization" WHERE name = 'E2E Messaging' ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
  const q = (sql: string, params: unknown[]) => client.query(sql, params);
  const brand = (n: string, name: string, identity: string, daysAgo: number) =>
    q(
      `INSERT INTO "Brand" (id, "orgId", "brandId", "displayName", "companyName", "entityType", "identityStatus", status, vertical, "registryCreatedAt", data, "confirmedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'PRIVATE_PROFIT', $6, 'ACTIVE', 'RETAIL', now() - ($7 || ' days')::interval, '{}', now(), now())`,
      [id(`b${n}`), orgId, `B${TAG}${n}`, name, `${name} Inc.`, identity, String(daysAgo)],
    );
  await brand("1", `Alpha ${TAG}`, "VERIFIED", 1);
  await brand("2", `Beta ${TAG}`, "VERIFIED", 2);
  await brand("3", `=HYPERLINK("http://evil.example") ${TAG}`, "VERIFIED", 3);
  await brand("4", `Delta ${TAG}`, "UNVERIFIED", 4);
  await q(`INSERT INTO "RegistryEvent" (id, "orgId", "dedupeKey", "eventType", "brandId", payload) VALUES ($1, $2, $1, 'BRAND_IDENTITY_STATUS_UPDATE', $3, $4)`, [
    id("e1"), orgId, `B${TAG}4`, JSON.stringify({ description: `EIN and company name do not match (${TAG})` }),
  ]);

  const campaign = async (n: string, ops: Record<string, string>, renewalDays: number, autoRenewal: boolean) => {
    await q(
      `INSERT INTO "Campaign" (id, "orgId", "campaignId", "brandId", usecase, status, "autoRenewal", "registryCreatedAt", "nextRenewalOrExpirationDate", "monthlyFee", data, "confirmedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'MARKETING', 'ACTIVE', $5, now() - ($6 || ' hours')::interval, $7, 10, '{}', now(), now())`,
      [id(`c${n}`), orgId, `C${TAG}${n}`, `B${TAG}1`, autoRenewal, n, inDays(renewalDays)],
    );
    for (const [mno, status] of Object.entries(ops)) {
      await q(`INSERT INTO "CampaignOperation" (id, "campaignRef", "mnoId", status, "confirmedAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now())`, [id(`o${n}${mno}`), id(`c${n}`), mno, status]);
    }
  };
  await campaign("1", { "10017": "REGISTERED", "10035": "REGISTERED", "10038": "REGISTERED" }, 6, true);
  await campaign("2", { "10017": "REJECTED", "10035": "REVIEW" }, 12, false);
  await campaign("3", { "10017": "REJECTED", "10035": "REGISTERED" }, 200, true);
  await q(`INSERT INTO "RegistryEvent" (id, "orgId", "dedupeKey", "eventType", "campaignId", payload) VALUES ($1, $2, $1, 'MNO_CAMPAIGN_OPERATION_REJECTED', $3, $4)`, [
    id("e2"), orgId, `C${TAG}2`, JSON.stringify({ mnoId: 10017, description: `Sample messages lack opt-out language (${TAG})` }),
  ]);
  await q(`INSERT INTO "CnpMigration" (id, "orgId", "campaignId", direction, status, data, "confirmedAt", "updatedAt") VALUES ($1, $2, $3, 'OUTGOING', 'ACTIVE', '{}', now(), now())`, [id("m1"), orgId, `C${TAG}1`]);
  await q(`INSERT INTO "PartnerCampaign" (id, "orgId", "campaignId", "sharingStatus", data, "confirmedAt", "updatedAt") VALUES ($1, $2, $3, 'PENDING', '{}', now(), now())`, [id("p1"), orgId, `C${TAG}P`]);
  await q(`INSERT INTO "BulkJob" (id, "orgId", kind, status, params, total, succeeded, "updatedAt") VALUES ($1, $2, 'RESUBMIT', 'RUNNING', '{}', 40, 12, now())`, [id("j1"), orgId]);

  // A second organization with nothing in it, for the first-run dashboard.
  const user = (await client.query(`SELECT id FROM "User" WHERE email = $1`, [admin.email])).rows[0].id;
  emptyOrgId = id("org");
  await q(`INSERT INTO "Organization" (id, name, key) VALUES ($1, $2, $1)`, [emptyOrgId, `Fresh ${TAG}`]);
  await q(`INSERT INTO "Membership" (id, "userId", "orgId", role, "updatedAt") VALUES ($1, $2, $3, 'OWNER', now())`, [id("mem"), user, emptyOrgId]);
});

test.afterAll(async () => {
  if (!client) return;
  for (const table of ["BulkJob", "PartnerCampaign", "CnpMigration", "RegistryEvent", "Campaign", "Brand", "Organization"]) {
    await client.query(`DELETE FROM "${table}" WHERE id LIKE $1`, [`rpt_${TAG}_%`]);
  }
  await client.end();
});

test("a filtered brands list downloads as CSV with the same rows, and the dashboard shows the organization", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);

  // --- Brands: the table's Download CSV exports exactly the filtered rows, in the table's order.
  await page.goto(`/brands?q=${TAG}&identityStatus=VERIFIED&sort=displayName`);
  const tableIds = (await page.getByRole("row").allInnerTexts()).flatMap((t) => t.match(new RegExp(`B${TAG}\\d`)) ?? []);
  expect([...tableIds].sort()).toEqual([`B${TAG}1`, `B${TAG}2`, `B${TAG}3`]);
  const link = page.getByRole("link", { name: "Download CSV" });
  await expect(link).toHaveAttribute("href", `/api/exports/brands?sort=displayName&q=${TAG}&identityStatus=VERIFIED`);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/reports-brands-table.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^campaigndesk-brands-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(await fs.readFile((await download.path())!, "utf8"));
  const header = csv[0]!;
  const col = (name: string) => header.indexOf(name);
  expect(header.slice(0, 3)).toEqual(["Brand ID", "Reference ID", "Display name"]);
  const rows = csv.slice(1);
  expect(rows.map((r) => r[col("Brand ID")])).toEqual(tableIds);
  expect(rows.every((r) => r[col("Identity status")] === "VERIFIED")).toBe(true);
  // A name a spreadsheet would run as a formula arrives as text.
  expect(rows.find((r) => r[0] === `B${TAG}3`)![col("Display name")]).toBe(`'=HYPERLINK("http://evil.example") ${TAG}`);

  // With a byte order mark on request; unknown reports and signed-out requests are refused.
  const bom = await page.request.get(`/api/exports/brands?q=${TAG}&bom=1`);
  expect([...(await bom.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect((await page.request.get("/api/exports/no-such-report")).status()).toBe(404);
  // Signed out: the proxy sends the request to sign-in before the route runs (the route itself answers 401).
  const signedOut = await request.get("/api/exports/brands", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toMatch(/\/sign-in/);

  // --- Campaigns: the export for the list's URL holds the rows the list shows.
  const campaignsQuery = `q=${TAG}&carrier=10017&carrierStatus=REJECTED`;
  await page.goto(`/campaigns?${campaignsQuery}`);
  const campaignIds = (await page.getByRole("row").allInnerTexts()).flatMap((t) => t.match(new RegExp(`C${TAG}\\d`)) ?? []);
  expect(campaignIds.sort()).toEqual([`C${TAG}2`, `C${TAG}3`]);
  const campaignsCsv = parseCsv(await (await page.request.get(`/api/exports/campaigns?${campaignsQuery}`)).text());
  const ch = campaignsCsv[0]!;
  expect(campaignsCsv.slice(1).map((r) => r[ch.indexOf("Campaign ID")]).sort()).toEqual(campaignIds);
  expect(campaignsCsv.slice(1).every((r) => r[ch.indexOf("AT&T (10017)")] === "REJECTED")).toBe(true);

  // --- Audit log: its Download CSV carries the page's filter.
  await page.goto("/audit?action=report.export");
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", "/api/exports/audit-log?action=report.export");
  const audit = parseCsv(await (await page.request.get("/api/exports/audit-log?action=report.export")).text());
  expect(audit.length).toBeGreaterThan(2);
  expect(audit.slice(1).every((r) => r[2] === "report.export")).toBe(true);

  // --- Reports page: every report with its columns and a download.
  await page.getByRole("navigation").getByRole("link", { name: "Reports" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(10);
  await page.getByText("18 columns").first().click();
  await expect(page.getByText("Vetting records", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/reports-page.png", fullPage: true });
  const vettings = page.getByRole("form", { name: "Download the Vetting records and expiries report" });
  await vettings.getByLabel(/For Excel/).check();
  const [vdl] = await Promise.all([page.waitForEvent("download"), vettings.getByRole("button", { name: "Download CSV" }).click()]);
  expect(vdl.suggestedFilename()).toMatch(/^campaigndesk-vettings-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...(await fs.readFile((await vdl.path())!)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  // --- Dashboard with the seeded rows: figures link to the filtered lists.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Brands by identity status" })).toBeVisible();
  await expect(page.getByText(`Sample messages lack opt-out language (${TAG})`)).toBeVisible();
  await expect(page.getByText(`EIN and company name do not match (${TAG})`)).toBeVisible();
  await expect(page.getByRole("link", { name: `C${TAG}1` })).toBeVisible(); // renews in 6 days
  await expect(page.getByRole("link", { name: /Migrations in flight/ })).toHaveAttribute("href", "/migrations");
  await expect(page.getByRole("link", { name: /Shares waiting for you/ })).toHaveAttribute("href", "/partner-campaigns");
  await expect(page.getByRole("link", { name: /Bulk jobs running/ })).toHaveAttribute("href", "/jobs");
  await expect(page.getByRole("link", { name: /Identity not verified\s*UNVERIFIED/ })).toHaveAttribute("href", "/brands?identityStatus=UNVERIFIED");
  await expect(page.locator('[role="img"] svg').first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });
  await page.getByRole("link", { name: /Rejected on AT&T/ }).click();
  await expect(page).toHaveURL(/\/campaigns\?carrier=10017&carrierStatus=REJECTED$/);

  // --- A new organization: the dashboard says what to do first.
  await page.context().addCookies([{ name: "cd_org", value: emptyOrgId, url: page.url() }]);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: `Fresh ${TAG}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect to the registry" })).toHaveAttribute("href", "/settings/registry");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/dashboard-empty.png", fullPage: true });
  await page.context().clearCookies({ name: "cd_org" });
});
