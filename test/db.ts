import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
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

export type TestDb = { db: PrismaClient; kind: "pglite" | "postgresql"; url?: string; close: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const client = new PGlite();
    for (const sql of migrationSql()) await client.exec(sql);
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
