// `npm run -s bench`: every benchmark in turn, each in a process of its own (so one's memory cannot count in
// another's), with its output as it runs; then the one-line JSON figure of each, together, as the last lines.
//   npm run -s bench -- list-pages export     only those
// The bulk engine is measured on both databases (its memory goal names both), and at the registry's write budget
// with two workers sharing the database limiter, on PostgreSQL as production runs it (bulk-migrate.ts --postgres:
// TEST_DATABASE_URL or else the local server; without one it prints a "skipped" figure).
import { spawn } from "node:child_process";

// PGlite: the in-process database, whatever TEST_DATABASE_URL says.
const onPglite = { TEST_DATABASE_URL: undefined };

const ALL = [
  ["export", ["bench/export.ts"]],
  ["list-pages", ["bench/list-pages.ts"]],
  ["bulk-migrate", ["bench/bulk-migrate.ts", "--count", "2000"], onPglite],
  ["bulk-migrate-postgres", ["bench/bulk-migrate.ts", "--postgres", "--count", "2000"]],
  ["bulk-migrate-rate-limited", ["bench/bulk-migrate.ts", "--postgres", "--rate-limited", "--count", "1000", "--workers", "2"]],
  ["webhook-intake", ["bench/webhook-intake.ts"]],
  ["upload", ["bench/upload.ts"]],
  ["chaos", ["bench/chaos.ts"]],
  // The production build from cold, then the web vitals of that build (web-vitals needs it).
  ["build", ["bench/build.ts", "--cold"]],
  ["web-vitals", ["bench/web-vitals.ts"]],
];
const only = process.argv.slice(2);
const unknown = only.filter((n) => !ALL.some(([name]) => name === n));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(", ")}; there are: ${ALL.map(([n]) => n).join(", ")}`);
  process.exit(2);
}
const figures = [];
let failed = 0;
for (const [name, args, dbEnv] of ALL.filter(([n]) => only.length === 0 || only.includes(n))) {
  console.log(`\n━━ bench ${name} ━━`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...dbEnv };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", ...args], { stdio: ["ignore", "pipe", "inherit"], env });
    let rest = "";
    child.stdout.on("data", (b) => {
      process.stdout.write(b);
      const lines = (rest + b.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) if (l.startsWith('{"bench"')) figures.push(l);
    });
    child.on("exit", (c) => {
      if (rest.startsWith('{"bench"')) figures.push(rest);
      resolve(c ?? 1);
    });
  });
  if (code !== 0) {
    failed++;
    figures.push(JSON.stringify({ bench: name, error: `exited with ${code}` }));
  }
}
console.log("");
for (const f of figures) console.log(f);
process.exit(failed ? 1 : 0);
