// `npm run -s bench:seed -- [--campaigns 100000] [--brands 5000] [--org ORG_ID]`
// Mirrors N campaigns over M brands (bench/seed-data.ts) into one organization of the database at DATABASE_URL:
// a real PostgreSQL, or the embedded PGlite while the portal runs (`npm run dev` prints
// "embedded PostgreSQL (PGlite) on 127.0.0.1:PORT": DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:PORT/postgres).
// Without --org it creates the organization "Scale demo (N campaigns)" and makes every owner of the oldest
// organization its owner too, so the demo user can switch to it from the organization menu.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { newOrgKey } from "@/lib/organizations/commands";
import { seedScale } from "./seed-data";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const count = (name: string, def: number, max: number) => {
  const raw = arg(name);
  const n = raw === undefined ? def : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`${name} must be a whole number from 1 to ${max.toLocaleString("en-US")} (got ${raw})`);
    process.exit(2);
  }
  return n;
};
const campaigns = count("--campaigns", 100_000, 2_000_000);
const brands = count("--brands", 5_000, 200_000);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL: a PostgreSQL URL, or the embedded database's while the portal runs (npm run dev prints its port).");
  process.exit(2);
}

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
try {
  let orgId = arg("--org");
  if (orgId) {
    if (!(await db.organization.findUnique({ where: { id: orgId } }))) throw new Error(`No organization with id ${orgId}`);
  } else {
    const first = await db.organization.findFirst({ orderBy: { createdAt: "asc" }, include: { memberships: { where: { role: "OWNER" } } } });
    const org = await db.organization.create({
      data: {
        name: `Scale demo (${campaigns.toLocaleString("en-US")} campaigns)`,
        key: newOrgKey(),
        memberships: { create: (first?.memberships ?? []).map((m) => ({ userId: m.userId, role: "OWNER" as const })) },
      },
    });
    orgId = org.id;
  }
  // A prefix of its own per run, so seeding twice (or into an organization with real rows) never collides.
  const prefix = `S${Date.now().toString(36).toUpperCase()}`;
  const t0 = performance.now();
  await seedScale((sql, ...params) => db.$executeRawUnsafe(sql, ...params), orgId, { campaigns, brands, prefix });
  console.log(`seeded ${campaigns.toLocaleString("en-US")} campaigns over ${brands.toLocaleString("en-US")} brands into organization ${orgId} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
