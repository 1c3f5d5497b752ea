import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ArrowLeft, ShieldAlert } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { feesFor, formatUsd } from "@/lib/billing/fees";
import { PROVIDERS } from "@/lib/providers/kinds";
import { capabilitiesFor } from "@/lib/registry/client";
import { getBrandDraft } from "@/lib/brands/drafts";
import { loadWizardOptions } from "@/lib/brands/wizard-options";
import { WIZARD_STEP_IDS, type WizardStepId } from "@/lib/brands/wizard";
import { db } from "@/lib/db";
import { EmptyState } from "@/components/ui/empty-state";
import { BrandWizard, type WizardDraft } from "./_components/brand-wizard";

export const metadata: Metadata = { title: "Register a brand" };

export default async function NewBrandPage({ searchParams }: { searchParams: Promise<{ draft?: string | string[] }> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  if (!can(ctx.role, "registry.act")) {
    return (
      <EmptyState
        icon={<ShieldAlert aria-hidden="true" />}
        title="Your role cannot register brands"
        description="Registering a brand is billable, so it needs the Operator role or above. Ask an admin of this organization if you need it."
      />
    );
  }
  const raw = (await searchParams).draft;
  const draftId = typeof raw === "string" && raw.length <= 40 ? raw : null;

  let draft: WizardDraft | null = null;
  if (draftId) {
    const d = await getBrandDraft(db(), ctx.org.id, draftId);
    if (!d) notFound();
    if (d.brandId) redirect(`/brands/${encodeURIComponent(d.brandId)}`);
    const step = (WIZARD_STEP_IDS as string[]).includes(d.step) ? (d.step as WizardStepId) : "entity";
    draft = { id: d.id, step: d.values.entityType ? step : "entity", values: d.values, suggestedReferenceId: d.suggestedReferenceId };
  }
  const options = await loadWizardOptions(db(), ctx.org.id);
  const caps = await capabilitiesFor(db(), ctx.org.id);
  const fees = feesFor(PROVIDERS[caps.kind].provider);

  return (
    <div className="max-w-5xl">
      <PageHeader
        breadcrumb={<Link href="/brands" className="inline-flex items-center gap-1 hover:underline"><ArrowLeft aria-hidden="true" className="size-3.5" />Brands</Link>}
        title="Register a brand"
        description={fees.brand
          ? `Registers a brand with The Campaign Registry${caps.kind.startsWith("TCR") ? "" : ` through ${caps.label}`}. Registration costs ${formatUsd(fees.brand.amountUsd)}, shown again before you submit.`
          : `Registers a brand with The Campaign Registry through ${caps.label}, which bills the registration on your ${fees.billedBy} account.`}
      />
      <BrandWizard key={draft?.id ?? "new"} draft={draft} options={options} fee={fees.brand} billedBy={fees.billedBy} />
    </div>
  );
}
