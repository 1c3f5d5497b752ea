import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { groupBrandFields } from "@/lib/brands/fields";
import { brandStatusLabel, entityTypeLabel } from "@/lib/brands/labels";
import { getBrand } from "@/lib/brands/queries";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { brandTimeline } from "@/lib/timeline/queries";
import { EnumValue, IdentityStatus } from "../_components/brand-labels";
import { BrandTimeline } from "./_components/brand-timeline";
import { RefreshButton } from "./_components/refresh-button";

type Params = { params: Promise<{ brandId: string }> };

// Next hands over the segment as written in the URL; a stray "%" must read as "not found", not crash the page.
function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Brand ${segment((await params).brandId)}` };
}

const DATE_KEYS = new Set(["createDate", "mobilePhoneVerifiedDate", "businessContactEmailVerifiedDate"]);

function FieldValue({ k, value }: { k: string; value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="text-muted-foreground">—</span>;
  if (k === "entityType" && typeof value === "string") return <EnumValue value={value} label={entityTypeLabel(value)} />;
  if (k === "status" && typeof value === "string") return <EnumValue value={value} label={brandStatusLabel(value)} />;
  if (k === "identityStatus" && typeof value === "string") return <IdentityStatus value={value} />;
  if (DATE_KEYS.has(k) && typeof value === "string") return <span>{formatDateTime(value)}</span>;
  if (typeof value === "boolean") return <span>{value ? "Yes" : "No"}</span>;
  if (typeof value === "string" || typeof value === "number") return <span className="break-words">{String(value)}</span>;
  if (typeof value === "object" && Object.keys(value).length === 0) return <span className="text-muted-foreground">None</span>;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return <span>{value.join(", ")}</span>;
  return <pre className="overflow-x-auto rounded bg-muted p-2 font-mono text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>;
}

export default async function BrandPage({ params }: Params) {
  const ctx = await currentContext();
  if (!ctx) redirect("/sign-in");
  const brandId = segment((await params).brandId);
  const brand = await getBrand(db(), ctx.org.id, brandId);
  if (!brand) notFound();
  const timeline = await brandTimeline(db(), ctx.org.id, brand.brandId);
  const groups = groupBrandFields(brand.data);

  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumb={
          <Link href="/brands" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Brands
          </Link>
        }
        title={brand.displayName ?? brand.brandId}
        meta={
          <>
            <IdentityStatus value={brand.identityStatus} />
            {brand.mock ? <Badge tone="info">mock</Badge> : null}
            {brand.deletedAt ? <Badge tone="warning">Deleted {formatDateTime(brand.deletedAt)}</Badge> : null}
          </>
        }
        description={
          <>
            Brand <code className="font-mono">{brand.brandId}</code> · {brand.campaigns} campaign{brand.campaigns === 1 ? "" : "s"} · last
            confirmed by the registry <time dateTime={brand.confirmedAt.toISOString()}>{formatDateTime(brand.confirmedAt)}</time>
          </>
        }
        actions={can(ctx.role, "registry.act") ? <RefreshButton brandId={brand.brandId} /> : null}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-6">
          {groups.map((g) => (
            <Card key={g.id} role="region" aria-labelledby={`group-${g.id}`}>
              <CardHeader>
                <CardTitle asChild><h2 id={`group-${g.id}`}>{g.title}</h2></CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                  {g.fields.map((f) => (
                    <div key={f.key} className="grid min-w-0 gap-0.5">
                      <dt className="text-xs font-medium text-muted-foreground">
                        {f.label} <code className="font-mono font-normal">{f.key}</code>
                      </dt>
                      <dd className="text-sm"><FieldValue k={f.key} value={f.value} /></dd>
                    </div>
                  ))}
                </dl>
              </CardContent>
            </Card>
          ))}
        </div>
        <Card role="region" aria-labelledby="timeline-heading" className="h-fit">
          <CardHeader>
            <CardTitle asChild><h2 id="timeline-heading">Timeline</h2></CardTitle>
            <CardDescription>Registry notifications and portal actions, newest first.</CardDescription>
          </CardHeader>
          <CardContent>
            <BrandTimeline entries={timeline} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
