import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;

// One client per process; tests swap in a client over in-process PGlite or a throwaway PostgreSQL database.
// Prisma runs on the same pg pool the app hands to what Prisma cannot do (the CSV exports' COPY … TO STDOUT).
const holder = globalThis as unknown as { __campaigndeskDb?: PrismaClient; __campaigndeskPool?: pg.Pool | null };

export function db(): PrismaClient {
  if (!holder.__campaigndeskDb) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL });
    // An idle connection that fails is dropped by the pool; without a listener the process would crash on it.
    pool.on("error", () => {});
    holder.__campaigndeskPool = pool;
    holder.__campaigndeskDb = new PrismaClient({ adapter: new PrismaPg(pool) });
  }
  return holder.__campaigndeskDb;
}

/** The pg pool behind db(), or null when the client in use has none (a test's in-process PGlite). */
export function pgPool(): pg.Pool | null {
  db();
  return holder.__campaigndeskPool ?? null;
}

/** Swap in a client; `pool` is the pg pool on the same database, when there is one. */
export function useDb(client: PrismaClient, pool: pg.Pool | null = null): void {
  holder.__campaigndeskDb = client;
  holder.__campaigndeskPool = pool;
}

/** A unique constraint refused the write (Prisma P2002), whichever driver adapter raised it. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
