import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskHint, open, seal } from "@/lib/crypto";

const key = randomBytes(32).toString("base64");

describe("credential box", () => {
  it("round-trips, uses a fresh IV each time, and detects tampering or a wrong key", () => {
    const a = seal("registry-secret", key);
    expect(a).toMatch(/^v1\./);
    expect(seal("registry-secret", key)).not.toBe(a);
    expect(open(a, key)).toBe("registry-secret");
    const parts = a.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => open([parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), key)).toThrow();
    expect(() => open(a, randomBytes(32).toString("base64"))).toThrow();
    expect(() => open("v0.x.y.z", key)).toThrow(/Unrecognised/);
  });
  it("masks all but the last four characters", () => {
    expect(maskHint("abcdefgh1234")).toBe("••••1234");
  });
});
