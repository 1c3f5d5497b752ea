import type { Browser, Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
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
  const sessions = laptop.getByRole("region", { name: "Signed-in browsers" });
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
  await expect(laptop.getByRole("region", { name: "Signed-in browsers" }).getByRole("row")).toHaveCount(2);

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
  const temp = await dialog.getByLabel("Temporary password").inputValue();
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

test("a member turns on two-factor sign-in, then signs in with a code and once with a recovery code", async ({ browser }) => {
  const email = uniqueEmail("totp");
  const owner = await addOperator(browser, email, "totp-password-1");
  await owner.context().close();
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, "totp-password-1");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = await page.getByLabel("Setup key").inputValue();
  const secret = Secret.fromBase32(key);
  await expectAccessible(page);
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code is not right.", { exact: false })).toBeVisible();
  await page.getByLabel("Code from your app").fill(TOTP.generate({ secret }));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();
  await page.getByRole("button", { name: "I have saved them" }).click();

  const signOutHere = async () => {
    await page.getByRole("button", { name: "Olive Operator" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  };
  await signOutHere();
  // The password alone is not enough now; the code asked for is one of a later time step (each is accepted once).
  await signIn(page, email, "totp-password-1");
  await expect(page.getByText("Enter the 6-digit code from your authenticator app, or a recovery code.")).toBeVisible();
  await page.getByLabel("Authentication code").fill("123456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not right, or was already used.")).toBeVisible();
  // The next time step's code: the server accepts one step of clock drift, and the step is later than the one
  // used at enrolment, so the test need not wait up to 30 s for the app's next code.
  await page.getByLabel("Authentication code").fill(TOTP.generate({ secret, timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await signOutHere();
  await signIn(page, email, "totp-password-1");
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await signOutHere();
  await signIn(page, email, "totp-password-1");
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not right, or was already used.")).toBeVisible();
  await page.context().close();
});
