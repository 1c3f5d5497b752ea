import type { Metadata } from "next";
import { ExportButton, FilterBar, hrefFor, TablePager, type RawSearchParams } from "@/components/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { connectivityPartners, listIncoming, PAGE_SIZE } from "@/lib/migrations/queries";
import { parseIncoming, parsePage } from "@/lib/migrations/search-params";
import { SyncButton } from "@/components/registry/sync-button";
import { IncomingTable } from "./_components/incoming-table";
import { providerGate } from "@/components/providers/provider-gate";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { listPartnerImports } from "@/lib/partner-imports/commands";
import { capabilitiesFor } from "@/lib/registry/client";
import { RefreshStatusButton, VonageImportForm } from "./_components/vonage-import";

export const metadata: Metadata = { title: "Partner campaigns" };

export default async function PartnerCampaignsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  if ((await capabilitiesFor(db(), ctx.org.id)).has("partner.import")) return <VonageImports orgId={ctx.org.id} canAct={can(ctx.role, "registry.act")} />;
  const gate = await providerGate(ctx.org.id, "migration.cnp", "Partner campaigns", "Partner campaigns");
  if (gate) return gate;
  const sp = await searchParams;
  const filter = parseIncoming(sp);
  const page = parsePage(sp);
  const canAct = can(ctx.role, "registry.act");
  const [{ rows, total }, partners] = await Promise.all([listIncoming(db(), ctx.org.id, filter, page), canAct ? connectivityPartners(db(), ctx.org.id) : Promise.resolve([])]);
  const active = Object.values(filter).some(Boolean);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Partner campaigns"
        description="Campaigns other CSPs and CNPs shared with you, newest first: plain shares, and migration shares (a partner moving a campaign to you). Accept one by sharing it on to your upstream CNP or electing a DCA, or decline it with the registry's rejection category."
        actions={canAct ? <SyncButton /> : null}
      />
      <FilterBar
        action="/partner-campaigns"
        label="Filter partner campaigns"
        clearHref="/partner-campaigns"
        active={active}
        fields={[
          { kind: "search", name: "q", label: "Search", value: filter.q, placeholder: "Campaign or brand id", className: "w-52" },
          { kind: "search", name: "downstreamCnpId", label: "Shared by", value: filter.downstreamCnpId, placeholder: "CNP or CSP id", className: "w-36" },
          { kind: "search", name: "usecase", label: "Use case", value: filter.usecase, placeholder: "e.g. MARKETING", className: "w-40" },
          { kind: "select", name: "sharingStatus", label: "Sharing status", value: filter.sharingStatus, allLabel: "Any", options: ["PENDING", "ACCEPTED", "DECLINED"].map((s) => ({ value: s, label: s === "PENDING" ? "PENDING (waiting for you)" : s })), className: "w-52" },
          { kind: "select", name: "migrationShare", label: "Kind", value: filter.migrationShare, allLabel: "Any", options: [{ value: "yes", label: "Migration shares" }, { value: "no", label: "Plain shares" }], className: "w-44" },
        ]}
      />
      <div className="flex justify-end">
        <ExportButton report="partner-campaigns" params={{ q: filter.q, downstreamCnpId: filter.downstreamCnpId, sharingStatus: filter.sharingStatus }} />
      </div>
      <IncomingTable
        rows={rows}
        total={total}
        filter={filter}
        canAct={canAct}
        partners={partners.map((p) => ({ id: p.id, label: `${p.displayName} (${p.id}${p.isDca ? ", DCA" : ""})`, isDca: p.isDca, cnpMigrationSupported: p.cnpMigrationSupported }))}
      />
      <TablePager page={page} total={total} pageSize={PAGE_SIZE} hrefForPage={(p) => hrefFor("/partner-campaigns", { ...filter, page: p }, { page: 1 })} noun={["partner campaign", "partner campaigns"]} label="Partner campaign pages" />
    </div>
  );
}

const SHARING_TONE = { ACCEPTED: "success", DECLINED: "danger" } as const;

/** On Vonage: import a partner's TCR campaign, and the imports made from this portal with Vonage's sharing status. */
async function VonageImports({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const rows = await listPartnerImports(db(), orgId);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Partner campaigns"
        description="Campaigns another CSP registered directly on TCR and shared with Vonage, imported into your Vonage account by their TCR campaign id. Vonage then reports the sharing status: PENDING, ACCEPTED or DECLINED."
        actions={<RefreshStatusButton />}
      />
      {canAct ? <VonageImportForm /> : null}
      <h2 className="text-lg font-semibold">Imported from this portal</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No partner campaign imported yet.</p>
      ) : (
        <Table label="Imported partner campaigns">
          <TableHeader>
            <TableRow>
              <TableHead>TCR campaign</TableHead>
              <TableHead>Vonage campaign</TableHead>
              <TableHead>Brand</TableHead>
              <TableHead>Label</TableHead>
              <TableHead>Sharing status</TableHead>
              <TableHead>Imported</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.tcrCampaignId}>
                <TableCell className="font-mono text-xs">{r.tcrCampaignId}{r.cnpMigration ? <Badge tone="info" className="ml-2">CNP migration</Badge> : null}</TableCell>
                <TableCell className="font-mono text-xs">{r.campaignId ?? "—"}</TableCell>
                <TableCell className="font-mono text-xs">{r.brandId ?? "—"}</TableCell>
                <TableCell>{r.label ?? "—"}</TableCell>
                <TableCell>
                  <Badge tone={SHARING_TONE[r.sharingStatus as keyof typeof SHARING_TONE] ?? "neutral"} className="font-mono">{r.sharingStatus ?? "unknown"}</Badge>
                  {r.liveError ? <Alert tone="warning" className="mt-1"><AlertDescription>Last known status; Vonage could not be asked: {r.liveError}</AlertDescription></Alert> : null}
                </TableCell>
                <TableCell>{formatDateTime(r.importedAt)}{r.by ? ` · ${r.by}` : ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
