/** Plain-English labels and badge tones for campaign enums (values as the registry spells them). Client-safe. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export const CAMPAIGN_STATUS_LABELS: Record<string, string> = { ACTIVE: "Active", EXPIRED: "Expired or deactivated" };
export const CAMPAIGN_STATUS_TONES: Record<string, Tone> = { ACTIVE: "success", EXPIRED: "neutral" };

export const OPERATION_STATUS_LABELS: Record<string, string> = {
  REGISTERED: "Approved",
  REVIEW: "In review",
  REJECTED: "Rejected",
  SUSPENDED: "Suspended",
};
export const OPERATION_STATUS_TONES: Record<string, Tone> = { REGISTERED: "success", REVIEW: "info", REJECTED: "danger", SUSPENDED: "warning" };

export const SHARING_STATUS_LABELS: Record<string, string> = { PENDING: "Waiting for the partner", ACCEPTED: "Accepted", DECLINED: "Declined" };
export const SHARING_STATUS_TONES: Record<string, Tone> = { PENDING: "info", ACCEPTED: "success", DECLINED: "danger" };

export const NUDGE_INTENT_LABELS: Record<string, string> = {
  REVIEW: "Ask for review: the partner has left the campaign pending",
  APPEAL_REJECTION: "Appeal the rejection: the campaign was fixed after the partner declined it",
};

export const label = (map: Record<string, string>, v: string | null | undefined) => (v ? (map[v] ?? null) : null);
export const tone = (map: Record<string, Tone>, v: string | null | undefined): Tone => (v ? (map[v] ?? "neutral") : "neutral");

export function formatMoney(n: number | null | undefined): string {
  return typeof n === "number" ? n.toLocaleString("en-US", { style: "currency", currency: "USD" }) : "—";
}

/**
 * The recurring campaign fee as the upstream states it: TCR bills monthly; Vonage states a quarterly and an annual
 * fee and no monthly one. Null when the qualification carries none.
 */
export function campaignFee(q: { monthlyFee?: number | null; quarterlyFee?: number | null; annualFee?: number | null }): { amount: number; per: "month" | "quarter" | "year" } | null {
  if (typeof q.monthlyFee === "number") return { amount: q.monthlyFee, per: "month" };
  if (typeof q.quarterlyFee === "number") return { amount: q.quarterlyFee, per: "quarter" };
  if (typeof q.annualFee === "number") return { amount: q.annualFee, per: "year" };
  return null;
}
