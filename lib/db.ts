import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;

// One client per process; tests swap in a client over in-process PGlite or a throwaway PostgreSQL database.
const holder = globalThis as unknown as { __campaigndeskDb?: PrismaClient };

export function db(): PrismaClient {
  holder.__campaigndeskDb ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }) });
  return holder.__campaigndeskDb;
}

export function useDb(client: PrismaClient): void {
  holder.__campaigndeskDb = client;
}

/** A unique constraint refused the write (Prisma P2002), whichever driver adapter raised it. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
