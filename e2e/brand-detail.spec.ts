import type { APIRequestContext, Page } from "@playwright/test";
import { makePng } from "../sandbox/testing/helpers";
import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { postSandboxBrand, advanceSandbox, ensureSubscribed, SANDBOX, SANDBOX_AUTH } from "./sandbox";

const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function counters(request: APIRequestContext): Promise<Record<string, number>> {
  return (await (await request.get(`${SANDBOX}/_sandbox/counters`)).json()) as Record<string, number>;
}

/** The brand reaches the mirror through webhooks (processed by the worker): reload until its page shows the text. */
async function openWhen(page: Page, url: string, text: string | RegExp) {
  await expect(async () => {
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("main")).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
}

// Specs share one server: subscribe only when no other spec did, and leave the registry as it was found.
let subscribedHere = false;

async function subscribeWebhooks(page: Page) {
  if (await ensureSubscribed(page)) subscribedHere = true;
}

test.afterAll(async ({ request }) => {
  if (!subscribedHere) return;
  const subs = (await (await request.get(`${SANDBOX}/v2/webhook/subscription`, { headers: SANDBOX_AUTH })).json()) as { eventCategory: string }[];
  for (const s of subs) await request.delete(`${SANDBOX}/v2/webhook/subscription/${s.eventCategory}`, { headers: SANDBOX_AUTH });
});

test("a private company: order vetting with its cost, appeal with evidence, then delete", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await subscribeWebhooks(page);

  const displayName = `Detail ${uid()}`;
  const brandId = await postSandboxBrand(request, {
    entityType: "PRIVATE_PROFIT", displayName, companyName: `${displayName} Inc.`, ein: "111111185", einIssuingCountry: "US",
    vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT",
  });
  await advanceSandbox(request, 120_000);
  const url = `/brands/${brandId}`;
  await openWhen(page, url, "VERIFIED");

  // Overview: status, revet with its cost, tags, fields, recent activity; the tabs.
  await expect(page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Brand sections" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Revet ($4.00)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit brand" })).toHaveAttribute("href", `/brands/${brandId}/edit`);
  await page.getByLabel("New tag").fill("detailtest");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("list", { name: "Tags" })).toContainText("detailtest");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/brand-detail-overview.png", fullPage: true });

  // Vetting: the cost is shown before ordering and again in the confirmation; one order reaches the registry.
  await page.getByRole("navigation", { name: "Brand sections" }).getByRole("link", { name: "Vetting" }).click();
  await expect(page).toHaveURL(new RegExp(`${url}\\?tab=vetting$`));
  const order = page.getByRole("form", { name: "Order external vetting" });
  await expect(order).toContainText("Cost: $40.00 one-time");
  await order.getByLabel("Provider").selectOption("AEGIS");
  await order.getByLabel("Vetting class").selectOption("STANDARD");
  const before = (await counters(request)).vettingOrders ?? 0;
  await order.getByRole("button", { name: "Order vetting…" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Cost: $40.00 one-time");
  await page.waitForTimeout(300); // let the dialog's fade-in finish for the screenshot
  await page.screenshot({ path: "test-results/screens/brand-detail-vetting-confirm.png" });
  await dialog.getByRole("button", { name: "Order for $40.00" }).click();
  await expect(page.getByText(/Vetting ordered/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Vetting records" })).toContainText("PENDING");
  expect((await counters(request)).vettingOrders).toBe(before + 1);
  await advanceSandbox(request, 12 * 60_000);
  await page.getByRole("button", { name: "Refresh vetting" }).click();
  await expect(page.getByRole("table", { name: "Vetting records" })).toContainText("ACTIVE");
  await expect(page.getByRole("table", { name: "Vetting records" })).toContainText("85");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/brand-detail-vetting.png", fullPage: true });

  // Appeals: categories from the registry, an explanation with its counter, a new evidence file and one from the library.
  const libraryName = `bylaws-${uid()}.pdf`;
  const stored = await page.request.post("/api/files?kind=APPEAL_EVIDENCE", {
    headers: { "X-File-Name": encodeURIComponent(libraryName), "Content-Type": "application/pdf" },
    data: Buffer.from("%PDF-1.7\n" + " ".repeat(1_500) + "\n%%EOF\n"),
  });
  expect(stored.ok(), await stored.text()).toBe(true);
  await page.getByRole("navigation", { name: "Brand sections" }).getByRole("link", { name: "Appeals" }).click();
  const appeal = page.getByRole("form", { name: "Send identity appeal" });
  await appeal.getByRole("button", { name: "Send identity appeal", exact: true }).click();
  await expect(appeal.getByText("Choose at least one category")).toBeVisible();
  await appeal.getByLabel("Verify Tax ID").check();
  await appeal.getByLabel("Explanation").fill("The IRS letter confirms the EIN and legal name.");
  await expect(appeal.getByText("47 / 1024 characters")).toBeVisible();
  const letter = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + " ".repeat(2_000) + "\n%%EOF\n");
  await appeal.getByLabel("Upload evidence files").setInputFiles([{ name: "irs-cp575.pdf", mimeType: "application/pdf", buffer: letter }]);
  await expect(appeal.getByText("1 file ready to send: irs-cp575.pdf")).toBeVisible();
  // A file already in the evidence library (uploaded earlier, elsewhere) is picked instead of uploaded again.
  await appeal.getByLabel(libraryName).check();
  await expect(appeal.getByText(`1 library file chosen: ${libraryName}`)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/brand-detail-appeal-library.png", fullPage: true });
  await appeal.getByRole("button", { name: "Send identity appeal", exact: true }).click();
  await expect(page.getByText("Appeal sent to the registry.")).toBeVisible();
  const appeals = page.getByRole("list", { name: "Identity appeals" });
  await expect(appeals).toContainText("PENDING");
  await expect(appeals).toContainText("VERIFY_TAX_ID");
  await expect(appeals).toContainText("2 evidence files");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/brand-detail-appeals.png", fullPage: true });

  // Assets and Activity tabs render.
  await page.getByRole("navigation", { name: "Brand sections" }).getByRole("link", { name: "Assets" }).click();
  await expect(page.getByRole("heading", { name: "Logos" })).toBeVisible();
  // Assets: a logo through the library's checks, then submitted; in review it cannot be removed.
  const upload = page.getByRole("form", { name: "Upload a brand asset" });
  await upload.getByLabel("Asset name").fill("Main logo");
  await upload.getByLabel("Logo image").setInputFiles([{ name: "logo.png", mimeType: "image/png", buffer: makePng(224, 224) }]);
  await expect(upload.getByText("uploaded")).toBeVisible();
  await upload.getByRole("button", { name: "Add asset" }).click();
  await expect(page.getByText(/Logo “Main logo” added/)).toBeVisible();
  const logos = page.getByRole("list", { name: "Logos" });
  await expect(logos).toContainText("NOT SUBMITTED");
  await logos.getByRole("button", { name: "Submit Main logo for verification" }).click();
  await expect(logos).toContainText("PENDING");
  await expect(logos.getByRole("button", { name: "Remove" })).toBeDisabled();
  await expect(logos).toContainText("An asset in review cannot be removed.");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/brand-detail-assets.png", fullPage: true });
  await page.getByRole("navigation", { name: "Brand sections" }).getByRole("link", { name: "Activity" }).click();
  const timeline = page.getByRole("list", { name: /Brand timeline/ });
  await expect(timeline).toContainText("Ordered external vetting");
  await expect(timeline).toContainText("Appealed the identity result");

  // Delete: the confirmation says what happens to campaigns; afterwards the list.
  await page.getByRole("navigation", { name: "Brand sections" }).getByRole("link", { name: "Overview" }).click();
  await page.getByRole("button", { name: "Delete brand…" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("cannot be undone");
  await expect(confirm).toContainText("active campaigns");
  await page.waitForTimeout(300);
  await page.screenshot({ path: "test-results/screens/brand-detail-delete.png" });
  await confirm.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/brands$/);
  const res = await request.get(`${SANDBOX}/v2/brand/${brandId}`, { headers: SANDBOX_AUTH });
  expect(((await res.json()) as { status: string }).status).toBe("DELETED");
});

test("a sole proprietor confirms the brand with the SMS passcode", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await subscribeWebhooks(page);

  const displayName = `Solo ${uid()}`;
  const brandId = await postSandboxBrand(request, {
    entityType: "SOLE_PROPRIETOR", displayName, firstName: "Jane", lastName: "Doe", referenceId: `sp-${uid()}`, mobilePhone: "+12025550123",
  });
  const url = `/brands/${brandId}`;
  await openWhen(page, url, "SELF_DECLARED");
  const otp = page.getByRole("region", { name: "SMS passcode (sole proprietor)" });
  await expect(otp).toBeVisible();
  await expect(page.getByRole("button", { name: /Revet/ })).toHaveCount(0);

  // The template must carry a macro.
  await otp.getByLabel("Message to the owner").fill("Your code is here");
  await otp.getByRole("button", { name: "Send passcode" }).click();
  await expect(otp.getByText(/must contain @OTP_PIN@/)).toBeVisible();
  await otp.getByRole("button", { name: "Use the code template" }).click();
  await otp.getByRole("button", { name: "Send passcode" }).click();
  await expect(page.getByText("Passcode sent to the owner's mobile phone.")).toBeVisible();
  await expect(otp).toContainText("Last passcode sent");

  await advanceSandbox(request, 20_000);
  await page.reload();
  await expect(otp).toContainText("DELIVERED_HANDSET");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/brand-detail-otp.png", fullPage: true });

  // A resend supersedes the first PIN; the sandbox's control API shows the current one.
  await otp.getByRole("button", { name: "Resend passcode" }).click();
  await expect(page.getByText(/A new passcode was sent/)).toBeVisible();
  const otps = (await (await request.get(`${SANDBOX}/_sandbox/otp?brandId=${brandId}`)).json()) as { otpPin: string; superseded: boolean }[];
  const current = otps.find((o) => !o.superseded);
  expect(current).toBeTruthy();
  await otp.getByLabel("Passcode (PIN)").fill(current!.otpPin === "000000" ? "111111" : "000000");
  await otp.getByRole("button", { name: "Verify passcode" }).click();
  await expect(otp.getByText(/PIN invalid/)).toBeVisible();
  await otp.getByLabel("Passcode (PIN)").fill(current!.otpPin);
  await otp.getByRole("button", { name: "Verify passcode" }).click();
  await expect(page.getByText("Passcode accepted: the brand is verified.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("VERIFIED");
  await page.screenshot({ path: "test-results/screens/brand-detail-otp-verified.png", fullPage: true });
});

test("a public company goes through Authentication+: the 2FA email, the resend throttle, then ACTIVE", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await subscribeWebhooks(page);

  const publicCo = (name: string, contact: string) => ({
    entityType: "PUBLIC_PROFIT", displayName: name, companyName: `${name} Inc.`, ein: "111111175", brandRelationship: "BASIC_ACCOUNT",
    vertical: "RETAIL", stockSymbol: "ABC", stockExchange: "NASDAQ", website: "https://www.abc-example.com", businessContactEmail: contact,
  });
  // Sandbox rule: a contact whose address starts with "ignore" never answers the 2FA email.
  const silent = await postSandboxBrand(request, publicCo(`Silent ${uid()}`, "ignore.jane@abc-example.com"));
  const prompt = await postSandboxBrand(request, publicCo(`Prompt ${uid()}`, "jane.doe@abc-example.com"));
  await advanceSandbox(request, 2 * 60_000);

  const authPlus = page.getByRole("region", { name: "Authentication+ (public company)" });
  await openWhen(page, `/brands/${silent}`, "VERIFIED");
  await expect(authPlus).toContainText("PENDING");
  await expect(authPlus).toContainText("Not yet");
  // The registry sent the first email just now: a resend within 2 hours is refused, and the page says why.
  await authPlus.getByRole("button", { name: "Resend 2FA email" }).click();
  await expect(authPlus.getByText(/two hours/i)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/brand-detail-authplus.png", fullPage: true });

  await advanceSandbox(request, 2 * 60 * 60_000 + 60_000);
  await page.reload();
  await authPlus.getByRole("button", { name: "Resend 2FA email" }).click();
  await expect(page.getByText("The registry sent the 2FA email again.")).toBeVisible();
  await page.reload();
  await expect(authPlus).toContainText("next from");

  // The other contact answered within the hour: its Authentication+ vet is ACTIVE and the resend is gone.
  await expect(async () => {
    await page.goto(`/brands/${prompt}`);
    await expect(authPlus).toContainText("ACTIVE", { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
  await expect(authPlus).not.toContainText("Not yet");
  await expect(authPlus.getByRole("button", { name: "Resend 2FA email" })).toHaveCount(0);
});
