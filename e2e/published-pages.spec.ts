import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { buildMarketingCampaign } from "./builder";
import { advanceSandbox, createSandboxBrand, ensureSubscribed, SANDBOX, shot } from "./sandbox";

test("the builder checks the published pages before the fee: a policy that sells SMS data blocks, a good one passes, and the campaign keeps the evidence", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await ensureSubscribed(page);
  const name = `Pages ${Date.now().toString(36)}`;
  await createSandboxBrand(request, name, { email: "ops@pages.example", website: SANDBOX });
  await advanceSandbox(request, 120_000);
  await expect(async () => {
    await page.goto(`/brands?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("VERIFIED", { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });

  const pages = `${SANDBOX}/pages`;
  await buildMarketingCampaign(page, name, name, { optIn: `${pages}/opt-in`, evidence: `${pages}/opt-in`, privacy: `${pages}/privacy-sells`, terms: `${pages}/terms` }, { expectQualified: /qualifies on 4 of 4/ });
  await page.getByRole("button", { name: "Next: Review" }).click();

  const card = page.getByRole("region", { name: "Published pages" });
  await card.getByRole("button", { name: "Check published pages" }).click();
  await expect(card).toContainText(/problems? would get this campaign rejected/);
  await expect(card.getByTestId("page-check").filter({ hasText: "privacy-sells" })).toBeVisible();
  await shot(page, "published-pages-blocked");
  await page.getByLabel(/I accept the registry's campaign terms/).check();
  await page.getByRole("button", { name: /Submit and pay/ }).click();
  await expect(page.getByText(/The published-page check found 1 problem/)).toBeVisible();
  await expect(page).toHaveURL(/\/campaigns\/new/);

  // The fix: the policy that says it shares nothing. A new check passes, and the submit goes through.
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByLabel("Privacy policy URL").fill(`${pages}/privacy-good`);
  await page.getByRole("button", { name: "Next: Review" }).click();
  await card.getByRole("button", { name: /Check published pages/ }).click();
  await expect(card).toContainText(/checked; nothing blocks/);
  await expectAccessible(page);
  await shot(page, "published-pages-pass");
  await page.getByRole("button", { name: /Submit and pay/ }).click();
  await expect(page).toHaveURL(/\/campaigns\/C[A-Z0-9]+$/, { timeout: 30_000 });

  const evidence = page.getByRole("region", { name: "Published pages at submission" });
  await expect(evidence.getByTestId("page-snapshot")).toHaveCount(3);
  await expect(evidence).toContainText("privacy-good");
  await shot(page, "published-pages-evidence");
  const download = page.waitForEvent("download");
  await evidence.getByRole("link", { name: "Download HTML" }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.html?$/);
});
