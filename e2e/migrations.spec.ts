import type { APIRequestContext, Page } from "@playwright/test";
import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { SANDBOX, SANDBOX_AUTH } from "./sandbox";

const uid = () => Date.now().toString(36).toUpperCase().slice(-5) + Math.floor(Math.random() * 36).toString(36).toUpperCase();

async function sandbox<T>(request: APIRequestContext, method: "post" | "delete", path: string, data?: unknown): Promise<T> {
  const res = await request[method](`${SANDBOX}${path}`, { headers: path.startsWith("/v2") ? SANDBOX_AUTH : {}, data });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? null : await res.json()) as T;
}

/** Asks for a reconciliation and reloads until the list shows what the registry holds (the worker runs it). */
async function waitForList(page: Page, url: string, text: string | RegExp, check: () => Promise<void> = async () => {}) {
  await expect(async () => {
    await page.goto(url);
    await page.getByRole("button", { name: "Refresh from registry" }).click();
    await expect(page.getByRole("status").filter({ hasText: /queued/ })).toBeVisible({ timeout: 3_000 });
    await page.waitForTimeout(1_500);
    await page.goto(url);
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 2_000 });
    await check();
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 4_000] });
}

async function waitForJob(page: Page, status = "COMPLETED") {
  await expect(page).toHaveURL(/\/jobs\/[a-z0-9]+/);
  await expect(page.getByTestId("job-status")).toHaveText(status, { timeout: 90_000 });
}

