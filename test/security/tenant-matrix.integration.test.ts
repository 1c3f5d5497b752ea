// Tenant matrix, generated from the code: every server action with an orgAction gate and every route handler under
// app/api is called as the OWNER of organization A with organization B's ids. Every answer must be a refusal or
// not-found, no distinctive string of B's may appear in it, and B's rows must be unchanged. The inventory
// (test/security/inventory.ts) is read from the code, and the suite fails when it lists something this matrix has no
// entry for, so a new action or handler cannot slip past.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type { z } from "zod";
import type { OrgContext } from "@/lib/auth/context";
import { useDb } from "@/lib/db";
import { startKit, type Kit } from "@/lib/brands/lifecycle.testkit";
import { makeOrg } from "@/test/factories";
import { loadServerActions, routeHandlers, type ServerAction } from "@/test/security/inventory";

const context = vi.hoisted(() => ({ current: null as OrgContext | null }));
vi.mock("@/lib/auth/context", () => ({
  ORG_COOKIE: "cd_org",
  currentContext: async () => context.current,
  currentUser: async () => (context.current ? { user: context.current.user, sid: context.current.sid } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
const enqueued = vi.hoisted(() => [] as { queue: string; payload: unknown }[]);
vi.mock("@/lib/jobs/boss", () => ({
  boss: async () => ({}),
  enqueue: async (_b: unknown, queue: { name: string }, payload: unknown) => void enqueued.push({ queue: queue.name, payload }),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));

/** Strings only B's rows contain: none may appear in an answer to A. */
const SECRETS = ["Bravo Leakcheck Brand", "Bravo Leakcheck Holdings", "98-7654321", "bravo-campaign-description-secret", "Bravo Draft Secret", "bravo-campaign-draft-secret", "bravo-evidence-secret.pdf", "bravo-bulk-secret", "bravo-migration-secret", "bravo-audit-secret", "bravo-snapshot-secret", "bravo-event-secret"];

let k: Kit;
let A: OrgContext;
let bOrg: { id: string; key: string };
const B = {} as Record<"brandId" | "campaignId" | "brandDraftId" | "campaignDraftId" | "fileId" | "jobId" | "migrationId" | "auditId" | "snapshotId" | "eventId" | "membershipId" | "sessionId", string>;

async function seedB() {
  const b = await makeOrg(k.db, "Bravo Org");
  bOrg = b.org;
  const orgId = b.org.id;
  const now = new Date();
  B.membershipId = (await k.db.membership.findFirstOrThrow({ where: { orgId } })).id;
  B.sessionId = (await k.db.authSession.create({ data: { userId: b.owner.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000), userAgent: "bravo" } })).id;
  B.brandId = "BBRAVO1";
  B.campaignId = "CBRAVO1";
  await k.db.brand.create({ data: { orgId, brandId: B.brandId, displayName: SECRETS[0]!, companyName: SECRETS[1]!, entityType: "PRIVATE_PROFIT", status: "ACTIVE", identityStatus: "VERIFIED", data: { brandId: B.brandId, ein: SECRETS[2]!, displayName: SECRETS[0]! }, confirmedAt: now } });
  await k.db.campaign.create({ data: { orgId, campaignId: B.campaignId, brandId: B.brandId, usecase: "MARKETING", status: "ACTIVE", data: { campaignId: B.campaignId, description: SECRETS[3]! }, confirmedAt: now } });
  B.brandDraftId = (await k.db.brandDraft.create({ data: { orgId, displayName: SECRETS[4]!, data: { displayName: SECRETS[4]! } } })).id;
  B.campaignDraftId = (await k.db.campaignDraft.create({ data: { orgId, brandId: B.brandId, data: { description: SECRETS[5]! } } })).id;
  B.fileId = (await k.db.evidenceFile.create({ data: { orgId, kind: "APPEAL_EVIDENCE", storageKey: `bravo/${Date.now()}`, fileName: SECRETS[6]!, mimeType: "application/pdf", size: 10, sha256: "0".repeat(64) } })).id;
  B.jobId = (await k.db.bulkJob.create({ data: { orgId, kind: "CAMPAIGN_NUDGE", params: { note: SECRETS[7]! } } })).id;
  B.migrationId = (await k.db.cnpMigration.create({ data: { orgId, campaignId: B.campaignId, direction: "OUT", status: "PENDING", data: { note: SECRETS[8]! }, confirmedAt: now } })).id;
  B.auditId = (await k.db.auditLog.create({ data: { orgId, action: "brand.create", targetType: "brand", targetId: B.brandId, outcome: "SUCCESS", detail: { note: SECRETS[9]! } } })).id;
  B.snapshotId = (await k.db.campaignPageSnapshot.create({ data: { orgId, draftId: B.campaignDraftId, kind: "PRIVACY", requestedUrl: "https://bravo.example/privacy", finalUrl: "https://bravo.example/privacy", status: 200, outcome: "loaded", text: SECRETS[10]!, html: `<p>${SECRETS[10]!}</p>`, findings: [] } })).id;
  B.eventId = (await k.db.registryEvent.create({ data: { orgId, dedupeKey: "bravo-event", eventType: "CAMPAIGN_ADD", brandId: B.brandId, campaignId: B.campaignId, payload: { note: SECRETS[11]! } } })).id;
}

/** Everything of B's, as stored: compared before and after each call. */
async function snapshotB(): Promise<string> {
  const where = { where: { orgId: bOrg.id } };
  const d = k.db;
  return JSON.stringify([
    await d.brand.findMany(where), await d.campaign.findMany(where), await d.brandDraft.findMany(where), await d.campaignDraft.findMany(where),
    await d.evidenceFile.findMany(where), await d.bulkJob.findMany(where), await d.cnpMigration.findMany(where),
    await d.campaignPageSnapshot.findMany(where), await d.registryEvent.findMany(where), await d.membership.findMany(where),
    await d.registryConnection.findMany(where), await d.organization.findUnique({ where: { id: bOrg.id } }),
    await d.authSession.findMany({ where: { id: B.sessionId }, include: { user: true } }),
  ]);
}

/** The B id a schema key refers to, read from the key's name and the action's name; undefined when it names no id. */
function bIdFor(key: string, action: string): string | undefined {
  const k2 = key.toLowerCase();
  if (k2 === "brandid" || k2 === "brandids") return B.brandId;
  // Evidence targets: the first target type is a brand's appeal evidence, so the id is B's brand.
  if (k2 === "targetid") return action.startsWith("brand.") || action.startsWith("evidence.") ? B.brandId : B.campaignId;
  if (k2 === "campaignid" || k2 === "campaignids") return B.campaignId;
  if (k2 === "membershipid") return B.membershipId;
  if (k2 === "sessionid") return B.sessionId;
  if (k2 === "draftid") return action.startsWith("brand.") ? B.brandDraftId : B.campaignDraftId;
  if (k2 === "fileid" || k2 === "fileids") return B.fileId;
  if (k2 === "jobid") return B.jobId;
  if (k2 === "migrationid") return B.migrationId;
  if (k2 === "eventid" || k2 === "eventids") return B.eventId;
  if (k2 === "snapshotid") return B.snapshotId;
  if (k2 === "id") {
    if (action.startsWith("bulk.")) return B.jobId;
    if (action.startsWith("migration.")) return B.migrationId;
    if (action.startsWith("evidence.")) return B.fileId;
    if (action.startsWith("webhooks.")) return B.eventId;
    if (action.includes(".draft.")) return action.startsWith("brand.") ? B.brandDraftId : B.campaignDraftId;
  }
  return undefined;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; entries?: Record<string, string>; values?: unknown[]; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** Values for the few non-id keys whose format a generic string does not meet (so parsing lets B's id through). */
const KEY_VALUES: Record<string, () => unknown> = {
  pinSms: () => "Your code is @OTP_PIN@", successSms: () => undefined, otpPin: () => "123456", evpId: () => "AEGIS",
  vettingClass: () => "STANDARD", additionalRequestPayload: () => "{}", name: () => "tenantmatrix", confirm: () => B.campaignId,
  upstreamCnpId: () => "S123ABC", usecase: () => "MARKETING", phoneNumber: () => "+14155550110",
};

/** A value that fits a schema node: the point is to get past parsing so the handler meets B's ids. */
function sample(s: z.ZodType, key: string, action: string, ids: string[]): unknown {
  const d = defOf(s);
  const id = bIdFor(key, action);
  switch (d.type) {
    case "optional": case "nullable": case "default": case "prefault": case "readonly": case "catch": case "nonoptional":
      return sample(d.innerType!, key, action, ids);
    case "pipe": return sample(d.in!, key, action, ids);
    case "object": return inputFor(s, action, ids);
    case "array": {
      const v = sample(d.element!, key.replace(/s$/, ""), action, ids);
      return [v];
    }
    case "string":
      if (id) { ids.push(key); return id; }
      if (key in KEY_VALUES) return KEY_VALUES[key]!();
      return /key$/i.test(key) ? `tenant-matrix-${key}-0001` : /url/i.test(key) ? "https://alpha.example/x" : /email/i.test(key) ? "alpha@example.com" : "Tenant matrix";
    case "number": case "int": return 1;
    case "boolean": return true;
    case "enum": return Object.values(d.entries!)[0];
    case "literal": return d.values![0];
    case "intersection": {
      const dd = d as unknown as { left: z.ZodType; right: z.ZodType };
      return { ...inputFor(dd.left, action, ids), ...inputFor(dd.right, action, ids) };
    }
    case "union": return sample(d.options![0]!, key, action, ids);
    default: return undefined;
  }
}

function inputFor(schema: z.ZodType, action: string, ids: string[]): Record<string, unknown> {
  if (defOf(schema).type === "intersection") return sample(schema, "", action, ids) as Record<string, unknown>;
  let s = schema;
  for (let d = defOf(s); d.type !== "object"; d = defOf(s)) {
    const next = d.innerType ?? d.in;
    if (!next) return {};
    s = next;
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(defOf(s).shape!)) out[key] = sample(child, key, action, ids);
  return out;
}

/**
 * Actions whose input names none of B's ids, because they act on the caller's own organization only (creating, or
 * settings that have no foreign id to point at). Each is still called, and must still leave B alone and leak nothing.
 */
const NO_FOREIGN_ID = new Set([
  "brand.create", "brand.draft.save", "campaign.create", "campaign.draft.save", "campaign.qualify", "campaign.pages.check",
  "members.add", "migration.settings.update", "registry.connection.sandbox", "registry.connection.save", "registry.connection.test",
  "registry.profile.update", "registry.sync", "reseller.create", "reseller.vonage.create", "partnerCampaign.import", "campaign.messageFlow.preview", "webhooks.subscribe", "webhooks.mock", "bulk.dryRun", "bulk.start",
  // Resellers and webhook subscriptions exist only in the registry account of the caller's own connection (nothing
  // of them is stored here), so there is no id of B's to point at: another organization's are in another account.
  "reseller.update", "reseller.delete", "webhooks.unsubscribe",
  // The caller's own account: the password and sessions of the signed-in user, whatever the organization.
  "account.password.change", "account.sessions.revoke_all", "account.totp.start", "account.totp.enable", "account.totp.disable",
  // The caller's own organization's two-factor rule: it takes only on/off.
  "settings.require_two_factor",
]);

/**
 * Actions that answer ok to a foreign id by design, each with the exact answer it may give: nothing of B's.
 * - evidence.panel lists the caller's own attachments and library for the target (none for B's brand) and asks the
 *   caller's own registry connection, which does not know B's brand.
 * - migration.refresh of a campaign the organization does not own refreshes it as one shared with it (it is the
 *   connectivity partner) through its own connection; the answer is only the id it was given.
 */
const OK_BY_DESIGN: Record<string, (data: unknown) => boolean> = {
  "evidence.panel": (d) => {
    const p = d as { attachments: unknown[]; library: unknown[]; registry: { ok: boolean } };
    return p.attachments.length === 0 && p.library.length === 0 && p.registry.ok === false;
  },
  // The dry run answers per campaign: B's is "not in this organization's campaigns", and none is eligible.
  "bulk.dryRun": (d) => {
    const p = d as { eligible: number; rows: { reason: string }[] };
    return p.eligible === 0 && p.rows.length > 0 && p.rows.every((r) => r.reason === "NOT_MIRRORED");
  },
  // Starting a job creates it in the caller's organization (B's rows are compared unchanged); each item is checked
  // against the caller's own mirror when it runs (lib/migrations/bulk.ts: not mirrored → SKIPPED), not proven here.
  "bulk.start": (d) => typeof (d as { jobId: unknown }).jobId === "string" && (d as { total: number }).total === 1,
  "migration.refresh": (d) => JSON.stringify(d) === JSON.stringify({ campaignId: B.campaignId }),
};

/** How each route handler is asked for B's rows. The suite fails when a handler has no entry here. */
const ROUTES: Record<string, (() => { method: string; url: string; params: Record<string, string> })[] | "not-org-scoped"> = {
  "/api/auth/[...nextauth]": "not-org-scoped",
  "/api/health": "not-org-scoped",
  // Webhooks from the registry authenticate by the organization's webhook secret, not a session (own suite).
  "/api/webhooks/tcr/[orgKey]": "not-org-scoped",
  "/api/jobs/[jobId]": [() => ({ method: "GET", url: `/api/jobs/${B.jobId}`, params: { jobId: B.jobId } })],
  "/api/page-snapshots/[id]": [
    () => ({ method: "GET", url: `/api/page-snapshots/${B.snapshotId}?format=html`, params: { id: B.snapshotId } }),
    () => ({ method: "GET", url: `/api/page-snapshots/${B.snapshotId}?format=text`, params: { id: B.snapshotId } }),
  ],
  "/api/files/[id]": [() => ({ method: "GET", url: `/api/files/${B.fileId}`, params: { id: B.fileId } })],
  "/api/files/registry": [
    () => ({ method: "GET", url: `/api/files/registry?targetType=CAMPAIGN_MMS&targetId=${B.campaignId}&uuid=00000000-0000-4000-8000-000000000000`, params: {} }),
    () => ({ method: "GET", url: `/api/files/registry?targetType=BRAND_APPEAL&targetId=${B.brandId}&uuid=00000000-0000-4000-8000-000000000000`, params: {} }),
  ],
  // Reports export the caller's own organization's rows; B's strings must not be among them.
  "/api/exports/[report]": ["brands", "campaigns", "audit"].map((report) => () => ({ method: "GET", url: `/api/exports/${report}?brandId=${B.brandId}&campaignId=${B.campaignId}`, params: { report } })),
  // The upload takes no id: it stores the bytes under the caller's organization (lib/evidence/store.ts).
  "/api/files": "not-org-scoped",
  // The import dry run takes no id in its request: it reads the uploaded file and checks it against the caller's own
  // mirror only (a foreign brandId in a row is "not a brand of this organization": app/api/imports/dry-run tests).
  "/api/imports/dry-run": "not-org-scoped",
  // The run takes the same files and no id: its job and drafts are created in the caller's organization, and its
  // rows are checked against the caller's mirror as in the dry run (app/api/imports/run tests).
  "/api/imports/run": "not-org-scoped",
  // The templates are the same static files for every organization.
  "/api/imports/templates/[kind]": "not-org-scoped",
};

let actions: ServerAction[];
beforeAll(async () => {
  k = await startKit();
  useDb(k.db);
  A = { ...k.org.ctx, sid: "sid-a", memberships: [{ orgId: k.org.org.id, orgName: k.org.org.name, role: "OWNER" }] };
  await seedB();
  actions = await loadServerActions();
}, 120_000);
afterAll(async () => k?.close());

const leaks = (body: string) => SECRETS.filter((s) => body.includes(s));

describe("tenant matrix", () => {
  it("no server action lets A reach B's rows", async () => {
    let tried = 0, refused = 0, ownOrg = 0, parseRefused = 0;
    const leaked: string[] = [], accepted: string[] = [], changed: string[] = [], noId: string[] = [];
    const gated = actions.filter((a) => a.meta);
    for (const a of gated) {
      const { name, schema } = a.meta!;
      const ids: string[] = [];
      const input = inputFor(schema, name, ids);
      if (ids.length === 0 && !NO_FOREIGN_ID.has(name)) noId.push(`${name} ${JSON.stringify(Object.keys(input))}`);
      context.current = A;
      const before = await snapshotB();
      const r = (await a.fn(input)) as { ok: boolean; error?: string; fieldErrors?: Record<string, string> };
      const body = JSON.stringify(r) ?? "";
      if (leaks(body).length) leaked.push(`${name}: ${leaks(body).join(", ")}`);
      if ((await snapshotB()) !== before) changed.push(name);
      if (ids.length === 0) { ownOrg++; continue; }
      tried++;
      if (r.ok === false) {
        refused++;
        // Answered at a field (the input schema, or the org check naming the field): counted, so the figure is honest.
        if (r.fieldErrors) parseRefused++;
      } else if (OK_BY_DESIGN[name]?.((r as unknown as { data: unknown }).data)) refused++;
      else accepted.push(`${name} accepted B's ${ids.join(", ")}: ${body.slice(0, 200)}`);
    }
    expect(Object.keys(OK_BY_DESIGN).filter((n) => !gated.some((a) => a.meta!.name === n))).toEqual([]);
    console.log(`[tenant-matrix] actions tried=${tried} refused=${refused} leaked=${leaked.length} changed=${changed.length} (of which answered with field errors=${parseRefused}; own-organization actions also called=${ownOrg})`);

    expect(noId, "actions whose input could not be derived to name one of B's ids and that have no entry").toEqual([]);
    expect(leaked).toEqual([]);
    expect(changed).toEqual([]);
    expect(accepted).toEqual([]);
    expect(refused).toBe(tried);
    expect(tried).toBeGreaterThan(30);
    // The no-foreign-id list names real actions only.
    const names = new Set(gated.map((a) => a.meta!.name));
    expect([...NO_FOREIGN_ID].filter((n) => !names.has(n))).toEqual([]);
  }, 300_000);

  it("no route handler answers A with B's rows", async () => {
    const handlers = routeHandlers();
    expect(handlers.map((h) => h.url).filter((u) => !(u in ROUTES)), "route handlers with no tenant-matrix entry").toEqual([]);
    expect(Object.keys(ROUTES).filter((u) => !handlers.some((h) => h.url === u)), "stale entries").toEqual([]);
    let tried = 0, refused = 0, ownExports = 0;
    const leaked: string[] = [], served: string[] = [];
    for (const h of handlers) {
      const entry = ROUTES[h.url]!;
      if (entry === "not-org-scoped") continue;
      const mod = (await import(/* @vite-ignore */ path.resolve(h.file))) as Record<string, (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
      for (const make of entry) {
        const { method, url, params } = make();
        const fn = mod[method];
        expect(fn, `${h.file} exports ${method}`).toBeTypeOf("function");
        context.current = A;
        const before = await snapshotB();
        tried++;
        const init = method === "POST" ? { method, body: "%PDF-1.4 tenant", headers: { "x-file-name": "a.pdf", "content-type": "application/pdf" } } : { method };
        const res = await fn!(new NextRequest(new URL(url, "http://localhost"), init), { params: Promise.resolve(params) });
        const body = await res.text();
        if (leaks(body).length) leaked.push(`${method} ${url}: ${leaks(body).join(", ")}`);
        expect(await snapshotB(), `${method} ${url} changed B`).toBe(before);
        if ([400, 403, 404, 422, 502].includes(res.status)) refused++;
        else if (h.url === "/api/exports/[report]" && res.status === 200) ownExports++;
        else served.push(`${method} ${url} → ${res.status}`);
      }
    }
    console.log(`[tenant-matrix] routes tried=${tried} refused=${refused} leaked=${leaked.length} (exports of A's own rows, leak-checked=${ownExports})`);
    expect(leaked).toEqual([]);
    expect(served).toEqual([]);
    expect(tried).toBeGreaterThan(5);
    expect(refused + ownExports).toBe(tried);
  }, 120_000);
});
