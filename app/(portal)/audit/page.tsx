import type { Metadata } from "next";
import Link from "next/link";
import { ExportButton } from "@/components/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { auditFilterSchema, listAudit } from "@/lib/audit-log/queries";
import { currentContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

const TONE = { SUCCESS: "success", FAILURE: "danger", DENIED: "warning" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const { rows, total, nextCursor, actions } = await listAudit(db(), ctx.org.id, filter);
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: filter.q, action: filter.action, outcome: filter.outcome, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/audit?${s}` : "/audit";
  };
  return (
    <div className="space-y-4">
      <PageHeader title="Audit log" description="Who did what in this organization, and how it ended. Newest first." />
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="grid gap-1 text-sm font-medium">
          Search
          <Input name="q" defaultValue={filter.q} placeholder="Email, target id or action" className="w-64" />
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Action
          <NativeSelect name="action" defaultValue={filter.action ?? ""} className="w-56">
            <option value="">All actions</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Outcome
          <NativeSelect name="outcome" defaultValue={filter.outcome ?? ""} className="w-40">
            <option value="">All outcomes</option>
            <option value="SUCCESS">Success</option>
            <option value="FAILURE">Failure</option>
            <option value="DENIED">Denied</option>
          </NativeSelect>
        </label>
        <Button type="submit" variant="secondary">Apply</Button>
        {filter.q || filter.action || filter.outcome ? <Button asChild variant="ghost"><Link href="/audit">Clear</Link></Button> : null}
        <ExportButton report="audit-log" params={{ q: filter.q, action: filter.action, outcome: filter.outcome }} className="ml-auto" />
      </form>
      <p className="text-sm text-muted-foreground" aria-live="polite">{total.toLocaleString("en-US")} entr{total === 1 ? "y" : "ies"}</p>
      {rows.length === 0 ? (
        <EmptyState title="No entries" description="Nothing matches these filters." />
      ) : (
        <Table label="Audit log entries">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>Action</TableHead>
              <TableHead>Target</TableHead>
              <TableHead>Outcome</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap">
                  <Link className="text-primary underline-offset-4 hover:underline" href={`/audit/${r.id}`}>{formatDateTime(r.createdAt)}</Link>
                </TableCell>
                <TableCell>{r.actorEmail ?? "system"}</TableCell>
                <TableCell className="font-mono text-xs">{r.action}</TableCell>
                <TableCell className="font-mono text-xs">{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : "—"}</TableCell>
                <TableCell><Badge tone={TONE[r.outcome]}>{r.outcome}</Badge></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="Audit log pages" className="flex gap-2">
        {filter.after ? <Button asChild variant="outline" size="sm"><Link href={qs({})}>Newest</Link></Button> : null}
        {nextCursor ? <Button asChild variant="outline" size="sm"><Link href={qs({ after: nextCursor })}>Older entries</Link></Button> : null}
      </nav>
    </div>
  );
}
