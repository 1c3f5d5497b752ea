import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ASSET_LIMITS, assetRules } from "@/lib/brands/assets-schemas";
import type { loadBrandAssets } from "@/lib/brands/queries";
import { formatDate } from "@/lib/format";
import { AssetActions, UploadAssetForm } from "./asset-forms";
import { ReadOnlyNote, RegistryErrors, Section } from "./section";

type Data = Awaited<ReturnType<typeof loadBrandAssets>>;
const TONE: Record<string, BadgeTone> = { PENDING: "info", VERIFIED: "success", UNVERIFIED: "danger" };

export function AssetsTab({ brandId, entityType, identityStatus, data, canAct }: { brandId: string; entityType: string | null; identityStatus: string | null; data: Data; canAct: boolean }) {
  if (entityType === "SOLE_PROPRIETOR") {
    return <p className="text-sm text-muted-foreground">Sole proprietor brands cannot have brand assets.</p>;
  }
  const byType = { LOGO: data.assets.filter((a) => a.type === "LOGO"), BANNER: data.assets.filter((a) => a.type === "BANNER") };
  return (
    <div className="space-y-6">
      <RegistryErrors errors={data.errors} />
      <p className="text-sm text-muted-foreground">
        Logos and banners for RCS campaigns. An asset must be verified before a campaign can use it; verification needs the brand&apos;s identity to be VERIFIED or VETTED_VERIFIED.
      </p>
      {(["LOGO", "BANNER"] as const).map((t) => (
        <Section key={t} id={`assets-${t.toLowerCase()}`} title={t === "LOGO" ? "Logos" : "Banners"} description={`${byType[t].length} of ${ASSET_LIMITS[t].quota} · ${ASSET_LIMITS[t].width}×${ASSET_LIMITS[t].height} px, up to ${ASSET_LIMITS[t].maxBytes / 1024} KB`}>
          {byType[t].length === 0 ? (
            <p className="text-sm text-muted-foreground">None.</p>
          ) : (
            <ul className="divide-y" aria-label={t === "LOGO" ? "Logos" : "Banners"}>
              {byType[t].map((a) => {
                const rules = assetRules(a, identityStatus);
                const reasons = (a.feedbackReasons ?? a.reasons ?? []) as unknown[];
                return (
                  <li key={a.name} className="grid gap-2 py-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
                    <div className="space-y-1 text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{a.name}</span>
                        <Badge tone={TONE[a.verificationStatus ?? ""] ?? "neutral"} className="font-mono">{a.verificationStatus ?? "NOT SUBMITTED"}</Badge>
                      </div>
                      <p className="text-xs text-muted-foreground">
                        Uploaded {formatDate(a.createDate ?? null)}{a.expirationDate ? ` · verification expires ${formatDate(a.expirationDate)}` : ""}
                      </p>
                      {reasons.length ? <p className="text-xs text-danger-foreground">{reasons.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("; ")}</p> : null}
                    </div>
                    {canAct ? (
                      <AssetActions
                        brandId={brandId}
                        name={a.name ?? ""}
                        {...rules}
                        appealDeadline={rules.appealDeadline?.toISOString() ?? null}
                        categories={data.appealCategories}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
      ))}
      {canAct ? (
        <Section id="asset-upload" title="Add an asset" description="The image is checked on upload: exact dimensions, size and type.">
          <UploadAssetForm brandId={brandId} full={{ LOGO: byType.LOGO.length >= ASSET_LIMITS.LOGO.quota, BANNER: byType.BANNER.length >= ASSET_LIMITS.BANNER.quota }} />
        </Section>
      ) : (
        <ReadOnlyNote />
      )}
    </div>
  );
}
