import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight, CheckCircle2, Circle } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { IDENTITY_STATUSES, identityStatusLabel } from "@/lib/brands/labels";
import { brandsHref, parseBrandFilters } from "@/lib/brands/search-params";
import { mnoName, sortMnoIds } from "@/lib/campaigns/carriers";
import { formatMoney, OPERATION_STATUS_LABELS } from "@/lib/campaigns/labels";
import { campaignsHref, parseCampaignFilters } from "@/lib/campaigns/search-params";
import { dashboardSummary, type DashboardSummary } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { HorizontalBars, StackedBars } from "./_components/charts";

export const metadata: Metadata = { title: "Dashboard" };

// Status colours: green settled, amber waiting, red refused, purple suspended, grey unknown. Every colour
// has its label beside it, so nothing depends on telling colours apart.
const IDENTITY_SHORT: Record<string, string> = { VETTED_VERIFIED: "Vetted", VERIFIED: "Verified", SELF_DECLARED: "Self-declared", UNVERIFIED: "Not verified" };
const IDENTITY_COLORS: Record<string, string> = { VETTED_VERIFIED: "#047857", VERIFIED: "#10b981", SELF_DECLARED: "#64748b", UNVERIFIED: "#dc2626" };
const OPERATION_STATUSES = ["REGISTERED", "REVIEW", "REJECTED", "SUSPENDED"] as const;
const OPERATION_COLORS: Record<string, string> = { REGISTERED: "#10b981", REVIEW: "#f59e0b", REJECTED: "#dc2626", SUSPENDED: "#7c3aed" };
const UNKNOWN_COLOR = "#94a3b8";

const brandList = brandsHref(parseBrandFilters({}));
const campaignList = parseCampaignFilters({});
const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

export default async function DashboardPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  const s = await dashboardSummary(db(), ctx.org.id);
  const header = (
    <PageHeader
      title={ctx.org.name}
      description={s.empty ? "A new organization: here is what to do first." : "Your organization at a glance: each figure opens the list it counts."}
    />
  );
  if (s.empty) {
    return (
      <div className="space-y-6">
        {header}
        <GettingStarted connected={s.connected} canSettings={can(ctx.role, "settings.read")} canAct={can(ctx.role, "registry.act")} />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {header}
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="sr-only">Key figures</h2>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          <Figure href={brandList} value={s.brands.total} label="Brands" hint="registered with the registry" />
          <Figure href={campaignsHref(campaignList)} value={s.campaigns.total} label="Campaigns" hint="not deactivated" />
          <Figure
            href={campaignsHref(campaignList, { renewsWithin: "30", sort: "renewal", dir: "asc" })}
            value={s.renewals.total}
            label={`Renew or expire in ${s.renewals.windowDays} days`}
            hint={`${s.renewals.renewing} renew automatically, ${s.renewals.expiring} expire`}
            tone={s.renewals.expiring > 0 ? "warning" : undefined}
          />
          <Figure href="/migrations" value={s.migrations.inFlight} label="Migrations in flight" hint={`${s.migrations.outgoing} outgoing, ${s.migrations.incoming} incoming`} />
          <Figure href="/partner-campaigns" value={s.sharesWaiting} label="Shares waiting for you" hint="campaigns partners shared: accept or decline" tone={s.sharesWaiting > 0 ? "warning" : undefined} />
          <Figure href="/jobs" value={s.jobs.running} label="Bulk jobs running" hint="queued, running or cancelling" />
        </ul>
      </section>

      <div className="grid gap-4 2xl:grid-cols-2">
        <BrandsByIdentity s={s} />
        <CampaignsByCarrier s={s} />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Renewals s={s} />
        <Rejections s={s} />
      </div>
      {s.jobs.list.length ? <RunningJobs s={s} /> : null}
    </div>
  );
}

