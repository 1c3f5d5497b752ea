import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import type { RawSearchParams } from "@/components/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { brandEligibility } from "@/lib/campaigns/builder";
import { getCampaignDraft, listBuilderBrands, usecaseCatalogueFor } from "@/lib/campaigns/queries";
import { BUILDER_STEPS, campaignDraftDataSchema, type BuilderStep } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { listResellerChoices } from "@/lib/resellers/queries";
import { CampaignBuilder, type BuilderBrand } from "./_components/campaign-builder";
import type { BuilderResellers } from "./_components/reseller-picker";
import { providerGate } from "@/components/providers/provider-gate";
import { capabilitiesFor } from "@/lib/registry/client";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const gate = await providerGate(ctx.org.id, "campaign.manage", "New campaign", "Campaigns");
  if (gate) return gate;
  const back = (
    <Link href="/campaigns" className="inline-flex items-center gap-1 hover:text-foreground">
      <ArrowLeft aria-hidden="true" className="size-4" /> Campaigns
    </Link>
  );
  if (!can(ctx.role, "registry.act")) {
    return (
      <div className="space-y-4">
        <PageHeader breadcrumb={back} title="New campaign" />
        <Alert tone="warning"><AlertDescription>Your role can view campaigns but not register them. Ask an operator or admin.</AlertDescription></Alert>
      </div>
    );
  }
  const sp = await searchParams;
  const draftId = typeof sp.draft === "string" ? sp.draft : undefined;
  const [rows, catalogue, draft, resellerList] = await Promise.all([
    listBuilderBrands(db(), ctx.org.id),
    usecaseCatalogueFor(db(), ctx.org.id),
    draftId ? getCampaignDraft(db(), ctx.org.id, draftId) : Promise.resolve(null),
    listResellerChoices(db(), ctx.org.id),
  ]);
  const canManageResellers = can(ctx.role, "settings.manage");
  const resellers: BuilderResellers = resellerList.ok
    ? { ok: true, resellers: resellerList.resellers, canManage: canManageResellers }
    : { ok: false, error: resellerList.error, canManage: canManageResellers };
  if (draft?.campaignId) redirect(`/campaigns/${encodeURIComponent(draft.campaignId)}`);
  const caps = await capabilitiesFor(db(), ctx.org.id);
  const identityReported = caps.has("brand.identityStatus");
  const brands: BuilderBrand[] = rows.map((b) => {
    const data = (b.data ?? {}) as Record<string, unknown>;
    return {
      brandId: b.brandId, displayName: b.displayName, companyName: b.companyName, entityType: b.entityType, identityStatus: b.identityStatus,
      mock: b.mock, vettingScore: b.vettingScore, website: typeof data.website === "string" ? data.website : null, eligibility: brandEligibility(b, { identityReported }),
    };
  });
  const parsed = draft ? campaignDraftDataSchema.safeParse(draft.data) : null;
  const step = draft && (BUILDER_STEPS as readonly string[]).includes(draft.step) ? (draft.step as BuilderStep) : "brand";
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumb={back}
        title="New campaign"
        description="Build the campaign one step at a time. The registry's qualification for each carrier and the compliance check update as you go; nothing is sent or charged until you submit on the last step."
      />
      {catalogue.ok ? null : (
        <Alert tone="danger"><AlertDescription>The registry&apos;s list of use cases could not be loaded: {catalogue.error}</AlertDescription></Alert>
      )}
      <CampaignBuilder
        brands={brands}
        usecases={catalogue.ok ? catalogue.usecases : []}
        resellers={resellers}
        draft={draft && parsed?.success ? { id: draft.id, step, data: parsed.data } : null}
        mmsUnavailable={caps.why("campaign.files")}
        vonagePreview={caps.kind === "VONAGE"}
      />
    </div>
  );
}
