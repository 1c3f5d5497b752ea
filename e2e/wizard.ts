// The brand wizard walked as a user does, shared by the wizard and provider journeys.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const SCREENS = "test-results/screens";

export type EntityType = "PRIVATE_PROFIT" | "PUBLIC_PROFIT" | "NON_PROFIT" | "GOVERNMENT" | "SOLE_PROPRIETOR";
export const LABEL: Record<EntityType, RegExp> = {
  PRIVATE_PROFIT: /Private company/,
  PUBLIC_PROFIT: /Publicly traded company/,
  NON_PROFIT: /Non-profit organization/,
  GOVERNMENT: /Government body/,
  SOLE_PROPRIETOR: /Sole proprietor/,
};

export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export async function continueTo(page: Page, title: string) {
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(title) })).toBeVisible();
}

/** Goes through every step of the wizard for one entity type; returns the brand id from the detail page URL. */
export async function registerThroughWizard(
  page: Page, entityType: EntityType, displayName: string,
  opts: { ein?: string; screens?: boolean; brandUrl?: RegExp; fee?: { review: string; button: string } } = {},
) {
  const fee = opts.fee ?? { review: "$4.00", button: "$4.00" };
  const shot = async (step: string) => {
    if (opts.screens) await page.screenshot({ path: `${SCREENS}/brand-wizard-${entityType.toLowerCase()}-${step}.png`, fullPage: true });
  };
  await page.goto("/brands");
  await page.getByRole("link", { name: "Register a brand" }).click();
  await expect(page).toHaveURL(/\/brands\/new$/);
  await expect(page.getByRole("navigation", { name: "Registration steps" }).locator("[aria-current=step]")).toContainText("Entity type");
  await page.getByRole("radio", { name: LABEL[entityType] }).check();
  await shot("1-entity");
  await continueTo(page, "Identity");
  await expect(page).toHaveURL(/\/brands\/new\?draft=/);

  await page.getByLabel("Display name").fill(displayName);
  if (entityType === "SOLE_PROPRIETOR") {
    await page.getByLabel("First name").fill("Jo");
    await page.getByLabel("Last name").fill("Tutor");
    await expect(page.getByLabel("Legal company name")).toHaveCount(0);
    await expect(page.getByLabel("Tax id (EIN)")).toHaveCount(0);
  } else {
    await page.getByLabel("Legal company name").fill(`${displayName} Legal`);
    await page.getByLabel("Tax id (EIN)").fill(opts.ein ?? "12-3456789");
    await expect(page.getByLabel("First name")).toHaveCount(0);
  }
  if (entityType === "PUBLIC_PROFIT") {
    await page.getByLabel("Stock symbol").fill("ABC");
    await page.getByLabel("Stock exchange").selectOption("NASDAQ");
    await page.getByLabel("Business contact email").fill("jane.doe@abc-example.com");
  } else {
    await expect(page.getByLabel("Stock symbol")).toHaveCount(0);
  }
  await shot("2-identity");
  await continueTo(page, "Contact & address");

  await page.getByLabel("Support email").fill("help.desk@abc-example.com");
  await page.getByLabel("Support phone").fill("+12024567890");
  if (entityType === "SOLE_PROPRIETOR") await page.getByLabel("Mobile phone").fill("+12025550123");
  else await expect(page.getByLabel("Mobile phone")).toHaveCount(0);
  await page.getByLabel("Street").fill("123 6th Ave");
  await page.getByLabel("City").fill("New York");
  await page.getByLabel("State").selectOption("NY");
  await page.getByLabel("Postal code").fill("10001");
  await shot("3-contact");
  await continueTo(page, "Classification");

  if (entityType === "SOLE_PROPRIETOR") {
    await expect(page.getByLabel("Brand relationship")).toHaveCount(0);
    // SP needs a referenceId: the wizard fills one in from the draft.
    await expect(page.getByLabel("Reference id")).not.toHaveValue("");
  } else {
    await page.getByLabel("Brand relationship").selectOption("BASIC_ACCOUNT");
    await page.getByLabel("Vertical").selectOption(entityType === "NON_PROFIT" ? "NGO" : entityType === "GOVERNMENT" ? "GOVERNMENT" : "RETAIL");
  }
  if (entityType === "PUBLIC_PROFIT") await page.getByLabel("Website").fill("https://www.abc-example.com");
  await page.getByLabel("Tags").fill("e2e wizard");
  await shot("4-classification");
  await continueTo(page, "Review & submit");

  await expect(page.getByText(displayName, { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Fee" })).toBeVisible();
  await expect(page.getByText(fee.review, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await shot("5-review");
  await page.getByRole("button", { name: `Register brand (${fee.button})` }).click();
  await expect(page).toHaveURL(opts.brandUrl ?? /\/brands\/B[A-Z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

