import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import { AUDIT_PAGE_SIZE, auditFilterSchema, listAudit } from "@/lib/audit-log/queries";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe("audit log", () => {
  it("pages with a keyset cursor, filters, and stays inside the organization", async () => {
    const a = await makeOrg(t.db);
    const b = await makeOrg(t.db);
    for (let i = 0; i < AUDIT_PAGE_SIZE + 10; i++) {
      await audit(t.db, { orgId: a.org.id, actor: a.owner, action: i % 2 ? "brand.create" : "campaign.create", outcome: i % 5 ? "SUCCESS" : "FAILURE", targetId: `T${i}` });
    }
    await audit(t.db, { orgId: b.org.id, actor: b.owner, action: "brand.create", outcome: "SUCCESS", targetId: "B-SECRET" });

    const p1 = await listAudit(t.db, a.org.id, auditFilterSchema.parse({}));
    expect(p1.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(p1.total).toBe(AUDIT_PAGE_SIZE + 11); // + the org.create row
    const p2 = await listAudit(t.db, a.org.id, auditFilterSchema.parse({ after: p1.nextCursor }));
    expect(p2.rows).toHaveLength(11);
    expect(p2.nextCursor).toBeNull();
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(AUDIT_PAGE_SIZE + 11);
    expect([...p1.rows, ...p2.rows].every((r) => r.orgId === a.org.id)).toBe(true);

    const failures = await listAudit(t.db, a.org.id, auditFilterSchema.parse({ outcome: "FAILURE" }));
    expect(failures.rows.every((r) => r.outcome === "FAILURE")).toBe(true);
    expect(failures.total).toBe(12);
    // Another organization's cursor or text never reveals its rows.
    const bRow = await t.db.auditLog.findFirstOrThrow({ where: { orgId: b.org.id, targetId: "B-SECRET" } });
    expect((await listAudit(t.db, a.org.id, auditFilterSchema.parse({ after: bRow.id }))).rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect((await listAudit(t.db, a.org.id, auditFilterSchema.parse({ q: "B-SECRET" }))).total).toBe(0);
  });

  it("scrubs secrets from details", async () => {
    const a = await makeOrg(t.db);
    await audit(t.db, { orgId: a.org.id, actor: a.owner, action: "x", outcome: "SUCCESS", detail: { apiSecret: "zzz", nested: { password: "yyy", ok: 1 } } });
    const row = await t.db.auditLog.findFirstOrThrow({ where: { orgId: a.org.id, action: "x" } });
    expect(row.detail).toEqual({ apiSecret: "[redacted]", nested: { password: "[redacted]", ok: 1 } });
  });
});
