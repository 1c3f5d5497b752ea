import { admin, expect, expectAccessible, signIn, test } from "./fixtures";

test("an admin subscribes the portal in one click and a test event arrives", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { name: "Subscriptions" })).toBeVisible();
  await expectAccessible(page);

  // Another journey may have subscribed already: unsubscribe one category so the one-click path is exercised.
  const subscribeAll = page.getByRole("button", { name: "Subscribe this portal to every category" });
  if (!(await subscribeAll.isVisible())) {
    await page.getByRole("button", { name: "Unsubscribe BRAND" }).click();
    await expect(page.getByText("BRAND events are no longer sent.")).toBeVisible();
    await expect(page.getByRole("row", { name: /BRAND/ }).getByText("Not subscribed")).toBeVisible();
  }
  await subscribeAll.click();
  await expect(page.getByText("Every category now posts to this portal.")).toBeVisible();
  await expect(page.getByRole("row", { name: /BRAND/ }).getByText("This portal")).toBeVisible();

  await page.getByLabel("Event type").selectOption("BRAND_ADD");
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Arrived", { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole("cell", { name: "BRAND_ADD" }).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/webhooks.png", fullPage: true });
});
