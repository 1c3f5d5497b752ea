import fs from "node:fs";
import { E2E_LOG_FILE } from "../playwright.config";
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

test("before hydration the sign-in form cannot put credentials in a URL or a log line", async ({ page }) => {
  const password = `pre-hydration-${Date.now().toString(36)}`;
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  // Hold back the page's scripts, so the form stays exactly as the server rendered it: what a fast click meets.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/sign-in");
  const button = page.getByRole("button", { name: "Loading…" });
  await expect(button).toBeDisabled();
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(password);
  // Enter in a field is the browser's implicit submission; a disabled default button stops it.
  await page.getByLabel("Password").press("Enter");
  await button.click({ force: true });
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/sign-in$/);

  // Even a forced native submit sends a POST body to next-auth (refused there without its CSRF token).
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/api/auth/callback/credentials")),
    page.locator("form[aria-label='Sign in']").evaluate((form: HTMLFormElement) => form.submit()),
  ]);
  expect(request.method()).toBe("POST");
  await page.waitForLoadState("load");
  await expect(page).toHaveURL(/\/sign-in/);

  for (const url of [...urls, page.url()]) {
    expect(decodeURIComponent(url)).not.toContain(password);
    expect(decodeURIComponent(url)).not.toContain(admin.email);
  }
  expect(fs.readFileSync(E2E_LOG_FILE, "utf8")).not.toContain(password);
});
