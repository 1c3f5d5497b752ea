import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { createSandboxBrand, ensureSubscribed, SANDBOX, shot } from "./sandbox";

test("manage resellers in Settings and pick one in the campaign builder, with the warning that it is final", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  const run = Date.now().toString(36);
  const name = `Northwind ${run}`;

  // Settings → Resellers.
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Resellers" }).click();
  await expect(page).toHaveURL(/\/settings\/resellers$/);
  await expect(page.getByRole("heading", { name: "Resellers", exact: true, level: 2 })).toBeVisible();

  // Create: a phone not in E.164 is refused at the field; the fixed one is created at the registry.
  await page.getByRole("button", { name: "New reseller" }).click();
  const dialog = page.getByRole("dialog", { name: "New reseller" });
  await dialog.getByLabel("Company or display name (companyName)").fill(name);
  await dialog.getByLabel("Contact phone (phone)").fill("202-555-0143");
  await dialog.getByLabel("Contact email (email)").fill("ops@northwind.example");
  await dialog.getByRole("button", { name: "Create reseller" }).click();
  await expect(dialog.getByText("Use E.164 format, e.g. +12025550123")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "resellers-create-dialog");
  await dialog.getByLabel("Contact phone (phone)").fill("+1 202 555 0143");
  await dialog.getByRole("button", { name: "Create reseller" }).click();
  await expect(page.getByText(new RegExp(`Reseller ${name} created as R`))).toBeVisible();
  await expect(dialog).toBeHidden();

  // Search by part of the name (the registry matches partial spellings).
  await page.getByLabel("Company name").fill(`wind ${run}`);
  await page.getByLabel("Company name").press("Enter");
  await expect(page).toHaveURL(/q=wind/);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("+12025550143");
  const resellerId = (await row.getByRole("cell").nth(1).textContent())!.trim();
  expect(resellerId).toMatch(/^R[A-Z0-9]+$/);

  // Update: the registry replaces all three fields.
  await row.getByRole("button", { name: `Edit reseller ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit reseller ${resellerId}` });
  await edit.getByLabel("Contact email (email)").fill("billing@northwind.example");
  await edit.getByRole("button", { name: "Save at the registry" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("billing@northwind.example");
  await expectAccessible(page);
  await shot(page, "resellers-page");

  // Delete another one, after the dialog says what it means.
  const doomed = `Contoso ${run}`;
  await page.goto("/settings/resellers");
  await page.getByRole("button", { name: "New reseller" }).click();
  const d2 = page.getByRole("dialog", { name: "New reseller" });
  await d2.getByLabel("Company or display name (companyName)").fill(doomed);
  await d2.getByLabel("Contact phone (phone)").fill("+12025550199");
  await d2.getByLabel("Contact email (email)").fill("ops@contoso.example");
  await d2.getByRole("button", { name: "Create reseller" }).click();
  await expect(d2).toBeHidden();
  await page.goto(`/settings/resellers?q=${encodeURIComponent(doomed)}`);
  await page.getByRole("button", { name: `Delete reseller ${doomed}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete the reseller ${doomed}?` });
  await expect(confirm).toContainText("new campaigns can no longer name it");
  await confirm.getByRole("button", { name: "Delete reseller" }).click();
  await expect(page.getByText(new RegExp(`Reseller ${doomed} \\(R[A-Z0-9]+\\) deleted`))).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(doomed) })).toHaveCount(0);

  // The builder's reseller choice lists the organization's resellers, R000000 meaning none.
  await ensureSubscribed(page);
  const brandName = `Resold ${run}`;
  await createSandboxBrand(request, brandName, { email: "ops@reseller-e2e.example", website: "https://www.reseller-e2e.example" });
  expect((await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { ms: 120_000 } })).ok()).toBe(true);
  await expect(async () => {
    await page.goto("/brands");
    await expect(page.getByRole("row", { name: new RegExp(brandName) })).toContainText("VERIFIED", { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
  await page.goto("/campaigns/new");
  await page.getByRole("radio", { name: new RegExp(brandName) }).check();
  await page.getByRole("button", { name: "Next: Use case" }).click();
  await page.getByRole("radio", { name: /^Marketing/ }).check();
  await expect(page.getByTestId("qualification-matrix")).toHaveAttribute("data-usecase", "MARKETING");
  await page.getByRole("button", { name: "Next: Sub-use cases" }).click();
  await page.getByRole("button", { name: "Next: Content" }).click();

  const picker = page.getByLabel("Reseller (resellerId)");
  await expect(picker).toHaveValue("R000000");
  await expect(picker.locator("option").first()).toHaveText("No reseller (R000000)");
  const consequence = page.getByTestId("reseller-consequence");
  await expect(consequence).toContainText("This choice cannot be changed later.");
  await expect(consequence).toContainText("No reseller (R000000) is final");
  await expect(picker.locator("option", { hasText: doomed })).toHaveCount(0);
  await picker.selectOption({ label: `${name} (${resellerId})` });
  await expect(consequence).toContainText("can only ever be removed");
  await expectAccessible(page);
  await shot(page, "campaign-builder-reseller");
  await page.getByRole("group", { name: "Reseller", exact: true }).screenshot({ path: "test-results/screens/campaign-builder-reseller-picker.png" });

  // The choice is what the review says will be sent.
  await page.getByRole("button", { name: "Next: Review" }).click();
  const sent = page.getByRole("region", { name: "What will be sent" });
  await expect(sent.locator("div", { has: page.getByText("resellerId", { exact: true }) }).last()).toContainText(resellerId);
});
