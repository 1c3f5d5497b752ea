import { Badge } from "@/components/ui/badge";

/** PENDING → COMPLETE (tcr-api-part1 §6.6); the outcome is in the appeal's record. */
export function AppealStatusBadge({ status }: { status: string | null }) {
  return (
    <Badge tone={status === "COMPLETE" ? "success" : status === "PENDING" ? "info" : "neutral"} className="font-mono">
      {status ?? "—"}
    </Badge>
  );
}

export function appealOutcome(data: unknown): string | null {
  const o = (data as { appealOutcome?: Record<string, unknown> | null })?.appealOutcome;
  if (!o || typeof o !== "object") return null;
  const parts: string[] = [];
  if (typeof o.approved === "boolean") parts.push(o.approved ? "approved" : "not approved");
  for (const k of ["identityStatus", "vettingStatus", "vettingScore", "verificationStatus"]) if (o[k] !== undefined && o[k] !== null) parts.push(`${k} ${String(o[k])}`);
  return parts.length ? parts.join(" · ") : null;
}
