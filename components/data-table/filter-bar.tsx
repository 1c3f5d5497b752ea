import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils";
import { ExportButton } from "./export-button";

export type FilterOption = { value: string; label: string };

export type FilterField =
  | { kind: "search"; name: string; label: string; value?: string; placeholder?: string; className?: string }
  | { kind: "select"; name: string; label: string; value?: string; options: FilterOption[]; allLabel: string; className?: string }
  | { kind: "checkbox"; name: string; label: string; checked?: boolean };

export interface FilterBarProps {
  /** The list's path; the form submits there as GET, so the filters land in the URL. */
  action: string;
  /** Accessible name of the form, e.g. "Filter brands". */
  label: string;
  fields: FilterField[];
  /** Params kept across a filter change (e.g. the sort); the page number is deliberately not kept. */
  keep?: Record<string, string | undefined>;
  /** Shown as a "Clear" link when any filter is set. */
  clearHref?: string;
  active?: boolean;
  className?: string;
  /**
   * Report id (lib/reports/registry.ts): adds a "Download CSV" link exporting the rows the list shows, built
   * from the fields' current values and `keep` (the filters applied, i.e. the URL, not unsaved edits).
   */
  exportReport?: string;
}

/** The URL state the bar was rendered with: the applied filters plus the kept params. */
export function filterBarState(fields: FilterField[], keep: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const state: Record<string, string | undefined> = { ...keep };
  for (const f of fields) state[f.name] = f.kind === "checkbox" ? (f.checked ? "1" : undefined) : f.value;
  return state;
}

/** Text search and select filters submitted as a plain GET form: works without client JavaScript. */
export function FilterBar({ action, label, fields, keep = {}, clearHref, active, className, exportReport }: FilterBarProps) {
  return (
    <form method="get" action={action} aria-label={label} className={cn("flex flex-wrap items-end gap-3", className)}>
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {fields.map((f) => {
        if (f.kind === "search") {
          return (
            <label key={f.name} className="grid gap-1 text-sm font-medium">
              {f.label}
              <Input type="search" name={f.name} defaultValue={f.value ?? ""} placeholder={f.placeholder} className={cn("w-64", f.className)} />
            </label>
          );
        }
        if (f.kind === "select") {
          return (
            <label key={f.name} className="grid gap-1 text-sm font-medium">
              {f.label}
              <NativeSelect name={f.name} defaultValue={f.value ?? ""} className={cn("w-48", f.className)}>
                <option value="">{f.allLabel}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </NativeSelect>
            </label>
          );
        }
        return (
          <label key={f.name} className="flex h-9 items-center gap-2 text-sm font-medium">
            <input type="checkbox" name={f.name} value="1" defaultChecked={f.checked} className="size-4 accent-primary" />
            {f.label}
          </label>
        );
      })}
      <Button type="submit" variant="secondary">Apply</Button>
      {active && clearHref ? (
        <Button asChild variant="ghost">
          <Link href={clearHref}>Clear filters</Link>
        </Button>
      ) : null}
      {exportReport ? <ExportButton report={exportReport} params={filterBarState(fields, keep)} className="ml-auto" /> : null}
    </form>
  );
}
