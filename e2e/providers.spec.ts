import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { registerThroughWizard, unique } from "./wizard";

const SCREENS = "test-results/screens";

test("a Telnyx organization registers a brand through the wizard, and its campaign pages explain themselves", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  // Its own organization, connected in one click to the sandbox's Telnyx profile.
  await page.goto("/organizations/new");
  await page.getByLabel("Organization name").fill(unique("Telnyx Demo"));
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/settings\/registry/);
  await page.getByLabel("Sandbox upstream").selectOption("TELNYX");
  await page.getByRole("button", { name: "Connect to the sandbox" }).click();
  await expect(page.getByText("Connected to the built-in sandbox as Telnyx 10DLC.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Upstream", { exact: true })).toHaveValue("TELNYX");
  await expect(page.getByLabel("API base URL")).toHaveValue(/\/10dlc$/);
  // Telnyx pushes no webhooks: there is no webhook secret to enter.
  await expect(page.getByLabel("Webhook signing secret")).toHaveCount(0);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Telnyx 10DLC answered with these credentials/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS}/providers-telnyx-registry.png`, fullPage: true });

  // No migration pages in the menu; the campaign pages say where campaigns are managed and offer nothing.
  await expect(page.getByRole("complementary", { name: "Sidebar" }).getByRole("link", { name: "Brands" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Sidebar" }).getByRole("link", { name: "Migrations" })).toHaveCount(0);
  await page.goto("/campaigns");
  await expect(page.getByText("Campaigns are not available through Telnyx 10DLC")).toBeVisible();
  await expect(page.getByText(/campaigns are created and managed in Telnyx's own console/)).toBeVisible();
  await expect(page.getByRole("link", { name: /New campaign|Build a campaign/ })).toHaveCount(0);
  await page.goto("/campaigns/new");
  await expect(page.getByText("Campaigns are not available through Telnyx 10DLC")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/providers-telnyx-campaigns.png`, fullPage: true });

  // The same wizard registers the brand with Telnyx ($4, Telnyx's stated fee) and opens its page.
  const name = unique("Telnyx Wiz");
  await registerThroughWizard(page, "PRIVATE_PROFIT", name, { brandUrl: /\/brands\/[^/?]+$/ });
  const tabs = page.getByRole("navigation", { name: "Brand sections" });
  await expect(tabs.getByRole("link", { name: "Vetting" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Appeals" })).toHaveCount(0);
  await expect(tabs.getByRole("link", { name: "Assets" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Tags" })).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/providers-telnyx-brand.png`, fullPage: true });
  await page.goto(`/brands?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("Telnyx 10DLC sends no webhooks: checked every 2 minutes");
});
