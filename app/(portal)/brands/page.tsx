import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { FilterBar, KeysetPager, SortHeader, TableEmpty, nextSort, type RawSearchParams } from "@/components/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { SyncButton } from "@/components/registry/sync-button";
import { SyncStatus } from "@/components/registry/sync-status";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Plus, Tag } from "lucide-react";
import { Button } from "@/components/ui/button";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { listBrandDrafts } from "@/lib/brands/drafts";
import { BRAND_STATUSES, BRAND_STATUS_LABELS, ENTITY_TYPES, ENTITY_TYPE_LABELS, IDENTITY_STATUSES, IDENTITY_STATUS_LABELS } from "@/lib/brands/labels";
import { listBrandFacets, listBrands, type BrandFacets } from "@/lib/brands/queries";
import { brandsHref, BRANDS_PATH, defaultDir, hasBrandFilters, parseBrandFilters, type BrandSort, type ParsedBrandFilters } from "@/lib/brands/search-params";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { EntityType, IdentityStatus } from "./_components/brand-labels";
import { BrandDrafts } from "./_components/brand-drafts";

export const metadata: Metadata = { title: "Brands" };

export default async function BrandsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const f = parseBrandFilters(await searchParams);
  const canRegister = can(ctx.role, "registry.act");
  const facets = listBrandFacets(db(), ctx.org.id, f);
  // Awaited inside the Suspense boundary; this only keeps a failure there from also counting as unhandled when the table fails first.
  facets.catch(() => undefined);
  const [{ rows, total, hasPrevious, cursors }, drafts] = await Promise.all([
    listBrands(db(), ctx.org.id, f),
    canRegister ? listBrandDrafts(db(), ctx.org.id) : Promise.resolve([]),
  ]);
  const filtered = hasBrandFilters(f);

  const sortHeader = (column: BrandSort, label: string, className?: string) => {
    const next = nextSort({ sort: f.sort, dir: f.dir }, column, defaultDir(column));
    return (
      <SortHeader active={f.sort === column} dir={f.dir} href={brandsHref(f, next)} className={className}>
        {label}
      </SortHeader>
    );
  };

  return (
    <div className="space-y-4">
      <PageHeader
        title="Brands"
        description="The brands this organization has registered with The Campaign Registry, as last confirmed by its upstream."
        actions={canRegister ? (
          <div className="flex flex-wrap items-start gap-2">
            <SyncButton />
            <Button asChild>
              <Link href="/brands/new"><Plus aria-hidden="true" />Register a brand</Link>
            </Button>
          </div>
        ) : undefined}
      />
      <SyncStatus orgId={ctx.org.id} className="-mt-2" />
      <BrandDrafts drafts={drafts} />
      {/* The facets group every brand of the organization: the table does not wait for them. */}
      <Suspense fallback={<BrandFilters f={f} facets={{ verticals: f.vertical ? [f.vertical] : [], tags: f.tag ? [f.tag] : [] }} />}>
        <StreamedBrandFilters f={f} facets={facets} />
      </Suspense>
      {rows.length === 0 ? (
        <TableEmpty
          filtered={filtered || Boolean(f.cursor)}
          clearHref={BRANDS_PATH}
          emptyTitle="No brands yet"
          emptyDescription="Brands appear here as soon as the registry confirms them, through its webhooks or the nightly reconciliation."
        />
      ) : (
        <Table label="Brands">
          <TableHeader>
            <TableRow>
              {sortHeader("displayName", "Display name")}
              <TableHead>Company</TableHead>
              <TableHead>Entity type</TableHead>
              {sortHeader("identityStatus", "Identity status")}
              <TableHead className="text-right">Vetting score</TableHead>
              <TableHead>Country</TableHead>
              {sortHeader("created", "Created")}
              <TableHead className="text-right">Campaigns</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((b) => (
              <TableRow key={b.id}>
                <TableCell className="font-medium">
                  <Link href={`/brands/${encodeURIComponent(b.brandId)}`} className="text-primary underline-offset-4 hover:underline">
                    {b.displayName ?? b.brandId}
                  </Link>
                  <div className="flex flex-wrap items-center gap-1.5 font-mono text-xs font-normal text-muted-foreground">
                    {b.brandId}
                    {b.mock ? <Badge tone="info">mock</Badge> : null}
                    {b.deletedAt ? <Badge tone="warning">Deleted</Badge> : null}
                  </div>
                  {b.tags.length ? (
                    <ul aria-label={`Tags of ${b.displayName ?? b.brandId}`} className="mt-1 flex flex-wrap gap-1 font-normal">
                      {b.tags.map((t) => (
                        <li key={t}>
                          <Link
                            href={brandsHref(f, { tag: t })}
                            aria-label={`${t}: show brands tagged ${t}`}
                            aria-current={f.tag === t ? "true" : undefined}
                            className="inline-flex items-center rounded-full border px-2 py-0.5 text-xs text-muted-foreground hover:border-primary hover:text-foreground aria-[current=true]:border-primary aria-[current=true]:bg-primary/10 aria-[current=true]:text-foreground"
                          >
                            <Tag aria-hidden="true" className="mr-1 size-3" />{t}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </TableCell>
                <TableCell>{b.companyName ?? <span className="text-muted-foreground">—</span>}</TableCell>
                <TableCell><EntityType value={b.entityType} /></TableCell>
                <TableCell><IdentityStatus value={b.identityStatus} /></TableCell>
                <TableCell className="text-right tabular-nums">{b.vettingScore ?? <span className="text-muted-foreground">—</span>}</TableCell>
                <TableCell>{b.country ?? "—"}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDate(b.registryCreatedAt)}</TableCell>
                <TableCell className="text-right tabular-nums">{b.campaigns}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <KeysetPager
        shown={rows.length} total={total} atStart={!hasPrevious} firstHref={brandsHref(f)}
        previousHref={cursors.previous && brandsHref(f, { cursor: cursors.previous })}
        nextHref={cursors.next && brandsHref(f, { cursor: cursors.next })}
        noun={["brand", "brands"]} label="Brand pages"
      />
    </div>
  );
}

async function StreamedBrandFilters({ f, facets }: { f: ParsedBrandFilters; facets: Promise<BrandFacets> }) {
  return <BrandFilters f={f} facets={await facets} />;
}

/** Until the facets arrive the bar offers only what the URL already selects, so a shared link still reads right. */
function BrandFilters({ f, facets }: { f: ParsedBrandFilters; facets: BrandFacets }) {
  const filtered = hasBrandFilters(f);
  return (
  <FilterBar
    action={BRANDS_PATH}
    label="Filter brands" exportReport="brands"
    active={filtered}
    clearHref={brandsHref({ ...f, q: undefined, entityType: undefined, identityStatus: undefined, status: undefined, vertical: undefined, tag: undefined, deleted: undefined })}
    keep={{ sort: f.sort === "created" ? undefined : f.sort, dir: f.dir === defaultDir(f.sort) ? undefined : f.dir }}
    fields={[
      { kind: "search", name: "q", label: "Search", value: f.q, placeholder: "Name, company, brand or reference id" },
      { kind: "select", name: "entityType", label: "Entity type", value: f.entityType, allLabel: "All entity types", options: ENTITY_TYPES.map((v) => ({ value: v, label: `${ENTITY_TYPE_LABELS[v]} (${v})` })), className: "w-60" },
      { kind: "select", name: "identityStatus", label: "Identity status", value: f.identityStatus, allLabel: "All identity statuses", options: IDENTITY_STATUSES.map((v) => ({ value: v, label: `${IDENTITY_STATUS_LABELS[v]} (${v})` })), className: "w-64" },
      { kind: "select", name: "status", label: "Status", value: f.status, allLabel: "All statuses", options: BRAND_STATUSES.map((v) => ({ value: v, label: `${BRAND_STATUS_LABELS[v]} (${v})` })), className: "w-44" },
      { kind: "select", name: "vertical", label: "Vertical", value: f.vertical, allLabel: "All verticals", options: facets.verticals.map((v) => ({ value: v, label: v })), className: "w-48" },
      { kind: "select", name: "tag", label: "Tag", value: f.tag, allLabel: facets.tags.length ? "All tags" : "No tags yet", options: facets.tags.map((v) => ({ value: v, label: v })), className: "w-48" },
      { kind: "checkbox", name: "deleted", label: "Show deleted", checked: Boolean(f.deleted) },
    ]}
  />
  );
}
