import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listAudit, auditFilterSchema } from "@/lib/audit-log/queries";
import { getConnectionView } from "@/lib/registry/connection";
import { formatDateTime } from "@/lib/format";
import { countMembers } from "@/lib/members/queries";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const ctx = await currentContext();
  if (!ctx) redirect("/sign-in");
  const [connection, memberCount, recent] = await Promise.all([
    getConnectionView(db(), ctx.org.id),
    countMembers(db(), ctx.org.id),
    listAudit(db(), ctx.org.id, auditFilterSchema.parse({})),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={ctx.org.name} description="Your organization at a glance." />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Registry connection</CardTitle>
            <CardDescription>Where this organization&apos;s brands and campaigns are registered.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-2 text-sm">
            {connection ? (
              <>
                <p className="break-all font-mono text-xs">{connection.baseUrl}</p>
                <p>
                  {connection.authMode === "BEARER" ? "Aggregator API key" : "Registry key and secret"} · key {connection.apiKeyHint}
                </p>
              </>
            ) : (
              <p>Not configured yet.</p>
            )}
            {can(ctx.role, "settings.read") ? (
              <Link className="font-medium text-primary underline-offset-4 hover:underline" href="/settings/registry">
                {connection ? "Registry settings" : "Connect to the registry"}
              </Link>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Team</CardTitle>
            <CardDescription>People who can sign in to this organization.</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            <p className="text-3xl font-semibold tabular-nums">{memberCount}</p>
            <p className="text-muted-foreground">member{memberCount === 1 ? "" : "s"}</p>
            {can(ctx.role, "members.read") ? (
              <Link className="font-medium text-primary underline-offset-4 hover:underline" href="/settings/members">
                Manage members
              </Link>
            ) : null}
          </CardContent>
        </Card>
        <Card className="md:col-span-2 xl:col-span-1">
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>The latest entries of the audit log.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="space-y-2 text-sm">
              {recent.rows.slice(0, 6).map((r) => (
                <li key={r.id} className="flex items-start justify-between gap-3">
                  <span>
                    <span className="font-medium">{r.action}</span>
                    <span className="block text-xs text-muted-foreground">{r.actorEmail ?? "system"} · {formatDateTime(r.createdAt)}</span>
                  </span>
                  <Badge tone={r.outcome === "SUCCESS" ? "success" : r.outcome === "DENIED" ? "warning" : "danger"}>{r.outcome}</Badge>
                </li>
              ))}
            </ul>
            <Link className="mt-3 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline" href="/audit">
              Full audit log
            </Link>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
