// The portal's attack surface, read from the code rather than listed by hand: every page route and route handler
// under app/, and every server action exported by a "use server" module. The security suites (tenant matrix, role
// matrix, fuzzing) iterate over this inventory and fail when something in it has no entry of theirs, so a new page,
// handler or action cannot slip past them.
import fs from "node:fs";
import path from "node:path";
import { actionMeta, type ActionMeta } from "@/lib/safe-action";

const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      walk(p, out);
    } else out.push(p);
  }
  return out;
}

/** "app/(portal)/brands/[brandId]/page.tsx" → "/brands/[brandId]"; route groups drop out of the URL. */
export function urlOf(file: string): string {
  const rel = path.relative(path.join(ROOT, "app"), path.dirname(path.join(ROOT, file)));
  const parts = rel.split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + parts.join("/");
}

export type RouteEntry = { file: string; url: string; params: string[] };

function routes(name: RegExp): RouteEntry[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => name.test(path.basename(f)))
    .map((abs) => {
      const file = path.relative(ROOT, abs);
      const url = urlOf(file);
      const params = [...url.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
      return { file, url, params };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

export const pageRoutes = (): RouteEntry[] => routes(/^page\.tsx$/);
export const routeHandlers = (): RouteEntry[] => routes(/^route\.ts$/);

/** Files whose first statement is the "use server" directive. */
export function serverActionModules(): string[] {
  return [...walk(path.join(ROOT, "lib")), ...walk(path.join(ROOT, "app"))]
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")))
    .map((f) => path.relative(ROOT, f))
    .sort();
}

export type ServerAction = {
  module: string;
  exportName: string;
  fn: (input: unknown) => Promise<unknown>;
  /** The orgAction gate; undefined for the few actions that are not org-scoped (sign-in, switching organization). */
  meta: ActionMeta | undefined;
};

/** Imports every "use server" module and returns each exported function with its orgAction gate. */
export async function loadServerActions(): Promise<ServerAction[]> {
  const out: ServerAction[] = [];
  for (const file of serverActionModules()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [exportName, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      out.push({ module: file, exportName, fn: fn as ServerAction["fn"], meta: actionMeta(fn) });
    }
  }
  return out;
}
