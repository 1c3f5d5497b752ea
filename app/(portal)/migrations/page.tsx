import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listOutgoing, migrationTargets, PAGE_SIZE } from "@/lib/migrations/queries";
import { MIGRATION_STATE_FILTERS, outgoingFilterSchema } from "@/lib/migrations/schemas";
import { OutgoingTable } from "./_components/outgoing-table";

export const metadata: Metadata = { title: "Migrations" };

export default async function MigrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await currentContext();
  if (!ctx) redirect("/sign-in");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined);
  const parsed = outgoingFilterSchema.safeParse({ q: one("q"), brandId: one("brandId"), usecase: one("usecase"), upstreamCnpId: one("upstreamCnpId"), status: one("status"), migration: one("migration") });
  const filter = parsed.success ? parsed.data : {};
  const page = Math.max(1, Number(one("page")) || 1);
  const canAct = can(ctx.role, "registry.act");
  const [{ rows, total }, targets] = await Promise.all([listOutgoing(db(), ctx.org.id, filter, page), canAct ? migrationTargets(db(), ctx.org.id) : Promise.resolve([])]);
  const qs = (p: number) => {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    if (p > 1) q.set("page", String(p));
    return `/migrations${q.size ? `?${q}` : ""}`;
  };
  return (
    <div className="space-y-4">
      <PageHeader title="Migrations" description="Your campaigns, their chain to the carriers (you → upstream CNP or DCA) and CNP migration state. Select campaigns, or all that match the filter, to migrate them to another connectivity partner or cancel open migrations." />
      <form action="/migrations" className="flex flex-wrap items-end gap-3" aria-label="Filter campaigns">
        <label className="grid gap-1 text-sm">Search<input name="q" defaultValue={filter.q} className="h-9 rounded-md border px-2" placeholder="Campaign, brand or reference id" /></label>
        <label className="grid gap-1 text-sm">Brand ID<input name="brandId" defaultValue={filter.brandId} className="h-9 w-32 rounded-md border px-2" /></label>
        <label className="grid gap-1 text-sm">Use case<input name="usecase" defaultValue={filter.usecase} className="h-9 w-40 rounded-md border px-2" /></label>
        <label className="grid gap-1 text-sm">Upstream CNP<input name="upstreamCnpId" defaultValue={filter.upstreamCnpId} className="h-9 w-32 rounded-md border px-2" /></label>
        <label className="grid gap-1 text-sm">TCR status
          <select name="status" defaultValue={filter.status ?? ""} className="h-9 rounded-md border px-2"><option value="">Any</option><option>ACTIVE</option><option>EXPIRED</option></select>
        </label>
        <label className="grid gap-1 text-sm">Migration
          <select name="migration" defaultValue={filter.migration ?? ""} className="h-9 rounded-md border px-2">
            <option value="">Any</option>
            {MIGRATION_STATE_FILTERS.map((m) => <option key={m} value={m}>{m === "ACTIVE" ? "Open" : m === "NONE" ? "None" : m[0] + m.slice(1).toLowerCase()}</option>)}
          </select>
        </label>
        <Button type="submit" variant="outline">Apply filters</Button>
        <Link className="text-sm underline" href="/migrations">Clear</Link>
      </form>
      <OutgoingTable rows={rows} total={total} filter={filter} targets={targets.map((t) => ({ id: t.id, label: `${t.displayName} (${t.id}${t.isDca ? ", DCA" : ""})` }))} canAct={canAct} />
      <p className="text-sm text-muted-foreground">
        {total} campaigns. Page {page}.{" "}
        {page > 1 ? <Link className="underline" href={qs(page - 1)}>Previous page</Link> : null}{" "}
        {page * PAGE_SIZE < total ? <Link className="underline" href={qs(page + 1)}>Next page</Link> : null}
      </p>
    </div>
  );
}
