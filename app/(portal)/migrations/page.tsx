import type { Metadata } from "next";
import { ExportButton, FilterBar, hrefFor, TablePager, type RawSearchParams } from "@/components/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { cnpSettings, connectivityPartners, listOutgoing, PAGE_SIZE } from "@/lib/migrations/queries";
import { CARRIER_STATUS_FILTERS, MIGRATION_STATE_FILTERS } from "@/lib/migrations/schemas";
import { parseOutgoing, parsePage } from "@/lib/migrations/search-params";
import { CnpSettingsCard } from "./_components/cnp-settings-card";
import { OutgoingTable } from "./_components/outgoing-table";
import { SyncButton } from "@/components/registry/sync-button";
import { providerGate } from "@/components/providers/provider-gate";

export const metadata: Metadata = { title: "Migrations" };

const MIGRATION_LABELS: Record<(typeof MIGRATION_STATE_FILTERS)[number], string> = { NONE: "No migration", ACTIVE: "Open", COMPLETE: "Complete", CANCELED: "Canceled" };
/** The registry's raw migration status for the migrations report (it filters by exact status). */

export default async function MigrationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const gate = await providerGate(ctx.org.id, "migration.cnp", "Migrations", "CNP migrations");
  if (gate) return gate;
  const sp = await searchParams;
  const filter = parseOutgoing(sp);
  const page = parsePage(sp);
  const canAct = can(ctx.role, "registry.act");
  const [{ rows, total }, partners, settings] = await Promise.all([listOutgoing(db(), ctx.org.id, filter, page), connectivityPartners(db(), ctx.org.id), cnpSettings(db(), ctx.org.id)]);
  const label = (p: (typeof partners)[number]) => `${p.displayName} (${p.id}${p.isDca ? ", DCA" : ""})`;
  const active = Object.values(filter).some(Boolean);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Migrations"
        description="Your campaigns, their chain to the carriers (you → the upstream CNP or DCA; the registry shows only the adjacent hop) and their CNP migration state. Select campaigns, or all that match the filter, to migrate them to another connectivity partner or cancel open migrations."
        actions={canAct ? <SyncButton /> : null}
      />
      <CnpSettingsCard settings={settings} canEdit={can(ctx.role, "settings.manage")} />
      <FilterBar
        action="/migrations"
        label="Filter campaigns"
        clearHref="/migrations"
        active={active}
        fields={[
          { kind: "search", name: "q", label: "Search", value: filter.q, placeholder: "Campaign, brand or reference id", className: "w-56" },
          { kind: "search", name: "brandId", label: "Brand ID", value: filter.brandId, className: "w-32" },
          { kind: "search", name: "usecase", label: "Use case", value: filter.usecase, placeholder: "e.g. MARKETING", className: "w-40" },
          { kind: "select", name: "upstreamCnpId", label: "Upstream CNP", value: filter.upstreamCnpId, allLabel: "Any", options: partners.map((p) => ({ value: p.id, label: label(p) })), className: "w-56" },
          { kind: "select", name: "dca", label: "Accepted by DCA", value: filter.dca, allLabel: "Any", options: partners.filter((p) => p.isDca).map((p) => ({ value: p.id, label: label(p) })), className: "w-56" },
          { kind: "select", name: "status", label: "TCR status", value: filter.status, allLabel: "Any", options: [{ value: "ACTIVE", label: "ACTIVE" }, { value: "EXPIRED", label: "EXPIRED" }], className: "w-32" },
          { kind: "select", name: "carrier", label: "A carrier's status", value: filter.carrier, allLabel: "Any", options: CARRIER_STATUS_FILTERS.map((s) => ({ value: s, label: s })), className: "w-40" },
          { kind: "select", name: "migration", label: "Migration", value: filter.migration, allLabel: "Any", options: MIGRATION_STATE_FILTERS.map((m) => ({ value: m, label: MIGRATION_LABELS[m] })), className: "w-36" },
          { kind: "select", name: "eligibility", label: "Can migrate", value: filter.eligibility, allLabel: "Any", options: [{ value: "eligible", label: "Eligible (campaign rules)" }, { value: "ineligible", label: "Not eligible" }], className: "w-52" },
        ]}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">“Can migrate” checks the campaign&apos;s own rules (ACTIVE, accepted by a DCA, not suspended, no open migration); the dry run adds the target&apos;s and the account&apos;s.</p>
        <ExportButton report="outgoing-campaigns" params={filter} />
      </div>
      <OutgoingTable rows={rows} total={total} filter={filter} targets={partners.filter((p) => p.cnpMigrationSupported).map((t) => ({ id: t.id, label: label(t) }))} canAct={canAct} />
      <TablePager page={page} total={total} pageSize={PAGE_SIZE} hrefForPage={(p) => hrefFor("/migrations", { ...filter, page: p }, { page: 1 })} noun={["campaign", "campaigns"]} label="Campaign pages" />
    </div>
  );
}
