import type { ReactNode } from "react";
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
type Mechanism = { method?: unknown; details?: unknown; attachment?: unknown };

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
const yesNo = (v: unknown) => (typeof v === "boolean" ? (v ? "Yes" : "No") : null);

/** One labelled value with Vonage's own field name beside it (names from the reference, plain English first). */
function Field({ label, name, children, mono = false }: { label: string; name: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-xs font-medium text-muted-foreground">{label} <code className="font-mono font-normal">{name}</code></dt>
      <dd className={mono ? "font-mono break-all" : "break-words"}>{children ?? <span className="text-muted-foreground">—</span>}</dd>
    </div>
  );
}

/** Vonage's message_flow_details (structured consent) as labelled fields, not JSON. */
function MessageFlowDetails({ d }: { d: Record<string, unknown> }) {
  const mechanisms = (Array.isArray(d.consent_mechanisms) ? d.consent_mechanisms : []) as Mechanism[];
  return (
    <section aria-labelledby="vonage-flow-heading" className="space-y-2">
      <h3 id="vonage-flow-heading" className="text-xs font-semibold text-muted-foreground">Structured consent sent to Vonage <code className="font-mono font-normal">message_flow_details</code></h3>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
        <Field label="Brand name" name="brand_name">{text(d.brand_name)}</Field>
        <Field label="Frequency" name="frequency">{text(d.frequency)}</Field>
        <Field label="Rates disclosure" name="pricing_disclosure">{yesNo(d.pricing_disclosure)}</Field>
        <Field label="Carrier disclaimer" name="carrier_disclaimer">{yesNo(d.carrier_disclaimer) ?? "No"}</Field>
        <Field label="Privacy policy" name="privacy_policy" mono>{text(d.privacy_policy)}</Field>
        <Field label="Terms and conditions" name="terms_and_conditions" mono>{text(d.terms_and_conditions)}</Field>
      </dl>
      {mechanisms.length ? (
        <div>
          <p className="text-xs font-medium text-muted-foreground">Consent mechanisms <code className="font-mono font-normal">consent_mechanisms</code></p>
          <ul className="mt-1 grid gap-1">
            {mechanisms.map((m, i) => (
              <li key={i}>
                <span className="font-mono">{String(m.method ?? "—")}</span>
                {text(m.details) ? <>: {text(m.details)}</> : null}
                {text(m.attachment) ? <div className="break-all text-xs text-muted-foreground">Attachment: {text(m.attachment)}</div> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Vonage's review of a campaign (its own states on top of TCR's), from the mirrored campaign. Null off Vonage. */
export function VonageReview({ data }: { data: Record<string, unknown> }) {
  const status = text(data.vonageStatus);
  if (!status) return null;
  const meaning = MEANING[status];
  const traffic = typeof data.trafficEnabled === "boolean" ? data.trafficEnabled : null;
  const changes = (Array.isArray(data.lastStatusChanges) ? data.lastStatusChanges : []) as Change[];
  const details = data.messageFlowDetails && typeof data.messageFlowDetails === "object" ? (data.messageFlowDetails as Record<string, unknown>) : null;
  const registered = text(data.registrationDate);
  return (
    <Card role="region" aria-labelledby="vonage-review-heading">
      <CardHeader>
        <CardTitle asChild><h2 id="vonage-review-heading">Vonage review</h2></CardTitle>
        <CardDescription>Vonage reviews every campaign, and again after every change saved here, before and beside the carriers.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={meaning?.tone ?? "neutral"} className="font-mono">{status}</Badge>
          <span>{meaning?.text ?? "A state this portal does not know yet."}</span>
        </div>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <Field label="Vonage campaign id" name="campaign_id" mono>{text(data.campaignId)}</Field>
          <Field label="TCR campaign id" name="tcr_campaign_id" mono>{text(data.tcrCampaignId) ?? "Not registered with TCR yet"}</Field>
          <Field label="Review state" name="status" mono>{status}</Field>
          <Field label="Status at TCR" name="tcr_status" mono>{text(data.tcrStatus)}</Field>
          <Field label="Traffic" name="traffic_enabled">{traffic === null ? null : traffic ? "Enabled" : "Not enabled"}</Field>
          <Field label="Vonage account" name="account_id" mono>{text(data.accountId)}</Field>
          <Field label="Label" name="label">{text(data.label)}</Field>
          <Field label="HIPAA" name="hipaa">{yesNo(data.hipaa) ?? "Not set (fixed at the first number link)"}</Field>
          <Field label="Registered with TCR" name="registration_date">{registered ? formatDateTime(registered) : null}</Field>
        </dl>
        {details ? <MessageFlowDetails d={details} /> : null}
        {changes.length ? (
          <div>
            <h3 className="text-xs font-semibold text-muted-foreground">Status changes <code className="font-mono font-normal">last_status_changes</code></h3>
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
