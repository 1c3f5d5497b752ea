import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { listJobs } from "@/lib/migrations/queries";
import { describeBulkAction } from "@/lib/migrations/schemas";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { rows, total } = await listJobs(db(), ctx.org.id, page);
  return (
    <div className="space-y-4">
      <PageHeader title="Jobs" description={`Bulk operations on campaigns (${total} in all), newest first. Each runs at the registry's write rate; partial success is normal.`} />
      {rows.length === 0 ? (
        <p className="text-muted-foreground">No bulk operations yet. Start one from Migrations or Partner campaigns.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Started</TableHead><TableHead>Action</TableHead><TableHead>Status</TableHead>
              <TableHead className="text-right">Campaigns</TableHead><TableHead className="text-right">Succeeded</TableHead>
              <TableHead className="text-right">Skipped</TableHead><TableHead className="text-right">Failed</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((j) => (
              <TableRow key={j.id}>
                <TableCell><Link className="underline" href={`/jobs/${j.id}`}>{formatDate(j.createdAt)}</Link></TableCell>
                <TableCell>{describeBulkAction(j.kind, j.params)}</TableCell>
                <TableCell><Badge tone={j.status === "COMPLETED" && j.failed === 0 ? "success" : j.failed > 0 ? "warning" : "neutral"}>{j.status}</Badge></TableCell>
                <TableCell className="text-right">{j.total}</TableCell>
                <TableCell className="text-right">{j.succeeded}</TableCell>
                <TableCell className="text-right">{j.skipped}</TableCell>
                <TableCell className="text-right">{j.failed}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
