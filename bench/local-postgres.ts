import pg from "pg";

/** The PostgreSQL server of development machines, which the benchmarks use when TEST_DATABASE_URL names none. */
export const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Points TEST_DATABASE_URL at the local server when it is unset and the server answers (else PGlite is used). */
export async function preferLocalPostgres(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL && (await reachable(LOCAL_POSTGRES))) process.env.TEST_DATABASE_URL = LOCAL_POSTGRES;
}
