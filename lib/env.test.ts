import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const good = {
  DATABASE_URL: "postgresql://u@127.0.0.1:5432/db",
  NEXTAUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

describe("environment", () => {
  it("applies defaults", () => {
    const e = parseEnv(good);
    expect(e.TCR_BASE_URL).toBe("http://127.0.0.1:4010/v2");
    expect(e.SESSION_IDLE_MINUTES).toBe(30);
  });
  it("names every missing or bad variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", ENCRYPTION_KEY: "short", SESSION_MAX_HOURS: "zero" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const msg = (e as Error).message;
      for (const v of ["DATABASE_URL", "NEXTAUTH_SECRET", "ENCRYPTION_KEY", "SESSION_MAX_HOURS"]) expect(msg).toContain(v);
    }
  });
});
