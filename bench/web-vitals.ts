// Web vitals of the production build at scale (issue 18): LCP and CLS of the dashboard, brands, campaigns,
// migrations and the campaign builder, and INP of the builder's use-case change, in headless Chromium.
//   npx tsx bench/web-vitals.ts          needs a production build (npm run build, or bench/build.ts)
// The portal runs as `npm start` runs it (scripts/launch.mjs start: migrations, the first organization and owner,
// the TCR sandbox, then `next start`) on port 3417 over a throwaway PostgreSQL database (BENCH_PG_URL, default the
// local server), with the job worker off so its reconciliation cannot compete with the page loads. Once the
// first-run organization exists, 100,000 campaigns over 5,000 brands (BENCH_CAMPAIGNS, BENCH_BRANDS) are seeded
// into it; the bench signs in as its owner. The server, the sandbox and the database go away afterwards, also on failure.
// Each page is loaded 3 times in one signed-in browser context (the first load with a cold cache, then warm);
// figures are medians. No CPU or network throttling: a desktop on the same machine as the server.
// Prints {"bench":"web-vitals","route":…,"lcp_ms":…,"cls":…,"goal_lcp_ms":2500,"goal_cls":0.1} per page and
// {"bench":"web-vitals","route":"/campaigns/new","inp_ms":…,"goal_inp_ms":200}.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { chromium, type Browser, type Page } from "playwright-core";
import { LOCAL_POSTGRES } from "./local-postgres";
import { seedScale } from "./seed-data";

const PORT = 3417;
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4417);
const BASE = `http://127.0.0.1:${PORT}`;
const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 100_000);
const BRANDS = Number(process.env.BENCH_BRANDS ?? 5_000);
const LOADS = 3;
const ADMIN = { email: "vitals@bench.test", password: "bench-vitals-password-1" };
const ROUTES = ["/dashboard", "/brands", "/campaigns", "/migrations", "/campaigns/new"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.error("no production build: run `npm run build` (or npx tsx bench/build.ts) first");
  process.exit(2);
}

const adminUrl = process.env.BENCH_PG_URL ?? LOCAL_POSTGRES;
const dbName = `cd_vitals_${Date.now().toString(36)}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cd-vitals-"));
let server: ChildProcess | null = null;
let browser: Browser | null = null;

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Stops the launcher and everything it started: it runs in a process group of its own. */
async function stopServer() {
  const s = server;
  server = null;
  if (!s?.pid || s.exitCode !== null || s.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => s.once("exit", () => resolve()));
  try { process.kill(-s.pid, "SIGTERM"); } catch { /* already gone */ }
  const timer = setTimeout(() => { try { process.kill(-s.pid!, "SIGKILL"); } catch { /* gone */ } }, 15_000);
  await gone;
  clearTimeout(timer);
  // The launcher waits for its children; anything left in the group after it exits is killed outright.
  try { process.kill(-s.pid, "SIGKILL"); } catch { /* nothing left */ }
}

async function cleanup() {
  await browser?.close().catch(() => {});
  browser = null;
  await stopServer();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch((e) => console.error(`could not drop ${dbName}: ${e.message}`));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

async function waitForHealth(ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    if (server && (server.exitCode !== null || server.signalCode !== null)) throw new Error("the portal exited before it answered (its output is above)");
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) return;
    } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`the portal did not answer ${BASE}/api/health within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** LCP and CLS as the page reports them (buffered observers, so entries from before the script ran count). */
async function vitalsOf(page: Page, route: string): Promise<{ lcp: number; cls: number; jsKb: number }> {
  const res = await page.goto(`${BASE}${route}`, { waitUntil: "load" });
  if (!res?.ok()) throw new Error(`${route} answered ${res?.status()}`);
  if (!page.url().startsWith(`${BASE}${route}`)) throw new Error(`${route} went to ${page.url()} (signed out?)`);
  await page.waitForLoadState("networkidle").catch(() => {});
  // The dashboard's charts arrive after the page (a script of their own): the layout shift, if any, comes with them.
  if (route === "/dashboard") await page.waitForFunction(() => document.querySelectorAll("svg.recharts-surface").length >= 2, null, { timeout: 15_000 });
  await page.waitForTimeout(500);
  return page.evaluate(
    () =>
      new Promise<{ lcp: number; cls: number; jsKb: number }>((resolve) => {
        let lcp = 0;
        let cls = 0;
        new PerformanceObserver((l) => { for (const e of l.getEntries()) lcp = Math.max(lcp, e.startTime); }).observe({ type: "largest-contentful-paint", buffered: true });
        new PerformanceObserver((l) => {
          for (const e of l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) cls += e.value;
        }).observe({ type: "layout-shift", buffered: true });
        // What the page's scripts weighed on the wire (Next compresses them) once it settled: bench/build.ts's
        // first-load figure plus whatever the page loads after hydration (the dashboard's charts).
        const js = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script" || /\.js(\?|$)/.test(r.name));
        const jsKb = js.reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024;
        // Buffered entries are delivered in a task after observe(); two frames later both observers have them.
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve({ lcp, cls, jsKb }), 0)));
      }),
  );
}

