/**
 * Acknowledged warnings: before submitting, the user may acknowledge a warning with a short reason
 * ("our form is behind a login; the screenshot is attached"). Blocking findings cannot be acknowledged:
 * they are certain rejections. The acknowledgements travel with the draft, and the submit records them
 * in the audit log. Pure and client-safe.
 */
import { z } from "zod";
import type { Finding } from "./types";

export const ACK_REASON_MIN = 10;
export const ACK_REASON_MAX = 500;
const DETAIL_MAX = 300;

export const AcknowledgementSchema = z.object({
  ruleId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/).max(60),
  /** The finding's detail when it has one: an acknowledgement covers that occurrence only. */
  detail: z.string().max(DETAIL_MAX).optional(),
  reason: z.string().trim().min(ACK_REASON_MIN, `Give a reason of at least ${ACK_REASON_MIN} characters`).max(ACK_REASON_MAX),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

/** One occurrence of a finding: its rule and detail. */
export function findingKey(f: Pick<Finding, "ruleId" | "detail">): string {
  // An acknowledgement stores at most 300 characters of the detail.
  return `${f.ruleId}|${(f.detail ?? "").slice(0, DETAIL_MAX)}`;
}

export interface AcknowledgementMatch {
  /** Current warnings with the reason they were acknowledged with. */
  acknowledged: { finding: Finding; reason: string }[];
  /** Current warnings nobody acknowledged. */
  unacknowledged: Finding[];
  /** Acknowledgements that match no current warning (fixed since, or now a block): ignored. */
  stale: Acknowledgement[];
}

export function matchAcknowledgements(findings: readonly Finding[], acks: readonly Acknowledgement[] | null | undefined): AcknowledgementMatch {
  const byKey = new Map((acks ?? []).map((a) => [findingKey(a), a]));
  const used = new Set<string>();
  const acknowledged: AcknowledgementMatch["acknowledged"] = [];
  const unacknowledged: Finding[] = [];
  for (const f of findings) {
    if (f.severity !== "warn") continue;
    const k = findingKey(f);
    const a = byKey.get(k);
    if (a) {
      used.add(k);
      acknowledged.push({ finding: f, reason: a.reason.trim() });
    } else {
      unacknowledged.push(f);
    }
  }
  return { acknowledged, unacknowledged, stale: (acks ?? []).filter((a) => !used.has(findingKey(a))) };
}

/** Adds or replaces the acknowledgement of one warning; a block cannot be acknowledged. */
export function acknowledge(acks: readonly Acknowledgement[] | null | undefined, f: Finding, reason: string): Acknowledgement[] {
  if (f.severity !== "warn") throw new Error(`${f.ruleId} is a ${f.severity}, only warnings can be acknowledged`);
  const parsed = AcknowledgementSchema.parse({ ruleId: f.ruleId, ...(f.detail ? { detail: f.detail.slice(0, DETAIL_MAX) } : {}), reason });
  const k = findingKey(parsed);
  return [...(acks ?? []).filter((a) => findingKey(a) !== k), parsed];
}

export function withdraw(acks: readonly Acknowledgement[] | null | undefined, f: Pick<Finding, "ruleId" | "detail">): Acknowledgement[] {
  const k = findingKey(f);
  return (acks ?? []).filter((a) => findingKey(a) !== k);
}
