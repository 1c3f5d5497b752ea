import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, ShieldAlert } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { getBrand } from "@/lib/brands/queries";
import { loadBrandEditContext } from "@/lib/brands/update";
import { FEEDBACK_HELP } from "@/lib/brands/update-rules";
import { fieldLabel } from "@/lib/brands/wizard";
import { loadWizardOptions } from "@/lib/brands/wizard-options";
import { db } from "@/lib/db";
import { routeSegment } from "@/lib/format";
import { IdentityStatus } from "../../_components/brand-labels";
import { BrandEditForm } from "./_components/brand-edit-form";

type Params = { params: Promise<{ brandId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Edit brand ${routeSegment((await params).brandId)}` };
}

export default async function EditBrandPage({ params }: Params) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const brandId = routeSegment((await params).brandId);
  const brand = await getBrand(db(), ctx.org.id, brandId);
  if (!brand) notFound();
  const detailHref = `/brands/${encodeURIComponent(brand.brandId)}`;
  const name = brand.displayName ?? brand.brandId;
  const header = (identityStatus: string | null) => (
    <PageHeader
      breadcrumb={<Link href={detailHref} className="inline-flex items-center gap-1 hover:underline"><ArrowLeft aria-hidden="true" className="size-3.5" />Back to {name}</Link>}
      title={`Edit ${name}`}
      meta={<IdentityStatus value={identityStatus} />}
      description="Changes go to The Campaign Registry when you save. Some fields make the registry check the brand's identity again; you are told which before anything is sent."
    />
  );
  if (!can(ctx.role, "registry.act")) {
    return (
      <div className="max-w-5xl">
        {header(brand.identityStatus)}
        <EmptyState icon={<ShieldAlert aria-hidden="true" />} title="Your role cannot edit brands" description="Editing a brand needs the Operator role or above." />
      </div>
    );
  }
  if (brand.deletedAt || brand.status === "DELETED") {
    return (
      <div className="max-w-5xl">
        {header(brand.identityStatus)}
        <Alert tone="warning"><AlertDescription>This brand is deleted at the registry and can no longer be changed.</AlertDescription></Alert>
      </div>
    );
  }
  const [edit, options] = await Promise.all([loadBrandEditContext(db(), ctx.org.id, brand.brandId), loadWizardOptions(db(), ctx.org.id)]);
  if (!edit) notFound();

  return (
    <div className="grid max-w-5xl gap-6">
      {header(edit.identityStatus)}
      {edit.registryProblem ? <Alert tone="warning"><AlertDescription>{edit.registryProblem}</AlertDescription></Alert> : null}
      {edit.feedback && edit.feedback.length > 0 ? (
        <Alert tone="warning">
          <AlertTitle>What the registry said about this brand&apos;s identity</AlertTitle>
          <AlertDescription>
            <ul className="mt-1 grid gap-2">
              {edit.feedback.map((c) => {
                const help = Object.hasOwn(FEEDBACK_HELP, c.id) ? FEEDBACK_HELP[c.id as keyof typeof FEEDBACK_HELP] : null;
                return (
                  <li key={c.id}>
                    <span className="font-medium">{help?.title ?? c.id}</span> <code className="font-mono text-xs">{c.id}</code>
                    {": "}{help?.explanation ?? c.description}
                    {help ? <> Fix: {help.fix} Concerns: {help.fields.map(fieldLabel).join(", ")}.</> : null}
                  </li>
                );
              })}
            </ul>
            <p className="mt-2">Correct the marked fields below and save. Changing the legal name, tax id or entity type sends the brand back for an identity check (resubmission).</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <BrandEditForm
        brandId={brand.brandId}
        initial={edit.values}
        feedback={edit.feedback ?? []}
        coreLock={edit.coreLock}
        relationshipLockedUntil={edit.relationshipLockedUntil}
        options={options}
        detailHref={detailHref}
      />
    </div>
  );
}
