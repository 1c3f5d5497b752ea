// The production build (issue 18): how long the project's own `npm run build` takes (prisma generate, then
// `next build` with its TypeScript pass, NEXT_TELEMETRY_DISABLED=1), and the first-load JS of the main pages,
// gzipped, from what the build recorded.
//   npx tsx bench/build.ts               build, then measure .next
//   npx tsx bench/build.ts --cold        first remove .next and tsconfig.tsbuildinfo: a fresh clone's build, as npm run bench does
//   npx tsx bench/build.ts --no-build    measure the .next already there (no timing line)
// Without --cold, Next's cache (.next/cache) and TypeScript's incremental file (tsconfig.tsbuildinfo, which any
// `tsc --noEmit` also writes) make the build faster; the JSON line says which it was ("cache": "cold" or "warm").
// First-load JS of a route: every script its HTML loads before hydration, i.e. the build manifest's root main
// files plus the entry chunks of the route's layouts and page (entryJSFiles of the route's
// page_client-reference-manifest.js); each unique file gzipped (zlib, level 9) and summed.
// Prints {"bench":"next-build","seconds":…,"goal_s":60} and per route {"bench":"first-load-js","route":…,"kb_gzip":…,"goal_kb":250}.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const ROOT = process.cwd();
const NEXT = path.join(ROOT, ".next");
/** The pages issue 18 names, by URL, with the App Router entry that renders each. */
export const ROUTES: { route: string; entry: string }[] = [
  { route: "/dashboard", entry: "/(portal)/dashboard/page" },
  { route: "/brands", entry: "/(portal)/brands/page" },
  { route: "/campaigns", entry: "/(portal)/campaigns/page" },
  { route: "/migrations", entry: "/(portal)/migrations/page" },
  { route: "/campaigns/new", entry: "/(portal)/campaigns/new/page" },
];

async function timeBuild(): Promise<{ seconds: number; phases: Record<string, number> }> {
  const t0 = performance.now();
  let out = "";
  const code = await new Promise<number>((resolve) => {
    const child = spawn("npm", ["run", "-s", "build"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    const take = (b: Buffer) => {
      out += b.toString();
      process.stderr.write(b);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("exit", (c) => resolve(c ?? 1));
  });
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`npm run build exited with ${code}`);
  // Next prints how long its compile and TypeScript passes took ("Compiled successfully in 41s", "Finished TypeScript in 20s").
  const phases: Record<string, number> = {};
  const clean = out.replace(/\x1b\[[0-9;]*m/g, "");
  for (const [key, re] of [["compile_s", /Compiled successfully in ([\d.]+)(ms|s|min)/], ["typecheck_s", /Finished TypeScript in ([\d.]+)(ms|s|min)/]] as const) {
    const m = re.exec(clean);
    if (m) phases[key] = +(Number(m[1]) * (m[2] === "ms" ? 0.001 : m[2] === "min" ? 60 : 1)).toFixed(1);
  }
  return { seconds, phases };
}

/** The entry chunks of one App Router page, from the client reference manifest the build writes beside it. */
function entryChunks(entry: string): string[] {
  const file = path.join(NEXT, "server", "app", ...entry.split("/").filter(Boolean)) + "_client-reference-manifest.js";
  if (!fs.existsSync(file)) throw new Error(`no ${path.relative(ROOT, file)}: is .next a production build of this tree?`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  if (!manifest?.entryJSFiles) throw new Error(`${path.relative(ROOT, file)} has no entryJSFiles`);
  return Object.values(manifest.entryJSFiles).flat();
}

export function firstLoad(entry: string): { kb: number; files: { file: string; kb: number }[] } {
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const files = [...new Set([...(build.rootMainFiles ?? []), ...entryChunks(entry)])].filter((f) => f.endsWith(".js"));
  const sized = files.map((f) => {
    const abs = path.join(NEXT, f.replace(/^\/?_next\//, ""));
    return { file: f, kb: gzipSync(fs.readFileSync(abs), { level: 9 }).length / 1024 };
  });
  return { kb: sized.reduce((s, f) => s + f.kb, 0), files: sized.sort((a, b) => b.kb - a.kb) };
}

const lines: string[] = [];
if (!process.argv.includes("--no-build")) {
  const tsbuildinfo = path.join(ROOT, "tsconfig.tsbuildinfo");
  if (process.argv.includes("--cold")) {
    fs.rmSync(NEXT, { recursive: true, force: true });
    fs.rmSync(tsbuildinfo, { force: true });
  }
  const cache = fs.existsSync(path.join(NEXT, "cache")) || fs.existsSync(tsbuildinfo) ? "warm" : "cold";
  const { seconds, phases } = await timeBuild();
  console.log(`npm run build (prisma generate + next build, TypeScript pass included, ${cache} cache): ${seconds.toFixed(1)} s ${JSON.stringify(phases)}`);
  lines.push(JSON.stringify({ bench: "next-build", seconds: +seconds.toFixed(1), typecheck: true, cache, ...phases, goal_s: 60 }));
}
for (const r of ROUTES) {
  const { kb, files } = firstLoad(r.entry);
  console.log(`${r.route.padEnd(16)} ${kb.toFixed(1).padStart(7)} KB gzip in ${files.length} files; largest: ${files.slice(0, 3).map((f) => `${path.basename(f.file)} ${f.kb.toFixed(1)} KB`).join(", ")}`);
  lines.push(JSON.stringify({ bench: "first-load-js", route: r.route, kb_gzip: +kb.toFixed(1), files: files.length, goal_kb: 250 }));
}
for (const l of lines) console.log(l);
