import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { getAuditEntry } from "@/lib/audit-log/queries";
import { currentContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit entry" };

export default async function AuditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const { id } = await params;
  const row = await getAuditEntry(db(), ctx.org.id, id);
  if (!row) notFound();
  const fields: [string, React.ReactNode][] = [
    ["When", formatDateTime(row.createdAt)],
    ["Who", row.actorEmail ?? "system"],
    ["Action", <span key="a" className="font-mono">{row.action}</span>],
    ["Target", row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : "—"],
    ["Outcome", <Badge key="o" tone={row.outcome === "SUCCESS" ? "success" : row.outcome === "DENIED" ? "warning" : "danger"}>{row.outcome}</Badge>],
  ];
  return (
    <div className="space-y-4">
      <PageHeader title="Audit entry" breadcrumb={<Link className="text-sm text-primary hover:underline" href="/audit">← Audit log</Link>} />
      <Card>
        <CardContent className="pt-6">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            {fields.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {row.detail ? (
            <pre className="mt-4 overflow-x-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(row.detail, null, 2)}</pre>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
