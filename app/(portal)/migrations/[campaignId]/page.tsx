import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { mnoName } from "@/lib/campaigns/carriers";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import type { CarrierRuleState } from "@/lib/migrations/completion";
import { migrationDetail, type Hop } from "@/lib/migrations/detail";
import { connectivityPartners } from "@/lib/migrations/queries";
import { campaignIdSchema } from "@/lib/migrations/schemas";
import { MigrationActions } from "./_components/migration-actions";
import { providerGate } from "@/components/providers/provider-gate";

export const metadata: Metadata = { title: "Migration" };

const RULE: Record<CarrierRuleState, { label: string; tone: "success" | "info" | "danger" | "neutral" }> = {
  MET: { label: "Covered", tone: "success" }, WAITING: { label: "Waiting", tone: "info" }, NOT_MET: { label: "Not covered", tone: "danger" }, UNKNOWN: { label: "Not visible", tone: "neutral" },
};

function Chain({ hops, empty }: { hops: Hop[] | null; empty: string }) {
  if (!hops?.length) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ol className="space-y-1 text-sm">
      {hops.map((h, i) => (
        <li key={i} className="flex flex-wrap items-center gap-2">
          <span className="font-mono">{h.from}</span><span aria-hidden="true">→</span><span className="sr-only">shared with</span><span className="font-mono">{h.to ?? "nobody"}</span>
          {h.sharingStatus ? <Badge tone={h.sharingStatus === "ACCEPTED" ? "success" : h.sharingStatus === "PENDING" ? "info" : "warning"}>{h.sharingStatus}</Badge> : null}
          {h.sharedAt ? <span className="text-xs text-muted-foreground">shared {formatDate(h.sharedAt)}</span> : null}
          {h.note ? <span className="text-xs text-muted-foreground">{h.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export default async function MigrationDetailPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const gate = await providerGate(ctx.org.id, "migration.cnp", "Migration", "CNP migrations");
  if (gate) return gate;
  const parsed = campaignIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { campaignId } = parsed.data;
  let d;
  try {
    d = await migrationDetail(db(), ctx.org.id, campaignId, await connectivityPartners(db(), ctx.org.id));
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const m = d.migration;
  const canAct = can(ctx.role, "registry.act");
  const back = d.direction === "OUTGOING" ? { href: "/migrations", label: "Migrations" } : { href: "/partner-campaigns", label: "Partner campaigns" };
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumb={<Link className="underline" href={back.href}>← {back.label}</Link>}
        title={<>Migration of <span className="font-mono">{campaignId}</span></>}
        meta={<Badge tone={m?.label === "Open" ? "info" : m?.label === "Complete" ? "success" : m ? "warning" : "neutral"}>{m ? m.label : "No migration"}</Badge>}
        description={`${d.direction === "OUTGOING" ? "Your campaign" : `Shared with you${m?.initiatorCnpId ? ` by ${m.initiatorCnpId}` : ""}`} · brand ${d.brandName ?? d.brandId ?? "–"} · ${d.usecase ?? "–"} · TCR status ${d.status ?? "–"}`}
        actions={canAct ? <MigrationActions campaignId={campaignId} canCancel={d.direction === "OUTGOING" && !!m} cancelBlocked={d.cancel.eligible ? null : d.cancel.message} /> : null}
      />

      <section aria-labelledby="record" className="space-y-2">
        <h2 id="record" className="text-lg font-semibold">Migration record</h2>
        {m ? (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            <div><dt className="text-muted-foreground">Status</dt><dd>{m.label} <code className="text-xs">{m.status}</code></dd></div>
            <div><dt className="text-muted-foreground">Moving to</dt><dd className="font-mono">{m.targetCnpId ?? "–"}</dd></div>
            <div><dt className="text-muted-foreground">Requested</dt><dd>{formatDateTime(m.requestedAt)}</dd></div>
            <div><dt className="text-muted-foreground">Expires (30-day window)</dt><dd>{m.expirationDate ? formatDateTime(m.expirationDate) : "Not read yet"}</dd></div>
            <div><dt className="text-muted-foreground">Days left</dt><dd data-testid="days-left">{m.daysLeft ?? "–"}</dd></div>
            <div><dt className="text-muted-foreground">Initiated by</dt><dd>{m.initiatedByUs ? "You" : (m.initiatorCnpId ?? "A partner")}</dd></div>
            <div><dt className="text-muted-foreground">Cancellation reason</dt><dd>{m.cancellationReason ?? "–"}</dd></div>
            <div><dt className="text-muted-foreground">Registry last confirmed</dt><dd>{formatDateTime(m.confirmedAt)}</dd></div>
          </dl>
        ) : <p className="text-sm text-muted-foreground">No migration has been started for this campaign.</p>}
      </section>

      <section aria-labelledby="chains" className="grid gap-4 sm:grid-cols-2">
        <h2 id="chains" className="sr-only">Chains</h2>
        <div className="space-y-2 rounded-md border p-3">
          <h3 className="font-semibold">Pre-migration chain</h3>
          <p className="text-xs text-muted-foreground">Stays active until the migration completes.</p>
          <Chain hops={d.pre} empty="Not shared with a partner." />
        </div>
        <div className="space-y-2 rounded-md border p-3">
          <h3 className="font-semibold">Provisional chain</h3>
          <p className="text-xs text-muted-foreground">The proposed new chain, waiting to be accepted.</p>
          <Chain hops={d.provisional} empty="No provisional chain." />
        </div>
        <p className="text-xs text-muted-foreground sm:col-span-2">The registry shows each party only the hops next to it, so partners further up either chain are not listed.</p>
      </section>

      {d.direction === "OUTGOING" && m ? (
        <section aria-labelledby="rule" className="space-y-2">
          <h2 id="rule" className="text-lg font-semibold">Completion rule per carrier</h2>
          <p className="text-sm text-muted-foreground">The migration completes when every carrier requested in the pre-migration chain has an accepted DCA in the provisional chain.</p>
          <Table>
            <TableHeader><TableRow><TableHead>Carrier</TableHead><TableHead>Status now</TableHead><TableHead>Provisional chain</TableHead><TableHead>Why</TableHead></TableRow></TableHeader>
            <TableBody>
              {d.rule.length === 0 ? <TableRow><TableCell colSpan={4} className="text-muted-foreground">No carrier statuses mirrored for this campaign.</TableCell></TableRow> : null}
              {d.rule.map((r) => (
                <TableRow key={r.mnoId}>
                  <TableCell>{mnoName(r.mnoId)}</TableCell>
                  <TableCell>{d.carriersStatus.find((c) => c.mnoId === r.mnoId)?.status ?? "–"}</TableCell>
                  <TableCell><Badge tone={RULE[r.state].tone}>{RULE[r.state].label}</Badge></TableCell>
                  <TableCell className="whitespace-normal">{r.note}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}

      <section aria-labelledby="events" className="space-y-2">
        <h2 id="events" className="text-lg font-semibold">Events</h2>
        <p className="text-sm text-muted-foreground">Migration and sharing notifications received from the registry, and this portal&apos;s actions, newest first.</p>
        {d.events.length === 0 ? <p className="text-sm text-muted-foreground">None received yet.</p> : (
          <Table>
            <TableHeader><TableRow><TableHead>When</TableHead><TableHead>What</TableHead><TableHead>Event</TableHead><TableHead>Detail</TableHead></TableRow></TableHeader>
            <TableBody>
              {d.events.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="whitespace-nowrap">{formatDateTime(e.at)}</TableCell>
                  <TableCell className="whitespace-normal">{e.title}</TableCell>
                  <TableCell><code className="text-xs">{e.eventType}</code></TableCell>
                  <TableCell className="max-w-md whitespace-normal text-muted-foreground">{e.detail ?? ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
