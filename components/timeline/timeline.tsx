import { Building2, UserRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import type { TimelineEntry } from "@/lib/timeline/queries";

const OUTCOME_TONE = { SUCCESS: "success", FAILURE: "danger", DENIED: "warning" } as const;

/** An object's history, newest first: registry notifications and what people in the portal did. */
export function Timeline({ entries, subject }: { entries: TimelineEntry[]; subject: "brand" | "campaign" }) {
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">Nothing recorded yet for this {subject}.</p>;
  }
  return (
    <ol className="relative space-y-4 border-l border-border pl-6" aria-label={`${subject === "brand" ? "Brand" : "Campaign"} timeline, newest first`}>
      {entries.map((e) => (
        <li key={`${e.kind}-${e.id}`} className="relative">
          <span
            aria-hidden="true"
            className="absolute top-0.5 -left-[2.1rem] flex size-6 items-center justify-center rounded-full border bg-background text-muted-foreground [&_svg]:size-3.5"
          >
            {e.kind === "registry" ? <Building2 /> : <UserRound />}
          </span>
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="font-medium">{e.title}</span>
            <code className="font-mono text-xs text-muted-foreground">{e.kind === "registry" ? e.eventType : e.action}</code>
            {e.kind === "portal" && e.outcome !== "SUCCESS" ? <Badge tone={OUTCOME_TONE[e.outcome]}>{e.outcome}</Badge> : null}
          </div>
          <p className="text-sm text-muted-foreground">
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
            {" · "}
            by{" "}
            <span className="text-foreground">{e.actor}</span>
            {e.kind === "registry" ? ` · ${e.deliveries === 1 ? "delivered once" : `delivered ${e.deliveries} times`}` : null}
          </p>
          {e.detail ? <p className="mt-1 text-sm">{e.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}
