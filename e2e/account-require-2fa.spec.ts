import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { admin, expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";

/** Adds a member with an initial password from the Members page of the page's current organization. */
async function addMember(page: Page, email: string, name: string, role: string, password: string) {
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Role").selectOption(role);
  await dialog.getByLabel("Initial password").fill(password);
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();
}

/** Sets up two-factor sign-in on the Account page; returns the secret the authenticator app would hold. */
async function enrol(page: Page): Promise<Secret> {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = Secret.fromBase32(await page.getByLabel("Setup key").inputValue());
  await page.getByLabel("Code from your app").fill(TOTP.generate({ secret }));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  return secret;
}

// The owner is a new user with an organization of their own, so the shared e2e owner's sign-in stays password-only.
test("an owner requires two-factor sign-in and a member without it is held on the Account page until set up", async ({ browser }) => {
  test.setTimeout(120_000);
  const ownerEmail = uniqueEmail("tfa-owner");
  const memberEmail = uniqueEmail("tfa-member");
  const orgName = `Two-factor Org ${Date.now().toString(36)}`;

  const admin0 = await (await browser.newContext()).newPage();
  await signIn(admin0, admin.email, admin.password);
  await expect(admin0).toHaveURL(/\/dashboard/);
  await addMember(admin0, ownerEmail, "Tess Owner", "OPERATOR", "tfa-owner-password-1");
  await admin0.context().close();

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, ownerEmail, "tfa-owner-password-1");
  await expect(owner).toHaveURL(/\/dashboard/);
  await owner.goto("/organizations/new");
  await owner.getByLabel("Organization name").fill(orgName);
  await owner.getByRole("button", { name: "Create organization" }).click();
  await expect(owner).toHaveURL(/\/settings\/registry/);

  // Without a second factor of their own the owner cannot require one (it would hold them too).
  await owner.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Security" }).click();
  await expect(owner.getByRole("heading", { level: 2, name: "Two-factor sign-in for every member" })).toBeVisible();
  await expect(owner.getByRole("status").filter({ hasText: "Not required." })).toBeVisible();
  await expect(owner.getByRole("button", { name: "Require two-factor sign-in" })).toBeDisabled();
  await expect(owner.getByText(/for your own account first/)).toBeVisible();
  await expectAccessible(owner);

  await owner.goto("/account");
  await enrol(owner);
  await owner.goto("/settings/security");
  await owner.getByRole("button", { name: "Require two-factor sign-in" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Required for every member." })).toBeVisible();
  // The owner, enrolled, is not held.
  await owner.goto("/dashboard");
  await expect(owner).toHaveURL(/\/dashboard/);
  await addMember(owner, memberEmail, "Mia Member", "VIEWER", "tfa-member-password-1");

  // The member signs in with the password alone and is sent to enrol, from any page, with no menu to leave by.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, memberEmail, "tfa-member-password-1");
  await expect(member).toHaveURL(/\/account$/);
  await expect(member.getByText(`${orgName} requires two-factor sign-in`)).toBeVisible();
  await expect(member.getByRole("link", { name: "Brands" })).toHaveCount(0);
  await expectAccessible(member);
  await member.goto("/brands");
  await expect(member).toHaveURL(/\/account$/);

  // Enrolling shows the recovery codes (the page keeps them while the hold lifts), then the portal opens.
  const secret = await enrol(member);
  await member.goto("/brands");
  await expect(member).toHaveURL(/\/brands$/);
  await expect(member.getByRole("link", { name: "Brands" })).toBeVisible();
  await expect(member.getByText(`${orgName} requires two-factor sign-in`)).toHaveCount(0);

  // Next sign-in asks for the code (of a later time step: each is accepted once).
  await member.getByRole("button", { name: "Mia Member" }).click();
  await member.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(member).toHaveURL(/\/sign-in/);
  await signIn(member, memberEmail, "tfa-member-password-1");
  await expect(member.getByText("Enter the 6-digit code from your authenticator app, or a recovery code.")).toBeVisible();
  // The next time step's code: the server accepts one step of clock drift, and the step is later than the one
  // used at enrolment, so the test need not wait up to 30 s for the app's next code.
  await member.getByLabel("Authentication code").fill(TOTP.generate({ secret, timestamp: Date.now() + 30_000 }));
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(/\/dashboard/);

  // The owner stops requiring it; the audit log has both changes.
  await owner.goto("/settings/security");
  await owner.getByRole("button", { name: "Stop requiring two-factor sign-in" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Not required." })).toBeVisible();
  await owner.goto("/audit?action=settings.require_two_factor");
  await expect(owner.getByRole("cell", { name: "settings.require_two_factor" })).toHaveCount(2);
  await owner.context().close();
  await member.context().close();
});
