/**
 * Prints the coverage table of README.md ("Coverage: every operation of the reference") from the
 * router and operations.ts: `npx tsx sandbox/coverage.ts`. operations.test.ts fails when README is stale.
 */
import { OPERATIONS, toPattern } from "./operations";
import { createSandbox } from "./server";

const sb = await createSandbox({ port: 0 });
const routes = sb.router.list();
for (const o of OPERATIONS) {
  const impl = routes.some((r) => r.method === o.method && r.pattern === toPattern(o.path));
  console.log(`| ${o.ref} | ${o.group} | ${o.method} | \`${o.path}\` | ${impl ? "implemented" : "not yet"} | — |`);
}
await sb.close();
