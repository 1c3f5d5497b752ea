import { describe, expect, it } from "vitest";
import { checkEveryMinutes, dueForCheck } from "./cadence";

const at = (iso: string) => new Date(iso);
const tcr = { provider: "TCR" as const, authMode: "BEARER" as const };
const vonage = { provider: "VONAGE" as const, authMode: "BASIC" as const };

describe("reconciliation cadence", () => {
  it("polls upstreams without webhooks every 2 minutes and checks TCR every 15", () => {
    expect(checkEveryMinutes(vonage)).toBe(2);
    expect(checkEveryMinutes({ provider: "TELNYX", authMode: "BEARER" })).toBe(2);
    expect(checkEveryMinutes(tcr)).toBe(15);
  });

  it("is due when never checked, or once its interval has passed (a cron tick of slack), not before", () => {
    const now = at("2026-12-07T10:00:00Z");
    expect(dueForCheck({ ...vonage, lastCheckedAt: null }, now)).toEqual({ deep: true });
    expect(dueForCheck({ ...vonage, lastCheckedAt: at("2026-12-07T09:58:05Z") }, now)).toEqual({ deep: false });
    expect(dueForCheck({ ...vonage, lastCheckedAt: at("2026-12-07T09:59:00Z") }, now)).toBeNull();
    expect(dueForCheck({ ...tcr, lastCheckedAt: at("2026-12-07T09:50:00Z") }, now)).toBeNull();
    expect(dueForCheck({ ...tcr, lastCheckedAt: at("2026-12-07T09:45:10Z") }, now)).toEqual({ deep: false });
  });

  it("makes the first check after 03:00 UTC deep, once a day", () => {
    expect(dueForCheck({ ...vonage, lastCheckedAt: at("2026-12-07T02:59:00Z") }, at("2026-12-07T03:01:00Z"))).toEqual({ deep: true });
    expect(dueForCheck({ ...vonage, lastCheckedAt: at("2026-12-07T03:01:00Z") }, at("2026-12-07T03:03:00Z"))).toEqual({ deep: false });
    expect(dueForCheck({ ...tcr, lastCheckedAt: at("2026-12-07T02:50:00Z") }, at("2026-12-07T03:05:00Z"))).toEqual({ deep: true });
  });
});