function Figure({ href, value, label, hint, tone }: { href: string; value: number; label: string; hint: string; tone?: "warning" }) {
  return (
    <li>
      <Link
        href={href}
        className="group flex h-full flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs transition-colors hover:border-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <span className={`text-3xl font-semibold tabular-nums ${tone === "warning" && value > 0 ? "text-warning-foreground" : ""}`}>{value.toLocaleString("en-US")}</span>
        <span className="flex items-center gap-1 font-medium text-foreground">
          {label}
          <ArrowRight aria-hidden="true" className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" />
        </span>
        <span className="text-sm text-muted-foreground">{hint}</span>
      </Link>
    </li>
  );
}

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-sm" style={{ backgroundColor: color }} />;
}

function BrandsByIdentity({ s }: { s: DashboardSummary }) {
  const known = IDENTITY_STATUSES.map((v) => ({ status: v as string | null, count: s.brands.byIdentity.find((g) => g.identityStatus === v)?.count ?? 0 }));
  const other = s.brands.byIdentity.filter((g) => !(IDENTITY_STATUSES as readonly (string | null)[]).includes(g.identityStatus));
  const rows = [...known, ...other.map((g) => ({ status: g.identityStatus, count: g.count }))];
  const labelOf = (v: string | null) => (v ? (identityStatusLabel(v) ?? v) : "Not scored yet");
  const bars = rows.filter((r) => r.count > 0 || r.status !== null).map((r) => ({ label: (r.status && IDENTITY_SHORT[r.status]) || (r.status ?? "Not scored"), value: r.count, color: (r.status && IDENTITY_COLORS[r.status]) || UNKNOWN_COLOR }));
  const summary = `Brands by identity status: ${rows.map((r) => `${labelOf(r.status)} ${r.count}`).join(", ")}.`;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h2 className="text-base">Brands by identity status</h2></CardTitle>
        <CardDescription>The registry&apos;s identity check decides which carriers and throughput a brand gets.</CardDescription>
      </CardHeader>
      <CardContent className="grid items-center gap-6 lg:grid-cols-2">
        <HorizontalBars data={bars} summary={summary} />
        <ul className="space-y-2 text-sm" aria-label="Brands by identity status">
          {rows.map((r) => (
            <li key={r.status ?? "none"} className="flex items-center justify-between gap-3">
              <Link href={r.status ? brandsHref(parseBrandFilters({ identityStatus: r.status })) : brandList} className="flex items-center gap-2 text-primary underline-offset-4 hover:underline">
                <Swatch color={(r.status && IDENTITY_COLORS[r.status]) || UNKNOWN_COLOR} />
                {labelOf(r.status)}
                {r.status ? <span className="font-mono text-xs text-muted-foreground">{r.status}</span> : null}
              </Link>
              <span className="font-semibold tabular-nums">{r.count}</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function CampaignsByCarrier({ s }: { s: DashboardSummary }) {
  const carriers = sortMnoIds(s.campaigns.byCarrier.map((g) => g.mnoId));
  const count = (mnoId: string, status: string) => s.campaigns.byCarrier.find((g) => g.mnoId === mnoId && g.status === status)?.count ?? 0;
  const data = carriers.map((m) => ({ carrier: mnoName(m, true), ...Object.fromEntries(OPERATION_STATUSES.map((st) => [st, count(m, st)])) }));
  const series = OPERATION_STATUSES.map((st) => ({ key: st, label: OPERATION_STATUS_LABELS[st]!, color: OPERATION_COLORS[st]! }));
  const summary = `Campaigns by carrier status: ${carriers.map((m) => `${mnoName(m)}: ${OPERATION_STATUSES.map((st) => `${OPERATION_STATUS_LABELS[st]} ${count(m, st)}`).join(", ")}`).join("; ")}.`;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h2 className="text-base">Campaigns by carrier status</h2></CardTitle>
        <CardDescription>Each carrier reviews a campaign on its own: approved, in review, rejected or suspended.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {carriers.length === 0 ? (
          <p className="text-sm text-muted-foreground">No campaign has been submitted to a carrier yet.</p>
        ) : (
          <>
            <StackedBars data={data} series={series} summary={summary} />
            <Table label="Campaigns by carrier and status">
              <TableHeader>
                <TableRow>
                  <TableHead>Carrier</TableHead>
                  {OPERATION_STATUSES.map((st) => (
                    <TableHead key={st} className="text-right">
                      <span className="inline-flex items-center gap-1.5"><Swatch color={OPERATION_COLORS[st]!} />{OPERATION_STATUS_LABELS[st]}</span>
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {carriers.map((m) => (
                  <TableRow key={m}>
                    <TableCell className="font-medium">{mnoName(m)} <span className="font-mono text-xs text-muted-foreground">{m}</span></TableCell>
                    {OPERATION_STATUSES.map((st) => {
                      const n = count(m, st);
                      return (
                        <TableCell key={st} className="text-right tabular-nums">
                          {n ? (
                            <Link href={campaignsHref(campaignList, { carrier: m, carrierStatus: st })} className={linkClass} aria-label={`${n} ${OPERATION_STATUS_LABELS[st]} on ${mnoName(m)}`}>
                              {n}
                            </Link>
                          ) : (
                            <span className="text-muted-foreground">0</span>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function Renewals({ s }: { s: DashboardSummary }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h2 className="text-base">Renewing or expiring soon</h2></CardTitle>
        <CardDescription>Campaigns whose next renewal or expiration falls in the next {s.renewals.windowDays} days. Renewal bills the monthly fee again.</CardDescription>
      </CardHeader>
      <CardContent className="text-sm">
        {s.renewals.next.length === 0 ? (
          <p className="text-muted-foreground">Nothing renews or expires in the next {s.renewals.windowDays} days.</p>
        ) : (
          <ul className="divide-y">
            {s.renewals.next.map((c) => (
              <li key={c.campaignId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link href={`/campaigns/${encodeURIComponent(c.campaignId)}`} className={linkClass}>{c.campaignId}</Link>
                  <span className="ml-2 text-muted-foreground">{c.usecase ?? "—"} · {formatMoney(c.monthlyFee)}/month</span>
                </span>
                <span className="flex items-center gap-2">
                  {formatDate(c.nextRenewalOrExpirationDate)}
                  <Badge tone={c.autoRenewal ? "info" : "warning"}>{c.autoRenewal ? "Renews" : "Expires"}</Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
        {s.renewals.total > s.renewals.next.length ? (
          <Link href={campaignsHref(campaignList, { renewsWithin: "30", sort: "renewal", dir: "asc" })} className={`mt-3 inline-block ${linkClass}`}>
            All {s.renewals.total} campaigns due
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Rejections({ s }: { s: DashboardSummary }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h2 className="text-base">Recent rejections</h2></CardTitle>
        <CardDescription>Campaigns a carrier rejected and brands whose identity was not verified, with the registry&apos;s reason.</CardDescription>
      </CardHeader>
      <CardContent className="text-sm">
        {s.rejections.length === 0 ? (
          <p className="text-muted-foreground">No rejections. Carriers have accepted every campaign so far, and every brand&apos;s identity check passed.</p>
        ) : (
          <ul className="divide-y">
            {s.rejections.map((r) => (
              <li key={r.kind === "campaign" ? `c-${r.campaignId}-${r.mnoId}` : `b-${r.brandId}`} className="grid gap-0.5 py-2">
                <span className="flex flex-wrap items-center gap-2">
                  {r.kind === "campaign" ? (
                    <>
                      <Badge tone="danger">Rejected by {mnoName(r.mnoId)}</Badge>
                      <Link href={`/campaigns/${encodeURIComponent(r.campaignId)}`} className={linkClass}>Campaign {r.campaignId}</Link>
                    </>
                  ) : (
                    <>
                      <Badge tone="danger">Identity not verified</Badge>
                      <Link href={`/brands/${encodeURIComponent(r.brandId)}`} className={linkClass}>{r.name ?? r.brandId}</Link>
                    </>
                  )}
                  <span className="text-xs text-muted-foreground">{formatDateTime(r.at)}</span>
                </span>
                <span className="text-muted-foreground">{r.reason ?? "The registry gave no reason."}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
          <Link href={campaignsHref(campaignList, { carrierStatus: "REJECTED" })} className={linkClass}>Rejected campaigns</Link>
          <Link href={brandsHref(parseBrandFilters({ identityStatus: "UNVERIFIED" }))} className={linkClass}>Unverified brands</Link>
        </div>
      </CardContent>
    </Card>
  );
}

function RunningJobs({ s }: { s: DashboardSummary }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h2 className="text-base">Bulk jobs running</h2></CardTitle>
        <CardDescription>Work the portal is doing in the background, newest first.</CardDescription>
      </CardHeader>
      <CardContent className="text-sm">
        <ul className="divide-y">
          {s.jobs.list.map((j) => {
            const done = j.succeeded + j.skipped + j.failed;
            return (
              <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/jobs/${encodeURIComponent(j.id)}`} className={linkClass}>{j.kind}</Link>
                <span className="text-muted-foreground">
                  {done} of {j.total} done{j.failed ? `, ${j.failed} failed` : ""} · started {formatDateTime(j.createdAt)}
                </span>
                <Badge tone="info">{j.status}</Badge>
              </li>
            );
          })}
        </ul>
        <Link href="/jobs" className={`mt-3 inline-block ${linkClass}`}>All jobs</Link>
      </CardContent>
    </Card>
  );
}

function GettingStarted({ connected, canSettings, canAct }: { connected: boolean; canSettings: boolean; canAct: boolean }) {
  const steps = [
    {
      done: connected,
      title: "Connect to The Campaign Registry",
      text: "Enter the API key and secret of your CSP account (or your aggregator's key), so the portal can register brands and campaigns and receive the registry's updates.",
      action: canSettings ? { href: "/settings/registry", label: connected ? "Registry settings" : "Connect to the registry" } : null,
      fallback: "An admin of this organization sets this up.",
    },
    {
      done: false,
      title: "Register your first brand",
      text: "A brand is the business that sends the messages. The registry checks its identity, which decides what its campaigns may do.",
      action: canAct && connected ? { href: "/brands/new", label: "Register a brand" } : null,
      fallback: connected ? "An operator or admin registers brands." : "Available once the registry is connected.",
    },
    {
      done: false,
      title: "Create a campaign for it",
      text: "Each use case (marketing, two-factor codes, customer care…) is a campaign the carriers review. Their answers, renewals and rejections will show up here.",
      action: null,
      fallback: "After the brand's identity check.",
    },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h2 className="text-lg">Get started</h2></CardTitle>
        <CardDescription>This organization has no brands or campaigns yet. Three steps to your first registered campaign:</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="space-y-4">
          {steps.map((st, i) => (
            <li key={st.title} className="flex gap-3">
              {st.done ? <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-success-foreground" /> : <Circle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted-foreground" />}
              <div className="grid gap-1">
                <h3 className="font-medium">
                  {i + 1}. {st.title}
                  {st.done ? <span className="ml-2 text-sm font-normal text-success-foreground">Done</span> : null}
                </h3>
                <p className="text-sm text-muted-foreground">{st.text}</p>
                {st.action ? (
                  <div>
                    <Button asChild size="sm" variant={i === steps.findIndex((x) => !x.done) ? "default" : "outline"}>
                      <Link href={st.action.href}>{st.action.label}</Link>
                    </Button>
                  </div>
                ) : (
                  <p className="text-sm text-muted-foreground">{st.fallback}</p>
                )}
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
