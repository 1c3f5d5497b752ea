import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { TableHead } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import type { SortDir } from "./url-state";

export interface SortHeaderProps {
  children: React.ReactNode;
  /** Whether the list is currently sorted by this column, and how. */
  active: boolean;
  dir: SortDir;
  /** The URL that sorts by this column (built with nextSort + hrefFor). */
  href: string;
  className?: string;
}

/** A column header that sorts by following a link: the sort lives in the URL, no client state. */
export function SortHeader({ children, active, dir, href, className }: SortHeaderProps) {
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={className}>
      <Link
        href={href}
        className={cn(
          "-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          active && "text-foreground",
        )}
      >
        {children}
        <Icon aria-hidden="true" className="size-3.5" />
        {/* aria-sort says the current state; this says what activating the link will do. */}
        <span className="sr-only">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}; activate to reverse` : ", activate to sort"}</span>
      </Link>
    </TableHead>
  );
}
