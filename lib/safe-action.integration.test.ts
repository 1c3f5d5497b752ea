import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/context";
import { useDb } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { ctxFor, makeOrg } from "@/test/factories";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => context.current }));
const { orgAction } = await import("@/lib/safe-action");

let t: TestDb;
let org: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  t = await createTestDb();
  useDb(t.db);
  org = await makeOrg(t.db);
});
afterAll(async () => { await t.close(); });
beforeEach(() => {
  context.current = { ...ctxFor(org.org, { ...org.owner }, "VIEWER"), sid: "s", memberships: [] };
});

const schema = z.object({ name: z.string().min(3, "Too short.") });

describe("orgAction", () => {
  it("refuses a signed-out caller", async () => {
    context.current = null;
    const r = await orgAction({ name: "t.x", permission: "org.read", schema }, async () => 1)({ name: "abc" });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/session has ended/) });
  });

  it("refuses a role without the permission and audits the refusal", async () => {
    const handler = vi.fn();
    const r = await orgAction({ name: "t.denied", permission: "members.manage", schema }, handler)({ name: "abc" });
    expect(r).toMatchObject({ ok: false, error: "Your role does not allow this action." });
    expect(handler).not.toHaveBeenCalled();
    const row = await t.db.auditLog.findFirst({ where: { orgId: org.org.id, action: "t.denied" } });
    expect(row?.outcome).toBe("DENIED");
  });

  it("returns field errors from the schema without calling the handler", async () => {
    const handler = vi.fn();
    const r = await orgAction({ name: "t.v", permission: "org.read", schema }, handler)({ name: "a" });
    expect(r).toEqual({ ok: false, error: "Some fields need attention.", fieldErrors: { name: "Too short." } });
    expect(handler).not.toHaveBeenCalled();
  });

  // Found by test/security/fuzz-actions: a NUL in an id reached `findFirst` and PostgreSQL answered "invalid byte
  // sequence for encoding UTF8: 0x00", which the user saw as "Something went wrong on our side".
  it("refuses a NUL or an unpaired surrogate at the field, before the handler touches the database", async () => {
    const handler = vi.fn(async (input: unknown) => t.db.organization.findFirst({ where: { name: (input as { name: string }).name } }));
    const nested = z.object({ values: z.object({ name: z.string() }) });
    for (const [input, field, s] of [
      [{ name: "ab\u0000c" }, "name", schema],
      [{ name: "ab\ud800c" }, "name", schema],
      [{ values: { name: "x\udfff" } }, "values.name", nested],
    ] as const) {
      const r = await orgAction({ name: "t.nul", permission: "org.read", schema: s as z.ZodType }, handler)(input);
      expect(r).toEqual({ ok: false, error: "Some fields need attention.", fieldErrors: { [field]: expect.stringMatching(/NUL/) } });
    }
    expect(handler).not.toHaveBeenCalled();
    // Ordinary emoji (well-formed surrogate pairs) are fine.
    expect(await orgAction({ name: "t.emoji", permission: "org.read", schema }, async (i) => i.name)({ name: "ok 💥" })).toEqual({ ok: true, data: "ok 💥" });
  });

  it("passes the organization from the session, never from the input", async () => {
    const r = await orgAction({ name: "t.ok", permission: "org.read", schema }, async (input, ctx) => `${ctx.org.id}:${input.name}`)({ name: "abc", orgId: "someone-else" } as never);
    expect(r).toEqual({ ok: true, data: `${org.org.id}:abc` });
  });

  it("shows expected errors with their message and audits them as failures", async () => {
    const r = await orgAction({ name: "t.conflict", permission: "org.read", schema }, async () => {
      throw new ConflictError("Already there.", { name: "Taken." });
    })({ name: "abc" });
    expect(r).toEqual({ ok: false, error: "Already there.", fieldErrors: { name: "Taken." } });
    expect((await t.db.auditLog.findFirst({ where: { orgId: org.org.id, action: "t.conflict" } }))?.outcome).toBe("FAILURE");
  });

  it("audits a failure against the action's target when it names one", async () => {
    await orgAction({ name: "t.targeted", permission: "org.read", schema, target: (i) => ({ type: "thing", id: i.name }) }, async () => {
      throw new ConflictError("No.");
    })({ name: "T-42" });
    expect(await t.db.auditLog.findFirst({ where: { orgId: org.org.id, action: "t.targeted" } })).toMatchObject({ targetType: "thing", targetId: "T-42", outcome: "FAILURE" });
  });

  it("hides unexpected errors behind a generic message with a log id", async () => {
    const r = await orgAction({ name: "t.boom", permission: "org.read", schema }, async () => {
      throw new Error("connection string postgresql://user:pw@host leaked");
    })({ name: "abc" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^Something went wrong on our side\. Quote reference [0-9a-f]{8}/);
    expect(r.error).not.toMatch(/postgresql|pw/);
    expect(r.logId).toMatch(/^[0-9a-f]{8}$/);
  });
});
