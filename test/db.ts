import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";

// Database tests run against in-process PGlite by default, and against a real PostgreSQL server when
// TEST_DATABASE_URL points at one (CI does both). Each call gets a fresh database with every migration applied.
function migrationSql(): string[] {
  const dir = path.resolve("prisma/migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((d) => fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
}

// A fresh PGlite pays for initdb (~2 s) and the migrations. The first test process to need one builds a migrated
// data directory once and keeps its dump, keyed by the migrations' content, so every later database (in this
// run's other worker processes and in later runs) starts from the dump in a fraction of that time.
const PGLITE_CACHE_DIR = path.resolve("node_modules/.cache/campaigndesk-test");
let pgliteTemplate: Promise<Buffer> | undefined;

async function migratedPgliteDump(): Promise<Buffer> {
  const sqls = migrationSql();
  const pgliteVersion = JSON.parse(fs.readFileSync(path.resolve("node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
  const key = createHash("sha256").update(JSON.stringify([pgliteVersion, sqls])).digest("hex").slice(0, 16);
  const file = path.join(PGLITE_CACHE_DIR, `pglite-${key}.tar`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const client = new PGlite();
  for (const sql of sqls) await client.exec(sql);
  const dump = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
  await client.close();
  fs.mkdirSync(PGLITE_CACHE_DIR, { recursive: true });
  // Written aside and renamed, so a process reading the cache never sees half a file.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, dump);
  fs.renameSync(tmp, file);
  return dump;
}

export type TestDb = { db: PrismaClient; kind: "pglite" | "postgresql"; url?: string; close: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    pgliteTemplate ??= migratedPgliteDump();
    const client = new PGlite({ loadDataDir: new Blob([new Uint8Array(await pgliteTemplate)]) });
    const db = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return { db, kind: "pglite", close: async () => { await db.$disconnect(); await client.close(); } };
  }
  const name = `cd_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  for (const sql of migrationSql()) await setup.query(sql);
  await setup.end();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    db, kind: "postgresql", url,
    close: async () => {
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export type WireTestDb = TestDb & { pool: pg.Pool };

/**
 * A fresh database reached the way the app reaches its own: a pg pool, with Prisma on it (lib/db.ts). On PostgreSQL
 * (TEST_DATABASE_URL) that is a throwaway database; otherwise a migrated in-process PGlite served over the wire by
 * pglite-socket, with the launcher's queue fix (scripts/pglite-server.mjs), as the embedded mode runs it.
 */
export async function createWireTestDb(): Promise<WireTestDb> {
  if (process.env.TEST_DATABASE_URL) {
    const t = await createTestDb();
    const pool = new pg.Pool({ connectionString: t.url, max: 4 });
    pool.on("error", () => {});
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    return { ...t, db, pool, close: async () => { await db.$disconnect(); await pool.end(); await t.db.$disconnect(); await t.close(); } };
  }
  pgliteTemplate ??= migratedPgliteDump();
  const lite = new PGlite({ loadDataDir: new Blob([new Uint8Array(await pgliteTemplate)]) });
  await lite.waitReady;
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  // @ts-expect-error: a plain .mjs script without type declarations
  const { serializeExtendedQueries } = await import("../scripts/pglite-server.mjs");
  const server = serializeExtendedQueries(new PGLiteSocketServer({ db: lite, port: 0, host: "127.0.0.1", maxConnections: 20 })) as InstanceType<typeof PGLiteSocketServer>;
  await server.start();
  const port = (server as unknown as { port: number }).port;
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db, pool, kind: "pglite", url,
    close: async () => { await db.$disconnect(); await pool.end(); await server.stop(); await lite.close(); },
  };
}
