import fs from "node:fs";
import path from "node:path";
import { E2E_LOG_FILE } from "../../playwright.config";
import { admin, expect, expectAccessible, signIn, test } from "../fixtures";

const KEY = "E2E-KEY-7f3c1a9b5d2e8804";
const SECRET = "E2E-SECRET-d41d8cd98f00b204e980";

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

test("the registry key and secret never reach a page, a client bundle or the log", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  // Its own organization, so the other journeys keep the first organization's sandbox connection.
  await page.goto("/organizations/new");
  await page.getByLabel("Organization name").fill("Secrets Check Org");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/settings\/registry/);
  await expectAccessible(page);
  await page.getByLabel("API base URL").fill("https://csp-api.example.test/v2");
  await page.getByLabel("Upstream", { exact: true }).selectOption("TCR_BASIC");
  await page.getByLabel("API key").fill(KEY);
  await page.getByLabel("API secret").fill(SECRET);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Registry connection saved.")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/registry.png", fullPage: true });

  for (const url of ["/settings/registry", "/dashboard", "/audit"]) {
    await page.goto(url);
    const html = await page.content();
    expect(html).not.toContain(KEY);
    expect(html).not.toContain(SECRET);
  }
  await page.goto("/settings/registry");
  await expect(page.getByText(`Stored key ••••${KEY.slice(-4)}`)).toBeVisible();

  const log = fs.readFileSync(E2E_LOG_FILE, "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(KEY);
  expect(log).not.toContain(SECRET);
  for (const f of filesUnder(".next/static")) {
    const text = fs.readFileSync(f, "utf8");
    expect(text.includes(KEY) || text.includes(SECRET), f).toBe(false);
  }
});
