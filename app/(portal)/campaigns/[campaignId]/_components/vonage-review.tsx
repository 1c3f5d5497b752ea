import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";

/** What each of Vonage's own campaign states means for the CSP (Vonage 10DLC API: campaign status). */
const MEANING: Record<string, { tone: "neutral" | "info" | "success" | "warning" | "danger"; text: string }> = {
  PENDING_REVIEW: { tone: "info", text: "Vonage's compliance team is reviewing the campaign before it goes to TCR." },
  UPDATES_REQUIRED: { tone: "warning", text: "Vonage asks for changes: edit the campaign; saving sends it back to Vonage's review." },
  CARRIERS_REVIEW: { tone: "info", text: "Vonage approved it and registered it with TCR; the carriers are deciding." },
  ACTIVE: { tone: "success", text: "Approved by Vonage and the carriers." },
  PENDING_CANCELLATION: { tone: "warning", text: "Cancellation requested; the campaign stops at the end of its period." },
  SUSPENDED: { tone: "danger", text: "Suspended: traffic is stopped until the suspension is lifted." },
  TERMINATED: { tone: "danger", text: "Terminated by Vonage or a carrier." },
  CANCELED: { tone: "neutral", text: "Canceled." },
  REJECTED: { tone: "danger", text: "Rejected in review." },
  CNP_CANCELED: { tone: "neutral", text: "Canceled by the connectivity partner." },
  PORTED_OUT: { tone: "neutral", text: "Moved to another provider." },
};

type Change = { status?: unknown; changeDate?: unknown; explanation?: unknown };

/** Vonage's review of a campaign (its own states on top of TCR's), from the mirrored campaign. Null off Vonage. */
export function VonageReview({ data }: { data: Record<string, unknown> }) {
  const status = typeof data.vonageStatus === "string" ? data.vonageStatus : null;
  if (!status) return null;
  const meaning = MEANING[status];
  const traffic = typeof data.trafficEnabled === "boolean" ? data.trafficEnabled : null;
  const changes = (Array.isArray(data.lastStatusChanges) ? data.lastStatusChanges : []) as Change[];
  return (
    <Card role="region" aria-labelledby="vonage-review-heading">
      <CardHeader>
        <CardTitle asChild><h2 id="vonage-review-heading">Vonage review</h2></CardTitle>
        <CardDescription>Vonage reviews every campaign, and again after every change saved here, before and beside the carriers.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={meaning?.tone ?? "neutral"} className="font-mono">{status}</Badge>
          <span>{meaning?.text ?? "A state this portal does not know yet."}</span>
        </div>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div><dt className="text-xs text-muted-foreground">Traffic</dt><dd>{traffic === null ? "—" : traffic ? "Enabled" : "Not enabled"}</dd></div>
          <div><dt className="text-xs text-muted-foreground">TCR campaign id</dt><dd className="font-mono">{typeof data.tcrCampaignId === "string" ? data.tcrCampaignId : "Not registered with TCR yet"}</dd></div>
        </dl>
        {changes.length ? (
          <div>
            <h3 className="text-xs font-semibold text-muted-foreground">Status changes</h3>
            <ul className="mt-1 space-y-1">
              {changes.map((ch, i) => {
                const when = ch.changeDate;
                const why = ch.explanation;
                return (
                  <li key={i}>
                    <span className="font-mono">{String(ch.status ?? "—")}</span>
                    {typeof when === "string" ? <> · {formatDateTime(when)}</> : null}
                    {typeof why === "string" && why ? <> · {why}</> : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
