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