/**
 * INP of the builder's use-case change: a brand is chosen, the use-case step opened, then one use case chosen and
 * another chosen instead. The worst of the two interactions by the Event Timing API (event entries with an
 * interactionId, durationThreshold 16: input → handlers → next paint); interactions under 16 ms report no entry,
 * so the click → next-frame time measured in the page stands in for them. The seeded brands are the mirror's alone
 * (the sandbox does not know them), so the qualification each change asks for answers 404 a moment later; INP
 * does not wait for that answer, only for the frame after the click.
 */
async function inpOfUsecaseChange(page: Page): Promise<{ inp: number; method: string }> {
  await page.goto(`${BASE}/campaigns/new`, { waitUntil: "load" });
  await page.locator('input[name="brandId"]:not([disabled])').first().check();
  await page.getByRole("button", { name: "Next: Use case" }).click();
  const radios = page.locator('input[name="usecase"]');
  await radios.nth(1).waitFor();
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.evaluate(() => {
    const w = window as unknown as { __inp: { event: number; frame: number[] } };
    w.__inp = { event: 0, frame: [] };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as (PerformanceEntry & { interactionId?: number })[]) if (e.interactionId) w.__inp.event = Math.max(w.__inp.event, e.duration);
    }).observe({ type: "event", buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
    document.addEventListener("pointerdown", (ev) => {
      const t0 = ev.timeStamp;
      // The frame after the handlers ran: requestAnimationFrame, then a task once that frame is painted.
      requestAnimationFrame(() => setTimeout(() => w.__inp.frame.push(performance.now() - t0), 0));
    }, { capture: true });
  });
  for (const i of [0, 1]) {
    await radios.nth(i).click();
    await page.waitForTimeout(300);
  }
  await page.waitForLoadState("networkidle").catch(() => {});
  const r = await page.evaluate(() => (window as unknown as { __inp: { event: number; frame: number[] } }).__inp);
  if (r.frame.length < 2) throw new Error("the use-case clicks were not seen by the page");
  return r.event > 0 ? { inp: r.event, method: "event-timing" } : { inp: Math.max(...r.frame), method: "next-frame" };
}

const figures: string[] = [];
try {
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  server = spawn(process.execPath, ["scripts/launch.mjs", "start"], {
    detached: true, // a process group of its own, so the cleanup reaches Next, the sandbox and their children
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: dbUrl,
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
      NEXTAUTH_SECRET: "bench-vitals-secret-bench-vitals-secret-0",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      SANDBOX_PORT: String(SANDBOX_PORT),
      CD_DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ORG_NAME: "Vitals bench",
      WORKER: "off",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    },
  });
  await waitForHealth(180_000);

  const s0 = performance.now();
  await admin(async (c) => {
    const { rows } = await c.query<{ id: string }>(`SELECT o.id FROM "Organization" o JOIN "Membership" m ON m."orgId" = o.id JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [ADMIN.email]);
    if (rows.length !== 1) throw new Error(`expected the first-run organization of ${ADMIN.email}, found ${rows.length}`);
    await seedScale((sql, ...params) => c.query(sql, params), rows[0]!.id, { campaigns: CAMPAIGNS, brands: BRANDS });
  }, dbUrl);
  console.log(`seeded ${CAMPAIGNS.toLocaleString("en-US")} campaigns over ${BRANDS.toLocaleString("en-US")} brands in ${((performance.now() - s0) / 1000).toFixed(1)} s`);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const signIn = await context.newPage();
  await signIn.goto(`${BASE}/sign-in`);
  await signIn.getByLabel("Email").fill(ADMIN.email);
  await signIn.getByLabel("Password").fill(ADMIN.password);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await signIn.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 30_000 });
  await signIn.close();

  for (const route of ROUTES) {
    const runs: { lcp: number; cls: number; jsKb: number }[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      runs.push(await vitalsOf(page, route));
      await page.close();
    }
    const lcp = median(runs.map((r) => r.lcp));
    const cls = median(runs.map((r) => r.cls));
    console.log(`${route.padEnd(16)} LCP ${runs.map((r) => r.lcp.toFixed(0)).join(" / ")} ms → ${lcp.toFixed(0)} ms   CLS ${runs.map((r) => r.cls.toFixed(3)).join(" / ")} → ${cls.toFixed(3)}   JS loaded ${runs[0]!.jsKb.toFixed(0)} KB on the wire`);
    figures.push(JSON.stringify({ bench: "web-vitals", route, lcp_ms: Math.round(lcp), cls: +cls.toFixed(3), js_kb_loaded: +runs[0]!.jsKb.toFixed(1), goal_lcp_ms: 2500, goal_cls: 0.1 }));
  }

  const inps: { inp: number; method: string }[] = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await context.newPage();
    inps.push(await inpOfUsecaseChange(page));
    await page.close();
  }
  const inp = median(inps.map((r) => r.inp));
  console.log(`/campaigns/new   INP (use-case change) ${inps.map((r) => `${r.inp.toFixed(0)} ms (${r.method})`).join(" / ")} → ${inp.toFixed(0)} ms`);
  figures.push(JSON.stringify({ bench: "web-vitals", route: "/campaigns/new", interaction: "use-case change", inp_ms: Math.round(inp), method: [...new Set(inps.map((r) => r.method))].join("+"), goal_inp_ms: 200 }));
  for (const f of figures) console.log(f);
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit(process.exitCode ?? 0);
