// The launcher behind `npm run dev` and `npm start`: the embedded database (unless DATABASE_URL), migrations,
// the first organization and owner, the TCR sandbox (unless TCR_BASE_URL), then Next. Ctrl-C stops them all.
//   node scripts/launch.mjs dev|start [--fresh]
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: node scripts/launch.mjs dev|start [--fresh]");
  process.exit(2);
}
const fresh = process.argv.includes("--fresh");
const root = process.cwd();
const dataDir = path.resolve(process.env.CD_DATA_DIR ?? ".data");
const host = process.env.HOST ?? "localhost";
const port = Number(process.env.PORT ?? 3000);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const say = (msg) => console.log(`[launcher] ${msg}`);
const die = (msg) => {
  if (msg) console.error(`[launcher] ${msg}`);
  stopAll(1);
};

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // Reverse start order: Next, sandbox and worker first, the database last so they can finish writing.
  const alive = children.filter((c) => c.proc.exitCode === null && c.proc.signalCode === null).reverse();
  if (alive.length === 0) process.exit(code);
  let i = 0;
  const next = () => {
    const c = alive[i++];
    if (!c) return process.exit(code);
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return next();
    // Found before the child can exit: once it has, its orphans belong to init and can no longer be traced.
    const family = descendants(c.proc.pid);
    const killFamily = () => { for (const pid of family) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ } };
    const timer = setTimeout(() => { c.proc.kill("SIGKILL"); killFamily(); }, 10_000);
    c.proc.once("exit", () => { clearTimeout(timer); setTimeout(() => { killFamily(); next(); }, 500); });
    c.proc.kill("SIGTERM");
  };
  next();
}
// `next dev` and `tsx` do their real work in grandchildren, which a signal to the child alone can leave running
// (holding the ports). Children stay in the launcher's process group, so whoever stops the launcher's group
// (Ctrl-C, Playwright) reaches them all; for a stop the launcher decides on, it finds them through /proc.
function descendants(pid) {
  let table;
  try {
    table = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        return [Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])];
      } catch { return null; }
    }).filter(Boolean);
  } catch { return []; }
  const found = [];
  const walk = (p) => { for (const [c, pp] of table) if (pp === p) { found.push(c); walk(c); } };
  walk(pid);
  return found;
}
process.on("SIGINT", () => { say("stopping…"); stopAll(0); });
process.on("SIGTERM", () => stopAll(0));

function start(name, cmd, args, env) {
  const proc = spawn(cmd, args, { stdio: "inherit", env });
  children.push({ name, proc });
  proc.on("exit", (code, signal) => {
    if (!stopping) die(`${name} exited (${signal ?? code}); stopping everything`);
  });
  return proc;
}

// A step that fails has already said why in one line (db.mjs, bootstrap); the launcher adds nothing.
function run(name, cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) die(r.error ? `${name} could not start: ${r.error.message}` : null);
}

function waitForPort(p, ms = 30_000) {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(p, "127.0.0.1");
      s.once("connect", () => { s.end(); resolve(); });
      s.once("error", () => (Date.now() > until ? reject(new Error(`nothing listened on port ${p}`)) : setTimeout(attempt, 200)));
    };
    attempt();
  });
}

function freePort(from) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(freePort(from + 1)));
    srv.listen(from, "127.0.0.1", () => srv.close(() => resolve(from)));
  });
}

