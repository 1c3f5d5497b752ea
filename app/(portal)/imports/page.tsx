import type { Metadata } from "next";
import { ShieldAlert } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { columnsFor, IMPORT_KINDS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports";
import { ImportWorkbench, type ColumnChoice } from "./_components/import-workbench";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  // The gate of the brand wizard: an import registers brands and campaigns, which is billable.
  if (!can(ctx.role, "registry.act")) {
    return (
      <EmptyState
        icon={<ShieldAlert aria-hidden="true" />}
        title="Your role cannot import brands or campaigns"
        description="Importing registers brands and campaigns, which is billable, so it needs the Operator role or above. Ask an admin of this organization if you need it."
      />
    );
  }
  const columns = Object.fromEntries(
    IMPORT_KINDS.map((k) => [k, columnsFor(k).map((c) => ({ field: c.field, label: c.label, required: c.required }))]),
  ) as Record<(typeof IMPORT_KINDS)[number], ColumnChoice[]>;
  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Import"
        description="Check a spreadsheet of brands or campaigns before anything is registered: every row is validated with the rules of the brand wizard and the campaign builder, duplicates are found in the file and among your brands and campaigns, and the total cost is shown."
      />
      <ImportWorkbench columns={columns} maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} />
    </div>
  );
}
