import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { REPORTS } from "@/lib/reports/registry";

export const metadata: Metadata = { title: "Reports" };

const LIST_NAMES: Record<string, string> = { "/brands": "Brands list", "/campaigns": "Campaigns list", "/audit": "Audit log" };

export default async function ReportsPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Reports"
        description="Download any of these as a CSV file with every matching row: no row cap, and the download starts at once. To export a filtered view, use Download CSV above the list itself."
      />
      <ul className="grid gap-4 lg:grid-cols-2" aria-label="Reports">
        {REPORTS.map((r) => {
          const allowed = can(ctx.role, r.permission);
          const titleId = `report-${r.id}`;
          return (
            <li key={r.id}>
              <Card className="h-full">
                <CardHeader>
                  <CardTitle asChild>
                    <h2 id={titleId} className="text-base">{r.title}</h2>
                  </CardTitle>
                  <CardDescription>{r.description}</CardDescription>
                </CardHeader>
                <CardContent className="space-y-3 text-sm">
                  <details className="group rounded-md border px-3 py-2">
                    <summary className="cursor-pointer font-medium">
                      {r.columns.length} columns
                      <span className="sr-only"> of the {r.title} report</span>
                    </summary>
                    <dl className="mt-2 grid gap-x-4 gap-y-1.5 sm:grid-cols-[minmax(9rem,auto)_1fr]">
                      {r.columns.map((c) => (
                        <div key={c.header} className="contents">
                          <dt className="font-medium">{c.header}</dt>
                          <dd className="text-muted-foreground">
                            <WithCode text={c.description} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                  <details className="rounded-md border px-3 py-2">
                    <summary className="cursor-pointer font-medium">
                      Filters<span className="sr-only"> of the {r.title} report</span>
                    </summary>
                    <ul className="mt-2 space-y-1">
                      {r.filters.map((f) => (
                        <li key={f.name}>
                          <code className="font-mono text-xs">{f.name}</code>: <span className="text-muted-foreground">{f.description}</span>
                        </li>
                      ))}
                    </ul>
                    {r.tablePath ? (
                      <p className="mt-2">
                        The{" "}
                        <Link href={r.tablePath} className="font-medium text-primary underline-offset-4 hover:underline">
                          {LIST_NAMES[r.tablePath] ?? r.tablePath}
                        </Link>{" "}
                        sets these for you: filter it, then use its Download CSV button.
                      </p>
                    ) : null}
                  </details>
                </CardContent>
                <CardFooter className="mt-auto">
                  {allowed ? (
                    <form method="get" action={`/api/exports/${r.id}`} aria-label={`Download the ${r.title} report`} className="flex flex-wrap items-center gap-x-4 gap-y-2">
                      <Button type="submit" variant="outline">
                        <Download aria-hidden="true" />
                        Download CSV
                      </Button>
                      <label className="flex items-center gap-2 text-sm">
                        <input type="checkbox" name="bom" value="1" className="size-4 accent-primary" />
                        For Excel (UTF-8 with byte order mark)
                      </label>
                    </form>
                  ) : (
                    <p className="text-sm text-muted-foreground">Your role cannot download this report.</p>
                  )}
                </CardFooter>
              </Card>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-muted-foreground">
        Files are named after the report and the day, e.g. campaigndesk-brands-2026-11-23.csv. Cells that a spreadsheet would run as a
        formula (starting with =, +, -, @, tab or carriage return) begin with an apostrophe; plain numbers such as +12025550123 are kept as they are.
      </p>
    </div>
  );
}

/** Text with `registry field names` in backticks, as docs/reports.md writes them, shown as code. */
function WithCode({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 ? <code key={i} className="font-mono text-xs text-foreground">{part}</code> : part));
}
