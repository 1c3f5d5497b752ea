// `npm test`: every check the project has, in order of cost, with one summary line at the end.
//   lint → types → unit + integration (PGlite) → then two lanes side by side:
//     integration again on PostgreSQL (TEST_DATABASE_URL) → the short chaos run
//     production build → Playwright journeys in Debian's Chromium
// Stops at the first failing stage (the other lane finishes first). Set TEST_SKIP_E2E=1 to leave out the browser lane.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const out = path.join(root, "test-results");
fs.mkdirSync(out, { recursive: true });
const bin = (n) => path.join(root, "node_modules", ".bin", n);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };

function stage(name, cmd, args, extraEnv = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`━━ ${name}: ${r.status === 0 ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

/**
 * Lanes that share nothing (their own databases, processes and ports) run side by side; the stages of one lane run
 * one after another, and a lane stops at its first failing stage. Each stage's output goes to its own log, printed
 * whole when the stage ends, so lanes never interleave.
 */
async function parallelLanes(lanes) {
  const runStage = ({ name, cmd, args, extraEnv = {}, before }) => new Promise((resolve) => {
    if (before && !before()) return resolve(false);
    const started = Date.now();
    const log = path.join(out, `${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}.log`);
    const fd = fs.openSync(log, "w+");
    const child = spawn(cmd, args, { stdio: ["ignore", fd, fd], env: { ...env, ...extraEnv } });
    child.on("close", (code) => {
      console.log(`\n━━ ${name} ━━`);
      // Read back through the descriptor: the output stays readable even if something removed the file meanwhile.
      const text = Buffer.alloc(fs.fstatSync(fd).size);
      fs.readSync(fd, text, 0, text.length, 0);
      fs.closeSync(fd);
      process.stdout.write(text);
      console.log(`━━ ${name}: ${code === 0 ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(code === 0);
    });
  });
  const results = await Promise.all(lanes.map(async (stages) => {
    for (const st of stages) if (!(await runStage(st))) return false;
    return true;
  }));
  return results.every(Boolean);
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

function finish(ok) {
  // A stage can fail with no failing test (vitest's unhandled errors, a lint or build error): count it, so the
  // closing line never reads "0 failed" for a run that failed.
  if (!ok && totals.failed === 0) totals.failed = 1;
  // .ci/run adds its fresh-clone smoke test to these before it prints the run's closing line.
  fs.writeFileSync(path.join(out, "totals.json"), JSON.stringify({ ...totals, ok: ok && totals.failed === 0 }));
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

function ensureChromium() {
  const exe = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(exe)) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    const up = spawnSync("apt-get", ["update"], { stdio: "inherit" });
    const inst = up.status === 0 && spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit" });
    if (inst && inst.status === 0) return true;
  }
  console.error(`The browser tests need Chromium at ${exe}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  return false;
}

for (const f of ["vitest-pglite.json", "vitest-postgres.json", "vitest-chaos.json", "playwright.json", "totals.json"]) fs.rmSync(path.join(out, f), { force: true });

const gen = stage("prisma client", "npm", ["run", "-s", "db:generate"]);
if (!gen) finish(false);
if (!stage("lint", bin("eslint"), [".", "--max-warnings=0"])) finish(false);
if (!stage("types", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"])) finish(false);

const { TEST_DATABASE_URL, ...withoutPg } = env;
const unitOk = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest-pglite.json`], {
  stdio: "inherit",
  env: withoutPg,
}).status === 0;
console.log(`━━ unit + integration (PGlite): ${unitOk ? "ok" : "FAILED"}`);
countVitest(path.join(out, "vitest-pglite.json"));
if (!unitOk) finish(false);

// The integration suite again on PostgreSQL (TEST_DATABASE_URL), then the short crash-and-fault run: real worker,
// creator and sandbox processes on a PostgreSQL cluster of its own (test/chaos), which needs PostgreSQL's server
// binaries, not a running server. They share nothing with the browser journeys, which run one at a time and leave
// about half of two cores idle while they wait on the portal, so this lane runs beside the build and the journeys,
// one test file at a time (with TEST_SKIP_E2E=1, at full width).
const skipE2e = process.env.TEST_SKIP_E2E === "1";
const width = skipE2e ? [] : ["--maxWorkers=1"];
const dbLane = [];
if (TEST_DATABASE_URL) {
  dbLane.push({ name: "integration (PostgreSQL)", cmd: bin("vitest"), args: ["run", "integration", ...width, "--exclude", "test/tcr-sandbox/**", "--exclude", "sandbox/**", "--exclude", "test/security/fuzz-*", "--exclude", "test/chaos/**", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest-postgres.json`], extraEnv: { TEST_DATABASE_URL } });
} else {
  console.log("\n(TEST_DATABASE_URL is not set: database tests ran on PGlite only.)");
}
if (fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").some((v) => fs.existsSync(path.join("/usr/lib/postgresql", v, "bin", "initdb")))) {
  dbLane.push({ name: "chaos (kill -9, faults, PostgreSQL restart)", cmd: bin("vitest"), args: ["run", "test/chaos", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest-chaos.json`], extraEnv: { CHAOS: "1" } });
} else {
  console.log("\n(PostgreSQL's server binaries are not installed: the chaos run was skipped.)");
}
const browserLane = skipE2e ? [] : [
  { name: "build", cmd: "npm", args: ["run", "-s", "build"], extraEnv: { NEXT_BUILD_SKIP_TYPECHECK: "1" } },
  { name: "e2e (Playwright)", cmd: bin("playwright"), args: ["test", "--reporter=list,json"], extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` }, before: ensureChromium },
];
const lanesOk = await parallelLanes([dbLane, browserLane].filter((l) => l.length));
countVitest(path.join(out, "vitest-postgres.json"));
countVitest(path.join(out, "vitest-chaos.json"));
countPlaywright(path.join(out, "playwright.json"));
finish(lanesOk);