// Secrets for a local install: generated once into the data dir. A deployment passes its own through the
// environment; with a real DATABASE_URL in production, a missing ENCRYPTION_KEY is an error, not a new key.
function localSecrets() {
  const file = path.join(dataDir, "secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const s = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  fs.writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}

// The Prisma client is generated code (not in git). `npm ci` makes it through postinstall, but an install with
// --ignore-scripts, or a schema edited since, would leave every process failing on import: make it here too.
function ensurePrismaClient() {
  const schema = path.join(root, "prisma", "schema.prisma");
  const client = path.join(root, "generated", "prisma", "client.ts");
  if (fs.existsSync(client) && fs.statSync(client).mtimeMs >= fs.statSync(schema).mtimeMs) return;
  say("generating the Prisma client");
  run("prisma generate", "npm", ["run", "-s", "db:generate"], process.env);
}

async function main() {
  ensurePrismaClient();
  if (fresh) {
    if (!dataDir.startsWith(root + path.sep)) die(`--fresh refuses to delete ${dataDir}: it is outside the project`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  if (mode === "start" && !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) die("no production build: run `npm run build` first");

  const external = Boolean(process.env.DATABASE_URL);
  if (mode === "start" && external && !process.env.ENCRYPTION_KEY) {
    die("ENCRYPTION_KEY is required with an external DATABASE_URL in production (32 random bytes, base64)");
  }
  const secrets = process.env.NEXTAUTH_SECRET && process.env.ENCRYPTION_KEY ? {} : localSecrets();
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: mode === "dev" ? "development" : "production",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY,
    UPLOAD_DIR: process.env.UPLOAD_DIR ?? path.join(dataDir, "uploads"),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}`,
  };

  if (!external) {
    const dbPort = Number(process.env.PGLITE_PORT ?? (await freePort(5433)));
    say(`embedded PostgreSQL (PGlite) on 127.0.0.1:${dbPort}, data in ${path.relative(root, dataDir)}/pglite`);
    // One PGlite backend behind a multiplexer (scripts/pglite-server.mjs: pglite-socket with its queue made safe for
    // concurrent clients): connections are cheap, so allow every pool (web, worker, pg-boss) its fill.
    start("embedded database", process.execPath, ["scripts/pglite-server.mjs", `--db=${path.join(dataDir, "pglite")}`, `--port=${dbPort}`, "--max-connections=100"], env);
    await waitForPort(dbPort, 60_000).catch((e) => die(`embedded database did not start: ${e.message}`));
    env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`;
  }

  run("migrations", process.execPath, ["scripts/db.mjs", "deploy"], env);

  if (!process.env.TCR_BASE_URL && fs.existsSync(path.join(root, "sandbox", "main.ts"))) {
    const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
    env.SANDBOX_PORT = String(sandboxPort);
    env.SANDBOX_DATA_DIR = process.env.SANDBOX_DATA_DIR ?? path.join(dataDir, "sandbox");
    env.SANDBOX_API_KEY = process.env.SANDBOX_API_KEY ?? "sandbox-key";
    env.SANDBOX_API_SECRET = process.env.SANDBOX_API_SECRET ?? "sandbox-secret";
    env.TCR_BASE_URL = `http://127.0.0.1:${sandboxPort}/v2`;
    env.PAGE_CHECK_ALLOW = process.env.PAGE_CHECK_ALLOW ?? `127.0.0.1:${sandboxPort},localhost:${sandboxPort}`;
    env.BOOTSTRAP_REGISTRY_KEY = env.SANDBOX_API_KEY;
    env.BOOTSTRAP_WEBHOOK_SECRET = env.SANDBOX_API_SECRET;
    start("TCR sandbox", bin("tsx"), ["sandbox/main.ts"], env);
    await waitForPort(sandboxPort).catch((e) => die(`TCR sandbox did not start: ${e.message}`));
  }

  run("first-run setup", bin("tsx"), ["scripts/bootstrap.ts"], env);

  // In production the worker may run as its own scaled-out process instead (WORKER=off here, `npm run worker` there).
  if (process.env.WORKER !== "off") start("job worker", bin("tsx"), ["lib/jobs/worker-main.ts"], env);

  const nextArgs = mode === "dev" ? ["dev", "-H", host, "-p", String(port)] : ["start", "-H", host, "-p", String(port)];
  start("Next.js", bin("next"), nextArgs, env);
  say(`portal: ${env.NEXTAUTH_URL}`);
}

main().catch((e) => die(e.stack ?? String(e)));
