import type { Browser, Page } from "@playwright/test";
import { admin, expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";

/** The owner adds a new operator with an initial password; returns the owner's page, still on Members. */
async function addOperator(browser: Browser, email: string, password: string): Promise<Page> {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, admin.email, admin.password);
  await expect(owner).toHaveURL(/\/dashboard/);
  await owner.goto("/settings/members");
  await owner.getByRole("button", { name: "Add member" }).click();
  const dialog = owner.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill("Olive Operator");
  await dialog.getByLabel("Role").selectOption("OPERATOR");
  await dialog.getByLabel("Initial password").fill(password);
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();
  return owner;
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("changing the password keeps this session and signs the other one out", async ({ browser }) => {
  const email = uniqueEmail("account");
  const owner = await addOperator(browser, email, "first-password-1");
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  for (const p of [laptop, phone]) {
    await signIn(p, email, "first-password-1");
    await expect(p).toHaveURL(/\/dashboard/);
  }

  await laptop.goto("/account");
  await expect(laptop.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  const sessions = laptop.getByRole("table", { name: "Active sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3); // header + two sessions
  await expect(sessions.getByText("This session")).toHaveCount(1);
  await expectAccessible(laptop);

  // Errors land at their fields.
  await changePassword(laptop, "not-my-password", "second-password-2");
  await expect(laptop.getByText("This is not your current password.")).toBeVisible();
  await changePassword(laptop, "first-password-1", "short");
  await expect(laptop.getByText("Use at least 12 characters.")).toBeVisible();

  await changePassword(laptop, "first-password-1", "second-password-2");
  await expect(laptop.getByText("Password changed. 1 other session was signed out.")).toBeVisible();
  await laptop.reload();
  await expect(laptop.getByRole("table", { name: "Active sessions" }).getByRole("row")).toHaveCount(2);

  // The other browser is signed out on its next request; the new password works, the old one does not.
  await phone.goto("/dashboard");
  await expect(phone).toHaveURL(/\/sign-in/);
  await signIn(phone, email, "first-password-1");
  await expect(phone.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(phone, email, "second-password-2");
  await expect(phone).toHaveURL(/\/dashboard/);

  // Sign out everywhere ends both, this one included.
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);
  await phone.goto("/dashboard");
  await expect(phone).toHaveURL(/\/sign-in/);
  await owner.context().close();
  await laptop.context().close();
  await phone.context().close();
});

test("an admin's password reset signs the member out and makes them choose a new password before anything else", async ({ browser }) => {
  const email = uniqueEmail("reset");
  const owner = await addOperator(browser, email, "member-password-1");
  const member = await (await browser.newContext()).newPage();
  await signIn(member, email, "member-password-1");
  await expect(member).toHaveURL(/\/dashboard/);

  await owner.getByRole("button", { name: `Reset password of ${email}` }).click();
  const dialog = owner.getByRole("dialog");
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const temp = (await dialog.getByLabel("Temporary password").textContent())!.trim();
  expect(temp).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
  await expectAccessible(owner);
  await dialog.getByRole("button", { name: "Done" }).click();

  await member.goto("/dashboard");
  await expect(member).toHaveURL(/\/sign-in/);
  await signIn(member, email, temp);
  await expect(member).toHaveURL(/\/change-password/);
  await expect(member.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(member);
  // Every portal page leads back here until the password is changed.
  await member.goto("/brands");
  await expect(member).toHaveURL(/\/change-password/);
  await changePassword(member, temp, "member-own-password-2");
  await expect(member).toHaveURL(/\/dashboard/);
  await member.goto("/account");
  await expect(member.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await owner.context().close();
  await member.context().close();
});
