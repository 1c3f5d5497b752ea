import type { Metadata } from "next";
import { FilterBar, TableEmpty, TablePager, type RawSearchParams } from "@/components/data-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { searchResellers } from "@/lib/resellers/queries";
import { parseResellerFilters, RESELLERS_PATH, resellersHref } from "@/lib/resellers/search-params";
import { Forbidden } from "../../_components/forbidden";
import { DeleteResellerDialog, ResellerFormDialog } from "./_components/reseller-dialogs";
import { providerGate } from "@/components/providers/provider-gate";
import { Badge } from "@/components/ui/badge";
import { capabilitiesFor } from "@/lib/registry/client";
import { listVonageResellers } from "@/lib/resellers/vonage";
import { VonageResellerDialog } from "./_components/vonage-resellers";

export const metadata: Metadata = { title: "Resellers" };

export default async function ResellersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const gate = await providerGate(ctx.org.id, "resellers", "Resellers", "Resellers", false);
  if (gate) return gate;
  if (!can(ctx.role, "settings.read")) return <Forbidden what="Reseller settings" />;
  const canManage = can(ctx.role, "settings.manage");
  if ((await capabilitiesFor(db(), ctx.org.id)).kind === "VONAGE") return <VonageResellers orgId={ctx.org.id} canManage={canManage} />;
  const f = parseResellerFilters(await searchParams);
  const result = await searchResellers(db(), ctx.org.id, f);
  return (
    <section aria-labelledby="resellers-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="resellers-heading" className="text-lg font-semibold">Resellers</h2>
          <p className="max-w-3xl text-sm text-muted-foreground">
            Businesses, typically other messaging platforms, that sit between your brands and you. A campaign names one of them or
            R000000 (no reseller) when it is registered, and that choice is close to final: a reseller can later only be removed from the
            campaign, and &ldquo;no reseller&rdquo; can never change. The registry keeps this list; it is read live.
          </p>
        </div>
        {canManage ? <ResellerFormDialog /> : null}
      </div>
      <FilterBar
        action={RESELLERS_PATH}
        label="Search resellers"
        active={Boolean(f.q)}
        clearHref={RESELLERS_PATH}
        fields={[{ kind: "search", name: "q", label: "Company name", value: f.q, placeholder: "Part of the name" }]}
      />
      {!result.ok ? (
        <Alert tone="warning">
          <AlertTitle>The registry&apos;s resellers could not be read</AlertTitle>
          <AlertDescription>{result.error}</AlertDescription>
        </Alert>
      ) : result.rows.length === 0 ? (
        <TableEmpty
          filtered={Boolean(f.q) || f.page > 1}
          clearHref={RESELLERS_PATH}
          emptyTitle="No resellers yet"
          emptyDescription="Campaigns are registered with R000000 (no reseller) until you add one here."
        />
      ) : (
        <>
          <Table label="Resellers">
            <TableHeader>
              <TableRow>
                <TableHead>Company name</TableHead>
                <TableHead>Reseller id</TableHead>
                <TableHead>Phone</TableHead>
                <TableHead>Email</TableHead>
                <TableHead className="text-right">Campaigns</TableHead>
                {canManage ? <TableHead><span className="sr-only">Actions</span></TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.resellerId}>
                  <TableCell className="font-medium">{r.companyName ?? "—"}</TableCell>
                  <TableCell className="font-mono text-xs">{r.resellerId}</TableCell>
                  <TableCell className="font-mono text-xs">{r.phone ?? "—"}</TableCell>
                  <TableCell>{r.email ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.campaigns}</TableCell>
                  {canManage ? (
                    <TableCell className="whitespace-nowrap text-right">
                      <ResellerFormDialog reseller={r} />
                      <DeleteResellerDialog reseller={r} campaigns={r.campaigns} />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="text-xs text-muted-foreground">Campaigns: how many of this organization&apos;s campaigns, as last mirrored, name the reseller.</p>
          <TablePager page={f.page} total={result.total} pageSize={result.pageSize} hrefForPage={(page) => resellersHref(f, { page })} noun={["reseller", "resellers"]} label="Reseller pages" />
        </>
      )}
    </section>
  );
}

const REVIEW_TONE = { APPROVED: "success", REJECTED: "danger" } as const;

/** On Vonage: the account's resellers with Vonage's review; no edit or delete (Vonage has neither). */
async function VonageResellers({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const result = await listVonageResellers(db(), orgId);
  return (
    <section aria-labelledby="resellers-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="resellers-heading" className="text-lg font-semibold">Resellers</h2>
          <p className="max-w-3xl text-sm text-muted-foreground">
            Businesses between your brands and you, registered with Vonage, which reviews each one. An approved reseller gets a registry
            reseller id that campaigns can name; campaigns without one get Vonage&apos;s default R000000 (no reseller). Vonage offers no
            edit or delete of a reseller.
          </p>
        </div>
        {canManage ? <VonageResellerDialog /> : null}
      </div>
      {!result.ok ? (
        <Alert tone="warning">
          <AlertTitle>Vonage&apos;s resellers could not be read</AlertTitle>
          <AlertDescription>{result.error}</AlertDescription>
        </Alert>
      ) : result.rows.length === 0 ? (
        <TableEmpty filtered={false} clearHref={RESELLERS_PATH} emptyTitle="No resellers yet" emptyDescription="Campaigns are registered with R000000 (no reseller) until Vonage approves one you register here." />
      ) : (
        <Table label="Resellers">
          <TableHeader>
            <TableRow>
              <TableHead>Company name</TableHead>
              <TableHead>Vonage review</TableHead>
              <TableHead>Registry reseller id</TableHead>
              <TableHead>Phone</TableHead>
              <TableHead>Email</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="font-medium">{r.companyName ?? "—"}</TableCell>
                <TableCell>
                  <Badge tone={REVIEW_TONE[r.status as keyof typeof REVIEW_TONE] ?? "neutral"} className="font-mono">{r.status ?? "unknown"}</Badge>
                  {r.rejectionReason ? <p className="mt-1 text-xs text-muted-foreground">{r.rejectionReason}</p> : null}
                </TableCell>
                <TableCell className="font-mono text-xs">{r.tcrResellerId ?? "—"}</TableCell>
                <TableCell className="font-mono text-xs">{r.phone ?? "—"}</TableCell>
                <TableCell>{r.email ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
