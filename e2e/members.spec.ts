import { admin, expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";

test("an owner adds members; a viewer is refused the Members page; a removed member loses access", async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  await signIn(owner, admin.email, admin.password);
  await expect(owner).toHaveURL(/\/dashboard/);
  await owner.goto("/settings/members");
  await expectAccessible(owner);

  const viewerEmail = uniqueEmail("viewer");
  await owner.getByRole("button", { name: "Add member" }).click();
  const dialog = owner.getByRole("dialog");
  await expectAccessible(owner);
  // A new person needs an initial password: the server says so at the field.
  await dialog.getByLabel("Email").fill(viewerEmail);
  await dialog.getByLabel("Name").fill("Vera Viewer");
  await dialog.getByLabel("Role").selectOption("VIEWER");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog.getByText(/This email has no account yet/)).toBeVisible();
  await dialog.getByLabel("Initial password").fill("viewer-password-1");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();
  await expect(owner.getByRole("cell", { name: viewerEmail, exact: true })).toBeVisible();
  await owner.screenshot({ path: "test-results/screens/members.png", fullPage: true });

  // The new member can sign in, reads the dashboard, and is refused the Members page.
  const viewerCtx = await browser.newContext();
  const viewer = await viewerCtx.newPage();
  await signIn(viewer, viewerEmail, "viewer-password-1");
  await expect(viewer).toHaveURL(/\/dashboard/);
  await expect(viewer.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await viewer.goto("/settings/members");
  await expect(viewer.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(viewer.getByRole("cell", { name: admin.email, exact: true })).toHaveCount(0);
  await expectAccessible(viewer);

  // Promotion takes effect on the viewer's next request, without signing in again.
  await owner.getByLabel(`Role of ${viewerEmail}`).selectOption("ADMIN");
  await expect(owner.getByText(`${viewerEmail} is now admin.`)).toBeVisible();
  await viewer.reload();
  await expect(viewer.getByRole("cell", { name: admin.email, exact: true })).toBeVisible();

  // Removal takes effect on the next request too.
  await owner.getByRole("button", { name: `Remove ${viewerEmail}` }).click();
  await owner.getByRole("button", { name: "Remove member" }).click();
  await expect(owner.getByRole("cell", { name: viewerEmail, exact: true })).toHaveCount(0);
  await viewer.goto("/dashboard");
  await expect(viewer.getByRole("heading", { name: "No organization" })).toBeVisible();
  await ownerCtx.close();
  await viewerCtx.close();
});
