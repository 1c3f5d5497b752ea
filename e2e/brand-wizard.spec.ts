import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";
import { SANDBOX, SANDBOX_AUTH } from "./sandbox";
import { continueTo, LABEL, registerThroughWizard, unique } from "./wizard";

const SCREENS = "test-results/screens";

async function waitForRow(page: Page, displayName: string, text: string | RegExp) {
  await expect(async () => {
    await page.goto(`/brands?q=${encodeURIComponent(displayName)}`);
    await expect(page.getByRole("row", { name: new RegExp(displayName) })).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
}

test("registers one brand of each entity type through the wizard", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  for (const et of ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"] as const) {
    const name = unique(`Wiz ${et.toLowerCase().replace("_", " ")}`);
    const brandId = await registerThroughWizard(page, et, name, { screens: true });
    await expect(page.getByText(et).first()).toBeVisible();
    if (et === "PRIVATE_PROFIT") await expectAccessible(page);
    await page.goto(`/brands?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(brandId);
  }
});

test("invalid input is explained at the field, and the review cannot be reached until it is fixed", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/brands/new");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Choose the entity type")).toBeVisible();
  await page.getByRole("radio", { name: LABEL.PUBLIC_PROFIT }).check();
  await expect(page.getByText(/foreign government body registers as PRIVATE_PROFIT/)).toBeVisible();
  await expectAccessible(page);
  await continueTo(page, "Identity");

  await page.getByLabel("Business contact email").fill("sales@abc-example.com");
  await page.getByLabel("Tax id (EIN)").fill("12345");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Identity/ })).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Display name is required for a publicly traded company")).toBeVisible();
  await expect(page.getByText("Stock symbol is required for a publicly traded company")).toBeVisible();
  await expect(page.getByText("A US EIN is 9 digits")).toBeVisible();
  await expect(page.getByText(/rejects distribution lists/)).toBeVisible();
  await expect(page.getByLabel("Business contact email")).toHaveAccessibleDescription(/rejects distribution lists/);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS}/brand-wizard-errors-identity.png`, fullPage: true });

  await page.getByLabel("Display name").fill(unique("Wiz errors"));
  await page.getByLabel("Legal company name").fill("Errors Inc.");
  await page.getByLabel("Tax id (EIN)").fill("123456789");
  await page.getByLabel("Stock symbol").fill("ERR");
  await page.getByLabel("Stock exchange").selectOption("NYSE");
  await page.getByLabel("Business contact email").fill("jane@gmail.com");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/rejects personal and free-mail addresses/)).toBeVisible();
  await page.getByLabel("Business contact email").fill("jane.doe@errors-example.com");
  await continueTo(page, "Contact & address");

  await page.getByLabel("Support email").fill("not-an-email");
  await page.getByLabel("Support phone").fill("202 456 7890");
  await page.getByLabel("Postal code").fill("1234");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText(/E\.164/).first()).toBeVisible();
  await expect(page.getByText("Use a 5-digit ZIP code for US brands")).toBeVisible();
  await expect(page.getByText(/Street is required/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/brand-wizard-errors-contact.png`, fullPage: true });
  // The stepper does not let the user skip ahead past the step with errors.
  await expect(page.getByRole("navigation", { name: "Registration steps" }).getByRole("button", { name: /Review/ })).toHaveCount(0);
});

test("a draft saves as the user goes, resumes from the Brands list, and can be discarded", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  const name = unique("Wiz draft");
  await page.goto("/brands/new");
  await page.getByRole("radio", { name: LABEL.NON_PROFIT }).check();
  await continueTo(page, "Identity");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Legal company name").fill(`${name} Foundation`);
  // No save button: a moment after typing stops, the draft saves.
  const status = page.getByRole("status").filter({ hasText: /Draft|Unsaved/ });
  await expect(status).toHaveText(/Unsaved changes|Saving draft/);
  await expect(status).toHaveText(/Draft saved at/, { timeout: 10_000 });

  await page.goto("/brands");
  const row = page.getByRole("region", { name: "Brand drafts" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("NON_PROFIT");
  await expect(row).toContainText("Identity");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS}/brand-wizard-drafts.png`, fullPage: true });

  await row.getByRole("link", { name: `Resume draft ${name}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Identity/ })).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue(name);
  await expect(page.getByLabel("Legal company name")).toHaveValue(`${name} Foundation`);

  await page.goto("/brands");
  await page.getByRole("region", { name: "Brand drafts" }).getByRole("button", { name: `Discard draft ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByText(`Draft “${name}” discarded.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
});

test("a brand registered in the portal reaches VERIFIED in its Brands list row through webhooks", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Subscribe this portal to every category" }).click();
  await expect(page.getByText("Every category now posts to this portal.")).toBeVisible();

  const name = unique("Wiz verified");
  const brandId = await registerThroughWizard(page, "PRIVATE_PROFIT", name);
  await waitForRow(page, name, brandId);
  // Identity scoring takes a minute of sandbox time: move the sandbox clock; only webhooks update the mirror.
  const advanced = await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { ms: 120_000 } });
  expect(advanced.ok(), await advanced.text()).toBe(true);
  await waitForRow(page, name, "VERIFIED");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Identity verified");
  await page.screenshot({ path: `${SCREENS}/brand-wizard-verified-row.png`, fullPage: true });
});

test("with webhooks switched off, a brand registered in the portal reaches VERIFIED through reconciliation alone", async ({ page, request }) => {
  test.setTimeout(180_000);
  const held = (await (await request.get(`${SANDBOX}/v2/webhook/subscription`, { headers: SANDBOX_AUTH })).json()) as { eventCategory: string; webhookEndpoint: string }[];
  for (const s of held) await request.delete(`${SANDBOX}/v2/webhook/subscription/${s.eventCategory}`, { headers: SANDBOX_AUTH });
  try {
    await signIn(page, admin.email, admin.password);
    await expect(page).toHaveURL(/\/dashboard/);
    const name = unique("Wiz reconciled");
    const brandId = await registerThroughWizard(page, "PRIVATE_PROFIT", name);
    await waitForRow(page, name, brandId);
    const advanced = await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { ms: 120_000 } });
    expect(advanced.ok(), await advanced.text()).toBe(true);
    // The registry has scored the brand, but no webhook told the portal.
    const row = page.getByRole("row", { name: new RegExp(name) });
    await page.goto(`/brands?q=${encodeURIComponent(name)}`);
    await expect(row).not.toContainText("Identity verified");
    await page.getByRole("button", { name: "Refresh from registry" }).click();
    await expect(page.getByText(/Refresh queued/)).toBeVisible();
    await waitForRow(page, name, "Identity verified");
    await page.screenshot({ path: `${SCREENS}/brand-wizard-reconciled-row.png`, fullPage: true });
  } finally {
    for (const s of held) await request.put(`${SANDBOX}/v2/webhook/subscription`, { headers: SANDBOX_AUTH, data: { eventCategory: s.eventCategory, webhookEndpoint: s.webhookEndpoint } });
  }
});

test("an UNVERIFIED brand's TAX_ID feedback is shown at the fields and the fix is saved with a re-verification warning", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  const name = unique("Wiz taxid");
  // Sandbox rule: an EIN ending 0000 comes back UNVERIFIED with feedback TAX_ID.
  const brandId = await registerThroughWizard(page, "PRIVATE_PROFIT", name, { ein: "123450000" });
  const advanced = await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { ms: 120_000 } });
  expect(advanced.ok(), await advanced.text()).toBe(true);

  await page.goto(`/brands/${brandId}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${name}` })).toBeVisible();
  await expect(page.getByText("What the registry said about this brand's identity")).toBeVisible();
  await expect(page.getByText(/Tax id does not match/).first()).toBeVisible();
  await expect(page.getByLabel("Tax id (EIN)")).toHaveAccessibleDescription(/Registry feedback: Tax id does not match/);
  await expect(page.getByRole("link", { name: `Back to ${name}` })).toHaveAttribute("href", `/brands/${brandId}`);
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS}/brand-edit-feedback.png`, fullPage: true });

  await page.getByLabel("Tax id (EIN)").fill("123456789");
  await page.getByLabel("City").fill("Brooklyn");
  await page.getByRole("button", { name: "Review and save changes" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Save 2 changes at the registry?");
  await expect(dialog).toContainText("123450000");
  await expect(dialog).toContainText(/becomes UNVERIFIED and must be resubmitted for verification/);
  await page.screenshot({ path: `${SCREENS}/brand-edit-confirm.png`, fullPage: true });
  await dialog.getByRole("button", { name: "Save at the registry" }).click();
  await expect(page).toHaveURL(new RegExp(`/brands/${brandId}$`));
  await expect(page.getByText(/Saved\. The registry now lists the brand as UNVERIFIED/)).toBeVisible();
});

test("a viewer sees no Register button and cannot open the wizard", async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  await signIn(owner, admin.email, admin.password);
  await expect(owner).toHaveURL(/\/dashboard/);
  await owner.goto("/settings/members");
  const email = uniqueEmail("wizard-viewer");
  await owner.getByRole("button", { name: "Add member" }).click();
  const dialog = owner.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill("Wanda Viewer");
  await dialog.getByLabel("Role").selectOption("VIEWER");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await dialog.getByLabel("Initial password").fill("viewer-password-2");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();

  const viewerCtx = await browser.newContext();
  const viewer = await viewerCtx.newPage();
  await signIn(viewer, email, "viewer-password-2");
  await expect(viewer).toHaveURL(/\/dashboard/);
  await viewer.goto("/brands");
  await expect(viewer.getByRole("heading", { level: 1, name: "Brands" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Register a brand" })).toHaveCount(0);
  await expect(viewer.getByRole("region", { name: "Brand drafts" })).toHaveCount(0);
  await viewer.goto("/brands/new");
  await expect(viewer.getByText("Your role cannot register brands")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Continue" })).toHaveCount(0);
});
