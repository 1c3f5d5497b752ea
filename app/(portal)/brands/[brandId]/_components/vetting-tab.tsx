import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { feeText, feesFor } from "@/lib/billing/fees";
import { PROVIDERS } from "@/lib/providers/kinds";
import type { loadBrandVetting } from "@/lib/brands/queries";
import { formatDate, formatDateTime } from "@/lib/format";
import { AppealStatusBadge, appealOutcome } from "./appeal-status";
import { ReadOnlyNote, RegistryErrors, Section } from "./section";
import { DownloadReport, ImportVettingForm, OrderVettingForm, RefreshVettingButton, VettingAppeal } from "./vetting-forms";
import { NotOffered } from "@/components/providers/not-offered";
import type { Capabilities } from "@/lib/providers/capabilities";

const STATUS: Record<string, { tone: BadgeTone; meaning: string }> = {
  PENDING: { tone: "info", meaning: "Ordered, not yet reviewed" },
  UNSCORE: { tone: "info", meaning: "Under review" },
  ACTIVE: { tone: "success", meaning: "Scored and valid" },
  FAILED: { tone: "danger", meaning: "The provider could not verify the brand" },
  EXPIRED: { tone: "warning", meaning: "Validity ended or the brand changed after the vet" },
};

type Data = Awaited<ReturnType<typeof loadBrandVetting>>;

export function VettingTab({ brandId, entityType, data, canAct, caps }: { brandId: string; entityType: string | null; data: Data; canAct: boolean; caps: Capabilities }) {
  const fees = feesFor(PROVIDERS[caps.kind].provider);
  const sp = entityType === "SOLE_PROPRIETOR";
  return (
    <div className="space-y-6">
      <RegistryErrors errors={data.errors} />
      <Section
        id="vets"
        title="External vetting records"
        description="Vets by approved providers. A standard or enhanced score changes carrier throughput and the use cases the brand qualifies for; political vets unlock the POLITICAL use case."
        actions={canAct ? <RefreshVettingButton brandId={brandId} /> : null}
      >
        {data.vettings.length === 0 ? (
          <p className="text-sm text-muted-foreground">No vetting records yet.</p>
        ) : (
          <Table aria-label="Vetting records">
            <TableHeader>
              <TableRow>
                <TableHead>Provider / class</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Score</TableHead>
                <TableHead>Vetted</TableHead>
                <TableHead>Valid until</TableHead>
                <TableHead>Confirmed</TableHead>
                {canAct ? <TableHead><span className="sr-only">Actions</span></TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.vettings.map((v) => {
                const s = STATUS[v.vettingStatus ?? ""];
                const reasons = Array.isArray((v.data as { reasons?: unknown }).reasons) ? ((v.data as { reasons: unknown[] }).reasons) : [];
                return (
                  <TableRow key={v.id}>
                    <TableCell>
                      <div className="font-medium">{v.evpId} · {v.vettingClass || "—"}</div>
                      {v.vettingId ? <div className="max-w-56 truncate font-mono text-xs text-muted-foreground" title={v.vettingId}>{v.vettingId}</div> : null}
                    </TableCell>
                    <TableCell>
                      <Badge tone={s?.tone ?? "neutral"} className="font-mono">{v.vettingStatus ?? "—"}</Badge>
                      {s ? <div className="text-xs text-muted-foreground">{s.meaning}</div> : null}
                      {reasons.length ? <div className="text-xs text-danger-foreground">{reasons.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("; ")}</div> : null}
                    </TableCell>
                    <TableCell>{v.vettingScore ?? "—"}</TableCell>
                    <TableCell>{formatDate(v.vettedDate)}</TableCell>
                    <TableCell>{formatDate(v.expiresAt)}</TableCell>
                    <TableCell className="text-xs text-muted-foreground">{formatDateTime(v.confirmedAt)}</TableCell>
                    {canAct ? (
                      <TableCell>
                        {caps.has("brand.appeals") && v.vettingId && (v.vettingStatus === "ACTIVE" || v.vettingStatus === "FAILED" || v.vettingStatus === "EXPIRED") ? (
                          <VettingAppeal brandId={brandId} evpId={v.evpId} vettingId={v.vettingId} categories={data.appealCategories} upstream={caps.kind} />
                        ) : null}
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {!canAct ? <div className="mt-3"><ReadOnlyNote /></div> : null}
      </Section>

      {canAct && !sp ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Section id="order-vet" title="Order a vet" description={`Billable: ${feeText(fees.vetting, fees.billedBy)} per order, shown again before it is placed.`}>
            <OrderVettingForm brandId={brandId} providers={data.providers} classes={data.classes} fee={fees.vetting} billedBy={fees.billedBy} />
          </Section>
          <Section id="import-vet" title="Import an existing vet" description="A vet the brand already has from an approved provider; the registry confirms it with the provider.">
            {caps.has("brand.importVetting") ? <ImportVettingForm brandId={brandId} providers={data.providers} /> : <NotOffered caps={caps} capability="brand.importVetting" what="Vetting import" />}
          </Section>
        </div>
      ) : sp ? (
        <p className="text-sm text-muted-foreground">Sole proprietor brands are not externally vetted.</p>
      ) : null}

      <Section id="enhanced" title="Enhanced vetting reports" description="Detailed reports of ENHANCED vets, once scored.">
        {data.reports.length === 0 ? (
          <p className="text-sm text-muted-foreground">No enhanced report.</p>
        ) : (
          <ul className="space-y-2">
            {data.reports.map((r, i) => (
              <li key={String(r.vettingId ?? i)} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2 text-sm">
                <span>{String(r.evpId ?? "")} · score {String(r.vettingScore ?? "—")} · {formatDate(typeof r.reportDate === "string" ? r.reportDate : null)}</span>
                <DownloadReport report={r} name={`enhanced-vetting-${brandId}-${String(r.vettingId ?? i)}.json`} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      {caps.has("brand.appeals") ? <Section id="vet-appeals" title="Vetting appeals" description="Appeals of a vet's outcome, as the registry reports them.">
        {data.appeals.length === 0 ? (
          <p className="text-sm text-muted-foreground">No vetting appeal.</p>
        ) : (
          <ul className="space-y-2">
            {data.appeals.map((a) => (
              <li key={a.id} className="rounded-md border p-2 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <AppealStatusBadge status={a.appealStatus} />
                  <span>{a.evpId} · {a.categories.join(", ")}</span>
                  <span className="text-muted-foreground">{formatDateTime(a.appealedAt)}</span>
                </div>
                {(a.data as { explanation?: string }).explanation ? <p className="mt-1 text-muted-foreground">{(a.data as { explanation?: string }).explanation}</p> : null}
                {appealOutcome(a.data) ? <p className="mt-1">Outcome: {appealOutcome(a.data)}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section> : null}
    </div>
  );
}
