import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import os from "node:os";
import { fileURLToPath } from "node:url";

// Tests run in Node; component tests (the .test.tsx files) declare `// @vitest-environment jsdom` at their top, so
// the other files skip jsdom's start-up.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["{app,components,lib,sandbox,scripts,test}/**/*.test.{ts,tsx}"],
    setupFiles: ["./vitest.setup.ts"],
    // Tests build their own database clients (test/db.ts); these values only satisfy lib/env.ts.
    env: {
      DATABASE_URL: "postgresql://unused@127.0.0.1:1/unused",
      NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
      ENCRYPTION_KEY: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      LOG_LEVEL: "silent",
    },
    // Vitest's default leaves one core to its main process, which only collects results: on a 2-core machine that
    // ran every file one after another. Each worker's database and sandbox are its own (PGlite in process, or a
    // database of its own on PostgreSQL; sandboxes listen on port 0), so files can run side by side.
    maxWorkers: Math.max(2, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
