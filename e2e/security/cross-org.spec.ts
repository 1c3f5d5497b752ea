import { admin, expect, signIn, test, uniqueEmail } from "../fixtures";

test("a member of one organization gets not-found for another organization's rows", async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  await signIn(owner, admin.email, admin.password);
  await expect(owner).toHaveURL(/\/dashboard/);

  // A member of the first organization only.
  const memberEmail = uniqueEmail("member-a");
  await owner.goto("/settings/members");
  await owner.getByRole("button", { name: "Add member" }).click();
  const dialog = owner.getByRole("dialog");
  await dialog.getByLabel("Email").fill(memberEmail);
  await dialog.getByLabel("Name").fill("Alex A");
  await dialog.getByLabel("Role").selectOption("ADMIN");
  await dialog.getByLabel("Initial password").fill("member-a-password");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();

  // The owner opens a second organization, which gets its own audit row.
  await owner.goto("/organizations/new");
  await owner.getByLabel("Organization name").fill("Other Org B");
  await owner.getByRole("button", { name: "Create organization" }).click();
  await expect(owner).toHaveURL(/\/settings\/registry/);
  await owner.goto("/audit");
  await owner.getByRole("row").nth(1).getByRole("link").click();
  await expect(owner).toHaveURL(/\/audit\/[^/]+$/);
  await expect(owner.getByRole("heading", { name: "Audit entry" })).toBeVisible();
  const bAuditUrl = new URL(owner.url()).pathname;
  // An evidence file stored in B, and B's CSV of its audit log.
  const stored = await owner.request.post("/api/files?kind=APPEAL_EVIDENCE", {
    headers: { "X-File-Name": "b-private.pdf", "Content-Type": "application/pdf" },
    data: Buffer.from("%PDF-1.7\n" + " ".repeat(1_500) + "\n%%EOF\n"),
  });
  expect(stored.status(), await stored.text()).toBe(201);
  const bFileId = ((await stored.json()) as { file: { id: string } }).file.id;
  expect((await owner.request.get(`/api/files/${bFileId}`)).status()).toBe(200);
  const orgCookie = (await ownerCtx.cookies()).find((c) => c.name === "cd_org");
  expect(orgCookie).toBeTruthy();

  const memberCtx = await browser.newContext();
  const member = await memberCtx.newPage();
  await signIn(member, memberEmail, "member-a-password");
  await expect(member).toHaveURL(/\/dashboard/);

  // Another organization's audit row: not found.
  const res = await member.goto(bAuditUrl);
  expect(res?.status()).toBe(404);

  // Forcing the organization cookie to B does not switch: membership is checked, A stays active.
  await memberCtx.addCookies([{ ...orgCookie!, name: "cd_org" }]);
  await member.goto("/dashboard");
  await expect(member.getByRole("heading", { level: 1, name: "E2E Messaging" })).toBeVisible();
  await member.goto("/settings/members");
  await expect(member.getByRole("cell", { name: memberEmail, exact: true })).toBeVisible();
  await member.goto("/audit");
  await expect(member.getByText("Other Org B")).toHaveCount(0);
  // B's file is not found for A's member, by id, and B's rows never reach A's exports.
  expect((await member.request.get(`/api/files/${bFileId}`)).status()).toBe(404);
  const auditCsv = await member.request.get("/api/exports/audit-log");
  expect(auditCsv.status()).toBe(200);
  const csvText = await auditCsv.text();
  expect(csvText).not.toContain("Other Org B");
  expect(csvText).not.toContain(bFileId);
  const evidencePage = await member.goto("/evidence");
  expect(evidencePage?.status()).toBe(200);
  await expect(member.getByText("b-private.pdf")).toHaveCount(0);
  await ownerCtx.close();
  await memberCtx.close();
});
