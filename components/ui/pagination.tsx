import * as React from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";

import { cn } from "@/lib/utils";
import { buttonVariants } from "@/components/ui/button";

export interface PaginationProps {
  /** Current page, 1-based. */
  page: number;
  /** Total pages when known. Leave it out for keyset lists and pass hasNextPage instead. */
  pageCount?: number;
  /** Overrides the "is there a next page" guess from pageCount (keyset pagination). */
  hasNextPage?: boolean;
  /** Builds the link for a page, e.g. from the list's URL-state serializer; state stays in the URL. */
  hrefForPage: (page: number) => string;
  /** Shown at the start of the bar, e.g. "1,204 campaigns". */
  summary?: React.ReactNode;
  /** Accessible name of the navigation landmark; make it unique when a page has two lists. */
  label?: string;
  className?: string;
}

const stepStyles = cn(buttonVariants({ variant: "outline", size: "sm" }), "gap-1");
// Disabled steps keep full-contrast muted text instead of fading, so they still pass AA.
const disabledStepStyles = cn(
  stepStyles,
  "pointer-events-none cursor-not-allowed border-border bg-muted text-muted-foreground shadow-none aria-disabled:opacity-100",
);

/** Previous / next links plus "Page x of y". Renders links, so it works without client JavaScript. */
function Pagination({
  page,
  pageCount,
  hasNextPage,
  hrefForPage,
  summary,
  label = "Pagination",
  className,
}: PaginationProps) {
  const current = Math.max(1, Math.floor(page));
  const total = pageCount === undefined ? undefined : Math.max(1, Math.floor(pageCount));
  const hasPrevious = current > 1;
  const hasNext = hasNextPage ?? (total !== undefined && current < total);
  // Past the last page (a stale URL) "previous" goes back to the last real page.
  const previousPage = total !== undefined ? Math.min(current - 1, total) : current - 1;

  const previousContent = (
    <>
      <ChevronLeft aria-hidden="true" />
      <span>Previous</span>
    </>
  );
  const nextContent = (
    <>
      <span>Next</span>
      <ChevronRight aria-hidden="true" />
    </>
  );

  return (
    <nav
      aria-label={label}
      data-slot="pagination"
      className={cn("flex flex-wrap items-center justify-between gap-3", className)}
    >
      <div className="text-sm text-muted-foreground">{summary}</div>
      <div className="flex items-center gap-2">
        {hasPrevious ? (
          <Link href={hrefForPage(previousPage)} rel="prev" aria-label="Previous page" className={stepStyles}>
            {previousContent}
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledStepStyles}>
            {previousContent}
          </span>
        )}
        <p className="px-1 text-sm whitespace-nowrap text-foreground" data-slot="pagination-status">
          Page {current}
          {total !== undefined ? ` of ${total}` : null}
        </p>
        {hasNext ? (
          <Link href={hrefForPage(current + 1)} rel="next" aria-label="Next page" className={stepStyles}>
            {nextContent}
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledStepStyles}>
            {nextContent}
          </span>
        )}
      </div>
    </nav>
  );
}

export { Pagination };
