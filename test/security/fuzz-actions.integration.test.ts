// Every org-scoped server action, called as an OWNER with hostile input (fast-check): wrong types, 1 MB strings,
// nesting 200–2,000 deep, __proto__/constructor/prototype keys, NUL and lone surrogates, NaN/Infinity/-0, arrays
// for objects, and objects with the schema's own keys holding such values. Outcomes: accepted (ok), refused
// (ok: false with a message), or a server error (the generic "Something went wrong on our side" with a logId, or
// a throw). Server errors must be zero, and a refusal must write nothing: every table's content digest is taken
// before and after each run. The only rows a refusal may add are audit rows with outcome FAILURE or DENIED
// (orgAction audits refusals), and the registry rate limiter's own bookkeeping.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { useDb } from "@/lib/db";
import { log } from "@/lib/log";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";
import { actionInput, describeInput } from "@/test/security/fuzz-inputs";
import { loadServerActions, type ServerAction } from "@/test/security/inventory";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
const queued = vi.hoisted(() => [] as { name: string; data: unknown }[]);
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// pg-boss needs a PostgreSQL server; the queue is recorded instead (enqueue still validates each payload).
vi.mock("@/lib/jobs/boss", async (orig) => ({
  ...(await orig<typeof import("@/lib/jobs/boss")>()),
  boss: async () => ({ send: async (name: string, data: unknown) => (queued.push({ name, data }), `job-${queued.length}`) }),
}));

const KEY = "fuzz-key";
const SECRET = "fuzz-secret";
const RUNS_PER_ACTION = 15;
/** Tables a refusal may still touch: the audit log (FAILURE/DENIED rows only, checked below) and the limiter. */
const MAY_CHANGE_ON_REFUSAL = new Set(["AuditLog", "RegistryRateLimit"]);

let t: TestDb;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof makeOrg>>;
let tables: string[];

async function connectSandbox() {
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
}

/** md5 of every table's rows, so an update is seen as well as an insert or delete. */
async function digests(): Promise<Record<string, string>> {
  const sql = tables.map((name) => `SELECT '${name}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${name}" t`).join(" UNION ALL ");
  const rows = await t.db.$queryRawUnsafe<{ name: string; d: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.d]));
}

beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed: "fuzz-actions" });
  org = await makeOrg(t.db);
  await connectSandbox();
  context.current = { ...org.ctx, sid: "fuzz-session", memberships: [{ orgId: org.org.id, orgName: org.org.name, role: "OWNER" }] };
  tables = (await t.db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`).map((r) => r.table_name);
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});

type Finding = { action: string; kind: "server_error" | "wrote_on_refusal"; input: string; detail: string };

describe("fuzzing every server action's input", () => {
  it("never answers with a server error, and a refusal writes nothing", async () => {
    const actions = (await loadServerActions()).filter((a): a is ServerAction & { meta: NonNullable<ServerAction["meta"]> } => !!a.meta);
    expect(actions.length).toBeGreaterThan(50);
    const logged: unknown[] = [];
    const spy = vi.spyOn(log(), "error").mockImplementation(((obj: unknown) => void logged.push(obj)) as never);
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    const counts = { runs: 0, refused: 0, accepted: 0, server_errors: 0, wrote_on_refusal: 0 };
    const findings: Finding[] = [];

    for (const a of actions) {
      await fc.assert(
        fc.asyncProperty(actionInput(a.meta.schema), async (input) => {
          counts.runs++;
          const before = await digests();
          const auditsBefore = await t.db.auditLog.count();
          logged.length = 0;
          let result: { ok: boolean; logId?: string; error?: string } | undefined;
          let thrown: unknown;
          try {
            result = (await a.fn(input)) as typeof result;
          } catch (e) {
            thrown = e;
          }
          const redirect = thrown && typeof thrown === "object" && "digest" in thrown && /^NEXT_REDIRECT/.test(String(thrown.digest));
          if ((thrown && !redirect) || result?.logId) {
            counts.server_errors++;
            const err = (logged[0] as { err?: Error } | undefined)?.err ?? thrown;
            findings.push({ action: a.meta.name, kind: "server_error", input: describeInput(input), detail: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 400) : String(err) });
          } else if (result?.ok || redirect) {
            counts.accepted++;
          } else {
            counts.refused++;
            const after = await digests();
            const changed = Object.keys(after).filter((k) => after[k] !== before[k] && !MAY_CHANGE_ON_REFUSAL.has(k));
            const newAudits = await t.db.auditLog.findMany({ orderBy: { createdAt: "desc" }, take: Math.max(0, (await t.db.auditLog.count()) - auditsBefore) });
            const badAudits = newAudits.filter((r) => r.outcome !== "FAILURE" && r.outcome !== "DENIED");
            if (changed.length || badAudits.length) {
              counts.wrote_on_refusal++;
              findings.push({ action: a.meta.name, kind: "wrote_on_refusal", input: describeInput(input), detail: `tables ${changed.join(",")} audits ${badAudits.map((r) => r.outcome).join(",")}; refusal: ${result?.error}` });
            }
          }
          // An accepted connection change would point every later registry call at whatever the fuzzer chose.
          if (result?.ok && a.meta.name.startsWith("registry.connection")) await connectSandbox();
          return true;
        }),
        { numRuns: RUNS_PER_ACTION, seed, endOnFailure: true },
      );
    }
    spy.mockRestore();

    console.log(`[fuzz-actions] actions=${actions.length} runs=${counts.runs} refused=${counts.refused} accepted=${counts.accepted} server_errors=${counts.server_errors} wrote_on_refusal=${counts.wrote_on_refusal} seed=${seed}`);
    for (const f of findings.slice(0, 20)) console.log(`[fuzz-actions] ${f.kind} ${f.action}: ${f.detail}\n    input: ${f.input}`);
    expect(counts.runs).toBe(actions.length * RUNS_PER_ACTION);
    expect(counts.refused).toBeGreaterThan(0);
    expect(findings).toEqual([]);
    expect(counts.server_errors).toBe(0);
  }, 180_000);
});
