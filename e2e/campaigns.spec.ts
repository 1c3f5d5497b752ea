import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, signIn, test } from "./fixtures";
import { createSandboxBrand, ensureSubscribed, SANDBOX, SANDBOX_AUTH, shot } from "./sandbox";

// The campaigns below link to pages on the brand's own site.
const CAMPAIGNER = { email: "ops@campaigner.example", website: "https://www.campaigner.example" };

async function waitFor(page: Page, url: string, check: (page: Page) => Promise<void>) {
  await expect(async () => {
    await page.goto(url);
    await check(page);
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
}

test("build a campaign for a verified brand with live qualification and compliance check, submit it, and see it with carrier status", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await ensureSubscribed(page);

  const name = `Campaigner ${Date.now().toString(36)}`;
  const brandId = await createSandboxBrand(request, name, CAMPAIGNER);
  const advanced = await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { ms: 120_000 } });
  expect(advanced.ok(), await advanced.text()).toBe(true);
  await waitFor(page, "/brands", async (p) => {
    await expect(p.getByRole("row", { name: new RegExp(name) })).toContainText("VERIFIED", { timeout: 1_000 });
  });

  // The nav leads to Campaigns; the builder starts there.
  await page.getByRole("navigation").getByRole("link", { name: "Campaigns" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await page.getByRole("link", { name: "New campaign" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();

  // 1. Brand: the verified brand is selectable.
  const brandRadio = page.getByRole("radio", { name: new RegExp(name) });
  await expect(brandRadio).toBeEnabled();
  await brandRadio.check();
  await expectAccessible(page);
  await shot(page, "campaign-builder-1-brand");
  await page.getByRole("button", { name: "Next: Use case" }).click();

  // 2. Use case: the matrix comes from the registry and changes with the use case.
  await page.getByRole("radio", { name: /^Social/ }).check();
  const matrix = page.getByTestId("qualification-matrix");
  await expect(matrix).toHaveAttribute("data-usecase", "SOCIAL");
  await expect(matrix).toContainText("qualifies on 0 of 4");
  await expect(matrix).toContainText("What vetting would change");
  await page.getByRole("radio", { name: /^Marketing/ }).check();
  await expect(matrix).toHaveAttribute("data-usecase", "MARKETING");
  await expect(matrix).toContainText("qualifies on 4 of 4");
  await expect(matrix.getByRole("row", { name: /Minimum samples/ })).toContainText("2");
  await expect(matrix.getByRole("row", { name: /AT&T message class/ })).toContainText("F");
  await expectAccessible(page);
  await shot(page, "campaign-builder-2-usecase");
  await page.getByRole("button", { name: "Next: Sub-use cases" }).click();

  // 3. Sub-use cases: MARKETING takes none.
  await expect(page.getByText("takes no sub-use cases")).toBeVisible();
  await shot(page, "campaign-builder-3-subusecases");
  // Saved as it goes: leave, and resume the draft from the campaigns list at the same step.
  await expect(page).toHaveURL(/\/campaigns\/new\?draft=/);
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  const draftUrl = new URL(page.url());
  await page.goto("/campaigns");
  const drafts = page.getByRole("region", { name: "Unfinished campaigns" });
  await drafts.locator(`a[href="${draftUrl.pathname}${draftUrl.search}"]`).click();
  await expect(page.getByRole("heading", { name: "3. Sub-use cases" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Summary" })).toContainText("Marketing");
  await page.getByRole("button", { name: "Next: Content" }).click();

  // 4. Content: consent builder with live preview, samples as the matrix requires, prefilled keywords.
  await page.getByLabel("Campaign description").fill(`${name} sends seasonal offers and in-store event announcements to customers who signed up for texts on our website.`);
  await page.getByLabel("What the messages are about").fill("store offers and event announcements");
  await page.getByLabel("URL of the opt-in form (the form itself, not the home page)").fill("https://www.campaigner.example/sms");
  await page.getByLabel("Public link to a screenshot or script of this opt-in").fill("https://www.campaigner.example/sms-optin.png");
  await page.getByLabel("Frequency detail").fill("up to 4 msgs/month");
  await page.getByLabel("Privacy policy URL").fill("https://www.campaigner.example/privacy");
  await page.getByLabel("Terms URL").fill("https://www.campaigner.example/terms");
  await expect(page.getByTestId("message-flow-preview")).toContainText(`${name} collects SMS opt-in consent`);
  await expect(page.getByLabel("Opt-out keywords")).toHaveValue(/STOP/);
  await expect(page.getByLabel("Help keywords")).toHaveValue(/HELP/);
  await page.getByLabel("Sample message 1", { exact: true }).fill(`${name}: our spring sale starts Friday with 20% off all tents in store. Msg & data rates may apply.`);
  await page.getByLabel("Sample message 2", { exact: true }).fill(`${name}: join us Saturday for the store anniversary with free gifts for members.`);
  // No sample says how to opt out: the check says so at the samples, and it blocks.
  const optOut = page.locator('[data-rule="sample.opt-out"]').first();
  await expect(optOut).toBeVisible();
  await expect(optOut).toHaveAttribute("data-severity", "block");
  await shot(page, "campaign-builder-4-content-finding");
  await page.getByLabel("Sample message 2", { exact: true }).fill(`${name}: join us Saturday for the store anniversary with free gifts for members. Reply STOP to opt out.`);
  await expect(page.locator('[data-rule="sample.opt-out"]')).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "campaign-builder-4-content");
  await page.getByRole("button", { name: "Next: Review" }).click();

  // 5. Review: the findings, the fee from the registry, then submit.
  await expect(page.getByTestId("campaign-fee")).toContainText("$10.00 a month");
  await expect(page.getByText(/Nothing blocks submission|No findings/)).toBeVisible();
  await page.getByLabel(/I accept the registry's campaign terms/).check();
  await expectAccessible(page);
  await shot(page, "campaign-builder-5-review");
  await page.getByRole("button", { name: /Submit and pay \$10\.00\/month/ }).click();

  await expect(page).toHaveURL(/\/campaigns\/C[A-Z0-9]+$/, { timeout: 30_000 });
  const campaignId = decodeURIComponent(page.url().split("/").pop()!);
  await expect(page.getByRole("heading", { level: 1, name: campaignId })).toBeVisible();
  await expect(page.getByRole("region", { name: "Carrier status" })).toContainText("REGISTERED");
  await expectAccessible(page);
  await shot(page, "campaign-detail");

  // Tags: assigned on the detail page (stored lowercase), shown in the list row, and a list filter.
  const tag = `t${Date.now().toString(36)}`;
  const tagsRegion = page.getByRole("region", { name: "Tags" });
  await tagsRegion.getByRole("textbox", { name: "New tag" }).fill(tag.toUpperCase());
  await tagsRegion.getByRole("button", { name: "Add tag" }).click();
  await expect(tagsRegion.getByRole("list", { name: "Tags" })).toContainText(tag);
  await expectAccessible(page);
  await shot(page, "campaign-detail-tags");
  await page.goto(`/campaigns?tag=${tag}`);
  await expect(page.getByRole("combobox", { name: "Tag", exact: true })).toHaveValue(tag);
  const tagged = page.getByRole("region", { name: "Campaigns" }).getByRole("row");
  await expect(tagged).toHaveCount(2);
  await expect(tagged.nth(1)).toContainText(campaignId);
  await expect(tagged.nth(1).getByRole("link", { name: `${tag}: show campaigns tagged ${tag}` })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "campaigns-list-tag-filter");

  // The list shows it with each carrier's status; filters live in the URL.
  await page.goto(`/campaigns?brandId=${brandId}&carrier=10035&carrierStatus=REGISTERED`);
  const row = page.getByRole("row", { name: new RegExp(campaignId) });
  await expect(row).toContainText(name);
  await expect(row).toContainText("MARKETING");
  await expect(row.getByRole("list", { name: "Carrier status" })).toContainText("T-Mobile");
  await expect(row.getByRole("list", { name: "Carrier status" })).toContainText("REGISTERED");
  await expect(row).toContainText("$10.00");
  await expectAccessible(page);
  await shot(page, "campaigns-list");
  await row.getByRole("link", { name: campaignId }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`));
});

test("a carrier's rejection shows on the campaign with its reason, and the resubmit path states its cost first", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await ensureSubscribed(page);

  // A vetted brand (AGENTS_FRANCHISES needs a vet and goes through manual review at AT&T, T-Mobile and Verizon).
  const name = `Rejectee ${Date.now().toString(36)}`;
  const brandId = await createSandboxBrand(request, name, CAMPAIGNER);
  const adv = async (ms: number) => expect((await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { ms } })).ok()).toBe(true);
  await adv(120_000);
  const vet = await request.post(`${SANDBOX}/v2/brand/${brandId}/externalVetting`, { headers: SANDBOX_AUTH, data: { evpId: "AEGIS", vettingClass: "STANDARD" } });
  expect(vet.ok(), await vet.text()).toBe(true);
  await adv(15 * 60_000);
  // The sandbox's reviewers reject a campaign whose description says REJECT (documented scenario rule).
  const created = await request.post(`${SANDBOX}/v2/campaignBuilder`, {
    headers: SANDBOX_AUTH,
    data: {
      brandId, usecase: "AGENTS_FRANCHISES", resellerId: "R000000", referenceId: `rej-${Date.now().toString(36)}`,
      description: `${name} franchise offices message their local customers. REJECT scenario for the end-to-end test.`,
      messageFlow: "Customers opt in on the franchise website form with an unchecked SMS consent checkbox and disclosures.",
      subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
      sample1: `${name}: your local office is open Saturday 9-1. Reply STOP to opt out.`,
      sample2: `${name}: your appointment with our agent is tomorrow at 10. Reply HELP for help.`,
      optinMessage: `${name}: you are subscribed. Msg & data rates may apply.`, optoutMessage: `${name}: you are unsubscribed, no more messages.`,
      helpMessage: `${name}: help at www.campaigner.example. Reply STOP to cancel.`, optoutKeywords: "STOP", helpKeywords: "HELP",
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { campaignId } = (await created.json()) as { campaignId: string };
  await adv(25 * 60 * 60_000);

  await waitFor(page, `/campaigns/${campaignId}`, async (p) => {
    await expect(p.getByRole("region", { name: "Carrier status" })).toContainText("REJECTED", { timeout: 1_000 });
  });
  const carriers = page.getByRole("region", { name: "Carrier status" });
  await expect(carriers.getByRole("row", { name: /AT&T/ })).toContainText("Campaign rejected by the MNO");
  await expect(carriers.getByRole("row", { name: /US Cellular/ })).toContainText("REGISTERED");
  await expect(page.getByText(/Rejected by AT&T, T-Mobile, Verizon Wireless\./)).toBeVisible();
  await expectAccessible(page);
  await shot(page, "campaign-detail-rejected");

  await page.getByRole("button", { name: "Resubmit to carriers…" }).click();
  const dialog = page.getByRole("dialog", { name: `Resubmit ${campaignId} to carriers` });
  await expect(dialog).toContainText("Cost: resubmission is a billable registry call");
  await expect(dialog.getByRole("checkbox", { name: /AT&T \(now REJECTED\)/ })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: /US Cellular \(now REGISTERED\)/ })).not.toBeChecked();
  await expectAccessible(page);
  await shot(page, "campaign-resubmit-dialog");
  await dialog.getByRole("button", { name: "Resubmit to 3 carriers" }).click();
  await expect(page.getByText(/Resubmitted to AT&T, T-Mobile, Verizon/)).toBeVisible();
  // Back in manual review at the carriers that rejected it.
  await expect(carriers.getByRole("row", { name: /AT&T/ })).toContainText("REVIEW");
});
