import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Plus } from "lucide-react";
import { FilterBar, KeysetPager, SortHeader, TableEmpty, nextSort, type RawSearchParams } from "@/components/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { SyncButton } from "@/components/registry/sync-button";
import { SyncStatus } from "@/components/registry/sync-status";
import { TagChipLinks } from "@/components/tags/tag-chips";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { KNOWN_MNOS, mnoName } from "@/lib/campaigns/carriers";
import { CAMPAIGN_STATUS_LABELS, OPERATION_STATUS_LABELS, SHARING_STATUS_LABELS, formatMoney } from "@/lib/campaigns/labels";
import { listCampaignDrafts, listCampaignFacets, listCampaigns, type CampaignFacets } from "@/lib/campaigns/queries";
import { campaignsHref, CAMPAIGNS_PATH, defaultDir, hasCampaignFilters, parseCampaignFilters, RENEWAL_WINDOWS, type CampaignSort, type ParsedCampaignFilters } from "@/lib/campaigns/search-params";
import { db } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { CampaignStatus, CarrierStatuses, SharingStatus } from "./_components/campaign-labels";
import { DiscardDraftButton } from "./_components/discard-draft";
import { providerGate } from "@/components/providers/provider-gate";

export const metadata: Metadata = { title: "Campaigns" };

