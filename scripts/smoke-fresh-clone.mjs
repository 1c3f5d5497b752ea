// The newcomer's path, proven: a fresh clone of the committed HEAD, the README's Quickstart start command run
// exactly as written, /api/health, sign-in as the owner the first run printed (through the real form in
// Chromium, once at localhost and once at 127.0.0.1), the dashboard, then everything stopped. Any failed step
// fails the run. `.ci/run` calls it after `npm test`; locally: `node scripts/smoke-fresh-clone.mjs`.
//   SMOKE_PORT / SMOKE_SANDBOX_PORT (default 3000 / 4010), SMOKE_KEEP=1 keeps the clone, CHROMIUM_PATH.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = process.cwd();
const port = Number(process.env.SMOKE_PORT ?? 3000);
const sandboxPort = Number(process.env.SMOKE_SANDBOX_PORT ?? 4010);
const started = Date.now();
const marks = {};
const secs = (ms) => (ms / 1000).toFixed(1);
const say = (m) => console.log(`[smoke] ${m}`);

function fail(msg) {
  console.error(`[smoke] FAILED: ${msg}`);
  cleanup().finally(() => process.exit(1));
}

/** The first ```sh block under "## Quickstart" is the start command; the README is what a newcomer runs. */
function readmeStartCommand(readme) {
  const quick = readme.split(/^## Quickstart\s*$/m)[1];
  const block = quick && /```sh\n([^\n]+)\n```/.exec(quick);
  if (!block) throw new Error("README has no ```sh start command under ## Quickstart");
  return block[1].trim();
}

function portFree(p) {
  return new Promise((resolve) => {
    const s = net.connect(p, "127.0.0.1");
    s.once("connect", () => { s.destroy(); resolve(false); });
    s.once("error", () => resolve(true));
  });
}

let child = null;
let dir = null;
let browser = null;
const output = [];

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  if (child && child.exitCode === null && child.signalCode === null) {
    // Ctrl-C, as a user stops it: the launcher stops Next, worker, sandbox, then the database.
    try { process.kill(-child.pid, "SIGINT"); } catch { /* already gone */ }
    const exited = await new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), 30_000);
      child.once("exit", () => { clearTimeout(t); resolve(true); });
    });
    if (!exited) {
      try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
      say("the launcher did not stop within 30 s of Ctrl-C; killed");
    }
  }
  if (dir && process.env.SMOKE_KEEP !== "1") fs.rmSync(dir, { recursive: true, force: true });
}

async function waitForHealth(url, ms) {
  const until = Date.now() + ms;
  let last = "no answer";
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the start command exited (${child.signalCode ?? child.exitCode}) before the portal was healthy`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      const body = await res.text();
      if (res.status === 200 && JSON.parse(body).status === "ok") return;
      last = `${res.status} ${body.slice(0, 200)}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`/api/health was not ok within ${secs(ms)} s (last: ${last})`);
}

async function signInAndOpenDashboard(base, email, password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(`${base}/sign-in`, { timeout: 180_000 });
  // Enabled only once React has hydrated: a portal whose client scripts are refused never gets here.
  const button = page.getByRole("button", { name: "Sign in" });
  await button.waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll("button")].find((x) => x.textContent?.trim() === "Sign in");
    return b && !b.disabled;
  }, null, { timeout: 120_000 });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await button.click();
  await page.waitForURL(/\/dashboard/, { timeout: 180_000 });
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 120_000 });
  const heading = (await page.getByRole("heading", { level: 1 }).first().textContent())?.trim();
  const leaked = requested.filter((u) => u.includes(encodeURIComponent(password)) || u.includes(password));
  if (leaked.length) throw new Error(`the password appeared in a request URL: ${leaked[0]}`);
  await context.close();
  return heading;
}

async function main() {
  const sha = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim();
  if (dirty) say("note: the working tree has uncommitted changes; the smoke test runs the committed HEAD only");
  for (const p of [port, sandboxPort]) if (!(await portFree(p))) throw new Error(`port ${p} is in use (set SMOKE_PORT / SMOKE_SANDBOX_PORT)`);

  dir = fs.mkdtempSync(path.join(os.tmpdir(), "campaigndesk-smoke-"));
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", root, dir]);
  execFileSync("git", ["-c", "advice.detachedHead=false", "checkout", "--quiet", sha], { cwd: dir });
  const command = readmeStartCommand(fs.readFileSync(path.join(dir, "README.md"), "utf8"));
  say(`fresh clone of ${sha.slice(0, 12)} in ${dir}; running the README's start command: ${command}`);

  // A newcomer's shell: nothing of this machine's database, registry or test settings.
  const env = { ...process.env, PORT: String(port), SANDBOX_PORT: String(sandboxPort), NEXT_TELEMETRY_DISABLED: "1" };
  for (const k of ["DATABASE_URL", "TEST_DATABASE_URL", "TCR_BASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "ENCRYPTION_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD", "CD_DATA_DIR", "PGLITE_PORT", "HOST", "NODE_ENV", "LOG_FILE"]) delete env[k];
  const t0 = Date.now();
  child = spawn("sh", ["-c", command], { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let installedAt = null;
  const onData = (buf) => {
    for (const line of buf.toString().split("\n")) {
      if (!line) continue;
      output.push(line);
      if (installedAt === null && /^\[launcher\]|^> campaigndesk@.* (dev|start)/.test(line)) installedAt = Date.now();
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);

  await waitForHealth(`http://localhost:${port}/api/health`, 600_000);
  marks.install = (installedAt ?? Date.now()) - t0;
  marks.healthy = Date.now() - (installedAt ?? t0);
  say(`healthy: npm ci ${secs(marks.install)} s, start → /api/health ok ${secs(marks.healthy)} s`);

  const text = output.join("\n");
  const email = /Sign in as (\S+)/.exec(text)?.[1];
  const password = /Password \(shown once[^)]*\): (\S+)/.exec(text)?.[1];
  if (!email || !password) throw new Error("the first run did not print the owner's email and password");

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const t1 = Date.now();
  for (const base of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
    const heading = await signInAndOpenDashboard(base, email, password);
    say(`${base}: signed in as ${email}, dashboard "${heading}"`);
  }
  marks.signIn = Date.now() - t1;

  // The printed first-run password is the one line allowed to hold it; any other log line must not.
  const leaks = output.filter((l) => l.includes(password) && !/Password \(shown once/.test(l));
  if (leaks.length) throw new Error(`the owner's password appeared in ${leaks.length} log line(s), e.g. ${leaks[0].slice(0, 160)}`);
  const errors = output.filter((l) => /Cannot find (package|module)|ERR_MODULE_NOT_FOUND|Unhandled|⨯/.test(l));
  if (errors.length) throw new Error(`the portal logged errors:\n  ${errors.slice(0, 5).join("\n  ")}`);

  await cleanup();
  child = null;
  for (const p of [port, sandboxPort]) if (!(await portFree(p))) throw new Error(`port ${p} is still in use after Ctrl-C: something did not stop`);
  say(`ok in ${secs(Date.now() - started)} s (npm ci ${secs(marks.install)} s, start → healthy ${secs(marks.healthy)} s, two sign-ins ${secs(marks.signIn)} s)`);
}

main().catch((e) => {
  const tail = output.slice(-40).join("\n");
  if (tail) console.error(`[smoke] last lines of the start command's output:\n${tail}`);
  fail(e.message);
});
