import type { NextConfig } from "next";

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
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
