// Role matrix, generated from the one permission table (lib/auth/permissions.ts): every server action the code
// exports is called as a VIEWER, OPERATOR, ADMIN and OWNER of one organization. Where `can(role, permission)` says no,
// the answer must be the ForbiddenError refusal, a DENIED audit row under the action's name must exist, and nothing
// else may have been written; where it says yes, the answer must not be that refusal. The list of actions comes from
// test/security/inventory.ts, so a new action is in the matrix the moment it is exported.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import type { OrgContext } from "@/lib/auth/context";
import { authCookies } from "@/lib/auth/cookies";
import { can, PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";
import { useDb } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { addUserToOrg, ctxFor } from "@/test/factories";
import { loadServerActions, type ServerAction } from "@/test/security/inventory";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({
  ORG_COOKIE: "cd_org",
  currentContext: async () => context.current,
  currentUser: async () => (context.current ? { user: context.current.user, sid: context.current.sid } : null),
  sessionIdFromCookie: async () => context.current?.sid ?? null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// The job queue (pg-boss) needs a PostgreSQL server; jobs an action enqueues are recorded instead.
const enqueued = vi.hoisted(() => [] as { queue: string; payload: unknown }[]);
vi.mock("@/lib/jobs/boss", () => ({
  boss: async () => ({}),
  enqueue: async (_b: unknown, queue: { name: string }, payload: unknown) => void enqueued.push({ queue: queue.name, payload }),
}));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (n: string) => (jar.has(n) ? { name: n, value: jar.get(n)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (n: string, v: string) => void jar.set(n, v),
    delete: (n: string) => void jar.delete(n),
  }),
  headers: async () => new Headers(),
}));

const FORBIDDEN = new ForbiddenError().message;
const RANK: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2, OWNER: 3 };

/**
 * Sanity list: an action whose name says it administers the organization must not be gated below ADMIN, and none
 * that changes something may be open to a VIEWER. The permission table stays the truth; this catches an action wired
 * to the wrong permission.
 */
const ADMIN_PREFIXES = [/^members\./, /^settings\./, /^registry\.connection\./, /^registry\.profile\./, /^webhooks\./, /^reseller\./, /\.settings\./];
/** Actions open to a VIEWER because they only read (or dry-run) and write nothing. */
const READ_ONLY = new Set(["brand.liveStatus", "bulk.dryRun", "campaign.qualify", "campaign.qualifyBrand", "evidence.panel"]);
/** Actions open to a VIEWER because they change only the caller's own account (its password and sessions). */
const SELF_SERVICE = new Set(["account.password.change", "account.session.revoke", "account.sessions.revoke_all", "account.totp.start", "account.totp.enable", "account.totp.disable"]);

let k: Kit;
const members = {} as Record<Role, OrgContext>;
let actions: ServerAction[];

async function counts() {
  const d = k.db;
  return {
    brand: await d.brand.count(), campaign: await d.campaign.count(), brandDraft: await d.brandDraft.count(),
    campaignDraft: await d.campaignDraft.count(), membership: await d.membership.count(), evidence: await d.evidenceFile.count(),
    bulkJob: await d.bulkJob.count(), migration: await d.cnpMigration.count(), intent: await d.billableIntent.count(),
    connection: await d.registryConnection.findMany({ select: { updatedAt: true } }).then((r) => JSON.stringify(r)),
    org: await d.organization.count(), jobs: enqueued.length,
  };
}

beforeAll(async () => {
  k = await startKit();
  useDb(k.db);
  for (const role of ROLES) {
    const { user } = role === "OWNER" ? { user: k.org.owner } : await addUserToOrg(k.db, k.org.org, role);
    members[role] = { ...ctxFor(k.org.org, user, role), sid: `sid-${role}`, memberships: [{ orgId: k.org.org.id, orgName: k.org.org.name, role }] };
  }
  actions = await loadServerActions();
}, 120_000);
afterAll(async () => k?.close());

