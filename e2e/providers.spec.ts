import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { advanceSandbox } from "./sandbox";
import { buildMarketingCampaign } from "./builder";
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
  // No registry error on the page (the route announcer outside main is an alert too).
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/providers-telnyx-brand.png`, fullPage: true });
  await page.goto(`/brands?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("Telnyx 10DLC sends no webhooks: checked every 2 minutes");
});

test("a Vonage organization registers a brand through the wizard, vets it, and registers a campaign through the builder that Vonage then reviews", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/organizations/new");
  await page.getByLabel("Organization name").fill(unique("Vonage Demo"));
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/settings\/registry/);
  await page.getByLabel("Sandbox upstream").selectOption("VONAGE");
  await page.getByRole("button", { name: "Connect to the sandbox" }).click();
  await expect(page.getByText("Connected to the built-in sandbox as Vonage 10DLC.")).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Vonage 10DLC answered with these credentials/)).toBeVisible();

  // Vonage states no brand price: the wizard says who bills it instead of a number.
  const name = unique("Vonage Wiz");
  await registerThroughWizard(page, "PRIVATE_PROFIT", name, { fee: { review: "Billed by Vonage", button: "billed by Vonage" } });
  const brandUrl = new URL(page.url()).pathname;
  await expect(page.getByText(/Vonage does not report a brand's identity status/)).toBeVisible();

  // Vonage qualifies unvetted brands for low-volume use cases only: order a standard vet first.
  await page.getByRole("navigation", { name: "Brand sections" }).getByRole("link", { name: "Vetting" }).click();
  const order = page.getByRole("form", { name: "Order external vetting" });
  await expect(order).toContainText("Cost: billed by Vonage");
  await order.getByLabel("Provider").selectOption("Aegis");
  await order.getByLabel("Vetting class").selectOption("STANDARD");
  await order.getByRole("button", { name: "Order vetting…" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Place the order" }).click();
  await expect(page.getByText(/Vetting ordered/)).toBeVisible();
  await advanceSandbox(request, 15 * 60_000);
  await page.getByRole("button", { name: "Refresh vetting" }).click();
  await expect(page.getByRole("table", { name: "Vetting records" })).toContainText("ACTIVE");
  await page.screenshot({ path: `${SCREENS}/providers-vonage-vetting.png`, fullPage: true });

  // The builder: Vonage's qualification per carrier, its quarterly fee, structured consent.
  const site = "https://www.vonage-wiz.example";
  await buildMarketingCampaign(page, name, name, { optIn: `${site}/sms`, evidence: `${site}/sms-optin.png`, privacy: `${site}/privacy`, terms: `${site}/terms` });
  // Vonage writes message_flow itself from the structured consent: the builder shows Vonage's own text on request.
  await page.getByRole("button", { name: "Preview message flow" }).click();
  await expect(page.getByTestId("vonage-message-flow")).toContainText("Consent mechanisms:");
  await expect(page.getByTestId("vonage-message-flow")).toContainText(`Privacy Policy: ${site}/privacy`);
  await page.screenshot({ path: `${SCREENS}/providers-vonage-content.png`, fullPage: true });
  await page.getByRole("button", { name: "Next: Review" }).click();
  await expect(page.getByTestId("campaign-fee")).toContainText("$30.00 a quarter");
  await page.getByLabel(/I accept the registry's campaign terms/).check();
  await page.screenshot({ path: `${SCREENS}/providers-vonage-review.png`, fullPage: true });
  await page.getByRole("button", { name: "Submit and pay $30.00/quarter" }).click();

  await expect(page).toHaveURL(/\/campaigns\/V[A-Z0-9]+$/, { timeout: 30_000 });
  const review = page.getByRole("region", { name: "Vonage review" });
  await expect(review).toContainText("PENDING_REVIEW");
  await expect(review).toContainText("Vonage's compliance team is reviewing the campaign");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS}/providers-vonage-campaign.png`, fullPage: true });

  // Once Vonage and the carriers approve it (1 h review + 1 day carriers), numbers can be linked and throughput shows.
  // Vonage sends no webhooks: the mirror learns the decision on its next poll, or at once from "Refresh from registry".
  await advanceSandbox(request, 2 * 24 * 3600_000);
  await page.getByRole("button", { name: "Refresh from registry" }).click();
  await expect(review).toContainText("ACTIVE");
  const numbers = page.getByRole("region", { name: "Phone numbers", exact: true });
  await expect(numbers).toContainText("No number is linked to this campaign.");
  const link = numbers.getByRole("form", { name: "Link a number" });
  await link.getByLabel(/Number to link/).fill("+44 20 7946 0958");
  await link.getByRole("button", { name: "Link number" }).click();
  await expect(link.getByText(/A US number in E\.164 form/)).toBeVisible();
  await link.getByLabel(/Number to link/).fill("+1 (415) 555-0142");
  await link.getByRole("button", { name: "Link number" }).click();
  const row = numbers.getByRole("region", { name: "Linked numbers" }).getByRole("table").getByRole("row", { name: /\+14155550142/ });
  await expect(row).toContainText("LINKING");
  await expect(numbers.getByRole("status")).toContainText("Pending at Vonage");
  await advanceSandbox(request, 2 * 60_000);
  await numbers.getByRole("button", { name: "Refresh" }).click();
  await expect(row).toContainText("LINKED");
  await expect(page.getByRole("region", { name: "Throughput per carrier" }).getByRole("table")).toContainText("AT&T");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS}/providers-vonage-numbers.png`, fullPage: true });
  await row.getByRole("button", { name: "Unlink +14155550142" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Unlink number" }).click();
  await expect(row).toContainText("UNLINKING");

  await page.goto(brandUrl);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});
