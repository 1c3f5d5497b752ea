/**
 * The published-page check as a command: fetch the draft's privacy policy, terms and opt-in pages through
 * the guarded fetcher, judge each (check.ts), and keep one evidence snapshot per URL (final URL, status,
 * time, sha256, text, HTML, findings), scoped to the organization and audited. The submit links the
 * draft's snapshots to the campaign it creates, so the campaign page can show what the reviewer saw.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Finding } from "@/lib/campaigns/lint/types";
import { findUrls } from "@/lib/campaigns/lint/text";
import { campaignDraftDataSchema, type CampaignDraftData } from "@/lib/campaigns/schemas";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { checkPage, type PageKind } from "./check";
import { fetchPage, parseAllowList, type PageFetchOptions, type PageFetchResult } from "./fetch";

type Ctx = Pick<OrgContext, "user" | "org">;

/** At most this many pages per check: the three kinds plus a few opt-in pages. */
export const MAX_PAGES_PER_CHECK = 8;
/** Extracted text kept per snapshot (the HTML itself is capped by the fetcher's 2 MB). */
export const SNAPSHOT_TEXT_MAX = 200_000;

export type PageOutcome = "loaded" | "refused" | "failed";

export interface PageTarget { kind: PageKind; url: string }

const isHttpUrl = (s: unknown): s is string => typeof s === "string" && /^https?:\/\/\S+\.\S+/i.test(s.trim());
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

/**
 * The URLs a reviewer opens for this draft: the privacy policy and terms (registry fields and the consent
 * builder's), each opt-in mechanism's evidence and web-form URL, and any other link in the message flow.
 */
export function pageTargets(data: CampaignDraftData): PageTarget[] {
  const consent = asRecord(data.consent);
  const out: PageTarget[] = [];
  const seen = new Set<string>();
  const add = (kind: PageKind, url: unknown) => {
    if (!isHttpUrl(url)) return;
    const u = url.trim();
    if (seen.has(u) || out.length >= MAX_PAGES_PER_CHECK) return;
    seen.add(u);
    out.push({ kind, url: u });
  };
  // The registry fields first; the consent builder's links too where they differ (the message flow shows them).
  add("PRIVACY", data.privacyPolicyLink);
  add("PRIVACY", consent.privacyPolicyUrl);
  add("TERMS", data.termsAndConditionsLink);
  add("TERMS", consent.termsUrl);
  const mechanisms = Array.isArray(consent.mechanisms) ? consent.mechanisms.map(asRecord) : [];
  for (const m of mechanisms) {
    add("OPT_IN", m.evidenceUrl);
    if (m.method === "WEB_FORM" || m.method === "MOBILE_APP") add("OPT_IN", m.location);
  }
  for (const u of findUrls(data.messageFlow ?? "")) add("OPT_IN", u);
  return out;
}

export interface PageSnapshotView {
  id: string;
  kind: PageKind;
  requestedUrl: string;
  finalUrl: string;
  status: number | null;
  outcome: PageOutcome;
  reason: string | null;
  fetchedAt: string;
  contentHash: string | null;
  findings: Finding[];
  hasHtml: boolean;
  campaignId: string | null;
}

const viewSelect = {
  id: true, kind: true, requestedUrl: true, finalUrl: true, status: true, outcome: true, reason: true, fetchedAt: true, contentHash: true, findings: true, campaignId: true,
  html: false,
} as const;

type ViewRow = Prisma.CampaignPageSnapshotGetPayload<{ select: typeof viewSelect }>;

function toView(r: ViewRow, hasHtml: boolean): PageSnapshotView {
  return {
    id: r.id, kind: r.kind as PageKind, requestedUrl: r.requestedUrl, finalUrl: r.finalUrl, status: r.status, outcome: r.outcome as PageOutcome,
    reason: r.reason, fetchedAt: r.fetchedAt.toISOString(), contentHash: r.contentHash, findings: (r.findings ?? []) as unknown as Finding[], hasHtml, campaignId: r.campaignId,
  };
}

export type PageCheckDeps = { fetch?: (url: string, options: PageFetchOptions) => Promise<PageFetchResult>; fetchOptions?: PageFetchOptions };

function outcomeOf(f: PageFetchResult): PageOutcome {
  if (f.ok) return "loaded";
  return f.reason === "private-address" || f.reason === "scheme" || f.reason === "invalid-url" || f.reason === "content-type" || f.reason === "too-large" || f.reason === "too-many-redirects"
    ? "refused" : "failed";
}