describe("role matrix", () => {
  it("every gated action is refused exactly where the permission table says, and each refusal is audited and writes nothing", async () => {
    const gated = actions.filter((a) => a.meta);
    expect(gated.length).toBeGreaterThan(40);
    let calls = 0, allowed = 0, refused = 0;
    const errors: string[] = [];
    for (const a of gated) {
      const { name, permission } = a.meta!;
      for (const role of ROLES) {
        context.current = members[role];
        jar.clear();
        calls++;
        const deniedBefore = await k.db.auditLog.count({ where: { orgId: k.org.org.id, action: name, outcome: "DENIED", actorId: members[role].user.id } });
        const before = await counts();
        let r: { ok: boolean; error?: string; logId?: string };
        try {
          r = (await a.fn({})) as typeof r;
        } catch (e) {
          errors.push(`${name} as ${role} threw ${(e as Error).message}`);
          continue;
        }
        if (r?.logId) errors.push(`${name} as ${role}: unexpected error ${r.error}`);
        if (!can(role, permission)) {
          expect(r, `${name} as ${role}`).toEqual({ ok: false, error: FORBIDDEN });
          const deniedAfter = await k.db.auditLog.count({ where: { orgId: k.org.org.id, action: name, outcome: "DENIED", actorId: members[role].user.id } });
          expect(deniedAfter, `${name} as ${role}: DENIED audit row`).toBe(deniedBefore + 1);
          expect(await counts(), `${name} as ${role} wrote something while refused`).toEqual(before);
          refused++;
        } else {
          expect(r?.error, `${name} as ${role} is allowed by ${permission} but was refused`).not.toBe(FORBIDDEN);
          allowed++;
        }
      }
    }
    console.log(`[role-matrix] actions=${gated.length} calls=${calls} allowed=${allowed} refused=${refused} errors=${errors.length}`);
    expect(errors).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    expect(allowed + refused).toBe(calls);
  }, 300_000);

  it("no action is gated more weakly than its name implies", () => {
    const weak: string[] = [];
    for (const a of actions.filter((x) => x.meta)) {
      const { name, permission } = a.meta!;
      const min = RANK[PERMISSIONS[permission as Permission]];
      if (ADMIN_PREFIXES.some((p) => p.test(name)) && min < RANK.ADMIN) weak.push(`${name} (${permission})`);
      if (min === RANK.VIEWER && !READ_ONLY.has(name) && !SELF_SERVICE.has(name)) weak.push(`${name} is open to VIEWER but not in the read-only or self-service list`);
      if (SELF_SERVICE.has(name) && permission !== "account.self") weak.push(`${name} is self-service but gated by ${permission}`);
      if (/\.(delete|remove|manage|cancel|discard|unsubscribe)$/.test(name) && min < RANK.OPERATOR) weak.push(`${name} (${permission})`);
    }
    expect(weak).toEqual([]);
    // Every read-only entry still names a real action (the list cannot go stale silently).
    const names = new Set(actions.map((a) => a.meta?.name));
    expect([...READ_ONLY, ...SELF_SERVICE].filter((n) => !names.has(n))).toEqual([]);
  });

  it("the actions without a gate act on the signed-in user only", async () => {
    const ungated = actions.filter((a) => !a.meta).map((a) => a.exportName).sort();
    expect(ungated).toEqual(["createOrganizationAction", "signOutAction", "switchOrganizationAction"]);
    const sw = actions.find((a) => a.exportName === "switchOrganizationAction")!.fn;
    const create = actions.find((a) => a.exportName === "createOrganizationAction")!.fn;
    const other = await (await import("@/test/factories")).makeOrg(k.db, "Role Matrix Other Org");
    for (const role of ROLES) {
      context.current = members[role];
      jar.clear();
      // Switching to an organization the user does not belong to is not-found, and sets no cookie.
      expect(await sw({ orgId: other.org.id })).toEqual({ ok: false, error: expect.stringMatching(/not found/i) });
      expect(jar.size).toBe(0);
      // Switching to their own works whatever the role.
      expect(await sw({ orgId: k.org.org.id })).toEqual({ ok: true, data: null });
      expect(jar.get("cd_org")).toBe(k.org.org.id);
    }
    // Signed out: both refuse and nothing is created.
    context.current = null;
    const orgs = await k.db.organization.count();
    expect((await sw({ orgId: k.org.org.id })) as { ok: boolean }).toMatchObject({ ok: false });
    expect((await create({ name: "Nobody's Org" })) as { ok: boolean }).toMatchObject({ ok: false });
    expect(await k.db.organization.count()).toBe(orgs);
    // Any signed-in user may create an organization; they become its OWNER, not a member of anyone else's.
    context.current = members.VIEWER;
    const r = (await create({ name: "Viewer's Own Org" })) as { ok: true; data: { orgId: string } };
    expect(r.ok).toBe(true);
    const m = await k.db.membership.findUniqueOrThrow({ where: { userId_orgId: { userId: members.VIEWER.user.id, orgId: r.data.orgId } } });
    expect(m.role).toBe("OWNER");
    expect(await k.db.membership.count({ where: { orgId: r.data.orgId } })).toBe(1);
  });

  it("signing out ends the caller's session only, and expires its cookie whatever the role or hold", async () => {
    const signOut = actions.find((a) => a.exportName === "signOutAction")!.fn;
    const cookie = authCookies().sessionToken.name;
    const now = new Date();
    const open = (userId: string) =>
      k.db.authSession.create({ data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) } });
    for (const role of ROLES) {
      const mine = await open(members[role].user.id);
      const other = await open(members[role].user.id);
      // Held at a password change: signing out is still open to them.
      context.current = { ...members[role], sid: mine.id, user: { ...members[role].user, mustChangePassword: role === "VIEWER" } };
      jar.clear();
      jar.set(cookie, "jwt").set(`${cookie}.0`, "jwt-chunk").set("cd_org", k.org.org.id);
      await expect(signOut(undefined)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/sign-in;/) });
      expect((await k.db.authSession.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).not.toBeNull();
      // Their session in another browser stays open (that is "Sign out everywhere", on the Account page).
      expect((await k.db.authSession.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).toBeNull();
      expect(jar.get(cookie)).toBe("");
      expect(jar.get(`${cookie}.0`)).toBe("");
      expect(jar.get("cd_org")).toBe(k.org.org.id);
    }
    // Without a session there is nothing to revoke; the stale cookie is still expired.
    context.current = null;
    jar.clear();
    jar.set(cookie, "stale");
    await expect(signOut(undefined)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/sign-in;/) });
    expect(jar.get(cookie)).toBe("");
  });
});
