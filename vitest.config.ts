import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

// Unit and component tests run in jsdom; files that touch the database, the sandbox or the
// network declare `// @vitest-environment node` at their top.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    environment: "jsdom",
    include: ["{app,components,lib,sandbox,scripts,test}/**/*.test.{ts,tsx}"],
    setupFiles: ["./vitest.setup.ts"],
    // Tests build their own database clients (test/db.ts); these values only satisfy lib/env.ts.
    env: {
      DATABASE_URL: "postgresql://unused@127.0.0.1:1/unused",
      NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
      ENCRYPTION_KEY: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      LOG_LEVEL: "silent",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
