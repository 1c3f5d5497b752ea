import Link from "next/link";
import { cn } from "@/lib/utils";

export const BRAND_TABS = [
  { id: "overview", label: "Overview" },
  { id: "vetting", label: "Vetting" },
  { id: "appeals", label: "Appeals" },
  { id: "assets", label: "Assets" },
  { id: "activity", label: "Activity" },
] as const;
export type BrandTab = (typeof BRAND_TABS)[number]["id"];

export function parseTab(v: unknown): BrandTab {
  return BRAND_TABS.find((t) => t.id === v)?.id ?? "overview";
}

/**
 * Tabs are links (?tab=…): each loads only what it shows, and a tab can be shared or reloaded. `hidden` are tabs the
 * organization's upstream has nothing for (appeals and assets on Telnyx).
 */
export function BrandTabs({ brandId, current, hidden = [] }: { brandId: string; current: BrandTab; hidden?: BrandTab[] }) {
  return (
    <nav aria-label="Brand sections" className="border-b">
      <ul className="-mb-px flex flex-wrap gap-1">
        {BRAND_TABS.filter((t) => !hidden.includes(t.id)).map((t) => (
          <li key={t.id}>
            <Link
              href={t.id === "overview" ? `/brands/${encodeURIComponent(brandId)}` : `/brands/${encodeURIComponent(brandId)}?tab=${t.id}`}
              aria-current={t.id === current ? "page" : undefined}
              scroll={false}
              className={cn(
                "inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium transition-colors",
                t.id === current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
