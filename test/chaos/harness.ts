// The crash-and-fault run (issue 16) with real processes: a PostgreSQL server of its own, the TCR sandbox
// (`tsx sandbox/main.ts`), the portal's worker (`tsx lib/jobs/worker-main.ts`) and a creator process that registers
// brands and orders vets the way the portal's server actions do. While a bulk migrate runs in the worker and the
// creator pays for brands and vets, the harness kills the worker and the creator with SIGKILL at random points,
// keeps the sandbox's registry rate limits on (the worker's limiter must stay within them), injects registry faults through the sandbox's control API (5xx, 429 bursts, dropped and hung connections, and
// answers lost after the registry did the work) and restarts PostgreSQL once. Then it checks, from the sandbox's own
// records, that every billable operation happened exactly once per idempotency key, that every bulk item reached a
// final state, that the job's counters equal its items, and that the audit log has one row per change.
//
// Used by bench/chaos.ts (the long run) and test/chaos/chaos.integration.test.ts (the short run in `npm test`).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// import.meta.url, not __dirname: bench/chaos.ts runs this as an ES module under tsx, where __dirname is undefined.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const KEY = "chaos-key";
const SECRET = "chaos-secret";

export type ChaosOptions = {
  campaigns: number;
  brands: number;
  vets: number;
  workerKills: number;
  creatorKills: number;
  pgRestart: boolean;
  /** Seed of the random kill and fault schedule, so a failing run can be repeated. */
  seed: number;
  /** Give up (and fail) when the work is not finished by then. */
  timeoutMs: number;
  log?: (line: string) => void;
};