/** Fetches and judges every page of the draft and stores one snapshot per URL. */
export async function checkPublishedPages(db: Db, ctx: Ctx, input: { draftId: string }, deps: PageCheckDeps = {}) {
  const draft = await db.campaignDraft.findFirst({ where: { id: input.draftId, orgId: ctx.org.id }, select: { id: true, data: true, submittedAt: true } });
  if (!draft) throw new NotFoundError("That draft");
  if (draft.submittedAt) throw new ConflictError("This draft was already submitted; its page snapshots are on the campaign page.");
  const targets = pageTargets(campaignDraftDataSchema.parse(draft.data ?? {}));
  const fetcher = deps.fetch ?? fetchPage;
  const options: PageFetchOptions = deps.fetchOptions ?? { allow: parseAllowList(env().PAGE_CHECK_ALLOW) };

  const fetched = await Promise.all(targets.map(async (t) => ({ target: t, result: await fetcher(t.url, options) })));
  const rows = await db.$transaction(async (tx) => {
    const created = [];
    for (const { target, result } of fetched) {
      const judged = checkPage(target.kind, result);
      const body = result.ok ? result.body : "";
      created.push(await tx.campaignPageSnapshot.create({
        data: {
          orgId: ctx.org.id, draftId: draft.id, kind: target.kind, requestedUrl: target.url, finalUrl: result.finalUrl,
          status: result.status ?? null, outcome: outcomeOf(result), reason: result.ok ? null : result.message,
          contentType: result.ok ? result.contentType : null,
          contentHash: result.ok ? createHash("sha256").update(body, "utf8").digest("hex") : null,
          text: judged.text.slice(0, SNAPSHOT_TEXT_MAX), html: result.ok ? body : null,
          findings: judged.findings as unknown as Prisma.InputJsonValue, createdById: ctx.user.id,
        },
        select: viewSelect,
      }));
    }
    await audit(tx, {
      orgId: ctx.org.id, actor: ctx.user, action: "campaign.pages.check", targetType: "campaignDraft", targetId: draft.id, outcome: "SUCCESS",
      detail: { pages: created.map((r) => ({ snapshotId: r.id, kind: r.kind, url: r.requestedUrl, status: r.status, outcome: r.outcome, blocks: ((r.findings ?? []) as unknown as Finding[]).filter((f) => f.severity === "block").length })) },
    });
    return created;
  });
  return { pages: rows.map((r, i) => toView(r, Boolean(fetched[i]?.result.ok))) };
}

/** The newest snapshot of each of the draft's current URLs (older checks and since-changed URLs left out). */
export async function latestDraftSnapshots(db: Db, orgId: string, draftId: string, data: CampaignDraftData): Promise<PageSnapshotView[]> {
  const targets = pageTargets(data);
  if (!targets.length) return [];
  const rows = await db.campaignPageSnapshot.findMany({
    where: { orgId, draftId, requestedUrl: { in: targets.map((t) => t.url) } },
    orderBy: { fetchedAt: "desc" },
    select: { ...viewSelect, contentType: true },
  });
  const latest = new Map<string, PageSnapshotView>();
  for (const r of rows) {
    const key = `${r.kind} ${r.requestedUrl}`;
    if (!latest.has(key) && targets.some((t) => t.kind === r.kind && t.url === r.requestedUrl)) latest.set(key, toView(r, r.outcome === "loaded"));
  }
  return targets.map((t) => latest.get(`${t.kind} ${t.url}`)).filter((v): v is PageSnapshotView => v !== undefined);
}

/** Blocking findings of the latest check: the submit refuses them as it refuses the compliance check's. */
export function blockingPageFindings(snapshots: PageSnapshotView[]): Finding[] {
  return snapshots.flatMap((s) => s.findings.filter((f) => f.severity === "block").map((f) => ({ ...f, detail: f.detail ? `${s.requestedUrl}: ${f.detail}` : s.requestedUrl })));
}

/**
 * Called by the submit once the campaign exists: the latest snapshots of the draft's URLs (what the submit
 * judged) become the campaign's evidence; earlier checks stay with the draft.
 */
export async function linkSnapshotsToCampaign(db: Db, orgId: string, snapshotIds: string[], campaignId: string) {
  if (!snapshotIds.length) return 0;
  const r = await db.campaignPageSnapshot.updateMany({ where: { orgId, id: { in: snapshotIds }, campaignId: null }, data: { campaignId } });
  return r.count;
}

/** The campaign page's list: newest first, without text or HTML. */
export async function listCampaignPageSnapshots(db: Db, orgId: string, campaignId: string): Promise<PageSnapshotView[]> {
  const rows = await db.campaignPageSnapshot.findMany({ where: { orgId, campaignId }, orderBy: [{ fetchedAt: "desc" }, { id: "asc" }], select: viewSelect, take: 100 });
  return rows.map((r) => toView(r, r.outcome === "loaded"));
}

/** One snapshot with its text and HTML, for the viewer and the download route; null when not the org's. */
export async function getPageSnapshot(db: Db, orgId: string, id: string) {
  return db.campaignPageSnapshot.findFirst({ where: { id, orgId } });
}
