import { admin, expect, expectAccessible, signIn, test } from "./fixtures";

const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + " ".repeat(200_000) + "\n%%EOF\n");
const exe = (() => {
  const b = Buffer.alloc(4096);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
})();

test("three files dropped: two stored with progress, one refused with its reason; a download is an attachment", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Evidence" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Evidence" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Upload appeal evidence", { exact: true }).setInputFiles([
    { name: "irs-letter.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Company renamed in 2024; see attached letter.\n") },
    { name: "invoice.pdf", mimeType: "application/pdf", buffer: exe },
  ]);
  const uploads = page.getByRole("list", { name: "Uploads" });
  await expect(uploads.locator("li[data-state=done]")).toHaveCount(2);
  await expect(uploads.locator("li[data-state=refused]")).toHaveCount(1);
  await expect(uploads.locator("li[data-state=refused]")).toContainText("This file is a Windows program named .pdf");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/evidence.png", fullPage: true });

  const link = page.getByRole("link", { name: "irs-letter.pdf" });
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="irs-letter\.pdf"/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await res.body()).equals(pdf)).toBe(true);
  await expect(page.getByRole("link", { name: "invoice.pdf" })).toHaveCount(0);

  // Send it to a brand at the registry (the sandbox the e2e server runs).
  const sandbox = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? "4080"}/v2`;
  const created = await page.request.post(`${sandbox}/brand/nonBlocking`, {
    headers: { Authorization: "Bearer sandbox-key" },
    data: { entityType: "PRIVATE_PROFIT", displayName: "Evidence Co", companyName: "Evidence Co", ein: "123450000", phone: "+12024567890", street: "1 Main St", city: "New York", state: "NY", postalCode: "10001", country: "US", email: "ops@evidence.example", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT" },
  });
  expect(created.status()).toBe(200);
  const { brandId } = (await created.json()) as { brandId: string };
  await page.getByRole("button", { name: "Send irs-letter.pdf to the registry" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Brand or campaign id").fill("not an id");
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByText("A registry brand or campaign id")).toBeVisible();
  await dialog.getByLabel("Brand or campaign id").fill(brandId);
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: /irs-letter\.pdf/ }).getByText("Sent")).toBeVisible();
  await expect(page.getByRole("row", { name: /irs-letter\.pdf/ }).getByText(brandId)).toBeVisible();
  await expectAccessible(page);
});

test("attach panel: drop three files for a brand appeal, watch progress, one refused, two attach; download, delete, retry after a registry failure", async ({ page }) => {
  const sandbox = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? "4080"}`;
  const created = await page.request.post(`${sandbox}/v2/brand/nonBlocking`, {
    headers: { Authorization: "Bearer sandbox-key" },
    data: { entityType: "PRIVATE_PROFIT", displayName: "Appeal Panel Co", companyName: "Appeal Panel Co", ein: "123450001", phone: "+12024567890", street: "1 Main St", city: "New York", state: "NY", postalCode: "10001", country: "US", email: "ops@panel.example", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT" },
  });
  expect(created.status()).toBe(200);
  const { brandId } = (await created.json()) as { brandId: string };

  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/evidence?use=BRAND_APPEAL_EVIDENCE&target=${brandId}`);
  const panel = page.getByTestId("attach-panel-BRAND_APPEAL_EVIDENCE");
  await expect(panel.getByText(`The registry holds no appeal evidence for ${brandId} yet.`)).toBeVisible();
  await expectAccessible(page);

  // Hold the letter's upload so its progress bar can be seen before it finishes.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/api/files?kind=APPEAL_EVIDENCE", async (route) => {
    if (route.request().headers()["x-file-name"] === "ein-letter.pdf") await held;
    await route.continue();
  });
  const letter = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + " ".repeat(1_500_000) + "\n%%EOF\n");
  await panel.getByLabel(`Upload appeal evidence for ${brandId}`).setInputFiles([
    { name: "ein-letter.pdf", mimeType: "application/pdf", buffer: letter },
    { name: "appeal-notes.txt", mimeType: "text/plain", buffer: Buffer.from("The brand changed its legal name in 2024.\n") },
    { name: "payload.pdf", mimeType: "application/pdf", buffer: exe },
  ]);
  const progress = panel.getByRole("progressbar", { name: "Uploading ein-letter.pdf" });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", /^\d+$/);
  await page.screenshot({ path: "test-results/screens/evidence-panel-progress.png", fullPage: true });
  release();
  await expect(progress).toBeHidden();

  const uploads = panel.getByRole("list", { name: "Uploads" });
  await expect(uploads.locator("li[data-state=refused]")).toContainText("This file is a Windows program named .pdf");
  const sent = panel.getByRole("list", { name: "Appeal evidence sent from this portal" });
  await expect(sent.locator("li[data-state=attached]")).toHaveCount(2);
  await expect(sent.locator("li", { hasText: "ein-letter.pdf" })).toContainText("registry uuid");
  const atRegistry = panel.getByRole("list", { name: "Appeal evidence at the registry" });
  await expect(atRegistry.getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/evidence-panel.png", fullPage: true });

  // Download through the registry: an attachment, the same bytes.
  const href = await atRegistry.getByRole("link", { name: "Download ein-letter.pdf from the registry" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="ein-letter\.pdf"/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await res.body()).equals(letter)).toBe(true);

  // Delete one, after confirming.
  await atRegistry.getByRole("button", { name: "Delete appeal-notes.txt from the registry" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("The evidence library keeps this portal's copy");
  await confirm.getByRole("button", { name: "Delete from the registry" }).click();
  await expect(atRegistry.getByRole("listitem")).toHaveCount(1);
  await expect(atRegistry).not.toContainText("appeal-notes.txt");

  // Send it again from the library while the registry fails: FAILED with the reason, then Retry attaches it.
  const fault = await page.request.post(`${sandbox}/_sandbox/faults`, { data: { kind: "status", method: "POST", path: "/brand/:brandId/appeal/evidence", status: 500, times: 1 } });
  expect(fault.ok()).toBe(true);
  const option = panel.getByRole("option", { name: /^appeal-notes\.txt/ });
  await panel.getByLabel("Library file").selectOption((await option.getAttribute("value"))!);
  await panel.getByRole("button", { name: "Attach", exact: true }).click();
  const failed = sent.locator("li", { hasText: "appeal-notes.txt" });
  await expect(failed).toHaveAttribute("data-state", "failed");
  await expect(failed).toContainText("registry");
  await page.screenshot({ path: "test-results/screens/evidence-panel-failed.png", fullPage: true });
  await failed.getByRole("button", { name: "Retry sending appeal-notes.txt" }).click();
  await expect(failed).toHaveAttribute("data-state", "attached");
  await expect(atRegistry.getByRole("listitem")).toHaveCount(2);

  // The library, filtered to this brand, shows both files with their use.
  await page.goto(`/evidence?brand=${brandId}`);
  const rows = page.getByRole("region", { name: "Evidence files" }).getByRole("row");
  await expect(rows.filter({ hasText: "ein-letter.pdf" }).getByRole("link", { name: new RegExp(`Appeal evidence · Appeal Panel Co \\(${brandId}\\)|Appeal evidence · ${brandId}`) })).toBeVisible();
  await expect(rows.filter({ hasText: "payload.pdf" })).toHaveCount(0);
  await expectAccessible(page);
});
