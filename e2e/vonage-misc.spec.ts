import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { advanceSandbox, SANDBOX, shot } from "./sandbox";
import { unique } from "./wizard";

// A Vonage organization: its own, connected in one click to the sandbox's /v1/10dlc profile.
async function vonageOrg(page: import("@playwright/test").Page, name: string) {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/organizations/new");
  await page.getByLabel("Organization name").fill(unique(name));
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/settings\/registry/);
  await page.getByLabel("Sandbox upstream").selectOption("VONAGE");
  await page.getByRole("button", { name: "Connect to the sandbox" }).click();
  await expect(page.getByText("Connected to the built-in sandbox as Vonage 10DLC.")).toBeVisible();
}

test("a Vonage organization imports a partner's TCR campaign once and sees Vonage accept the share", async ({ page, request }) => {
  test.setTimeout(90_000);
  await vonageOrg(page, "Vonage Partner Import");
  // A partner CSP shares one campaign it registered on TCR.
  const shared = await request.post(`${SANDBOX}/_sandbox/partnerCampaigns`, { data: { count: 1 } });
  expect(shared.ok(), await shared.text()).toBe(true);
  const [tcrId] = ((await shared.json()) as { campaignIds: string[] }).campaignIds;

  await page.getByRole("complementary", { name: "Sidebar" }).getByRole("link", { name: "Partner campaigns" }).click();
  await expect(page.getByRole("heading", { name: "Partner campaigns", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Import a partner campaign" });
  await form.getByLabel("TCR campaign id (campaign_id)").fill("VC123");
  await form.getByRole("button", { name: "Import into Vonage" }).click();
  await expect(form.getByText(/A TCR campaign id: C and six letters or digits/)).toBeVisible();

  await form.getByLabel("TCR campaign id (campaign_id)").fill(tcrId!);
  await form.getByLabel("Label (label)").fill("Partner spring promo");
  await form.getByRole("button", { name: "Import into Vonage" }).dblclick();
  const table = page.getByRole("region", { name: "Imported partner campaigns" }).getByRole("table");
  await expect(table.getByRole("row", { name: new RegExp(tcrId!) })).toHaveCount(1);
  await expect(table.getByRole("row", { name: new RegExp(tcrId!) })).toContainText("PENDING");

  await advanceSandbox(request, 48 * 3600_000);
  await page.getByRole("button", { name: "Refresh status from Vonage" }).click();
  await expect(table.getByRole("row", { name: new RegExp(tcrId!) })).toContainText("ACCEPTED");
  await expectAccessible(page);
  await shot(page, "vonage-partner-import");
});

test("a Vonage organization registers a reseller and sees Vonage's review, with no edit or delete Vonage lacks", async ({ page, request }) => {
  test.setTimeout(90_000);
  await vonageOrg(page, "Vonage Resellers");
  await page.goto("/settings/resellers");
  await page.getByRole("button", { name: "Register a reseller" }).click();
  const dialog = page.getByRole("dialog", { name: "Register a reseller with Vonage" });
  await dialog.getByLabel("Company name (company_name)").fill("Northwind Messaging");
  await dialog.getByLabel("Mobile phone (phone)").fill("12");
  await dialog.getByLabel("Contact email (email)").fill("ops@northwind.example");
  await dialog.getByRole("button", { name: "Send to Vonage" }).click();
  await expect(dialog.getByText(/A mobile number in international \(E\.164\) form/)).toBeVisible();
  await dialog.getByLabel("Mobile phone (phone)").fill("+1 415 555 0110");
  await dialog.getByRole("button", { name: "Send to Vonage" }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole("main").getByRole("table");
  await expect(table.getByRole("row", { name: /Northwind Messaging/ })).toContainText("PENDING");
  await advanceSandbox(request, 7 * 24 * 3600_000);
  await page.reload();
  const row = table.getByRole("row", { name: /Northwind Messaging/ });
  await expect(row).toContainText("APPROVED");
  await expect(row).toContainText(/R[A-Z0-9]{6}/);
  await expect(page.getByRole("button", { name: /Edit|Delete/ })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "vonage-resellers");
});
