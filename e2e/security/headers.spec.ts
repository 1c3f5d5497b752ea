import type { Page, Response } from "@playwright/test";
import { admin, expect, signIn, test } from "../fixtures";

const PORTAL_PAGES = ["/dashboard", "/brands", "/campaigns", "/campaigns/new", "/migrations", "/settings"];

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** Collects every CSP violation the browser reports, from the first script on, on every page of the context. */
async function watchCsp(page: Page): Promise<string[]> {
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return fromConsole;
}

function expectDocumentHeaders(res: Response | null, url: string) {
  expect(res, url).not.toBeNull();
  const h = res!.headers();
  expect(h["x-content-type-options"], url).toBe("nosniff");
  expect(h["x-frame-options"], url).toBe("DENY");
  expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], url).toBe("camera=(), microphone=(), geolocation=()");
  expect(h["cross-origin-opener-policy"], url).toBe("same-origin");
  // The e2e server is plain http: no HSTS, no upgrade of asset requests.
  expect(h["strict-transport-security"], url).toBeUndefined();
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(scriptSrc, url).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc, url).toContain("'strict-dynamic'");
  expect(scriptSrc, url).not.toContain("'unsafe-inline'");
  expect(scriptSrc, url).not.toContain("'unsafe-eval'");
  expect(csp, url).toContain("frame-ancestors 'none'");
  expect(csp, url).toContain("object-src 'none'");
  expect(csp, url).toContain("base-uri 'self'");
  return /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
}

async function expectNoViolations(page: Page, fromConsole: string[], url: string) {
  expect(await page.evaluate(() => window.__cspViolations), url).toEqual([]);
  expect(fromConsole, url).toEqual([]);
}

test("every page is served with the security headers, runs its scripts under a nonce CSP and logs no violation", async ({ page }) => {
  test.setTimeout(120_000);
  const fromConsole = await watchCsp(page);

  const signInRes = await page.goto("/sign-in");
  const first = expectDocumentHeaders(signInRes, "/sign-in");
  // Next put the nonce on its own scripts (browsers hide its value from the DOM, not the attribute), and no
  // executable inline script lacks it.
  expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
  expect(await page.locator('script:not([nonce]):not([src]):not([type="application/json"]):not([type="application/ld+json"])').count()).toBe(0);
  // Interactive: the form signs in through next-auth's client, which only works once React hydrated.
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await expectNoViolations(page, fromConsole, "/sign-in");

  const nonces = new Set([first]);
  for (const url of PORTAL_PAGES) {
    const res = await page.goto(url);
    nonces.add(expectDocumentHeaders(res, url));
    await expect(page.getByRole("heading", { level: 1 }).first(), url).toBeVisible();
    // A click only React can answer: the account menu (Radix) opens and closes.
    // The header's account button: a page may hold other buttons naming people (e.g. "Remove owner@…" in Members).
    await page.locator('[data-slot="user-menu"]').click();
    await expect(page.getByRole("menuitem", { name: "Sign out" }), url).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menuitem", { name: "Sign out" }), url).toBeHidden();
    await expectNoViolations(page, fromConsole, url);
  }
  // A fresh nonce for every document.
  expect(nonces.size).toBe(PORTAL_PAGES.length + 1);
});

test("route handlers and static assets get the headers too, and a download is always an attachment", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);

  const health = await page.request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["content-security-policy"]).toContain("sandbox");

  const html = await page.content();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const js = await page.request.get(asset!);
  expect(js.status()).toBe(200);
  expect(js.headers()["x-content-type-options"]).toBe("nosniff");
  expect(js.headers()["x-frame-options"]).toBe("DENY");

  const csv = await page.request.get("/api/exports/brands");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="campaigndesk-brands-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
  expect(csv.headers()["x-content-type-options"]).toBe("nosniff");
  expect(csv.headers()["content-security-policy"]).toContain("sandbox");

  await page.goto("/reports");
  const vettings = page.getByRole("form", { name: "Download the Vetting records and expiries report" });
  const [download] = await Promise.all([page.waitForEvent("download"), vettings.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^campaigndesk-vettings-\d{4}-\d{2}-\d{2}\.csv$/);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Plain http here, so not Secure (a browser would drop it); over https it is __Secure- and Secure (test/proxy.test.ts).
  expect(session!.secure).toBe(false);
});
