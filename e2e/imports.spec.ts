import fs from "node:fs/promises";
import { admin, expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * The brand fixture of the engine's tests, two rows of it (a good brand, a bad EIN), with two changes: the entity
 * type column is headed "Kind" (no guess knows it), and the company is unique, so no brand of an earlier run is
 * a duplicate of it.
 */
async function fixture(): Promise<Buffer> {
  const lines = (await fs.readFile("lib/imports/fixtures/brands-mixed.csv", "utf8")).split("\n");
  const unique = Date.now().toString(36);
  const header = lines[0]!.replace("Entity Type", "Kind");
  return Buffer.from([header, lines[1]!.replace("Acme Dental LLC", `Acme Dental ${unique} LLC`), lines[2]!.replace("Beta Bikes Inc", `Beta Bikes ${unique} Inc`), ""].join("\n"));
}

test("import: download the template, upload a file with a wrong header, fix the mapping, see a row's error at its column and the cost, download the dry run, register the ready row and download its result", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Import", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Import" })).toBeVisible();
  await expectAccessible(page);

  const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the brand template" }).click()]);
  expect(template.suggestedFilename()).toBe("brands-import-template.csv");
  expect(await fs.readFile((await template.path())!, "utf8")).toMatch(/^ref,entityType,displayName,/);

  // Not a CSV: refused with the engine's reason.
  await page.getByLabel("CSV file to check").setInputFiles({ name: "brands.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n1 0 obj\n") });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Not a CSV file: this is a PDF document.");

  // The wrong header: no column for entityType until the user says which one it is.
  await page.getByLabel("CSV file to check").setInputFiles({ name: "brands.csv", mimeType: "text/csv", buffer: await fixture() });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("No column for entityType");
  await expect(page.getByText("Required columns not found")).toBeVisible();
  await expect(page.getByLabel("Field for column Brand Name")).toHaveValue("displayName");
  await expectAccessible(page);
  await page.getByLabel("Field for column Kind").selectOption("entityType");
  const [checked] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/imports/dry-run") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Check again with these columns" }).click(),
  ]);
  expect(checked.status()).toBe(200);
  const result = (await checked.json()) as { totals: { rows: number; ok: number; failed: number; cost_usd: number } };
  expect(result.totals).toMatchObject({ rows: 2, ok: 1, failed: 1 });

  // The cost, as the dry run priced it, and that nothing was sent.
  const cost = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(result.totals.cost_usd);
  await expect(page.getByRole("definition").first()).toHaveText(cost);
  await expect(page.getByText("Nothing is sent or charged by a dry run")).toBeVisible();

  // Line 3's bad EIN is shown under the file's "Tax ID" column.
  const table = page.getByRole("table", { name: "Rows of the dry run" });
  const headers = await table.getByRole("columnheader").allTextContents();
  const col = headers.indexOf("Tax ID (ein)");
  expect(col).toBeGreaterThan(1);
  const line3 = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "3", exact: true }) });
  await expect(line3.getByRole("cell").nth(col)).toHaveText("A US EIN is 9 digits");
  await page.getByLabel("Only rows with errors").check();
  await expect(table.getByRole("row")).toHaveCount(2); // the header row and line 3
  await expectAccessible(page);

  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the dry run as CSV" }).click()]);
  expect(dl.suggestedFilename()).toBe("dry-run-brands.csv");
  const csv = (await fs.readFile((await dl.path())!, "utf8")).split("\r\n");
  expect(csv[0]).toMatch(/^ref,Kind,Brand Name,.*,errors,warnings$/);
  expect(csv[2]).toMatch(/^bad-ein,.*,ein: A US EIN is 9 digits,$/);
  await page.screenshot({ path: "test-results/screens/imports.png", fullPage: true });

  // Register the ready row: the cost is quoted and confirmed first; then the job page shows the row's result.
  await page.getByRole("button", { name: "Review the cost and register…" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("heading", { name: `Register and pay ${cost}?` })).toBeVisible();
  await expect(confirm).toContainText(`Brands: 1 ready, 1 left out (errors) — ${cost}`);
  await expectAccessible(page);
  await confirm.getByRole("button", { name: `Register and pay ${cost}` }).click();
  await expect(page).toHaveURL(/\/jobs\/[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("job-status")).toHaveText("COMPLETED", { timeout: 90_000 });
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: "Brand row, line 2" });
  await expect(row).toContainText("SUCCEEDED");
  await expect(row.getByRole("link")).toHaveText(/^B[A-Z0-9]+$/);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/imports-job.png", fullPage: true });
  const csvHref = await page.getByRole("link", { name: "Download all results (CSV)" }).getAttribute("href");
  const results = await page.request.get(csvHref!);
  expect(results.ok()).toBe(true);
  expect(await results.text()).toMatch(/brand:2.*SUCCEEDED/);
});
