// The campaign builder walked as a user does, for journeys that are not about the builder itself.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export type CampaignUrls = { optIn: string; evidence: string; privacy: string; terms: string };

/** Brand → Marketing → no sub-use cases → the content step, filled with a compliant marketing program for `name`. */
export async function buildMarketingCampaign(page: Page, brandName: string, name: string, urls: CampaignUrls, opts: { expectQualified?: RegExp } = {}) {
  await page.goto("/campaigns/new");
  await page.getByRole("radio", { name: new RegExp(brandName) }).check();
  await page.getByRole("button", { name: "Next: Use case" }).click();
  await page.getByRole("radio", { name: /^Marketing/ }).check();
  const matrix = page.getByTestId("qualification-matrix");
  await expect(matrix).toHaveAttribute("data-usecase", "MARKETING");
  await expect(matrix).toContainText(opts.expectQualified ?? /qualifies on [1-9] of 4/);
  await page.getByRole("button", { name: "Next: Sub-use cases" }).click();
  await page.getByRole("button", { name: "Next: Content" }).click();
  await page.getByLabel("Campaign description").fill(`${name} sends seasonal offers and in-store event announcements to customers who signed up for texts on our website.`);
  await page.getByLabel("What the messages are about").fill("store offers and event announcements");
  await page.getByLabel("URL of the opt-in form (the form itself, not the home page)").fill(urls.optIn);
  await page.getByLabel("Public link to a screenshot or script of this opt-in").fill(urls.evidence);
  await page.getByLabel("Frequency detail").fill("up to 4 msgs/month");
  await page.getByLabel("Privacy policy URL").fill(urls.privacy);
  await page.getByLabel("Terms URL").fill(urls.terms);
  await page.getByLabel("Sample message 1", { exact: true }).fill(`${name}: our spring sale starts Friday with 20% off all tents in store. Msg & data rates may apply.`);
  await page.getByLabel("Sample message 2", { exact: true }).fill(`${name}: join us Saturday for the store anniversary with free gifts for members. Reply STOP to opt out.`);
}
