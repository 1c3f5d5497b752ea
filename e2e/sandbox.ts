import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "./fixtures";

// The e2e server runs the TCR sandbox on SANDBOX_PORT (playwright.config.ts) with the launcher's default API key.
// Specs share one server and one sandbox account: helpers here leave no assumption about what others did.
export const SANDBOX = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? "4080"}`;
export const SANDBOX_AUTH = { Authorization: "Bearer sandbox-key" };

const CONTACT = { phone: "+12024567890", street: "123 6th Ave", city: "New York", state: "NY", postalCode: "10001", country: "US", email: "johndoe@abc.com" };

/** Registers a brand directly at the registry (not through the portal); returns its brandId. */
export async function postSandboxBrand(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const res = await request.post(`${SANDBOX}/v2/brand/nonBlocking`, { headers: SANDBOX_AUTH, data: { ...CONTACT, ...body } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { brandId: string }).brandId;
}

/** A PRIVATE_PROFIT brand with a clean EIN: VERIFIED once the sandbox clock moves past identity scoring. */
export function createSandboxBrand(request: APIRequestContext, displayName: string, over: Record<string, unknown> = {}): Promise<string> {
  return postSandboxBrand(request, {
    entityType: "PRIVATE_PROFIT", displayName, companyName: `${displayName} Inc.`, ein: "111111111", einIssuingCountry: "US",
    vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT", ...over,
  });
}

/** Moves the sandbox clock: everything due runs (identity scoring, OTP delivery, vetting, webhooks). */
export async function advanceSandbox(request: APIRequestContext, ms: number) {
  const r = await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { ms } });
  expect(r.ok(), await r.text()).toBe(true);
}

/** Webhooks keep the mirror current: subscribe this portal unless another spec already did. Returns whether it subscribed. */
export async function ensureSubscribed(page: Page): Promise<boolean> {
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { name: "Subscriptions" })).toBeVisible();
  const subscribe = page.getByRole("button", { name: "Subscribe this portal to every category" });
  if (!(await subscribe.count())) return false;
  await subscribe.click();
  await expect(page.getByText("Every category now posts to this portal.")).toBeVisible();
  return true;
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