export type ChaosFigures = {
  campaigns: number;
  brands: number;
  vets: number;
  billableOps: number;
  workerKills: number;
  creatorKills: number;
  faultsInjected: number;
  faultsFired: number;
  pgRestarts: number;
  /** Disturbances that struck while bulk items or billable creates were still outstanding. */
  inFlight: number;
  duplicates: number;
  lost: number;
  stuck: number;
  counterMismatch: number;
  auditMismatch: number;
  jobStatus: string;
  succeeded: number;
  skipped: number;
  failed: number;
  elapsedS: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL cluster of the run's own, so restarting it touches nobody else. Needs the server binaries. */
export function postgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  for (const v of fs.readdirSync(base).sort().reverse()) {
    const bin = path.join(base, v, "bin");
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

class PrivatePostgres {
  readonly dir: string;
  private readonly asUser: string[];
  constructor(private readonly bin: string, readonly port: number) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "chaos-pg-"));
    // initdb refuses to run as root: run the cluster as the postgres user when we are root.
    const root = typeof process.getuid === "function" && process.getuid() === 0;
    this.asUser = root ? ["runuser", "-u", "postgres", "--"] : [];
    if (root) fs.chownSync(this.dir, Number(spawnSync("id", ["-u", "postgres"]).stdout.toString().trim()), Number(spawnSync("id", ["-g", "postgres"]).stdout.toString().trim()));
  }
  private run(cmd: string, args: string[]) {
    const [exe, ...pre] = [...this.asUser, path.join(this.bin, cmd)];
    const r = spawnSync(exe!, [...pre, ...args], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  }
  private opts() {
    return ["-o", `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "-l", path.join(this.dir, "log")];
  }
  init() {
    this.run("initdb", ["-D", path.join(this.dir, "data"), "-A", "trust", "-U", "postgres"]);
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), ...this.opts(), "-w", "start"]);
  }
  restart() {
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "fast", ...this.opts(), "-w", "restart"]);
  }
  stop() {
    try {
      this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
  get url() {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }
}

class Proc {
  child: ChildProcess | null = null;
  exits = 0;
  readonly output: string[] = [];
  constructor(private readonly name: string, private readonly args: string[], private readonly env: NodeJS.ProcessEnv) {}
  start() {
    // node itself with tsx's loader, not the tsx CLI: the CLI runs the program in a grandchild that a SIGKILL of the
    // CLI leaves running, so the "killed" worker would go on working (the first version of this run did exactly that).
    const child = spawn(process.execPath, ["--import", "tsx", ...this.args], { cwd: ROOT, env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    const file = process.env.CHAOS_LOG_DIR ? path.join(process.env.CHAOS_LOG_DIR, `${this.name}.log`) : null;
    const keep = (b: Buffer) => {
      // CHAOS_LOG_DIR keeps every line of every process, for finding out what a failed run did.
      if (file) fs.appendFileSync(file, b);
      for (const line of b.toString().split("\n")) if (line.trim()) this.output.push(`[${this.name}] ${line}`);
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    child.on("exit", () => {
      this.exits++;
      if (this.child === child) this.child = null;
    });
    this.child = child;
    return child;
  }
  get running() {
    return this.child !== null;
  }
  /** SIGKILL and wait for the exit: no handler runs, nothing is flushed. */
  async kill9() {
    const c = this.child;
    if (!c) return;
    const gone = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await gone;
  }
  async stop() {
    const c = this.child;
    if (!c) return;
    const gone = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await Promise.race([gone, sleep(25_000).then(() => c.kill("SIGKILL"))]);
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 250) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function runChaos(o: ChaosOptions): Promise<ChaosFigures> {
  const log = o.log ?? ((l: string) => console.log(l));
  const rand = rng(o.seed);
  const started = Date.now();
  const bin = postgresBinDir();
  if (!bin) throw new Error("The chaos run needs PostgreSQL's server binaries (initdb, pg_ctl) under /usr/lib/postgresql.");
  const pg = new PrivatePostgres(bin, await freePort());
  const sandboxPort = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chaos-data-"));
  const procs: Proc[] = [];
  pg.init();
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: pg.url,
      NEXTAUTH_SECRET: "chaos-secret-chaos-secret-chaos-secret-000",
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
      LOG_LEVEL: process.env.CHAOS_LOG_DIR ? "info" : "warn",
      UPLOAD_DIR: path.join(dataDir, "uploads"),
      TEST_DATABASE_URL: "",
    };
    const mig = spawnSync("node", ["scripts/db.mjs", "deploy"], { cwd: ROOT, env, encoding: "utf8" });
    if (mig.status !== 0) throw new Error(`migrations failed: ${mig.stderr}`);

    const sandbox = new Proc("sandbox", ["sandbox/main.ts"], {
      ...env, SANDBOX_PORT: String(sandboxPort), SANDBOX_API_KEY: KEY, SANDBOX_API_SECRET: SECRET,
      SANDBOX_DATA_DIR: path.join(dataDir, "sandbox"), SANDBOX_SEED: `chaos-${o.seed}`,
    });
    procs.push(sandbox);
    sandbox.start();
    const sb = `http://127.0.0.1:${sandboxPort}`;
    await waitFor("the sandbox", async () => (await fetch(`${sb}/_sandbox/state`)).ok, 60_000);
    const control = async (method: string, p: string, body?: unknown) => {
      const r = await fetch(`${sb}/_sandbox${p}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!r.ok) throw new Error(`control ${method} ${p}: ${r.status} ${await r.text()}`);
      return r.status === 204 ? null : r.json();
    };

    // The portal's own code, in this process, on the run's database (env first: lib/env reads it once).
    Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, ENCRYPTION_KEY: env.ENCRYPTION_KEY, LOG_LEVEL: "silent" });
    const { db } = await import("@/lib/db");
    const { makeOrg } = await import("@/test/factories");
    const { saveConnection } = await import("@/lib/registry/connection");
    const { registryConnectionSchema } = await import("@/lib/registry/schemas");
    const { registryClientFor } = await import("@/lib/registry/client");
    const { reconcileOrg } = await import("@/lib/mirror/reconcile");
    const { brandDraftKey, saveBrandDraft } = await import("@/lib/brands/drafts");
    const { wizardValuesFor } = await import("@/lib/brands/wizard-fixtures");
    const { startBulkJob } = await import("@/lib/migrations/commands");
    const d = db();

    const { org, owner, ctx } = await makeOrg(d, "Chaos Org");
    await saveConnection(d, ctx, registryConnectionSchema.parse({ baseUrl: `${sb}/v2`, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
    const client = await registryClientFor(d, org.id);
    await client.settings.updateCnpMigration({ migrationSupported: true, migrationAutoComplete: false });
    const { brandId: sharedBrand } = (await control("POST", "/campaigns", { count: o.campaigns, upstreamCnpId: "SDCA001", brandName: "Chaos Shared" })) as { brandId: string };
    await reconcileOrg(d, client, org.id);

    const entityTypes = ["PRIVATE_PROFIT", "NON_PROFIT", "PUBLIC_PROFIT", "GOVERNMENT"] as const;
    const draftIds: string[] = [];
    for (let i = 0; i < o.brands; i++) {
      const values = wizardValuesFor(entityTypes[i % entityTypes.length]!, { displayName: `Chaos Brand ${i}` });
      draftIds.push((await saveBrandDraft(d, ctx, { step: "review", values })).draftId);
    }
    const vetDrafts = draftIds.slice(0, o.vets);

    const workerEnv = { ...env };
    const worker = new Proc("worker", ["lib/jobs/worker-main.ts"], workerEnv);
    const creator = new Proc("creator", ["test/chaos/creator.ts"], { ...env, CHAOS_ORG_ID: org.id, CHAOS_USER_ID: owner.id, CHAOS_VET_DRAFTS: vetDrafts.join(",") });
    procs.push(worker, creator);
    worker.start();
    creator.start();
    const { jobId } = await startBulkJob(d, ctx, { params: { kind: "MIGRATE", upstreamCnpId: "SCNP002" }, selection: { outgoing: { brandId: sharedBrand } }, confirmCount: o.campaigns });
    log(`[chaos] ${o.campaigns} campaigns in bulk job ${jobId}; ${o.brands} brand drafts, ${o.vets} vets; seed ${o.seed}`);

    // The disturbance schedule: kills, faults and one database restart, in random order while the work runs.
    type Act = "killWorker" | "killCreator" | "fault" | "pgRestart";
    const plan: Act[] = [
      ...Array<Act>(o.workerKills).fill("killWorker"), ...Array<Act>(o.creatorKills).fill("killCreator"),
      ...Array<Act>(Math.max(4, o.workerKills + o.creatorKills)).fill("fault"), ...(o.pgRestart ? (["pgRestart"] as Act[]) : []),
    ].sort(() => rand() - 0.5);
    const faultMenu = [
      { kind: "status", status: 503, path: "*", times: 6 },
      { kind: "status", status: 500, method: "POST", path: "*", times: 3 },
      { kind: "status", status: 429, path: "*", times: 15 },
      { kind: "drop", path: "*", times: 4 },
      { kind: "lost", method: "POST", path: "/brand/nonBlocking", times: 2 },
      { kind: "lost", method: "POST", path: "/brand/:brandId/externalVetting", times: 2 },
      { kind: "lost", path: "*", times: 3 },
      { kind: "hang", path: "*", times: 2 },
    ];
    let faultsInjected = 0;
    let pgRestarts = 0;
    const done = async () => {
      const job = await d.bulkJob.findUniqueOrThrow({ where: { id: jobId } });
      const undrafted = await d.brandDraft.count({ where: { orgId: org.id, brandId: null } });
      return job.status === "COMPLETED" && undrafted === 0 && !creator.running;
    };
    let inFlight = 0;
    for (const act of plan) {
      await sleep(800 + rand() * 2500);
      const open = await d.bulkJobItem.count({ where: { jobId, state: { in: ["PENDING", "RUNNING"] } } }).catch(() => 0);
      const unregistered = await d.brandDraft.count({ where: { orgId: org.id, brandId: null } }).catch(() => 0);
      if (open > 0 || unregistered > 0) inFlight++;
      if (act === "killWorker") {
        await worker.kill9();
        log(`[chaos] kill -9 worker (${worker.exits})`);
        await sleep(300 + rand() * 1000);
        worker.start();
      } else if (act === "killCreator") {
        if (!creator.running) creator.start();
        await sleep(rand() * 1500);
        await creator.kill9();
        log(`[chaos] kill -9 creator (${creator.exits})`);
        await sleep(300);
        creator.start();
      } else if (act === "fault") {
        const f = faultMenu[Math.floor(rand() * faultMenu.length)]!;
        await control("POST", "/faults", f);
        faultsInjected++;
        log(`[chaos] fault ${JSON.stringify(f)}`);
      } else {
        pg.restart();
        pgRestarts++;
        log("[chaos] PostgreSQL restarted");
      }
    }
    // Let the remaining faults fire for a while, then clear them so the work can finish.
    await sleep(2000);
    const fired = ((await control("GET", "/faults")) as { fired: number }[]).reduce((n, f) => n + f.fired, 0);
    await control("DELETE", "/faults");
    const finishBy = started + o.timeoutMs;
    for (;;) {
      if (!creator.running) {
        const undrafted = await d.brandDraft.count({ where: { orgId: org.id, brandId: null } });
        const vetsMissing = await missingVets(d, org.id, vetDrafts);
        if (undrafted > 0 || vetsMissing > 0) creator.start();
      }
      if (!worker.running) worker.start();
      if (await done().catch(() => false)) break;
      if (Date.now() > finishBy) {
        log([...worker.output.slice(-30), ...creator.output.slice(-30)].join("\n"));
        throw new Error("the chaos run did not finish in time");
      }
      await sleep(1000);
    }
    await worker.stop();

    // The sandbox's own records: every brand, vet and the counters of billable operations.
    const brands: { brandId: string; referenceId?: string | null }[] = [];
    for (let page = 1; ; page++) {
      const r = await client.brands.search({ page, recordsPerPage: 500 });
      brands.push(...r.records);
      if (brands.length >= (r.totalRecords ?? 0) || r.records.length === 0) break;
    }
    const counters = (await control("GET", "/counters")) as { brands: number; vettingOrders: number };
    const byRef = new Map<string, number>();
    for (const b of brands) if (b.referenceId) byRef.set(b.referenceId, (byRef.get(b.referenceId) ?? 0) + 1);
    const drafts = await d.brandDraft.findMany({ where: { orgId: org.id } });
    let duplicates = 0;
    let lost = 0;
    for (const dr of drafts) {
      const intent = await d.billableIntent.findUnique({ where: { orgId_key: { orgId: org.id, key: brandDraftKey(dr.id) } } });
      const ref = intent?.referenceId ?? null;
      const n = ref ? (byRef.get(ref) ?? 0) : 0;
      if (n > 1) {
        duplicates += n - 1;
        log(`[chaos] DUPLICATE brand: draft ${dr.id} (reference ${ref}) has ${n} brands at the registry; intent ${JSON.stringify({ status: intent?.status, sendCount: intent?.sendCount, error: intent?.lastError })}`);
      }
      if (n === 0 || !dr.brandId) lost++;
    }
    // Brands the sandbox made beyond the drafts (the shared campaigns' brand is the one made by the seed).
    const extraBrands = counters.brands - o.brands;
    if (extraBrands > 0) {
      duplicates += extraBrands;
      log(`[chaos] DUPLICATE brands: the registry created ${counters.brands} brands for ${o.brands} drafts`);
    }
    let vetDuplicates = 0;
    for (const draftId of vetDrafts) {
      const dr = drafts.find((x) => x.id === draftId)!;
      // The ordered class only: the registry starts an Authentication+ vet (AEGIS, class AUTHPLUS) of its own for a
      // PUBLIC_PROFIT brand, which is neither ordered nor billed (counting it made two "duplicates" per long run).
      const vets = dr.brandId ? (await client.brands.listExternalVetting(dr.brandId, { evpId: "AEGIS", vettingClass: "STANDARD" })).length : 0;
      if (vets > 1) {
        vetDuplicates += vets - 1;
        const intent = await d.billableIntent.findFirst({ where: { orgId: org.id, key: { endsWith: `chaos-${draftId}` } } });
        log(`[chaos] DUPLICATE vet: brand ${dr.brandId} (draft ${draftId}) has ${vets} vets; intent ${JSON.stringify({ key: intent?.key, status: intent?.status, sendCount: intent?.sendCount, error: intent?.lastError })}`);
      }
      if (vets === 0) lost++;
    }
    const extraVets = Math.max(0, counters.vettingOrders - o.vets - vetDuplicates);
    if (extraVets > 0) log(`[chaos] DUPLICATE vets: the registry took ${counters.vettingOrders} vetting orders for ${o.vets} vets`);
    duplicates += vetDuplicates + extraVets;

    const job = await d.bulkJob.findUniqueOrThrow({ where: { id: jobId } });
    const items = await d.bulkJobItem.groupBy({ by: ["state"], where: { jobId }, _count: true });
    const count = (s: string) => items.find((i) => i.state === s)?._count ?? 0;
    const totalItems = items.reduce((n, i) => n + i._count, 0);
    const stuck = count("PENDING") + count("RUNNING");
    lost += o.campaigns - totalItems;
    const counterMismatch =
      Math.abs(job.succeeded - count("SUCCEEDED")) + Math.abs(job.skipped - count("SKIPPED")) + Math.abs(job.failed - count("FAILED")) + Math.abs(job.total - totalItems);
    const itemAudits = await d.auditLog.count({ where: { orgId: org.id, action: "bulk.item.migrate" } });
    const brandAudits = await d.auditLog.count({ where: { orgId: org.id, action: "brand.create" } });
    const vetAudits = await d.auditLog.count({ where: { orgId: org.id, action: "brand.vetting.order" } });
    const auditMismatch = Math.abs(itemAudits - totalItems) + Math.abs(brandAudits - o.brands) + Math.abs(vetAudits - o.vets);
    if (auditMismatch) log(`[chaos] audit rows: bulk items ${itemAudits}/${totalItems}, brand.create ${brandAudits}/${o.brands}, brand.vetting.order ${vetAudits}/${o.vets}`);
    await d.$disconnect();

    return {
      campaigns: o.campaigns, brands: o.brands, vets: o.vets, billableOps: o.brands + o.vets,
      workerKills: o.workerKills, creatorKills: o.creatorKills, faultsInjected, faultsFired: fired, pgRestarts, inFlight,
      duplicates, lost, stuck, counterMismatch, auditMismatch,
      jobStatus: job.status, succeeded: job.succeeded, skipped: job.skipped, failed: job.failed,
      elapsedS: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    for (const p of procs.reverse()) await p.kill9().catch(() => {});
    pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function missingVets(d: import("@/lib/db").Db, orgId: string, draftIds: string[]): Promise<number> {
  const drafts = await d.brandDraft.findMany({ where: { id: { in: draftIds } }, select: { brandId: true } });
  let n = 0;
  for (const dr of drafts) if (!dr.brandId || (await d.brandVetting.count({ where: { orgId, brandId: dr.brandId } })) === 0) n++;
  return n;
}
