import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native and wasm-backed server packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "pglite-prisma-adapter", "pino", "@node-rs/argon2", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Next 16 refuses dev assets to any origin but the one it was started for, so a portal started for localhost
  // and opened at 127.0.0.1 (or the reverse) never hydrated. Allow the loopback names and the configured host.
  allowedDevOrigins: [...new Set(["localhost", "127.0.0.1", "[::1]", ...(process.env.HOST ? [process.env.HOST] : [])])],
  typedRoutes: false,
  // `npm test` runs tsc over the whole project before it builds, so its build may skip Next's second pass.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
  // The same-on-every-response headers, for the static assets proxy.ts skips (it sets these and the per-request
  // CSP and HSTS on everything else). No CSP here: a second policy without the nonce would block every script.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