test("bulk migrate a filtered set (dry run, progress, per-row results, retry, CSV), then cancel one from its detail page", async ({ page, request }) => {
  test.setTimeout(300_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);

  // CNP migration must be enabled on the registry account (E9): the admin turns it on from the Migrations page.
  await page.goto("/migrations");
  await expect(page.getByRole("heading", { level: 1, name: "Migrations" })).toBeVisible();
  const enabled = page.getByLabel(/CNP migration enabled/);
  if (!(await enabled.isChecked())) {
    await enabled.check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Saved at the registry.")).toBeVisible();
  }

  // Eight of our campaigns accepted by SDCA001; one deactivated and one already migrating are ineligible.
  const brandName = `Migrate ${uid()}`;
  const { brandId, campaignIds } = await sandbox<{ brandId: string; campaignIds: string[] }>(request, "post", "/_sandbox/campaigns", { count: 8, upstreamCnpId: "SDCA001", brandName });
  await sandbox(request, "delete", `/v2/campaign/${campaignIds[0]}`);
  await sandbox(request, "post", `/v2/campaign/${campaignIds[1]}/migrateCnp/SCNP001`);
  const listUrl = `/migrations?brandId=${brandId}`;
  // The reconciliation mirrors campaigns first, then shares and migrations: wait for the open one too.
  await waitForList(page, listUrl, "1–8 of 8 campaigns", () => expect(page.getByRole("row", { name: new RegExp(campaignIds[1]!) })).toContainText("Open", { timeout: 1_000 }));
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/migrations-outgoing.png", fullPage: true });

  // The eligibility filter lives in the URL and agrees with the dry run below.
  await page.getByLabel("Can migrate").selectOption("eligible");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/eligibility=eligible/);
  await expect(page.getByText("1–6 of 6 campaigns")).toBeVisible();
  await page.goto(listUrl);

  // One eligible campaign will keep failing at the registry (5xx) until the fault is removed.
  const fault = await sandbox<{ id: string }>(request, "post", "/_sandbox/faults", { kind: "status", status: 500, method: "POST", path: `/campaign/${campaignIds[2]}/migrateCnp/*` });

  await page.getByRole("button", { name: "Select all 8 matching" }).click();
  await expect(page.getByTestId("selection-count")).toContainText("8 selected (all campaigns matching the filter");
  await page.getByLabel("Target connectivity partner").selectOption("SCNP002");
  await page.getByRole("button", { name: "Dry run" }).click();
  const dry = page.getByTestId("dry-run");
  await expect(dry).toContainText("6 of 8 eligible");
  await expect(dry).toContainText("A migration is already open for this campaign (E4)");
  await expect(dry.getByRole("row", { name: new RegExp(campaignIds[0]!) })).toContainText(/deactivated|expired|not ACTIVE/i);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/migrations-dry-run.png", fullPage: true });

  await dry.getByRole("button", { name: /run for 6 eligible \(2 will be skipped\)/ }).click();
  await waitForJob(page);
  await expect(page.getByTestId("job-succeeded")).toHaveText("5");
  await expect(page.getByTestId("job-skipped")).toHaveText("2");
  await expect(page.getByTestId("job-failed")).toHaveText("1");
  await expect(page.getByRole("row", { name: new RegExp(campaignIds[2]!) })).toContainText(/FAILED.*HTTP 500/);
  await expect(page.getByRole("row", { name: new RegExp(campaignIds[1]!) })).toContainText("SKIPPED");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/migrations-job.png", fullPage: true });

  // Results CSV of this job.
  const csvHref = await page.getByRole("link", { name: "Download all results (CSV)" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.ok()).toBe(true);
  const body = await csv.text();
  for (const id of campaignIds) expect(body).toContain(id);
  expect(body).toMatch(/SKIPPED/);

  // Retry the failed item alone once the registry recovers.
  await sandbox(request, "delete", `/_sandbox/faults/${fault.id}`);
  await page.getByRole("button", { name: "Retry 1 failed" }).click();
  await expect(page.getByTestId("job-failed")).toHaveText("0", { timeout: 90_000 });
  await waitForJob(page);
  await expect(page.getByTestId("job-succeeded")).toHaveText("6");
  await page.getByRole("link", { name: "Jobs" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await expectAccessible(page);

  // Detail of one migrated campaign: provisional chain, expiry, rule per carrier; cancel it.
  await page.goto(listUrl);
  await page.getByRole("link", { name: campaignIds[3]! }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(campaignIds[3]!);
  await expect(page.getByRole("heading", { name: "Provisional chain" })).toBeVisible();
  // 30 days from the registry's clock; other specs move the sandbox's clock ahead of the portal's.
  const clock = (await (await request.get(`${SANDBOX}/_sandbox/clock`)).json()) as { now: string };
  const ahead = (new Date(clock.now).getTime() - Date.now()) / 86_400_000;
  const shown = Number(await page.getByTestId("days-left").textContent());
  expect(Math.abs(shown - (30 + ahead)), `days left ${shown}, sandbox ${ahead.toFixed(2)} days ahead`).toBeLessThanOrEqual(1);
  await page.getByRole("button", { name: "Refresh from registry" }).click();
  await expect(page.getByText("Read from the registry.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "SCNP002" })).toContainText("PENDING");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/migrations-detail.png", fullPage: true });
  await page.getByRole("button", { name: "Cancel migration" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel(/Explanation/).fill("E2E: staying with SDCA001");
  await dialog.getByRole("button", { name: "Cancel migration" }).click();
  await expect(page.getByText("Migration canceled. The pre-migration chain stays in place.")).toBeVisible();
  await expect(page.getByText("E2E: staying with SDCA001").first()).toBeVisible();
});

test("incoming partner shares: decline one with a category, elect the migration shares to a DCA", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  const partner = `S${uid()}`;
  const migrating = (await sandbox<{ campaignIds: string[] }>(request, "post", "/_sandbox/partnerCampaigns", { count: 3, downstreamCnpId: partner, cnpMigration: true })).campaignIds;
  const [plain] = (await sandbox<{ campaignIds: string[] }>(request, "post", "/_sandbox/partnerCampaigns", { count: 1, downstreamCnpId: partner })).campaignIds;
  const listUrl = `/partner-campaigns?downstreamCnpId=${partner}`;
  await waitForList(page, listUrl, "1–4 of 4 partner campaigns", () => expect(page.getByRole("row", { name: new RegExp(migrating[0]!) })).toContainText("days left", { timeout: 1_000 }));
  await expect(page.getByRole("row", { name: new RegExp(migrating[0]!) })).toContainText("Migration");
  await expect(page.getByRole("row", { name: new RegExp(plain!) })).toContainText("PENDING");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/migrations-incoming.png", fullPage: true });

  // Decline the plain share with the registry's category and an explanation.
  await page.getByLabel(`Select ${plain}`).check();
  await page.getByRole("radio", { name: "Decline" }).check();
  await page.getByRole("checkbox", { name: /SAMPLE_MESSAGE/ }).check();
  await page.getByLabel(/Explanation/).fill("Sample messages do not match the use case");
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByTestId("dry-run")).toContainText("1 of 1 eligible");
  await expectAccessible(page);
  await page.getByTestId("dry-run").getByRole("button", { name: /run for 1 eligible/ }).click();
  await waitForJob(page);
  await expect(page.getByTestId("job-succeeded")).toHaveText("1");

  // Elect every pending migration share from this partner to SDCA001 via "select all matching".
  await page.goto(`${listUrl}&sharingStatus=PENDING`);
  await expect(page.getByText("1–3 of 3 partner campaigns")).toBeVisible();
  await page.getByRole("button", { name: "Select all 3 matching" }).click();
  await page.getByLabel(/Share on to/).selectOption("SDCA001");
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByTestId("dry-run")).toContainText("3 of 3 eligible");
  await page.getByTestId("dry-run").getByRole("button", { name: /run for 3 eligible/ }).click();
  await waitForJob(page);
  await expect(page.getByTestId("job-succeeded")).toHaveText("3");

  await page.goto(listUrl);
  await expect(page.getByText("1–3 of 3 partner campaigns")).toBeVisible();
  for (const id of migrating) await expect(page.getByRole("row", { name: new RegExp(id) })).toContainText("ACCEPTED");
  await expect(page.getByRole("row", { name: new RegExp(plain!) })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/migrations-incoming-after.png", fullPage: true });
});
