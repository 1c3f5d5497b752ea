import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { email: "owner@e2e.test", password: "owner-password-e2e" };
export const E2E_LOG_FILE = ".data/e2e/server.log";

// The app under test is the production build, started by the same launcher users run, on a fresh
// embedded database. Debian's chromium is driven directly: Playwright's own browser download is unavailable.
export default defineConfig({
  testDir: "e2e",
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  // A subfolder: Playwright empties its output folder when it starts, and npm test's other lane keeps its logs and
  // results in test-results/ while the journeys run.
  outputDir: "test-results/playwright",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices["Desktop Chrome"],
    // Recording a trace of every journey cost a sixth of the run (9 journeys: 271 s traced, 224 s not). CI retries a
    // failed journey once, and that retry records one; locally, `npx playwright test --trace on`.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node scripts/launch.mjs start --fresh",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      CD_DATA_DIR: ".data/e2e",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      PGLITE_PORT: process.env.E2E_PGLITE_PORT ?? "5480",
      SANDBOX_PORT: process.env.E2E_SANDBOX_PORT ?? "4080",
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      ORG_NAME: "E2E Messaging",
      LOG_FILE: E2E_LOG_FILE,
      LOG_LEVEL: "debug",
    },
  },
});
