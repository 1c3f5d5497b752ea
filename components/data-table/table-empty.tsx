import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export interface TableEmptyProps {
  /** True when filters are set: the message then says nothing matched, and offers to clear them. */
  filtered: boolean;
  clearHref: string;
  /** For the unfiltered, truly empty list, e.g. "No brands yet". */
  emptyTitle: string;
  emptyDescription?: React.ReactNode;
  /** e.g. a "Register a brand" button for the unfiltered empty list. */
  emptyAction?: React.ReactNode;
}

/** The two empty states of a filtered list: nothing at all yet, or nothing matching the filters. */
export function TableEmpty({ filtered, clearHref, emptyTitle, emptyDescription, emptyAction }: TableEmptyProps) {
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchX />}
        title="Nothing matches these filters"
        description="Try a shorter search or fewer filters."
        action={<Button asChild variant="outline"><Link href={clearHref}>Clear filters</Link></Button>}
      />
    );
  }
  return <EmptyState title={emptyTitle} description={emptyDescription} action={emptyAction} />;
}
