import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Pencil } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { entityTypeLabel } from "@/lib/brands/labels";
import { brandLiveStatus } from "@/lib/brands/live-status";
import { getBrand, loadBrandAppeals, loadBrandAssets, loadBrandOverview, loadBrandVetting } from "@/lib/brands/queries";
import { db } from "@/lib/db";
import { NotOffered } from "@/components/providers/not-offered";
import { capabilitiesFor } from "@/lib/registry/client";
import { formatDateTime, routeSegment } from "@/lib/format";
import { brandTimeline } from "@/lib/timeline/queries";
import { EnumValue, IdentityStatus } from "../_components/brand-labels";
import { AppealsTab } from "./_components/appeals-tab";
import { AssetsTab } from "./_components/assets-tab";
import { BrandTabs, parseTab } from "./_components/brand-tabs";
import { Timeline } from "@/components/timeline/timeline";
import { LiveStatusWatcher } from "./_components/live-status";
import { OverviewTab } from "./_components/overview-tab";
import { RefreshButton } from "./_components/refresh-button";
import { Section } from "./_components/section";
import { VettingTab } from "./_components/vetting-tab";

type Props = { params: Promise<{ brandId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Next hands over the segment as written in the URL; a stray "%" must read as "not found", not crash the page.
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: `Brand ${routeSegment((await params).brandId)}` };
}

export default async function BrandPage({ params, searchParams }: Props) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const brandId = routeSegment((await params).brandId);
  const caps = await capabilitiesFor(db(), ctx.org.id);
  const hidden = [...(caps.has("brand.appeals") ? [] : ["appeals" as const]), ...(caps.has("brand.assets") ? [] : ["assets" as const])];
  const asked = parseTab((await searchParams).tab);
  const tab = hidden.includes(asked as (typeof hidden)[number]) ? "overview" : asked;
  const brand = await getBrand(db(), ctx.org.id, brandId);
  if (!brand) notFound();
  const canAct = can(ctx.role, "registry.act");
  const active = !brand.deletedAt && brand.status !== "DELETED";
  const actOnActive = canAct && active;
  const live = await brandLiveStatus(db(), ctx.org.id, brand.brandId);

  return (
    <div className="space-y-6">
      <PageHeader
        className="mb-0"
        breadcrumb={
          <Link href="/brands" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Brands
          </Link>
        }
        title={brand.displayName ?? brand.brandId}
        meta={
          <>
            <IdentityStatus value={brand.identityStatus} />
            {live ? <LiveStatusWatcher brandId={brand.brandId} initial={live} /> : null}
            {brand.mock ? <Badge tone="info">mock</Badge> : null}
            {!active ? <Badge tone="warning">Deleted{brand.deletedAt ? ` ${formatDateTime(brand.deletedAt)}` : ""}</Badge> : null}
          </>
        }
        description={
          <>
            <EnumValue value={brand.entityType} label={entityTypeLabel(brand.entityType)} /> · Brand <code className="font-mono">{brand.brandId}</code> ·{" "}
            {brand.campaigns} campaign{brand.campaigns === 1 ? "" : "s"} · last confirmed by the registry{" "}
            <time dateTime={brand.confirmedAt.toISOString()}>{formatDateTime(brand.confirmedAt)}</time>
          </>
        }
        actions={
          canAct ? (
            <>
              {actOnActive ? (
                <Link href={`/brands/${encodeURIComponent(brand.brandId)}/edit`} className={buttonVariants({ variant: "outline" })}>
                  <Pencil aria-hidden="true" /> Edit brand
                </Link>
              ) : null}
              <RefreshButton brandId={brand.brandId} />
            </>
          ) : null
        }
      />
      {!active ? <p className="text-sm text-muted-foreground">This brand is deleted at the registry: it is shown read-only.</p> : null}
      <BrandTabs brandId={brand.brandId} current={tab} hidden={hidden} />
      {asked !== tab ? <NotOffered caps={caps} capability={asked === "assets" ? "brand.assets" : "brand.appeals"} what={asked === "assets" ? "Brand assets" : "Appeals"} /> : null}
      {tab === "overview" ? (
        <OverviewTab brand={brand} data={await loadBrandOverview(db(), ctx.org.id, brand)} timeline={await brandTimeline(db(), ctx.org.id, brand.brandId)} canAct={canAct} caps={caps} />
      ) : tab === "vetting" ? (
        <VettingTab brandId={brand.brandId} entityType={brand.entityType} data={await loadBrandVetting(db(), ctx.org.id, brand)} canAct={actOnActive} caps={caps} />
      ) : tab === "appeals" ? (
        <AppealsTab brandId={brand.brandId} entityType={brand.entityType} data={await loadBrandAppeals(db(), ctx.org.id, brand)} canAct={actOnActive} upstream={caps.kind} />
      ) : tab === "assets" ? (
        <AssetsTab brandId={brand.brandId} entityType={brand.entityType} identityStatus={brand.identityStatus} data={await loadBrandAssets(db(), ctx.org.id, brand)} canAct={actOnActive} />
      ) : (
        <Section id="timeline" title="Activity" description="Registry notifications and portal actions, newest first: identity status changes, OTP, vetting, appeals, assets.">
          <Timeline subject="brand" entries={await brandTimeline(db(), ctx.org.id, brand.brandId)} />
        </Section>
      )}
    </div>
  );
}