const STEP_LABELS: Record<string, string> = { brand: "Brand", usecase: "Use case", subUsecases: "Sub-use cases", content: "Content", review: "Review" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const gate = await providerGate(ctx.org.id, "campaign.manage", "Campaigns", "Campaigns");
  if (gate) return gate;
  const f = parseCampaignFilters(await searchParams);
  const canAct = can(ctx.role, "registry.act");
  const facets = listCampaignFacets(db(), ctx.org.id, f);
  // Awaited inside the Suspense boundary; this only keeps a failure there from also counting as unhandled when the table fails first.
  facets.catch(() => undefined);
  const [{ rows, total, hasPrevious, cursors }, drafts] = await Promise.all([
    listCampaigns(db(), ctx.org.id, f),
    canAct ? listCampaignDrafts(db(), ctx.org.id) : Promise.resolve([]),
  ]);
  const filtered = hasCampaignFilters(f);

  const sortHeader = (column: CampaignSort, label: string, className?: string) => {
    const next = nextSort({ sort: f.sort, dir: f.dir }, column, defaultDir(column));
    return (
      <SortHeader active={f.sort === column} dir={f.dir} href={campaignsHref(f, next)} className={className}>
        {label}
      </SortHeader>
    );
  };

  return (
    <div className="space-y-4">
      <PageHeader
        title="Campaigns"
        description="This organization's 10DLC campaigns with each carrier's decision, as last confirmed by the registry."
        actions={
          canAct ? (
            <div className="flex flex-wrap items-start gap-2">
              <SyncButton />
              <Button asChild>
                <Link href="/campaigns/new"><Plus aria-hidden="true" /> New campaign</Link>
              </Button>
            </div>
          ) : null
        }
      />
      <SyncStatus orgId={ctx.org.id} className="-mt-2" />
      {drafts.length > 0 ? (
        <Card role="region" aria-labelledby="drafts-heading">
          <CardHeader>
            <CardTitle asChild><h2 id="drafts-heading">Unfinished campaigns</h2></CardTitle>
            <CardDescription>Drafts saved by the campaign builder. Nothing has been sent to the registry or charged.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm">
              {drafts.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{d.usecase ?? "No use case yet"}</span>
                    <span className="text-muted-foreground"> · brand {d.brandId ?? "not chosen"} · at step {STEP_LABELS[d.step] ?? d.step} · saved {formatDateTime(d.updatedAt)}</span>
                  </span>
                  <span className="flex items-center gap-2">
                    <Link href={`/campaigns/new?draft=${encodeURIComponent(d.id)}`} className="text-primary underline underline-offset-4">
                      Resume<span className="sr-only"> the {d.usecase ?? "unfinished"} draft saved {formatDateTime(d.updatedAt)}</span>
                    </Link>
                    <DiscardDraftButton draftId={d.id} label={`the ${d.usecase ?? "unfinished"} draft saved ${formatDateTime(d.updatedAt)}`} />
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
      {/* The facets scan every campaign of the organization: the table does not wait for them. */}
      <Suspense fallback={<CampaignFilters f={f} facets={selectedOnly(f)} />}>
        <StreamedCampaignFilters f={f} facets={facets} />
      </Suspense>
      {f.carrier && !f.carrierStatus ? (
        <p className="text-sm text-muted-foreground">Showing campaigns submitted to {mnoName(f.carrier)}.</p>
      ) : null}
      {rows.length === 0 ? (
        <TableEmpty
          filtered={filtered || Boolean(f.cursor)}
          clearHref={CAMPAIGNS_PATH}
          emptyTitle="No campaigns yet"
          emptyDescription="Campaigns appear here once the registry confirms them: build one, or wait for the nightly reconciliation to bring in existing ones."
          emptyAction={canAct ? <Button asChild><Link href="/campaigns/new">Build a campaign</Link></Button> : undefined}
        />
      ) : (
        <Table label="Campaigns">
          <TableHeader>
            <TableRow>
              {sortHeader("campaignId", "Campaign")}
              <TableHead>Brand</TableHead>
              {sortHeader("usecase", "Use case")}
              {sortHeader("status", "Status")}
              <TableHead className="min-w-40">Carriers</TableHead>
              <TableHead>Sharing</TableHead>
              {sortHeader("created", "Created")}
              {sortHeader("renewal", "Renewal")}
              <TableHead className="text-right">Monthly fee</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="font-medium">
                  <Link href={`/campaigns/${encodeURIComponent(c.campaignId)}`} className="font-mono text-primary underline-offset-4 hover:underline">
                    {c.campaignId}
                  </Link>
                  <div className="flex flex-wrap items-center gap-1.5 text-xs font-normal text-muted-foreground">
                    {c.referenceId ? <span className="font-mono">{c.referenceId}</span> : null}
                    {c.mock ? <Badge tone="info">mock</Badge> : null}
                    {c.deletedAt ? <Badge tone="warning">Removed</Badge> : null}
                    {c.migrationStatus ? <Badge tone="info">Migration {c.migrationStatus}</Badge> : null}
                  </div>
                  <TagChipLinks tags={c.tags} label={`Tags of ${c.campaignId}`} current={f.tag} hrefFor={(t) => campaignsHref(f, { tag: t })} noun="campaigns" />
                </TableCell>
                <TableCell>
                  {c.brandId ? (
                    <Link href={`/brands/${encodeURIComponent(c.brandId)}`} className="underline-offset-4 hover:underline">
                      {c.brandName ?? c.brandId}
                    </Link>
                  ) : "—"}
                  {c.brandName ? <div className="font-mono text-xs text-muted-foreground">{c.brandId}</div> : null}
                </TableCell>
                <TableCell className="font-mono text-xs">{c.usecase ?? "—"}</TableCell>
                <TableCell><CampaignStatus value={c.status} /></TableCell>
                <TableCell><CarrierStatuses operations={c.operations} /></TableCell>
                <TableCell>
                  <SharingStatus value={c.sharingStatus} />
                  {c.upstreamCnpId ? <div className="font-mono text-xs text-muted-foreground">to {c.upstreamCnpId}</div> : null}
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatDate(c.registryCreatedAt)}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {c.nextRenewalOrExpirationDate ? formatDate(c.nextRenewalOrExpirationDate) : "—"}
                  <div className="text-xs text-muted-foreground">{c.status === "EXPIRED" ? "expired" : c.autoRenewal === false ? "expires, no renewal" : c.autoRenewal ? "auto-renews" : ""}</div>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(c.monthlyFee)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <KeysetPager
        shown={rows.length} total={total} atStart={!hasPrevious} firstHref={campaignsHref(f)}
        previousHref={cursors.previous && campaignsHref(f, { cursor: cursors.previous })}
        nextHref={cursors.next && campaignsHref(f, { cursor: cursors.next })}
        noun={["campaign", "campaigns"]} label="Campaign pages"
      />
    </div>
  );
}

/** Until the facets arrive the bar offers only what the URL already selects, so a shared link still reads right. */
function selectedOnly(f: ParsedCampaignFilters): CampaignFacets {
  return {
    usecases: f.usecase ? [f.usecase] : [],
    brands: f.brandId ? [{ brandId: f.brandId, name: null }] : [],
    cnps: f.cnp ? [f.cnp] : [],
    tags: f.tag ? [f.tag] : [],
  };
}

async function StreamedCampaignFilters({ f, facets }: { f: ParsedCampaignFilters; facets: Promise<CampaignFacets> }) {
  return <CampaignFilters f={f} facets={await facets} />;
}

function CampaignFilters({ f, facets }: { f: ParsedCampaignFilters; facets: CampaignFacets }) {
  const cleared = {
    ...f, q: undefined, brandId: undefined, usecase: undefined, status: undefined, carrier: undefined, carrierStatus: undefined,
    sharingStatus: undefined, cnp: undefined, autoRenewal: undefined, renewsWithin: undefined, tag: undefined, deleted: undefined,
  };
  const filtered = hasCampaignFilters(f);
  return (
  <FilterBar
    action={CAMPAIGNS_PATH}
    label="Filter campaigns"
    exportReport="campaigns"
    active={filtered}
    clearHref={campaignsHref(cleared)}
    keep={{ sort: f.sort === "created" ? undefined : f.sort, dir: f.dir === defaultDir(f.sort) ? undefined : f.dir }}
    fields={[
      { kind: "search", name: "q", label: "Search", value: f.q, placeholder: "Campaign, brand or reference id" },
      { kind: "select", name: "brandId", label: "Brand", value: f.brandId, allLabel: "All brands", options: facets.brands.map((b) => ({ value: b.brandId, label: b.name ? `${b.name} (${b.brandId})` : b.brandId })), className: "w-56" },
      { kind: "select", name: "usecase", label: "Use case", value: f.usecase, allLabel: "All use cases", options: facets.usecases.map((u) => ({ value: u, label: u })), className: "w-48" },
      { kind: "select", name: "status", label: "Status", value: f.status, allLabel: "All statuses", options: Object.entries(CAMPAIGN_STATUS_LABELS).map(([v, l]) => ({ value: v, label: `${l} (${v})` })), className: "w-52" },
      { kind: "select", name: "carrier", label: "Carrier", value: f.carrier, allLabel: "Any carrier", options: KNOWN_MNOS.map((m) => ({ value: m.mnoId, label: m.name })), className: "w-44" },
      { kind: "select", name: "carrierStatus", label: "Carrier status", value: f.carrierStatus, allLabel: "Any carrier status", options: Object.entries(OPERATION_STATUS_LABELS).map(([v, l]) => ({ value: v, label: `${l} (${v})` })), className: "w-48" },
      { kind: "select", name: "sharingStatus", label: "Sharing", value: f.sharingStatus, allLabel: "Any sharing", options: Object.entries(SHARING_STATUS_LABELS).map(([v, l]) => ({ value: v, label: `${l} (${v})` })), className: "w-52" },
      ...(facets.cnps.length ? [{ kind: "select" as const, name: "cnp", label: "Upstream partner", value: f.cnp, allLabel: "Any partner", options: facets.cnps.map((c) => ({ value: c, label: c })), className: "w-44" }] : []),
      { kind: "select", name: "autoRenewal", label: "Auto-renewal", value: f.autoRenewal, allLabel: "On or off", options: [{ value: "on", label: "On" }, { value: "off", label: "Off" }], className: "w-36" },
      { kind: "select", name: "renewsWithin", label: "Renews within", value: f.renewsWithin, allLabel: "Any date", options: RENEWAL_WINDOWS.map((d) => ({ value: d, label: `${d} days` })), className: "w-36" },
      { kind: "select", name: "tag", label: "Tag", value: f.tag, allLabel: facets.tags.length ? "All tags" : "No tags yet", options: facets.tags.map((v) => ({ value: v, label: v })), className: "w-40" },
      { kind: "checkbox", name: "deleted", label: "Show removed", checked: Boolean(f.deleted) },
    ]}
  />
  );
}
