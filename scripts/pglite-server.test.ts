import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { Client, Connection } from "pg";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { serializeExtendedQueries } from "./pglite-server.mjs";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function serve(patched: boolean) {
  const db = new PGlite();
  await db.waitReady;
  let server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 20 });
  if (patched) server = serializeExtendedQueries(server);
  await server.start();
  const port = (server as unknown as { port: number }).port;
  const clients = await Promise.all(Array.from({ length: 4 }, async () => {
    const c = new Client({ host: "127.0.0.1", port, user: "postgres", password: "postgres", database: "postgres" });
    await c.connect();
    return c;
  }));
  open.push({ close: async () => { await Promise.all(clients.map((c) => c.end().catch(() => undefined))); await server.stop(); await db.close(); } });
  return { port, clients };
}

const tick = (ms = 100) => new Promise((r) => setTimeout(r, ms));

/** A bare protocol connection, so a test can send a Parse and hold back its Bind/Execute/Sync. */
// pg's Connection has these methods; its type declarations list only a few of them.
interface RawConnection {
  on(event: string, fn: (m: never) => void): void;
  once(event: string, fn: () => void): void;
  connect(port: number, host: string): void;
  startup(config: { user: string; database: string }): void;
  password(p: string): void;
  parse(q: { text: string; name: string; types: number[] }): void;
  bind(c: { values: string[] }): void;
  execute(c: object): void;
  flush(): void;
  sync(): void;
  end(): void;
}
async function rawConnection(port: number) {
  const c = new Connection() as unknown as RawConnection;
  const rows: unknown[][] = [];
  c.on("dataRow", (m: { fields: unknown[] }) => rows.push(m.fields));
  c.on("authenticationCleartextPassword", () => c.password("postgres"));
  c.on("authenticationMD5Password", () => c.password("postgres"));
  const ready = () => new Promise<void>((resolve) => c.once("readyForQuery", () => resolve()));
  const first = ready();
  c.once("connect", () => c.startup({ user: "postgres", database: "postgres" }));
  c.connect(port, "127.0.0.1");
  await first;
  return { c, rows, ready };
}

/**
 * A's Parse reaches the server alone; B then runs a whole query; then A's Bind/Execute/Sync arrive. A must get the
 * answer to its own statement (42), and B its own ("abc-ok").
 */
async function interleave(patched: boolean) {
  const { port, clients } = await serve(patched);
  const a = await rawConnection(port);
  open.push({ close: async () => void a.c.end() });
  a.c.parse({ text: "select $1::bigint + 1 as v", name: "", types: [] });
  a.c.flush();
  await tick();
  const b = clients[0]!.query("select $1::text || '-ok' as v", ["abc"]).then((r) => r.rows[0].v as string, (e: Error) => e.message);
  await tick();
  const aDone = a.ready();
  a.c.bind({ values: ["41"] });
  a.c.execute({});
  a.c.sync();
  await aDone;
  return { a: a.rows.map((f) => String(f[0])), b: await b };
}

describe("scripts/pglite-server.mjs", () => {
  it("keeps one connection's Parse/Bind/Execute/Sync together: another connection's query waits for its Sync", async () => {
    expect(await interleave(true)).toEqual({ a: ["42"], b: "abc-ok" });
  });

  it("the unpatched multiplexer binds A's values to B's statement (the defect the patch exists for)", async () => {
    const r = await interleave(false);
    expect(r.a).not.toEqual(["42"]);
  });

  it("an error inside one connection's exchange releases the others at its Sync", async () => {
    const [a, b] = (await serve(true)).clients;
    await expect(a!.query("select $1::bigint", ["not a number"])).rejects.toThrow(/bigint/);
    const results = await Promise.all([a!.query("select 1 as v"), b!.query("select $1::int as v", [2])]);
    expect(results.map((x) => x.rows[0].v)).toEqual([1, 2]);
  });
});
