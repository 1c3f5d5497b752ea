import { admin, expect, expectAccessible, signIn, test } from "./fixtures";

test("sign-in page refuses a wrong password with an error", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await signIn(page, admin.email, "not-the-password");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the owner signs in, sees the dashboard, and signs out", async ({ page }) => {
  // A deep link while signed out goes to sign-in and comes back after it.
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/members/);
  await page.getByRole("link", { name: "Dashboard" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E Messaging" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });

  await page.getByRole("button", { name: /Administrator/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The old session is gone: portal pages send us back to sign-in.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
